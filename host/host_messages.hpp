// The messages the kiosk exchanges with the bank's authorization host. Plain data, in memory only:
// the PAN and PIN block here never reach a file or a log (security/ masks and tokenizes before
// anything is persisted). The ISO 8583 codec (next issue) maps these to and from the wire.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "common/clock.hpp"
#include "common/money.hpp"

namespace kiosk::host {

enum class TransactionType { BalanceInquiry, Withdrawal, Reversal };

// The host's verdict, after the ISO 8583 field 39 codes the flows issue will use.
enum class ResponseCode {
    Approved,           // 00
    DoNotHonour,        // 05
    InsufficientFunds,  // 51
    ExpiredCard,        // 54
    WrongPin,           // 55
    LimitExceeded,      // 61
    PinTriesExceeded,   // 75
    SystemError,        // 96
};

std::string_view to_string(TransactionType type);
std::string_view to_string(ResponseCode code);
// The two-character ISO 8583 response code ("00", "51", …).
std::string_view iso_code(ResponseCode code);

struct AuthorizationRequest {
    TransactionType type = TransactionType::BalanceInquiry;
    std::string pan;            // in memory only
    std::string expiry_yymm;
    Bytes pin_block;            // ISO 9564 format 4, enciphered inside the PIN pad
    std::optional<Money> amount;
    std::uint32_t stan = 0;     // system trace audit number, unique per terminal per day
    std::string terminal_id;
    TimePoint local_time;
};

struct AuthorizationResponse {
    ResponseCode code = ResponseCode::SystemError;
    std::uint32_t stan = 0;
    std::optional<Money> available_balance;
    std::optional<Money> ledger_balance;
    std::string authorization_id;  // host's approval code, printed on the receipt
};

}  // namespace kiosk::host
