// APDU codec (see apdu.hpp).
#include "drivers/chip/apdu.hpp"

#include "drivers/chip/ber_tlv.hpp"

#include <array>
#include <cstdio>

namespace kiosk::drivers::chip {
namespace {

constexpr std::size_t max_short_data = 255;
constexpr std::size_t max_short_le = 256;

Error apdu_error(std::string message) {
    return make_error(std::string(apdu_error_domain), std::move(message));
}

std::string hex16(std::uint16_t value) {
    std::array<char, 5> text{};
    std::snprintf(text.data(), text.size(), "%04X", value);
    return text.data();
}

std::string_view sw_meaning(std::uint16_t sw) {
    switch (sw) {
        case sw::ok: return "ok";
        case sw::file_invalidated: return "selected file invalidated";
        case sw::wrong_length: return "wrong length";
        case 0x6982: return "security status not satisfied";
        case 0x6983: return "authentication method blocked";
        case 0x6984: return "referenced data invalidated";
        case sw::conditions_not_satisfied: return "conditions of use not satisfied";
        case sw::function_not_supported: return "function not supported";
        case sw::file_not_found: return "file not found";
        case sw::record_not_found: return "record not found";
        case 0x6A86: return "incorrect P1 P2";
        case 0x6A88: return "referenced data not found";
        case sw::ins_not_supported: return "instruction not supported";
        case sw::cla_not_supported: return "class not supported";
        case sw::no_precise_diagnosis: return "no precise diagnosis";
        default: break;
    }
    switch (sw >> 8U) {
        case 0x62: case 0x63: return "warning";
        case 0x64: case 0x65: return "execution error";
        case 0x67: return "wrong length";
        case 0x68: return "function in CLA not supported";
        case 0x69: return "command not allowed";
        case 0x6A: return "wrong parameters";
        default: return "error";
    }
}

}  // namespace

Result<Bytes> encode_command(const CommandApdu& command) {
    if (command.data.size() > max_short_data) {
        return apdu_error("command data of " + std::to_string(command.data.size()) +
                          " bytes exceeds the 255 of a short APDU");
    }
    if (command.le && (*command.le == 0 || *command.le > max_short_le)) {
        return apdu_error("Le " + std::to_string(*command.le) + " outside 1..256");
    }
    Bytes out{command.cla, command.ins, command.p1, command.p2};
    if (!command.data.empty()) {
        out.push_back(static_cast<std::uint8_t>(command.data.size()));
        out.insert(out.end(), command.data.begin(), command.data.end());
    }
    if (command.le) out.push_back(static_cast<std::uint8_t>(*command.le & 0xFFU));  // 256 → 00
    return out;
}

Result<CommandApdu> parse_command(ByteView bytes) {
    if (bytes.size() < 4) {
        return apdu_error("command of " + std::to_string(bytes.size()) + " bytes, shorter than the 4-byte header");
    }
    CommandApdu command{bytes[0], bytes[1], bytes[2], bytes[3], {}, std::nullopt};
    const std::size_t rest = bytes.size() - 4;
    if (rest == 0) return command;  // case 1
    const std::size_t first = bytes[4];
    if (rest == 1) {  // case 2
        command.le = first == 0 ? max_short_le : first;
        return command;
    }
    if (first == 0) {
        return apdu_error("Lc of 0 at offset 4 (extended APDUs are not supported)");
    }
    if (rest == 1 + first || rest == 2 + first) {  // case 3 or 4
        command.data.assign(bytes.begin() + 5, bytes.begin() + 5 + static_cast<std::ptrdiff_t>(first));
        if (rest == 2 + first) {
            const std::size_t le = bytes[5 + first];
            command.le = le == 0 ? max_short_le : le;
        }
        return command;
    }
    return apdu_error("Lc " + std::to_string(first) + " at offset 4 does not match the " +
                      std::to_string(rest - 1) + " bytes that follow");
}

Result<ResponseApdu> parse_response(ByteView bytes) {
    if (bytes.size() < 2) {
        return apdu_error("response of " + std::to_string(bytes.size()) +
                          " bytes lacks the two status bytes");
    }
    const std::size_t at = bytes.size() - 2;
    const std::uint8_t sw1 = bytes[at];
    const std::uint8_t high = sw1 & 0xF0U;
    if ((high != 0x60 && high != 0x90) || sw1 == 0x60) {
        return apdu_error("invalid status byte SW1 " + to_hex(bytes.subspan(at, 1)) + " at offset " +
                          std::to_string(at));
    }
    ResponseApdu response;
    response.data.assign(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(at));
    response.sw = static_cast<std::uint16_t>((sw1 << 8U) | bytes[at + 1]);
    return response;
}

std::string describe_sw(std::uint16_t sw) {
    const auto sw2 = static_cast<unsigned>(sw & 0xFFU);
    if ((sw >> 8U) == 0x61) {
        return hex16(sw) + " more data: " + std::to_string(sw2 == 0 ? 256 : sw2) + " bytes";
    }
    if ((sw >> 8U) == 0x6C) {
        return hex16(sw) + " wrong Le: resend with " + std::to_string(sw2 == 0 ? 256 : sw2);
    }
    return hex16(sw) + " " + std::string(sw_meaning(sw));
}

CommandApdu select_by_name(ByteView name) {
    return CommandApdu{0x00, 0xA4, 0x04, 0x00, Bytes(name.begin(), name.end()), max_short_le};
}

CommandApdu read_record(std::uint8_t sfi, std::uint8_t record) {
    return CommandApdu{0x00, 0xB2, record, static_cast<std::uint8_t>((static_cast<unsigned>(sfi) << 3U) | 0x04U), {}, max_short_le};
}

CommandApdu get_processing_options(ByteView pdol_data) {
    // Command template 83 (EMV Book 3 §6.5.8); encode_command refuses it past 255 bytes.
    return CommandApdu{0x80, 0xA8, 0x00, 0x00, encode_tlv(0x83, pdol_data), max_short_le};
}

CommandApdu get_response(std::uint8_t length) {
    return CommandApdu{0x00, 0xC0, 0x00, 0x00, {}, length == 0 ? max_short_le : length};
}

}  // namespace kiosk::drivers::chip
