#include "host/host_messages.hpp"

#include <array>
#include <utility>

namespace kiosk::host {

namespace {

constexpr std::array kResponseCodes{
    std::pair{ResponseCode::Approved, std::string_view("00")},
    std::pair{ResponseCode::DoNotHonour, std::string_view("05")},
    std::pair{ResponseCode::InvalidTransaction, std::string_view("12")},
    std::pair{ResponseCode::InvalidAmount, std::string_view("13")},
    std::pair{ResponseCode::OriginalNotFound, std::string_view("25")},
    std::pair{ResponseCode::InsufficientFunds, std::string_view("51")},
    std::pair{ResponseCode::ExpiredCard, std::string_view("54")},
    std::pair{ResponseCode::WrongPin, std::string_view("55")},
    std::pair{ResponseCode::LimitExceeded, std::string_view("61")},
    std::pair{ResponseCode::PinTriesExceeded, std::string_view("75")},
    std::pair{ResponseCode::InvalidAccount, std::string_view("76")},
    std::pair{ResponseCode::InvalidOneTimeCode, std::string_view("77")},
    std::pair{ResponseCode::OneTimeCodeExpired, std::string_view("78")},
    std::pair{ResponseCode::SystemError, std::string_view("96")},
};

constexpr std::array kReversalReasons{
    std::pair{ReversalReason::HostTimeout, std::string_view("68")},
    std::pair{ReversalReason::DeviceMalfunction, std::string_view("22")},
    std::pair{ReversalReason::CashNotTaken, std::string_view("17")},
};

constexpr std::array kAccountTypes{
    std::pair{AccountType::Default, std::string_view("00")},
    std::pair{AccountType::Savings, std::string_view("10")},
    std::pair{AccountType::Checking, std::string_view("20")},
};

}  // namespace

std::string_view to_string(TransactionType type) {
    switch (type) {
        case TransactionType::BalanceInquiry: return "balance_inquiry";
        case TransactionType::Withdrawal: return "withdrawal";
        case TransactionType::Reversal: return "reversal";
        case TransactionType::MiniStatement: return "mini_statement";
        case TransactionType::Transfer: return "transfer";
        case TransactionType::PinChange: return "pin_change";
        case TransactionType::CardlessWithdrawal: return "cardless_withdrawal";
    }
    return "unknown";
}

std::string_view to_string(ResponseCode code) {
    switch (code) {
        case ResponseCode::Approved: return "approved";
        case ResponseCode::DoNotHonour: return "do_not_honour";
        case ResponseCode::InvalidTransaction: return "invalid_transaction";
        case ResponseCode::InvalidAmount: return "invalid_amount";
        case ResponseCode::OriginalNotFound: return "original_not_found";
        case ResponseCode::InsufficientFunds: return "insufficient_funds";
        case ResponseCode::ExpiredCard: return "expired_card";
        case ResponseCode::WrongPin: return "wrong_pin";
        case ResponseCode::LimitExceeded: return "limit_exceeded";
        case ResponseCode::PinTriesExceeded: return "pin_tries_exceeded";
        case ResponseCode::InvalidAccount: return "invalid_account";
        case ResponseCode::InvalidOneTimeCode: return "invalid_one_time_code";
        case ResponseCode::OneTimeCodeExpired: return "one_time_code_expired";
        case ResponseCode::SystemError: return "system_error";
    }
    return "unknown";
}

std::string_view to_string(ReversalReason reason) {
    switch (reason) {
        case ReversalReason::HostTimeout: return "host_timeout";
        case ReversalReason::DeviceMalfunction: return "device_malfunction";
        case ReversalReason::CashNotTaken: return "cash_not_taken";
    }
    return "unknown";
}

std::string_view iso_code(ResponseCode code) {
    for (const auto& [known, text] : kResponseCodes) {
        if (known == code) return text;
    }
    return "96";
}

std::string_view iso_code(ReversalReason reason) {
    for (const auto& [known, text] : kReversalReasons) {
        if (known == reason) return text;
    }
    return "68";
}

std::optional<ResponseCode> response_code_from_iso(std::string_view code) {
    for (const auto& [known, text] : kResponseCodes) {
        if (text == code) return known;
    }
    return std::nullopt;
}

std::string_view to_string(AccountType type) {
    switch (type) {
        case AccountType::Default: return "default";
        case AccountType::Savings: return "savings";
        case AccountType::Checking: return "checking";
    }
    return "unknown";
}

std::string_view iso_code(AccountType type) {
    for (const auto& [known, text] : kAccountTypes) {
        if (known == type) return text;
    }
    return "00";
}

std::optional<AccountType> account_type_from_iso(std::string_view code) {
    for (const auto& [known, text] : kAccountTypes) {
        if (text == code) return known;
    }
    return std::nullopt;
}

std::optional<ReversalReason> reversal_reason_from_iso(std::string_view code) {
    for (const auto& [known, text] : kReversalReasons) {
        if (text == code) return known;
    }
    return std::nullopt;
}

}  // namespace kiosk::host
