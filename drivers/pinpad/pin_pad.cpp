// Names of PIN-pad keys, entry states and modes, and the entry request check.
#include "drivers/pinpad/pin_pad.hpp"

#include <algorithm>

namespace kiosk::drivers {

std::string_view to_string(PinKey key) {
    switch (key) {
        case PinKey::digit: return "digit";
        case PinKey::clear: return "clear";
        case PinKey::backspace: return "backspace";
        case PinKey::cancel: return "cancel";
        case PinKey::enter: return "enter";
        case PinKey::f1: return "F1";
        case PinKey::f2: return "F2";
        case PinKey::f3: return "F3";
        case PinKey::f4: return "F4";
        case PinKey::f5: return "F5";
        case PinKey::f6: return "F6";
        case PinKey::f7: return "F7";
        case PinKey::f8: return "F8";
        case PinKey::audio_repeat: return "REPEAT";
        case PinKey::audio_volume_up: return "VOLUME_UP";
        case PinKey::audio_volume_down: return "VOLUME_DOWN";
    }
    return "unknown";
}

std::string_view to_string(PinEntryState state) {
    switch (state) {
        case PinEntryState::idle: return "idle";
        case PinEntryState::entering: return "entering";
        case PinEntryState::complete: return "complete";
    }
    return "unknown";
}

std::string_view to_string(EntryMode mode) {
    switch (mode) {
        case EntryMode::pin: return "pin";
        case EntryMode::new_pin: return "new_pin";
        case EntryMode::confirm_new_pin: return "confirm_new_pin";
        case EntryMode::data: return "data";
        case EntryMode::navigation: return "navigation";
    }
    return "unknown";
}

std::optional<PinKey> pin_key_from_byte(std::uint8_t value) {
    switch (static_cast<PinKey>(value)) {
        case PinKey::digit:
        case PinKey::clear:
        case PinKey::backspace:
        case PinKey::cancel:
        case PinKey::enter:
        case PinKey::f1:
        case PinKey::f2:
        case PinKey::f3:
        case PinKey::f4:
        case PinKey::f5:
        case PinKey::f6:
        case PinKey::f7:
        case PinKey::f8:
        case PinKey::audio_repeat:
        case PinKey::audio_volume_up:
        case PinKey::audio_volume_down:
            return static_cast<PinKey>(value);
    }
    return std::nullopt;
}

Status validate(const PinEntryRequest& request) {
    if (request.mode > EntryMode::navigation) {  // a value cast from outside the enum
        return make_error("pin pad", "unknown entry mode " +
                                         std::to_string(static_cast<int>(request.mode)));
    }
    const std::string limits =
        std::to_string(request.min_length) + ".." + std::to_string(request.max_length);
    if (request.mode == EntryMode::navigation) {
        // Nothing is collected, so there is nothing to bound; and no card data travels.
        if (request.min_length != 0 || request.max_length != 0 || !request.pan.empty()) {
            return make_error("pin pad", "navigation takes no length limits (0, 0) and no PAN, got " + limits +
                                             (request.pan.empty() ? "" : " and a PAN"));
        }
        return ok_status();
    }
    if (request.mode == EntryMode::data) {
        if (request.min_length < 1 || request.max_length > 19 ||
            request.min_length > request.max_length) {
            return make_error("pin pad",
                              "data entry length limits must satisfy 1 <= min <= max <= 19, got " +
                                  limits);
        }
        // The pad has no use for a PAN here; refusing one keeps card data off the wire.
        if (!request.pan.empty()) {
            return make_error("pin pad", "data entry takes no PAN (card data stays off the wire)");
        }
        return ok_status();
    }
    if (request.min_length < 4 || request.max_length > 12 ||
        request.min_length > request.max_length) {
        return make_error("pin pad",
                          "PIN length limits must satisfy 4 <= min <= max <= 12, got " + limits);
    }
    if (request.pan.empty() || request.pan.size() > 19 ||
        !std::all_of(request.pan.begin(), request.pan.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
        return make_error("pin pad", "PAN for the PIN block must be 1-19 digits");
    }
    return ok_status();
}

}  // namespace kiosk::drivers
