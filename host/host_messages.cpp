#include "host/host_messages.hpp"

namespace kiosk::host {

std::string_view to_string(TransactionType type) {
    switch (type) {
        case TransactionType::BalanceInquiry: return "balance_inquiry";
        case TransactionType::Withdrawal: return "withdrawal";
        case TransactionType::Reversal: return "reversal";
    }
    return "unknown";
}

std::string_view to_string(ResponseCode code) {
    switch (code) {
        case ResponseCode::Approved: return "approved";
        case ResponseCode::DoNotHonour: return "do_not_honour";
        case ResponseCode::InsufficientFunds: return "insufficient_funds";
        case ResponseCode::ExpiredCard: return "expired_card";
        case ResponseCode::WrongPin: return "wrong_pin";
        case ResponseCode::LimitExceeded: return "limit_exceeded";
        case ResponseCode::PinTriesExceeded: return "pin_tries_exceeded";
        case ResponseCode::SystemError: return "system_error";
    }
    return "unknown";
}

std::string_view iso_code(ResponseCode code) {
    switch (code) {
        case ResponseCode::Approved: return "00";
        case ResponseCode::DoNotHonour: return "05";
        case ResponseCode::InsufficientFunds: return "51";
        case ResponseCode::ExpiredCard: return "54";
        case ResponseCode::WrongPin: return "55";
        case ResponseCode::LimitExceeded: return "61";
        case ResponseCode::PinTriesExceeded: return "75";
        case ResponseCode::SystemError: return "96";
    }
    return "96";
}

}  // namespace kiosk::host
