// ISO/IEC 7816-4 APDUs: command builder (cases 1–4, short form), command parser (for the simulated
// card), response parser with status words, and the commands the EMV read sequence sends.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "common/result.hpp"

namespace kiosk::drivers::chip {

inline constexpr std::string_view apdu_error_domain = "apdu";

struct CommandApdu {
    std::uint8_t cla = 0x00;
    std::uint8_t ins = 0x00;
    std::uint8_t p1 = 0x00;
    std::uint8_t p2 = 0x00;
    Bytes data;                     // Lc = data.size(); empty: no Lc field
    std::optional<std::size_t> le;  // expected response length 1–256 (256 encodes as 00); none: no Le

    friend bool operator==(const CommandApdu&, const CommandApdu&) = default;
};

// Case 1 (header), 2 (header Le), 3 (header Lc data), 4 (header Lc data Le). Short APDUs only:
// data up to 255 bytes, Le up to 256; anything longer is refused with the size named.
Result<Bytes> encode_command(const CommandApdu& command);

// The reverse, for the simulated card: rejects a header shorter than 4 bytes and an Lc that
// disagrees with the bytes that follow.
Result<CommandApdu> parse_command(ByteView bytes);

// Status words (ISO 7816-4 §5.1.3) the kiosk acts on.
namespace sw {
inline constexpr std::uint16_t ok = 0x9000;
inline constexpr std::uint16_t file_invalidated = 0x6283;
inline constexpr std::uint16_t wrong_length = 0x6700;
inline constexpr std::uint16_t conditions_not_satisfied = 0x6985;
inline constexpr std::uint16_t function_not_supported = 0x6A81;
inline constexpr std::uint16_t file_not_found = 0x6A82;
inline constexpr std::uint16_t record_not_found = 0x6A83;
inline constexpr std::uint16_t ins_not_supported = 0x6D00;
inline constexpr std::uint16_t cla_not_supported = 0x6E00;
inline constexpr std::uint16_t no_precise_diagnosis = 0x6F00;
}  // namespace sw

struct ResponseApdu {
    Bytes data;
    std::uint16_t sw = 0;

    [[nodiscard]] std::uint8_t sw1() const { return static_cast<std::uint8_t>(sw >> 8U); }
    [[nodiscard]] std::uint8_t sw2() const { return static_cast<std::uint8_t>(sw & 0xFFU); }
    [[nodiscard]] bool ok() const { return sw == sw::ok; }
};

// Splits data and SW1 SW2. A response needs at least the two status bytes, and SW1 must be 6x or
// 9x but not 60 (ISO 7816-4: anything else is a transmission fault, not a status).
Result<ResponseApdu> parse_response(ByteView bytes);

// "6A82 file not found", "61 10 more data: 16 bytes", "6C 0F wrong Le: resend with 15".
std::string describe_sw(std::uint16_t sw);

// The commands of the EMV read sequence (protocols.md "EMV contact chip").
CommandApdu select_by_name(ByteView name);                        // 00 A4 04 00 Lc name 00
CommandApdu read_record(std::uint8_t sfi, std::uint8_t record);   // 00 B2 rr (SFI<<3)|4 00
CommandApdu get_processing_options(ByteView pdol_data);           // 80 A8 00 00 Lc 83 L data 00
CommandApdu get_response(std::uint8_t length);                    // 00 C0 00 00 Le

inline constexpr std::string_view pse_name = "1PAY.SYS.DDF01";

}  // namespace kiosk::drivers::chip
