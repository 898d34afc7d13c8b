#include "kiosk/app/stop_signals.hpp"

#include <csignal>

namespace kiosk {

namespace {

volatile std::sig_atomic_t stop_requested = 0;
struct sigaction previous_term {};
struct sigaction previous_int {};

void on_stop_signal(int /*signal*/) {
    stop_requested = 1;
}

}  // namespace

StopSignals::StopSignals() {
    stop_requested = 0;
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a sleeping loop wakes at once
    sigaction(SIGTERM, &action, &previous_term);
    sigaction(SIGINT, &action, &previous_int);
}

StopSignals::~StopSignals() {
    sigaction(SIGTERM, &previous_term, nullptr);
    sigaction(SIGINT, &previous_int, nullptr);
}

bool StopSignals::requested() const {
    return stop_requested != 0;
}

}  // namespace kiosk
