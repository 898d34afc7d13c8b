// The flow's tunable parameters: one timer per interactive state, the PIN-try limit, and how much
// longer timers run in a speech (audio) session. Loaded from the kiosk's config file.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/money.hpp"
#include "kiosk/flow/flow_types.hpp"

namespace kiosk::flow {

using namespace std::chrono_literals;

struct FlowConfig {
    // How long each state waits before its Timeout event. A state absent here has no timer.
    // Defaults follow common ATM practice; MoreTime gives at least the 20 s WCAG 2.2.1 asks for.
    std::map<StateId, Millis> state_timeouts{
        {StateId::ReadingCard, 15s},       {StateId::SessionOptions, 30s},   {StateId::PinEntry, 30s},
        {StateId::MainMenu, 30s},          {StateId::Authorizing, 45s},      {StateId::ShowBalance, 30s},
        {StateId::ShowStatement, 60s},     {StateId::WithdrawalAmount, 30s}, {StateId::EnterAmount, 30s},
        {StateId::ChooseFromAccount, 30s}, {StateId::ChooseToAccount, 30s},  {StateId::EnterNewPin, 30s},
        {StateId::ConfirmNewPin, 30s},     {StateId::TransactionDone, 30s},  {StateId::CardlessCode, 60s},
        {StateId::CardlessPhone, 60s},     {StateId::ReturningCard, 30s},    {StateId::Dispensing, 60s},
        {StateId::TakeCash, 30s},          {StateId::ReceiptChoice, 20s},    {StateId::Printing, 30s},
        {StateId::ShowReceiptQr, 60s},     {StateId::AnotherTransaction, 20s}, {StateId::MoreTime, 20s},
        {StateId::Closing, 30s},           {StateId::ThankYou, 5s},          {StateId::CardRetained, 10s},
        {StateId::ComplaintOffer, 30s},    {StateId::ComplaintCategory, 60s}, {StateId::ComplaintConfirm, 60s},
        {StateId::ComplaintDone, 60s},
        {StateId::ServiceSignIn, 120s},    {StateId::ServiceEnterCount, 120s},
    };
    // In a speech session every customer-facing timer runs this much longer (percent): listening
    // to a screen takes longer than reading it. Machine timers (Authorizing, Dispensing, Printing,
    // ReadingCard) are not stretched.
    int speech_timeout_percent = 200;
    int max_pin_tries = 3;
    // Card returned (and taken) before the notes are presented: the customer cannot leave the
    // card behind. With this order "another transaction?" does not follow a withdrawal.
    bool card_before_cash = true;
    // "Another transaction?" after each transaction while the card is still in the reader.
    bool offer_another_transaction = true;
    // With the printer down, a receipt is offered as a QR code instead (ShowReceiptQr).
    bool e_receipts = true;
    // Fast-cash buttons, in minor units of `currency`; the runtime offers only those the
    // cassettes can pay (drivers/cash/note_mixer.hpp).
    std::vector<std::int64_t> fast_cash_minor{10000, 20000, 50000, 100000, 200000};
    std::string currency = "CNY";  // ISO 4217; its exponent comes from the table (common/currency.hpp)
    // Typed amounts (other amount, transfer): at most this many digits of whole units.
    int max_amount_digits = 6;
    // The whole survey's one timer (survey.time_limit_s, at most 10 s): it starts on the first
    // survey screen and runs on through the follow-ups. Not stretched in a speech session: the
    // survey promises to take no more than this, and it is never in the customer's way.
    Millis survey_time_limit{10'000};

    // Minor units per major unit of `currency`, from the ISO 4217 table. An unknown code is a
    // configuration error: std::invalid_argument naming it.
    [[nodiscard]] int currency_exponent() const { return require_currency(currency).exponent; }
    // `minor_units` of the flow's currency.
    [[nodiscard]] Money money(std::int64_t minor_units) const { return Money{minor_units, currency, currency_exponent()}; }

    // The state's timer, stretched in a speech session; nullopt when the state has none.
    [[nodiscard]] std::optional<Millis> timeout_for(StateId state, bool speech) const {
        if (state == StateId::Survey) return survey_time_limit;
        const auto found = state_timeouts.find(state);
        if (found == state_timeouts.end()) return std::nullopt;
        const bool machine = state == StateId::Authorizing || state == StateId::Dispensing ||
                             state == StateId::Printing || state == StateId::ReadingCard;
        if (!speech || machine) return found->second;
        return Millis(found->second.count() * speech_timeout_percent / 100);
    }
};

}  // namespace kiosk::flow
