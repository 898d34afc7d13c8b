// ESC/POS encoder for the 80 mm receipt printer: builds the byte stream for text with styles,
// QR codes and the cut (protocols.md, "ESC/POS"). Builder calls chain; finish() reports the first
// invalid call instead of emitting a stream the printer would misread.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "drivers/printer/mono_bitmap.hpp"

namespace kiosk::drivers {

enum class Alignment : std::uint8_t { left = 0, center = 1, right = 2 };
enum class QrErrorCorrection : std::uint8_t { low = 48, medium = 49, quartile = 50, high = 51 };
enum class CutMode : std::uint8_t { full, partial };

namespace escpos {
inline constexpr std::uint8_t esc = 0x1B;
inline constexpr std::uint8_t fs = 0x1C;
inline constexpr std::uint8_t gs = 0x1D;
inline constexpr std::uint8_t dle = 0x10;
inline constexpr std::uint8_t eot = 0x04;
inline constexpr std::uint8_t lf = 0x0A;
// Byte-mode capacity of the largest QR symbol at error correction L.
inline constexpr std::size_t qr_max_data = 2953;
// GS v 0 limits: xL + 256·xH bytes per row (1–65535… but no roll is that wide), 1–2303 rows.
inline constexpr std::size_t raster_max_rows = 2303;
}  // namespace escpos

class EscPosEncoder {
public:
    EscPosEncoder& initialize();                            // ESC @
    EscPosEncoder& bold(bool on);                           // ESC E n
    EscPosEncoder& underline(std::uint8_t thickness);       // ESC - n, 0–2 dots
    EscPosEncoder& size(std::uint8_t width, std::uint8_t height);  // GS ! n, 1–8 each
    EscPosEncoder& align(Alignment alignment);              // ESC a n
    // Printable ASCII goes out as is; any other byte becomes '?' so text can never smuggle a
    // command into the stream.
    EscPosEncoder& text(std::string_view text);
    // UTF-8 text for printers with a Chinese font: ASCII as text() sends it, each run of other
    // characters as GB18030 between FS & (Chinese character mode) and FS . (back to ASCII).
    // GB18030 bytes are all ≥ 0x30 after a lead byte ≥ 0x81, so no run can hold a command.
    EscPosEncoder& chinese_text(std::string_view utf8);
    // GS v 0: a 1-bit image at normal density, printed where the line starts.
    EscPosEncoder& raster(const MonoBitmap& image);
    EscPosEncoder& line_feed(unsigned lines = 1);           // LF × lines
    // GS ( k: model 2, module size (1–16), error correction, store data, print.
    EscPosEncoder& qr_code(std::string_view data, std::uint8_t module_size = 6,
                           QrErrorCorrection correction = QrErrorCorrection::medium);
    // GS V m, or GS V 65/66 n to feed `feed_lines` first.
    EscPosEncoder& cut(CutMode mode, std::uint8_t feed_lines = 0);

    // The stream so far, or the first error; the encoder is empty afterwards.
    Result<Bytes> finish();

private:
    void fail(std::string message);

    Bytes out_;
    std::optional<Error> error_;
};

// Real-time status requests, answered by the printer even while offline.
Bytes roll_paper_status_request();  // DLE EOT 4
Bytes offline_cause_request();      // DLE EOT 2

}  // namespace kiosk::drivers
