// PC/SC error mapping (see pcsc_error.hpp).
#include "drivers/chip/pcsc_error.hpp"

#include <array>
#include <cstdio>
#include <string>

#include <winscard.h>

namespace kiosk::drivers::chip {
namespace {

std::string_view pcsc_code_name(long code) {
    switch (code) {
        case SCARD_E_CANCELLED: return "SCARD_E_CANCELLED";
        case SCARD_E_INVALID_HANDLE: return "SCARD_E_INVALID_HANDLE";
        case SCARD_E_INVALID_PARAMETER: return "SCARD_E_INVALID_PARAMETER";
        case SCARD_E_NO_MEMORY: return "SCARD_E_NO_MEMORY";
        case SCARD_E_INSUFFICIENT_BUFFER: return "SCARD_E_INSUFFICIENT_BUFFER";
        case SCARD_E_UNKNOWN_READER: return "SCARD_E_UNKNOWN_READER";
        case SCARD_E_TIMEOUT: return "SCARD_E_TIMEOUT";
        case SCARD_E_SHARING_VIOLATION: return "SCARD_E_SHARING_VIOLATION";
        case SCARD_E_NO_SMARTCARD: return "SCARD_E_NO_SMARTCARD";
        case SCARD_E_PROTO_MISMATCH: return "SCARD_E_PROTO_MISMATCH";
        case SCARD_E_NOT_READY: return "SCARD_E_NOT_READY";
        case SCARD_E_SYSTEM_CANCELLED: return "SCARD_E_SYSTEM_CANCELLED";
        case SCARD_E_NOT_TRANSACTED: return "SCARD_E_NOT_TRANSACTED";
        case SCARD_E_READER_UNAVAILABLE: return "SCARD_E_READER_UNAVAILABLE";
        case SCARD_E_NO_SERVICE: return "SCARD_E_NO_SERVICE";
        case SCARD_E_SERVICE_STOPPED: return "SCARD_E_SERVICE_STOPPED";
        case SCARD_E_NO_READERS_AVAILABLE: return "SCARD_E_NO_READERS_AVAILABLE";
        case SCARD_F_COMM_ERROR: return "SCARD_F_COMM_ERROR";
        case SCARD_F_INTERNAL_ERROR: return "SCARD_F_INTERNAL_ERROR";
        case SCARD_W_UNRESPONSIVE_CARD: return "SCARD_W_UNRESPONSIVE_CARD";
        case SCARD_W_UNPOWERED_CARD: return "SCARD_W_UNPOWERED_CARD";
        case SCARD_W_RESET_CARD: return "SCARD_W_RESET_CARD";
        case SCARD_W_REMOVED_CARD: return "SCARD_W_REMOVED_CARD";
        case SCARD_W_UNSUPPORTED_CARD: return "SCARD_W_UNSUPPORTED_CARD";
        default: return "SCARD code";
    }
}

}  // namespace

ChipFailure chip_failure_for_pcsc(long code) {
    switch (code) {
        case SCARD_W_REMOVED_CARD:
        case SCARD_W_RESET_CARD:  // someone reset our session: treat it as losing the card
            return ChipFailure::cardRemoved;
        case SCARD_E_TIMEOUT:
        case SCARD_E_NO_SMARTCARD:
            return ChipFailure::noCard;
        case SCARD_W_UNRESPONSIVE_CARD:
        case SCARD_W_UNPOWERED_CARD:
            return ChipFailure::mute;
        case SCARD_E_PROTO_MISMATCH:
        case SCARD_W_UNSUPPORTED_CARD:
        case SCARD_E_NOT_TRANSACTED:
            return ChipFailure::protocolError;
        case SCARD_E_UNKNOWN_READER:
        case SCARD_E_READER_UNAVAILABLE:
        case SCARD_E_NO_READERS_AVAILABLE:
            return ChipFailure::readerUnavailable;
        case SCARD_E_NO_SERVICE:
        case SCARD_E_SERVICE_STOPPED:
            return ChipFailure::serviceUnavailable;
        case SCARD_E_SHARING_VIOLATION:
            return ChipFailure::sharingViolation;
        case SCARD_E_INVALID_HANDLE:
            return ChipFailure::notPowered;
        default:
            return ChipFailure::hardware;
    }
}

Error pcsc_error(long code, std::string_view what) {
    std::array<char, 16> hex{};
    std::snprintf(hex.data(), hex.size(), "0x%08lX", static_cast<unsigned long>(code) & 0xFFFFFFFFUL);
    return chip_error(chip_failure_for_pcsc(code),
                      std::string(what) + ": " + std::string(pcsc_code_name(code)) + " (" + hex.data() + ")");
}

}  // namespace kiosk::drivers::chip
