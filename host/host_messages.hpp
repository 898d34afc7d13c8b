// The messages the kiosk exchanges with the bank's authorization host. Plain data, in memory only:
// the PAN and PIN blocks here never reach a file or a log (security/ masks and tokenizes before
// anything is persisted; a queued reversal is sealed). PAN, PIN blocks and one-time code are
// SecureString/SecureBytes (common/secure_buffer.hpp): they wipe themselves with the request. host/iso8583/host_message_mapping.hpp maps
// these to and from ISO 8583; docs/host.md has the field table.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.hpp"
#include "common/clock.hpp"
#include "common/money.hpp"
#include "common/secure_buffer.hpp"

namespace kiosk::host {

// Reversal is kept for the flow's records; a reversal itself travels as a ReversalRequest.
enum class TransactionType {
    BalanceInquiry,
    Withdrawal,
    Reversal,
    MiniStatement,
    Transfer,            // between the customer's own accounts (from_account → to_account)
    PinChange,           // new_pin_block replaces the PIN verified by pin_block
    CardlessWithdrawal,  // no card: one_time_code + phone_number pre-staged in the bank's app
};

// The host's verdict: ISO 8583 field 39. 76–78 are in 1987's private-use range (docs/host.md).
enum class ResponseCode {
    Approved,            // 00
    DoNotHonour,         // 05
    InvalidTransaction,  // 12: e.g. a transfer to the same account, an unsupported request
    InvalidAmount,       // 13: zero, negative, or not in the account's currency
    OriginalNotFound,    // 25: a reversal names no transaction the host knows (nothing to undo)
    InsufficientFunds,   // 51
    ExpiredCard,         // 54
    WrongPin,            // 55
    LimitExceeded,       // 61: daily withdrawal limit, or the cardless code's own limit
    PinTriesExceeded,    // 75
    InvalidAccount,      // 76: from/to account not the cardholder's
    InvalidOneTimeCode,  // 77: unknown code, wrong phone, or already used (not told apart on purpose)
    OneTimeCodeExpired,  // 78
    SystemError,         // 96
};

// The account kind a card request names in field 3 (processing code digits 3–4 "from", 5–6 "to",
// after ISO 8583:1987): the customer picks a kind, the host finds the cardholder's account of it.
enum class AccountType {
    Default,   // 00: the card's default account
    Savings,   // 10
    Checking,  // 20
};

// Why the kiosk reverses (sent in field 39 of the 0420, after the 1987 reversal reason codes).
enum class ReversalReason {
    HostTimeout,       // 68: response received too late / not at all
    DeviceMalfunction, // 22: cash not presented in full (partial dispense), power loss mid-dispense
    CashNotTaken,      // 17: customer did not take the cash; it was retracted
};

std::string_view to_string(TransactionType type);
std::string_view to_string(ResponseCode code);
std::string_view to_string(ReversalReason reason);
std::string_view to_string(AccountType type);
// "00", "10", "20" and back; nullopt for a kind this kiosk does not know.
std::string_view iso_code(AccountType type);
std::optional<AccountType> account_type_from_iso(std::string_view code);
// The two-character ISO 8583 response code ("00", "51", …).
std::string_view iso_code(ResponseCode code);
std::string_view iso_code(ReversalReason reason);
// The code for "00", "51", …; nullopt for a code this kiosk does not know.
std::optional<ResponseCode> response_code_from_iso(std::string_view code);
std::optional<ReversalReason> reversal_reason_from_iso(std::string_view code);

struct AuthorizationRequest {
    TransactionType type = TransactionType::BalanceInquiry;
    SecureString pan;           // in memory only; empty for a cardless withdrawal
    std::string expiry_yymm;
    SecureBytes pin_block;      // ISO 9564 format 4, enciphered inside the PIN pad; empty for cardless
    std::optional<Money> amount;  // withdrawal, cardless withdrawal, transfer
    std::uint32_t stan = 0;     // system trace audit number, 1–999999, unique per terminal per day
    std::string terminal_id;    // 8 characters on the wire (space padded)
    TimePoint local_time;       // also the transmission time that names this request in a reversal
    std::string from_account;   // field 102; empty = the card's account of `from_type`
    std::string to_account;     // field 103, transfers only; empty = the account of `to_type`
    AccountType from_type = AccountType::Default;  // field 3 digits 3–4
    AccountType to_type = AccountType::Default;    // field 3 digits 5–6 (transfers)
    SecureBytes new_pin_block;  // PIN change: the new PIN, format 4 under the same key and PAN
    SecureString one_time_code; // cardless: the code from the bank's app (digits)
    std::string phone_number;   // cardless: the phone the code was staged for
};

// One posting of a mini statement.
struct StatementLine {
    std::chrono::year_month_day date;
    Money amount;               // negative = debit
    std::string description;    // at most 16 characters on the wire

    friend bool operator==(const StatementLine&, const StatementLine&) = default;
};

struct AuthorizationResponse {
    ResponseCode code = ResponseCode::SystemError;
    std::uint32_t stan = 0;
    std::optional<Money> available_balance;
    std::optional<Money> ledger_balance;
    std::string authorization_id;     // host's approval code, printed on the receipt
    std::string retrieval_reference;  // field 37, the host's reference for disputes
    std::vector<StatementLine> statement;  // mini statement, newest first, at most 10
};

// An 0420: undo (all or part of) an approved financial transaction named by its STAN and time.
struct ReversalRequest {
    TransactionType original_type = TransactionType::Withdrawal;
    std::uint32_t original_stan = 0;
    TimePoint original_time;    // the original's local_time (its transmission time, field 7)
    SecureString pan;           // in memory only; sealed when queued; empty for cardless
    std::string expiry_yymm;
    Money amount;               // the original amount
    Money dispensed;            // what the customer actually received (0 = reverse it all)
    std::string from_account;
    std::string to_account;
    AccountType from_type = AccountType::Default;
    AccountType to_type = AccountType::Default;
    ReversalReason reason = ReversalReason::HostTimeout;
    std::uint32_t stan = 0;     // this advice's own STAN
    std::string terminal_id;
    TimePoint local_time;
};

struct ReversalResponse {
    ResponseCode code = ResponseCode::SystemError;
    std::uint32_t stan = 0;

    // The host has taken the reversal: done now, done before (a repeat), or nothing to undo.
    [[nodiscard]] bool acknowledged() const {
        return code == ResponseCode::Approved || code == ResponseCode::OriginalNotFound;
    }
};

// What the bank holds for this terminal since the last cut-over: the cash withdrawals it approved
// and the reversals that gave (part of) them back (ISO 8583 reconciliation, 0500/0510: "totals";
// host/iso8583/host_message_mapping.hpp carries them in fields 74–97).
struct ReconciliationTotals {
    std::int64_t withdrawals = 0;      // approved cash withdrawals (card and cardless), reversed or not
    std::int64_t withdrawn_minor = 0;  // their amounts, less what reversals gave back
    std::int64_t reversals = 0;
    std::int64_t reversed_minor = 0;   // what the reversals gave back

    friend bool operator==(const ReconciliationTotals&, const ReconciliationTotals&) = default;
};

}  // namespace kiosk::host
