#include "kiosk/runtime/cash_service.hpp"

#include <algorithm>

#include "kiosk/maintenance/cash_ledger.hpp"
#include "kiosk/runtime/recorder.hpp"

namespace kiosk {

namespace {


// Why the cassettes cannot pay an amount, as the customer is told: too much for one dispense or
// for what is left, or not makeable from the notes.
flow::AmountRefusal not_payable_reason(std::optional<drivers::MixFailure> failure) {
    if (failure == drivers::MixFailure::tooManyNotes || failure == drivers::MixFailure::exceedsAvailable) {
        return flow::AmountRefusal::TooLarge;
    }
    return flow::AmountRefusal::NotMultiple;
}

std::string format(const Money& amount) { return format_money(amount); }

// The dispenser reports diverted picks as one total, not per cassette: they are booked against
// the first cassette the plan picked from (exact when one cassette was used; the balance page's
// comparison with the dispenser's own counts shows any other split).
std::vector<std::uint32_t> rejected_by_cassette(const drivers::DispenseReport& report) {
    std::vector<std::uint32_t> rejected(report.dispensed.size(), 0);
    if (report.rejected == 0) return rejected;
    for (std::size_t i = 0; i < report.dispensed.size(); ++i) {
        if (report.dispensed[i] > 0) {
            rejected[i] = report.rejected;
            return rejected;
        }
    }
    if (!rejected.empty()) rejected[0] = report.rejected;
    return rejected;
}

}  // namespace

CashService::CashService(RuntimePorts ports, Parts parts, Session& session, const flow::FlowConfig& config,
                         ReversalMaker reversal_for, DeviceTimeouts timeouts)
    : ports_(std::move(ports)), parts_(std::move(parts)), session_(session), config_(config),
      reversal_for_(std::move(reversal_for)), timeouts_(timeouts) {}

std::vector<Money> CashService::payable_fast_cash(bool withdrawals_fit) const {
    std::vector<Money> payable;
    if (!withdrawals_fit) return payable;
    for (const std::int64_t minor : config_.fast_cash_minor) {
        const Money amount{minor, config_.currency, config_.currency_exponent()};
        if (parts_.mixer.plan(amount, cassettes_).ok()) payable.push_back(amount);
    }
    return payable;
}

std::optional<Money> CashService::payable_usual_amount(bool withdrawals_fit) const {
    if (!withdrawals_fit || !session_.usual_amount) return std::nullopt;
    if (!parts_.mixer.plan(*session_.usual_amount, cassettes_).ok()) return std::nullopt;
    return session_.usual_amount;
}

std::optional<Money> CashService::amount_step() const {
    // The smallest note still in a usable cassette: every payable amount is a multiple of it
    // (the mixer has the last word: 150 is refused with only 100s and 50s short).
    std::optional<std::uint32_t> smallest;
    for (const drivers::CassetteInfo& cassette : cassettes_) {
        if (!cassette.usable()) continue;
        if (!smallest || cassette.denomination < *smallest) smallest = cassette.denomination;
    }
    if (!smallest) return std::nullopt;
    return Money{static_cast<std::int64_t>(*smallest), config_.currency, config_.currency_exponent()};
}

void CashService::read_then(std::function<void(const std::vector<drivers::CassetteInfo>&)> then) {
    parts_.dispenser.submit<drivers::DispenserStatus>(
        "status", timeouts_.status,
        [](drivers::CashDispenser& dispenser) { return Result<drivers::DispenserStatus>(dispenser.status()); },
        [this, then = std::move(then)](const Completion<drivers::DispenserStatus>& done) {
            if (done.ok()) {
                cassettes_ = done.payload->cassettes;
            } else {
                ports_.note("dispenser status: " + done.describe());
                cassettes_.clear();  // unknown: nothing can be promised
            }
            then(cassettes_);
        });
}

void CashService::check_amount(const Money& amount, bool pays_cash) {
    if (amount.minor_units <= 0) {
        ports_.post(flow::events::AmountNotPayable(flow::AmountRefusal::Invalid));
        return;
    }
    if (!pays_cash) {  // a transfer: the host decides
        ports_.post(flow::events::AmountChosen(amount));
        return;
    }
    read_then([this, amount](const std::vector<drivers::CassetteInfo>& loaded) {
        auto plan = parts_.mixer.plan(amount, loaded);
        if (!plan.ok()) {
            ports_.note("amount not payable: " + plan.error().message);
            ports_.post(flow::events::AmountNotPayable(not_payable_reason(drivers::mix_failure_of(plan.error()))));
            return;
        }
        ports_.post(flow::events::AmountChosen(amount));
    });
}

void CashService::dispense(const Money& amount) {
    read_then([this, amount](const std::vector<drivers::CassetteInfo>& loaded) {
        auto plan = session_.prefers_small_notes ? parts_.mixer.plan_small_notes(amount, loaded)
                                                 : parts_.mixer.plan(amount, loaded);
        if (!plan.ok()) {
            ports_.note("note mix failed: " + plan.error().message);
            ports_.post(flow::events::DispenseFailed{});
            return;
        }
        // The bracket holds the reversal of everything: if the power goes now, start-up sends it.
        host::ReversalRequest in_waiting = reversal_for_(amount, host::ReversalReason::DeviceMalfunction);
        const Status opened = parts_.bracket.open(in_waiting);  // the request's PAN wipes itself
        if (!opened.ok()) {
            ports_.note("in-flight bracket not persisted, not dispensing: " + opened.error().to_string());
            ports_.post(flow::events::DispenseFailed{});
            return;
        }
        pick(amount, *plan);
    });
}

void CashService::pick(const Money& amount, const drivers::NotePlan& plan) {
    parts_.dispenser.submit<drivers::DispenseReport>(
        "dispense", timeouts_.dispense, [plan](drivers::CashDispenser& dispenser) { return dispenser.dispense(plan); },
        [this, amount](const Completion<drivers::DispenseReport>& done) {
            picked_.reset();
            if (done.ok()) picked_ = *done.payload;
            if (done.ok() && done.payload->complete) {
                present(amount);
                return;
            }
            failed(amount, done.ok() ? done.payload->failure : done.describe());
        });
}

void CashService::present(const Money& amount) {
    parts_.dispenser.submit<std::uint16_t>(
        "present", timeouts_.present, [](drivers::CashDispenser& dispenser) { return dispenser.present(); },
        [this, amount](const Completion<std::uint16_t>& done) {
            if (!done.ok()) {
                ports_.note("present failed: " + done.describe());
                failed(amount, done.describe());
                return;
            }
            ports_.recorder.journal("system", "dispense", "success", "dispenser",
                                    "amount " + format(amount) + ", " + std::to_string(*done.payload) +
                                        " notes presented",
                                    presented_deltas());
            presented_ = picked_ ? picked_->dispensed : std::vector<std::uint32_t>{};
            ports_.post(flow::events::CashPresented{});
            read_then([](const std::vector<drivers::CassetteInfo>&) {});  // what is left, for the next screens
        });
}

void CashService::failed(const Money& amount, const std::string& why) {
    ports_.note("dispense incomplete: " + why);
    // The stacked notes go to the reject bin below: booked as rejected with this line.
    ports_.recorder.journal("system", "dispense", "failure: " + why, "dispenser", "amount " + format(amount),
                            rejected_deltas());
    picked_.reset();
    // Nothing reached the customer: stacked notes go to the reject bin, the flow reverses it all.
    parts_.dispenser.submit<drivers::RetractReport>(
        "retract", timeouts_.retract, [](drivers::CashDispenser& dispenser) { return dispenser.retract(); },
        [this](const Completion<drivers::RetractReport>& done) {
            if (!done.ok()) ports_.note("retract after a failed dispense failed: " + done.describe());
            ports_.post(flow::events::DispenseFailed{});
        });
}

void CashService::retract() {
    parts_.dispenser.submit<drivers::RetractReport>(
        "retract", timeouts_.retract, [](drivers::CashDispenser& dispenser) { return dispenser.retract(); },
        [this](const Completion<drivers::RetractReport>& done) {
            if (!done.ok()) {
                ports_.note("retract failed: " + done.describe());
            } else {
                ports_.note("retracted " + std::to_string(done.payload->retracted) + " notes not taken");
                ports_.recorder.journal("system", "cash_retract", "success", "dispenser",
                                        std::to_string(done.payload->retracted) + " notes not taken",
                                        retracted_deltas(done.payload->retracted));
                presented_.clear();
            }
        });
}

std::vector<store::CounterDelta> CashService::presented_deltas() const {
    if (!picked_) return {};
    return maintenance::cash_counter_deltas({picked_->dispensed, rejected_by_cassette(*picked_), {}});
}

std::vector<store::CounterDelta> CashService::rejected_deltas() const {
    if (!picked_) return {};  // no report: the dispenser's own counts will show what moved
    std::vector<std::uint32_t> rejected = rejected_by_cassette(*picked_);
    for (std::size_t i = 0; i < picked_->dispensed.size(); ++i) rejected[i] += picked_->dispensed[i];
    return maintenance::cash_counter_deltas({{}, rejected, {}});
}

std::vector<store::CounterDelta> CashService::retracted_deltas(std::uint32_t retracted) const {
    // Presented notes were booked as dispensed; pulled back, they move from dispensed to retracted,
    // cassette by cassette, up to what the dispenser says it pulled back.
    std::vector<std::uint32_t> back(presented_.size(), 0);
    std::uint32_t left = retracted;
    for (std::size_t i = 0; i < presented_.size() && left > 0; ++i) {
        back[i] = std::min(presented_[i], left);
        left -= back[i];
    }
    std::vector<store::CounterDelta> deltas = maintenance::cash_counter_deltas({{}, {}, back});
    for (std::size_t i = 0; i < back.size(); ++i) {
        if (back[i] > 0) deltas.push_back({maintenance::cash_counter_name(i + 1, "dispensed"), -static_cast<std::int64_t>(back[i])});
    }
    return deltas;
}

void CashService::settle() {
    presented_.clear();  // taken: they stay booked as dispensed
    if (auto closed = parts_.bracket.close(); !closed.ok()) {
        ports_.note("closing the in-flight bracket failed: " + closed.error().to_string());
    }
}

}  // namespace kiosk
