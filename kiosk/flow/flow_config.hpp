// The flow's tunable parameters: one timer per interactive state, the PIN-try limit, and how much
// longer timers run in a speech (audio) session. Loaded from the kiosk's config file.
#pragma once

#include <chrono>
#include <map>

#include "common/clock.hpp"
#include "kiosk/flow/flow_types.hpp"

namespace kiosk::flow {

using namespace std::chrono_literals;

struct FlowConfig {
    // How long each state waits before its Timeout event. A state absent here has no timer.
    // Defaults follow common ATM practice; MoreTime gives at least the 20 s WCAG 2.2.1 asks for.
    std::map<StateId, Millis> state_timeouts{
        {StateId::ReadingCard, 15s},   {StateId::PinEntry, 30s},    {StateId::MainMenu, 30s},
        {StateId::Authorizing, 45s},   {StateId::ShowBalance, 30s}, {StateId::ReceiptChoice, 20s},
        {StateId::Printing, 30s},      {StateId::MoreTime, 20s},    {StateId::Closing, 30s},
        {StateId::ThankYou, 4s},       {StateId::CardRetained, 10s},
    };
    int max_pin_tries = 3;
};

}  // namespace kiosk::flow
