// ESC/POS real-time status decoders (protocols.md, "ESC/POS").
#include "drivers/printer/escpos_status.hpp"

#include <string>

namespace kiosk::drivers {
namespace {

constexpr std::uint8_t fixed_mask = 0x93;   // bits 0, 1, 4, 7
constexpr std::uint8_t fixed_value = 0x12;  // bits 1 and 4 set, 0 and 7 clear

Result<std::uint8_t> status_byte(ByteView reply, std::string_view request) {
    if (reply.size() != 1) {
        return make_error(std::string(escpos_status_domain),
                          std::string(request) + " reply has " + std::to_string(reply.size()) +
                              " bytes, expected 1",
                          static_cast<int>(EscPosStatusError::wrongLength));
    }
    if ((reply[0] & fixed_mask) != fixed_value) {
        return make_error(std::string(escpos_status_domain),
                          std::string(request) + " reply 0x" + to_hex(reply) +
                              " is not a status byte (fixed bits wrong)",
                          static_cast<int>(EscPosStatusError::badFixedBits));
    }
    return reply[0];
}

}  // namespace

std::string_view to_string(PaperState state) {
    switch (state) {
        case PaperState::ok: return "ok";
        case PaperState::nearEnd: return "nearEnd";
        case PaperState::out: return "out";
    }
    return "unknown";
}

std::optional<EscPosStatusError> escpos_status_error_of(const Error& error) {
    if (error.domain != escpos_status_domain) return std::nullopt;
    if (error.native_code == static_cast<int>(EscPosStatusError::wrongLength)) {
        return EscPosStatusError::wrongLength;
    }
    if (error.native_code == static_cast<int>(EscPosStatusError::badFixedBits)) {
        return EscPosStatusError::badFixedBits;
    }
    return std::nullopt;
}

Result<PaperState> decode_roll_paper_status(ByteView reply) {
    auto byte = status_byte(reply, "DLE EOT 4");
    if (!byte) return byte.error();
    if ((*byte & 0x60U) != 0) return PaperState::out;
    if ((*byte & 0x0CU) != 0) return PaperState::nearEnd;
    return PaperState::ok;
}

Result<OfflineCause> decode_offline_cause(ByteView reply) {
    auto byte = status_byte(reply, "DLE EOT 2");
    if (!byte) return byte.error();
    OfflineCause cause;
    cause.cover_open = (*byte & 0x04U) != 0;
    cause.feed_button = (*byte & 0x08U) != 0;
    cause.stopped_for_paper_end = (*byte & 0x20U) != 0;
    cause.error = (*byte & 0x40U) != 0;
    return cause;
}

}  // namespace kiosk::drivers
