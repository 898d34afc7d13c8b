// A note cassette as the dispenser reports it (after XFS4IoT CashManagement cash units).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::drivers {

enum class CassetteState : std::uint8_t {
    ok,
    low,            // at or below its low threshold
    empty,
    inoperative,    // present but failed (feed fault)
    missing,
    notConfigured,
    manipulated,    // opened or swapped outside a replenishment
};

struct CassetteInfo {
    std::string currency;            // ISO 4217, e.g. "CNY"
    std::uint32_t denomination = 0;  // minor units per note
    std::uint32_t count = 0;         // notes the dispenser believes are inside
    std::uint32_t low_threshold = 0;
    CassetteState state = CassetteState::ok;

    // Notes can be picked from it: ok or low, with notes left.
    [[nodiscard]] bool usable() const {
        return (state == CassetteState::ok || state == CassetteState::low) && count > 0;
    }
    friend bool operator==(const CassetteInfo&, const CassetteInfo&) = default;
};

std::string_view to_string(CassetteState state);

}  // namespace kiosk::drivers
