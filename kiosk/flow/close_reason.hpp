// Why a session closes, or what notice a screen shows on the way (a wrong PIN, a refused
// amount, the kiosk out of service): typed values, turned into the ui's i18n keys in one place,
// i18n_key(). The ui stays string-keyed (it may not include kiosk/); the kiosk never parses a key.
#pragma once

#include <iosfwd>
#include <optional>
#include <span>
#include <string>

#include "host/host_messages.hpp"

namespace kiosk::flow {

// Why the note mixer (or the amount check before it) refuses an amount.
enum class AmountRefusal {
    NotMultiple,  // the notes loaded cannot make it
    TooLarge,     // more than one dispense may hold, or than the cassettes have left
    Invalid,      // zero or nothing typed
};

// Why the kiosk cannot serve anyone (kiosk/runtime/service_fitness.hpp).
enum class OutOfServiceReason {
    Devices,          // a device the flow needs is down
    Tamper,           // tamper switch, or the safe door open without the operator key
    HostUnreachable,  // the bank host does not answer
    StorageFull,      // the database cannot commit (disk full or below store.min_free_mb)
};

enum class CloseReason {
    Cancelled,
    TimedOut,
    CardUnreadable,
    PinWrong,            // a notice: the PIN is asked again
    PinTriesExceeded,
    Declined,            // the host's response code is kept beside it (Reason::response)
    HostUnavailable,
    ReceiptFailed,
    CardNotTaken,
    CardJammed,
    AmountNotMultiple,   // a notice: the amount is asked again (AmountRefusal)
    AmountTooLarge,
    AmountInvalid,
    NewPinMismatch,      // a notice: the new PIN is asked again
    DispenseFailed,
    CashNotTaken,
    OutOfServiceDevices,  // OutOfServiceReason
    OutOfServiceTamper,
    OutOfServiceHostUnreachable,
    OutOfServiceStorageFull,
    OutOfServiceSelfTest,  // kioskctl selftest is testing the devices: back when they pass
};

constexpr CloseReason close_reason_of(AmountRefusal refusal) {
    switch (refusal) {
        case AmountRefusal::NotMultiple: return CloseReason::AmountNotMultiple;
        case AmountRefusal::TooLarge: return CloseReason::AmountTooLarge;
        case AmountRefusal::Invalid: return CloseReason::AmountInvalid;
    }
    return CloseReason::AmountInvalid;
}

constexpr CloseReason close_reason_of(OutOfServiceReason reason) {
    switch (reason) {
        case OutOfServiceReason::Devices: return CloseReason::OutOfServiceDevices;
        case OutOfServiceReason::Tamper: return CloseReason::OutOfServiceTamper;
        case OutOfServiceReason::HostUnreachable: return CloseReason::OutOfServiceHostUnreachable;
        case OutOfServiceReason::StorageFull: return CloseReason::OutOfServiceStorageFull;
    }
    return CloseReason::OutOfServiceDevices;
}

// A close reason as the flow's context holds it: a decline keeps the host's code with it, so the
// screen can say which decline. Built from any of the reason enums; a decline only by declined().
class Reason {
public:
    constexpr Reason(CloseReason why) : kind_(why) {}  // NOLINT(google-explicit-constructor): reads as the enum
    constexpr Reason(AmountRefusal refusal) : kind_(close_reason_of(refusal)) {}  // NOLINT(google-explicit-constructor)
    constexpr Reason(OutOfServiceReason reason) : kind_(close_reason_of(reason)) {}  // NOLINT(google-explicit-constructor)
    static constexpr Reason declined(host::ResponseCode code) {
        Reason reason(CloseReason::Declined);
        reason.response_ = code;
        return reason;
    }

    [[nodiscard]] constexpr CloseReason kind() const { return kind_; }
    // The host's code of a decline; nullopt for every other reason.
    [[nodiscard]] constexpr std::optional<host::ResponseCode> response() const { return response_; }

    friend constexpr bool operator==(const Reason&, const Reason&) = default;

private:
    CloseReason kind_;
    std::optional<host::ResponseCode> response_;
};

// The one translation from a typed reason to the i18n key the ui shows (ui/i18n_strings.cpp):
// "session.cancelled", "decline." + the response code's name, "out_of_service.tamper", …
std::string i18n_key(const Reason& reason);

// Every close reason, in declaration order (tests, the i18n check).
std::span<const CloseReason> all_close_reasons();

// A reason prints as its i18n key (test failure messages, notes).
std::ostream& operator<<(std::ostream& out, const Reason& reason);

}  // namespace kiosk::flow
