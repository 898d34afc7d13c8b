// CashService: the note mix, the dispense, the present and the retract. An amount is offered or
// accepted only when the cassettes can pay it (drivers/cash/note_mixer.hpp); a dispense first
// reads the cassettes afresh, then opens the in-flight bracket (durable before any note moves, so a
// power loss between debit and delivery is reversed at the next start), then picks, then presents —
// each step a command on the dispenser's worker, the next one started from the previous one's
// completion. Results come back as CashPresented / DispenseFailed / AmountChosen / AmountNotPayable.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "common/async/request_worker.hpp"
#include "drivers/cash/cash_dispenser.hpp"
#include "drivers/cash/note_mixer.hpp"
#include "host/host_messages.hpp"
#include "host/reversal_queue.hpp"
#include "kiosk/flow/flow_config.hpp"
#include "kiosk/runtime/in_flight_bracket.hpp"
#include "kiosk/runtime/runtime_ports.hpp"
#include "kiosk/runtime/session.hpp"
#include "store/counters.hpp"

namespace kiosk {

using DispenserWorker = RequestWorker<drivers::CashDispenser>;

class CashService {
public:
    struct Parts {
        DispenserWorker& dispenser;
        host::ReversalQueue& reversals;
        InFlightBracket& bracket;
        drivers::NoteMixer mixer{};
    };
    // The reversal that would undo `amount` of the session's last request (the host channel makes it).
    using ReversalMaker = std::function<host::ReversalRequest(const Money& amount, host::ReversalReason reason)>;

    CashService(RuntimePorts ports, Parts parts, Session& session, const flow::FlowConfig& config,
                ReversalMaker reversal_for, DeviceTimeouts timeouts = {});

    // The cassettes as last read (the fitness monitor's status rounds keep this fresh).
    void cassettes_read(std::vector<drivers::CassetteInfo> cassettes) { cassettes_ = std::move(cassettes); }
    [[nodiscard]] const std::vector<drivers::CassetteInfo>& cassettes() const { return cassettes_; }

    // What the screens offer, from the last reading: the fast-cash amounts, the usual amount, the step.
    [[nodiscard]] std::vector<Money> payable_fast_cash(bool withdrawals_fit) const;
    [[nodiscard]] std::optional<Money> payable_usual_amount(bool withdrawals_fit) const;
    [[nodiscard]] std::optional<Money> amount_step() const;

    // A chosen or typed amount: AmountChosen when payable now (the cassettes are read again, they may
    // have changed since the screen was drawn), else AmountNotPayable with the reason.
    void check_amount(const Money& amount, bool pays_cash);
    void dispense(const Money& amount);
    void retract();
    void settle();  // the customer took the notes: close the bracket


private:
    void read_then(std::function<void(const std::vector<drivers::CassetteInfo>&)> then);
    void pick(const Money& amount, const drivers::NotePlan& plan);
    void present(const Money& amount);
    void failed(const Money& amount, const std::string& why);
    // The cash ledger's notes (kiosk/maintenance/cash_ledger.hpp) of the last pick: what was
    // stacked per cassette and the picks diverted to the reject bin, booked with the journal line
    // that says where they went.
    [[nodiscard]] std::vector<store::CounterDelta> presented_deltas() const;
    [[nodiscard]] std::vector<store::CounterDelta> rejected_deltas() const;
    [[nodiscard]] std::vector<store::CounterDelta> retracted_deltas(std::uint32_t retracted) const;

    RuntimePorts ports_;
    Parts parts_;
    Session& session_;
    const flow::FlowConfig& config_;
    ReversalMaker reversal_for_;
    DeviceTimeouts timeouts_;
    std::vector<drivers::CassetteInfo> cassettes_;
    std::optional<drivers::DispenseReport> picked_;  // the last pick's report (none: no answer)
    std::vector<std::uint32_t> presented_;           // per cassette, presented and not yet taken or retracted
};

}  // namespace kiosk
