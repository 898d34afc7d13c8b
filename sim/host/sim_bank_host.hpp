// The simulated bank answering in process, through the same HostLink interface the kiosk uses
// (the TLS front end is sim_bank_server.hpp; both share one SimBank). Faults queued on the bank
// are acted out here without a network: a late answer advances the attached virtual clock and,
// when later than the link timeout, reports a timeout AFTER the bank processed the request —
// exactly the "host replied after the timeout" case the kiosk must reverse.
// Held answers (SimBank::hold_answers) keep authorize() from returning until released.
// Threads: as SimBank (every call may come from another thread); use_clock before the first call.
// Run: `kiosk --sim` builds one from the card deck. Tests: tests/sim/host/sim_bank_host_test.cpp,
// tests/e2e/balance_inquiry_e2e_test.cpp.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "common/money.hpp"
#include "host/host_link.hpp"
#include "sim/host/sim_bank.hpp"
#include "sim/virtual_clock.hpp"

namespace kiosk::sim {

// One card with one checking account (the simple form; SimBank::add_customer takes several).
struct SimAccount {
    std::string pan;
    std::string pin;
    std::string expiry_yymm;
    Money balance;
};

class SimBankHost final : public host::HostLink {
public:
    // A bank of its own.
    explicit SimBankHost(Bytes pin_key);
    // Shares `bank` with other front ends (e.g. a SimBankServer in the same test).
    explicit SimBankHost(std::shared_ptr<SimBank> bank);

    [[nodiscard]] SimBank& bank() { return *bank_; }
    [[nodiscard]] std::shared_ptr<SimBank> shared_bank() const { return bank_; }

    // The card's single account gets the id "ACC-" + the PAN's last four digits.
    void add_account(SimAccount account);
    [[nodiscard]] std::optional<Money> balance_of(const std::string& pan) const;
    void inject(HostFault fault, int times = 1) { bank_->inject(fault, times); }
    [[nodiscard]] std::vector<SimBank::LogEntry> log() const { return bank_->log(); }

    // Late answers move this clock; a delay beyond `link_timeout` is a timeout.
    void use_clock(VirtualClock& clock, Millis link_timeout);

    Result<host::AuthorizationResponse> authorize(const host::AuthorizationRequest& request) override;
    Result<host::ReversalResponse> reverse(const host::ReversalRequest& request) override;
    // Answers unless a queued fault says otherwise (each echo takes one, like any request).
    Status echo(std::uint32_t stan, std::string_view terminal_id, TimePoint now) override;
    // The bank's totals for the terminal, unless a queued fault says otherwise.
    Result<host::ReconciliationTotals> totals(std::uint32_t stan, std::string_view terminal_id, TimePoint now) override;

private:
    // After the bank processed a request: what the link sees of a queued fault (nullopt = the answer).
    std::optional<Error> deliver(std::optional<HostFault> fault);

    std::shared_ptr<SimBank> bank_;
    VirtualClock* clock_ = nullptr;
    Millis link_timeout_{30'000};
};

}  // namespace kiosk::sim
