// Runtime: amounts and the dispenser. An amount is offered or accepted only when the cassettes
// can pay it (drivers/cash/note_mixer.hpp); dispensing opens the in-flight bracket first, so a
// power loss between debit and delivery is reversed at the next start (in_flight_bracket.hpp).
#include "kiosk/runtime/runtime.hpp"
#include "kiosk/runtime/runtime_support.hpp"

namespace kiosk {

namespace {

using flow::EventKind;
using runtime_support::plain;

// The customer-facing reason (an i18n key of ui/i18n_strings.cpp) for an amount the cassettes
// cannot pay: too much for one dispense or for what is left, or not makeable from the notes.
std::string not_payable_message_key(std::optional<drivers::MixFailure> failure) {
    if (failure == drivers::MixFailure::tooManyNotes || failure == drivers::MixFailure::exceedsAvailable) {
        return "amount.too_large";
    }
    return "amount.not_multiple";
}

bool pays_cash(const flow::Context& context) {
    return context.pending_transaction == host::TransactionType::Withdrawal ||
           context.pending_transaction == host::TransactionType::CardlessWithdrawal;
}

}  // namespace

std::vector<drivers::CassetteInfo> Runtime::cassettes() {
    if (!cash_) return {};
    return cash_->dispenser.status().cassettes;
}

std::vector<Money> Runtime::payable_fast_cash() { return payable_fast_cash(cassettes()); }

std::vector<Money> Runtime::payable_fast_cash(const std::vector<drivers::CassetteInfo>& loaded) const {
    std::vector<Money> payable;
    if (!cash_ || !fitness_.withdrawals) return payable;
    const flow::FlowConfig& config = flow_.config();
    for (const std::int64_t minor : config.fast_cash_minor) {
        const Money amount{minor, config.currency, config.currency_exponent()};
        if (cash_->mixer.plan(amount, loaded).ok()) payable.push_back(amount);
    }
    return payable;
}

void Runtime::choose_amount(std::size_t index) {
    if (context_.state != flow::StateId::WithdrawalAmount || index >= offered_amounts_.size()) {
        note("ignored amount button " + std::to_string(index));
        return;
    }
    check_amount(offered_amounts_[index]);
}

void Runtime::check_amount(const Money& amount) {
    if (amount.minor_units <= 0) {
        flow::Event refused = plain(EventKind::AmountNotPayable);
        refused.message_key = "amount.invalid";
        post(refused);
        return;
    }
    if (pays_cash(context_)) {
        // The cassettes may have changed since the screen was drawn: check again before the host.
        if (!cash_) {
            flow::Event refused = plain(EventKind::AmountNotPayable);
            refused.message_key = "amount.too_large";
            post(refused);
            return;
        }
        const drivers::DispenserStatus status = cash_->dispenser.status();
        auto plan = cash_->mixer.plan(amount, status.cassettes);
        if (!plan.ok()) {
            flow::Event refused = plain(EventKind::AmountNotPayable);
            refused.message_key = not_payable_message_key(drivers::mix_failure_of(plan.error()));
            note("amount not payable: " + plan.error().message);
            post(refused);
            return;
        }
    }
    flow::Event chosen = plain(EventKind::AmountChosen);
    chosen.amount = amount;
    post(chosen);
}

std::optional<Money> Runtime::typed_amount() const {
    // Whole units typed on the pad (the pad caps the digits, so this cannot overflow).
    if (session_.typed.empty()) return std::nullopt;
    const flow::FlowConfig& config = flow_.config();
    std::int64_t minor = 0;
    for (const char digit : session_.typed.view()) minor = minor * 10 + (digit - '0');
    for (int i = 0; i < config.currency_exponent(); ++i) minor *= 10;
    return Money{minor, config.currency, config.currency_exponent()};
}

std::optional<Money> Runtime::payable_usual_amount(const std::vector<drivers::CassetteInfo>& loaded) const {
    if (!cash_ || !fitness_.withdrawals || !session_.usual_amount) return std::nullopt;
    if (!cash_->mixer.plan(*session_.usual_amount, loaded).ok()) return std::nullopt;
    return session_.usual_amount;
}

std::optional<Money> Runtime::amount_step(const std::vector<drivers::CassetteInfo>& loaded) const {
    // The smallest note still in a usable cassette: every payable amount is a multiple of it
    // (the mixer has the last word: 150 is refused with only 100s and 50s short).
    std::optional<std::uint32_t> smallest;
    for (const drivers::CassetteInfo& cassette : loaded) {
        if (!cassette.usable()) continue;
        if (!smallest || cassette.denomination < *smallest) smallest = cassette.denomination;
    }
    if (!smallest) return std::nullopt;
    const flow::FlowConfig& config = flow_.config();
    return Money{static_cast<std::int64_t>(*smallest), config.currency, config.currency_exponent()};
}

void Runtime::dispense(const Money& amount) {
    if (!cash_) {
        note("dispense asked but no dispenser is attached");
        post(plain(EventKind::DispenseFailed));
        return;
    }
    const drivers::DispenserStatus status = cash_->dispenser.status();
    auto plan = session_.prefers_small_notes ? cash_->mixer.plan_small_notes(amount, status.cassettes)
                                             : cash_->mixer.plan(amount, status.cassettes);
    if (!plan.ok()) {
        note("note mix failed: " + plan.error().message);
        post(plain(EventKind::DispenseFailed));
        return;
    }
    // The bracket holds the reversal of everything: if the power goes now, start-up sends it.
    host::ReversalRequest in_waiting =
        reversal_for(context_.pending_transaction.value_or(host::TransactionType::Withdrawal), amount,
                     Money{0, amount.currency, amount.exponent}, host::ReversalReason::DeviceMalfunction);
    const Status opened = cash_->bracket.open(in_waiting);
    if (!opened.ok()) {
        note("in-flight bracket not persisted, not dispensing: " + opened.error().to_string());
        post(plain(EventKind::DispenseFailed));
        return;
    }
    auto report = cash_->dispenser.dispense(*plan);
    const bool complete = report.ok() && report->complete;
    const std::string amount_text = format_money(amount);
    std::optional<std::uint16_t> presented;
    if (complete) {
        auto shown = cash_->dispenser.present();
        if (shown.ok()) {
            presented = *shown;
        } else {
            note("present failed: " + shown.error().to_string());
        }
    } else {
        note("dispense incomplete: " + (report.ok() ? report->failure : report.error().to_string()));
    }
    journal("system", "dispense",
            presented ? "success" : "failure: " + (report.ok() ? report->failure : report.error().message),
            "dispenser", "amount " + amount_text + (presented ? ", " + std::to_string(*presented) + " notes presented" : ""));
    if (!presented) {
        // Nothing reached the customer: stacked notes go to the reject bin, the flow reverses it all.
        if (auto retracted = cash_->dispenser.retract(); !retracted.ok()) {
            note("retract after a failed dispense failed: " + retracted.error().to_string());
        }
        post(plain(EventKind::DispenseFailed));
        return;
    }
    post(plain(EventKind::CashPresented));
}

}  // namespace kiosk
