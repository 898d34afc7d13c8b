// Decoders for the ESC/POS real-time status replies: DLE EOT 4 (roll-paper sensor) and
// DLE EOT 2 (offline cause). Each reply is one byte with bits 1 and 4 set and bits 0 and 7 clear.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/bytes.hpp"
#include "common/result.hpp"

namespace kiosk::drivers {

enum class PaperState : std::uint8_t { ok, nearEnd, out };

struct OfflineCause {
    bool cover_open = false;            // bit 2
    bool feed_button = false;           // bit 3: paper being fed by the FEED button
    bool stopped_for_paper_end = false; // bit 5
    bool error = false;                 // bit 6

    friend bool operator==(const OfflineCause&, const OfflineCause&) = default;
};

// Carried in Error::native_code with domain "escpos status".
enum class EscPosStatusError : std::uint8_t {
    wrongLength = 1,  // not exactly one byte
    badFixedBits,     // bits 1/4 not set or bits 0/7 set: not a status byte
};

inline constexpr std::string_view escpos_status_domain = "escpos status";

std::string_view to_string(PaperState state);
std::optional<EscPosStatusError> escpos_status_error_of(const Error& error);

// DLE EOT 4: paper end (0x60) wins over near end (0x0C).
Result<PaperState> decode_roll_paper_status(ByteView reply);

// DLE EOT 2.
Result<OfflineCause> decode_offline_cause(ByteView reply);

}  // namespace kiosk::drivers
