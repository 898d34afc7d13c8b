// The kiosk's loop, for a test: a thread that pumps a ControlService until destroyed, as
// kiosk --sim does once per runtime tick.
#pragma once

#include <atomic>
#include <thread>

#include "sim/control/control_service.hpp"

namespace kiosk::sim::test {

class PumpingLoop {
public:
    explicit PumpingLoop(ControlService& service)
        : thread_([this, &service] {
              while (!stop_) {
                  service.pump();
                  std::this_thread::yield();
              }
          }) {}
    ~PumpingLoop() {
        stop_ = true;
        thread_.join();
    }
    PumpingLoop(const PumpingLoop&) = delete;
    PumpingLoop& operator=(const PumpingLoop&) = delete;

private:
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace kiosk::sim::test
