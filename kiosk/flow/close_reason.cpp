#include "kiosk/flow/close_reason.hpp"

#include <array>
#include <ostream>

namespace kiosk::flow {

namespace {

constexpr std::array reasons{
    CloseReason::Cancelled,         CloseReason::TimedOut,          CloseReason::CardUnreadable,
    CloseReason::PinWrong,          CloseReason::PinTriesExceeded,  CloseReason::Declined,
    CloseReason::HostUnavailable,   CloseReason::ReceiptFailed,     CloseReason::CardNotTaken,
    CloseReason::CardJammed,        CloseReason::AmountNotMultiple, CloseReason::AmountTooLarge,
    CloseReason::AmountInvalid,     CloseReason::NewPinMismatch,    CloseReason::DispenseFailed,
    CloseReason::CashNotTaken,      CloseReason::OutOfServiceDevices, CloseReason::OutOfServiceTamper,
    CloseReason::OutOfServiceHostUnreachable, CloseReason::OutOfServiceStorageFull,
    CloseReason::OutOfServiceSelfTest,
};
static_assert(reasons.back() == CloseReason::OutOfServiceSelfTest &&
                  reasons.size() == static_cast<std::size_t>(CloseReason::OutOfServiceSelfTest) + 1,
              "every close reason, in declaration order");

}  // namespace

std::string i18n_key(const Reason& reason) {
    switch (reason.kind()) {
        case CloseReason::Cancelled: return "session.cancelled";
        case CloseReason::TimedOut: return "session.timed_out";
        case CloseReason::CardUnreadable: return "card.unreadable";
        case CloseReason::PinWrong: return "pin.wrong";
        case CloseReason::PinTriesExceeded: return "pin.tries_exceeded";
        case CloseReason::Declined:
            return "decline." + std::string(host::to_string(reason.response().value_or(host::ResponseCode::SystemError)));
        case CloseReason::HostUnavailable: return "decline.host_unavailable";
        case CloseReason::ReceiptFailed: return "receipt.failed";
        case CloseReason::CardNotTaken: return "card.not_taken";
        case CloseReason::CardJammed: return "card.jammed";
        case CloseReason::AmountNotMultiple: return "amount.not_multiple";
        case CloseReason::AmountTooLarge: return "amount.too_large";
        case CloseReason::AmountInvalid: return "amount.invalid";
        case CloseReason::NewPinMismatch: return "new_pin.mismatch";
        case CloseReason::DispenseFailed: return "cash.dispense_failed";
        case CloseReason::CashNotTaken: return "cash.not_taken";
        case CloseReason::OutOfServiceDevices: return "out_of_service.devices";
        case CloseReason::OutOfServiceTamper: return "out_of_service.tamper";
        case CloseReason::OutOfServiceHostUnreachable: return "out_of_service.host_unreachable";
        case CloseReason::OutOfServiceStorageFull: return "out_of_service.storage_full";
        case CloseReason::OutOfServiceSelfTest: return "out_of_service.self_test";
    }
    return "out_of_service.devices";
}

std::span<const CloseReason> all_close_reasons() { return reasons; }

std::ostream& operator<<(std::ostream& out, const Reason& reason) { return out << i18n_key(reason); }

}  // namespace kiosk::flow
