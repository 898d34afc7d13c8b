// The flow's tunable parameters: one timer per interactive state, the PIN-try limit, and how much
// longer timers run in a speech (audio) session. Loaded from the kiosk's config file.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

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
        {StateId::WithdrawalAmount, 30s}, {StateId::ReturningCard, 30s}, {StateId::Dispensing, 60s},
        {StateId::TakeCash, 30s},      {StateId::AnotherTransaction, 20s},
    };
    int max_pin_tries = 3;
    // Card returned (and taken) before the notes are presented: the customer cannot leave the
    // card behind. With this order "another transaction?" is not offered (the card is out).
    bool card_before_cash = true;
    // Fast-cash buttons, in minor units of `currency`; the runtime offers only those the
    // cassettes can pay (drivers/cash/note_mixer.hpp).
    std::vector<std::int64_t> fast_cash_minor{10000, 20000, 50000, 100000, 200000};
    std::string currency = "CNY";
    int currency_exponent = 2;
};

}  // namespace kiosk::flow
