// The simulated bank's core: customers with several accounts (checking, savings), balances and
// postings, daily withdrawal limits, PIN verification and change through ISO 9564 format-4 PIN
// blocks, pre-staged cardless codes, and reversals that restore money exactly once. It reads no
// clock: "today" and code expiry come from the request's local time.
// Two front ends answer through it: SimBankHost (in process, host::HostLink) and SimBankServer
// (ISO 8583 over TLS on 127.0.0.1). Faults are queued here and acted out by the front end; so
// is holding answers (hold_answers), which both front ends obey.
// Threads: one mutex guards every method; the server's connection threads, the kiosk's host
// worker and a test may call it at once. Only await_answer_release() waits, and not holding it.
// Tests: tests/sim/host/sim_bank_test.cpp.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "common/money.hpp"
#include "common/result.hpp"
#include "host/host_link.hpp"
#include "host/host_messages.hpp"

namespace kiosk::sim {

enum class AccountKind { Checking, Savings };

struct SimBankAccount {
    std::string id;  // "CHK-1001"; what field 102/103 carries
    AccountKind kind = AccountKind::Checking;
    Money balance;
};

struct SimCustomer {
    std::string pan;          // the card
    std::string pin;          // what the cardholder must type (test data)
    std::string expiry_yymm;  // checked against the request's local time
    std::vector<SimBankAccount> accounts;        // the first is the card's default account
    std::optional<Money> daily_withdrawal_limit;  // nullopt: the bank's default
};

// A code the customer staged in the bank's app for a cardless withdrawal: single use.
struct CardlessCode {
    std::string code;
    std::string phone_number;
    std::string account_id;
    Money limit;         // the most this code may withdraw
    TimePoint expires;   // refused after this instant (of the request's local time)
};

struct Posting {
    TimePoint time;
    Money amount;  // negative = debit
    std::string description;
};

// What the next request(s) meet instead of normal processing, acted out by the front end.
enum class HostFault {
    Unreachable,          // nothing processed, no answer (TLS: the connection closes unread)
    SystemError,          // answered 96, nothing processed
    LateAnswer,           // processed; the answer comes after answer_delay (set_answer_delay)
    DropAfterProcessing,  // processed; the connection drops before the answer
    MalformedAnswer,      // processed; the answer is cut short (TLS) / reported malformed (in process)
};

class SimBank {
public:
    static constexpr std::size_t kMaxWrongPins = 3;
    static constexpr std::size_t kStatementLines = 10;

    // `pin_key`: the AES key the PIN pad enciphers format-4 blocks under (the PIN zone key).
    explicit SimBank(Bytes pin_key, Money default_daily_limit = Money{20'000'00, "CNY", 2});

    // Fails on a PAN or an account id already known.
    Status add_customer(SimCustomer customer);
    // Fails when the account is unknown.
    Status stage_cardless_code(CardlessCode code);

    host::AuthorizationResponse authorize(const host::AuthorizationRequest& request);
    host::ReversalResponse reverse(const host::ReversalRequest& request);

    // Fault injection: queued, consumed one per request by the front end.
    void inject(HostFault fault, int times = 1);
    std::optional<HostFault> take_fault();
    // The next `times` authorizations are answered with `code` and not processed (a decline the
    // bank's own rules would not produce here: do not honour, invalid transaction, …).
    void decline_next(host::ResponseCode code, int times = 1);
    void set_answer_delay(Millis delay);
    [[nodiscard]] Millis answer_delay() const;

    // --- holding answers: a test shows the kiosk keeps running while a request is out ---
    // How long a held answer waits at most when nobody releases it, so that a forgotten
    // release_answers() delays a shutdown rather than hanging it.
    static constexpr Millis kMaxHold{10'000};
    // From now on each authorization request that reaches a front end is processed as usual
    // (the money moves, as at a real bank), but its answer is not sent until release_answers(),
    // until that front end stops (SimBankServer's destructor), or until `at_most` has passed.
    // Reversals and echoes are answered at once, so a reversal for a held request finds it.
    void hold_answers(Millis at_most = kMaxHold);
    // Every held answer goes now, and new ones are no longer held.
    void release_answers();
    // Authorization requests that have arrived and whose answers are held right now (a test
    // waits for 1 to know its request really reached the bank).
    [[nodiscard]] std::size_t held_requests() const;

    // Front ends, after processing an authorization and before answering it: returns at once
    // unless answers are held; else waits for release_answers(), for `abandon` to turn true
    // (looked at again on wake_held_answers()), or for the hold's `at_most`.
    void await_answer_release(const std::atomic<bool>* abandon = nullptr);
    // A front end stopping: its held requests look at their `abandon` flag now.
    void wake_held_answers();

    [[nodiscard]] std::optional<Money> balance_of_card(const std::string& pan) const;  // default account
    [[nodiscard]] std::optional<Money> balance_of_account(const std::string& account_id) const;
    [[nodiscard]] std::vector<Posting> postings(const std::string& account_id) const;  // oldest first
    // How much the card withdrew on the request-local day of `day_of`.
    [[nodiscard]] Money withdrawn_on(const std::string& pan, TimePoint day_of) const;

    // Every request answered, without card data.
    struct LogEntry {
        host::TransactionType type;
        host::ResponseCode code;
        std::uint32_t stan;
        bool reversal = false;
    };
    [[nodiscard]] std::vector<LogEntry> log() const;
    // The terminal's totals since the bank began (withdrawals approved, less reversals).
    [[nodiscard]] host::ReconciliationTotals totals(const std::string& terminal_id) const;
    void note_answered_without_processing(host::TransactionType type, host::ResponseCode code, std::uint32_t stan);

private:
    struct Account {
        SimBankAccount account;
        std::string owner_pan;  // empty for none
        std::vector<Posting> postings;
    };
    struct Customer {
        SimCustomer customer;
        std::size_t wrong_pins = 0;
    };
    // An approved financial transaction a reversal may undo.
    struct Original {
        host::TransactionType type;
        std::string pan;
        std::string from_account;
        std::string to_account;
        Money amount;
        TimePoint day_of;
        bool reversed = false;
    };

    host::ResponseCode card_checks(const host::AuthorizationRequest& request, Customer& customer);
    host::ResponseCode process(const host::AuthorizationRequest& request, host::AuthorizationResponse& response);
    host::ResponseCode process_cardless(const host::AuthorizationRequest& request, host::AuthorizationResponse& response);
    // By id; with no id, the first account of `type` (Default: the card's default account).
    Account* account_of(const Customer& customer, const std::string& id, host::AccountType type);
    void debit(Account& account, const Money& amount, TimePoint time, std::string description);
    void approve(host::AuthorizationResponse& response, const Account& shown);
    Money limit_of(const Customer& customer) const;
    static std::string original_key(const std::string& terminal_id, std::uint32_t stan, TimePoint time);
    static std::string usage_key(const std::string& pan, TimePoint day_of);

    mutable std::mutex mutex_;
    std::condition_variable released_signal_;  // release_answers() and wake_held_answers()
    bool holding_ = false;
    Millis max_hold_ = kMaxHold;
    std::uint64_t releases_ = 0;   // release_answers() calls so far: a waiter sees its own turn
    std::size_t held_ = 0;         // requests waiting for the current release
    Bytes pin_key_;
    Money default_daily_limit_;
    std::map<std::string, Customer> customers_by_pan_;
    std::map<std::string, Account> accounts_by_id_;
    std::map<std::string, CardlessCode> cardless_codes_;  // by code
    std::map<std::string, Original> originals_;           // by terminal/stan/time
    std::map<std::string, std::int64_t> withdrawn_;       // by pan/day, minor units
    std::map<std::string, host::ReconciliationTotals, std::less<>> totals_;  // by terminal id
    std::deque<HostFault> faults_;
    std::deque<host::ResponseCode> forced_declines_;
    Millis answer_delay_{0};
    std::vector<LogEntry> log_;
    std::uint32_t approvals_ = 0;
};

}  // namespace kiosk::sim
