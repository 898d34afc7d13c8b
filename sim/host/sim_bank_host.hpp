// The simulated bank: accounts, balances, PIN verification through the ISO 9564 format-4 PIN
// block, and injectable failures. It answers through the same HostLink interface the kiosk uses.
// Run: `kiosk --sim` builds one from the card deck. Tests: tests/sim/sim_bank_host_test.cpp,
// tests/e2e/balance_inquiry_e2e_test.cpp.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "common/money.hpp"
#include "host/host_link.hpp"

namespace kiosk::sim {

struct SimAccount {
    std::string pan;          // the card that reaches this account
    std::string pin;          // what the cardholder must type (test data)
    std::string expiry_yymm;  // the card's expiry, checked against the request's local time
    Money balance;
};

// What the next request(s) should meet instead of normal processing.
enum class HostFault {
    Unreachable,  // the link fails: no answer at all
    SystemError,  // the host answers 96
};

class SimBankHost final : public host::HostLink {
public:
    // `pin_key` is the AES key the simulated PIN pad enciphers format-4 blocks under (in a real
    // network, the PIN zone key the host's HSM shares with the terminal).
    explicit SimBankHost(Bytes pin_key);

    void add_account(SimAccount account);
    [[nodiscard]] std::optional<Money> balance_of(const std::string& pan) const;

    void inject(HostFault fault, int times = 1);

    Result<host::AuthorizationResponse> authorize(const host::AuthorizationRequest& request) override;

    // Every request the host answered, without card data: (type, response code, stan).
    struct LogEntry {
        host::TransactionType type;
        host::ResponseCode code;
        std::uint32_t stan;
    };
    [[nodiscard]] std::vector<LogEntry> log() const;

private:
    host::ResponseCode verify(const host::AuthorizationRequest& request, const SimAccount& account) const;

    mutable std::mutex mutex_;
    Bytes pin_key_;
    std::map<std::string, SimAccount> accounts_by_pan_;
    std::deque<HostFault> faults_;
    std::vector<LogEntry> log_;
};

}  // namespace kiosk::sim
