// ESC/POS encoder (see escpos_encoder.hpp).
#include "drivers/printer/escpos_encoder.hpp"

#include <string>

#include "drivers/printer/gb18030.hpp"

namespace kiosk::drivers {

using namespace escpos;

void EscPosEncoder::fail(std::string message) {
    if (!error_) error_ = make_error("escpos", std::move(message));
}

EscPosEncoder& EscPosEncoder::initialize() {
    out_.insert(out_.end(), {esc, '@'});
    return *this;
}

EscPosEncoder& EscPosEncoder::bold(bool on) {
    out_.insert(out_.end(), {esc, 'E', static_cast<std::uint8_t>(on ? 1 : 0)});
    return *this;
}

EscPosEncoder& EscPosEncoder::underline(std::uint8_t thickness) {
    if (thickness > 2) {
        fail("underline thickness " + std::to_string(thickness) + " outside 0..2");
        return *this;
    }
    out_.insert(out_.end(), {esc, '-', thickness});
    return *this;
}

EscPosEncoder& EscPosEncoder::size(std::uint8_t width, std::uint8_t height) {
    if (width < 1 || width > 8 || height < 1 || height > 8) {
        fail("character size " + std::to_string(width) + "x" + std::to_string(height) +
             " outside 1..8");
        return *this;
    }
    // GS ! n: bits 4–6 width − 1, bits 0–2 height − 1.
    const auto n = static_cast<std::uint8_t>(((width - 1) << 4U) | (height - 1));
    out_.insert(out_.end(), {gs, '!', n});
    return *this;
}

EscPosEncoder& EscPosEncoder::align(Alignment alignment) {
    out_.insert(out_.end(), {esc, 'a', static_cast<std::uint8_t>(alignment)});
    return *this;
}

EscPosEncoder& EscPosEncoder::text(std::string_view text) {
    for (char c : text) {
        const auto byte = static_cast<std::uint8_t>(c);
        out_.push_back(byte >= 0x20 && byte <= 0x7E ? byte : std::uint8_t{'?'});
    }
    return *this;
}

EscPosEncoder& EscPosEncoder::chinese_text(std::string_view utf8) {
    std::size_t at = 0;
    while (at < utf8.size()) {
        std::size_t end = at;
        const bool ascii = static_cast<std::uint8_t>(utf8[at]) < 0x80;
        while (end < utf8.size() && (static_cast<std::uint8_t>(utf8[end]) < 0x80) == ascii) ++end;
        const std::string_view run = utf8.substr(at, end - at);
        if (ascii) {
            text(run);
        } else {
            auto encoded = utf8_to_gb18030(run);
            if (!encoded) {
                fail("text at byte " + std::to_string(at) + ": " + encoded.error().message);
                return *this;
            }
            out_.insert(out_.end(), {fs, '&'});
            out_.insert(out_.end(), encoded->begin(), encoded->end());
            out_.insert(out_.end(), {fs, '.'});
        }
        at = end;
    }
    return *this;
}

EscPosEncoder& EscPosEncoder::raster(const MonoBitmap& image) {
    const std::size_t row_bytes = image.bytes_per_row();
    if (image.width == 0 || image.height == 0 || image.height > raster_max_rows || row_bytes > 0xFFFF ||
        image.rows.size() != row_bytes * image.height) {
        fail("raster image of " + std::to_string(image.width) + "x" + std::to_string(image.height) + " dots with " +
             std::to_string(image.rows.size()) + " bytes is not printable (1.." + std::to_string(raster_max_rows) +
             " rows of whole bytes)");
        return *this;
    }
    out_.insert(out_.end(), {gs, 'v', '0', 0, static_cast<std::uint8_t>(row_bytes & 0xFFU),
                             static_cast<std::uint8_t>(row_bytes >> 8U), static_cast<std::uint8_t>(image.height & 0xFFU),
                             static_cast<std::uint8_t>(image.height >> 8U)});
    out_.insert(out_.end(), image.rows.begin(), image.rows.end());
    return *this;
}

EscPosEncoder& EscPosEncoder::line_feed(unsigned lines) {
    out_.insert(out_.end(), lines, lf);
    return *this;
}

EscPosEncoder& EscPosEncoder::qr_code(std::string_view data, std::uint8_t module_size,
                                      QrErrorCorrection correction) {
    if (data.empty() || data.size() > qr_max_data) {
        fail("QR data of " + std::to_string(data.size()) + " bytes outside 1.." +
             std::to_string(qr_max_data));
        return *this;
    }
    if (module_size < 1 || module_size > 16) {
        fail("QR module size " + std::to_string(module_size) + " outside 1..16");
        return *this;
    }
    out_.insert(out_.end(), {gs, '(', 'k', 4, 0, 0x31, 0x41, 0x32, 0x00});       // model 2
    out_.insert(out_.end(), {gs, '(', 'k', 3, 0, 0x31, 0x43, module_size});      // module size
    out_.insert(out_.end(), {gs, '(', 'k', 3, 0, 0x31, 0x45,
                             static_cast<std::uint8_t>(correction)});           // error correction
    const std::size_t stored = data.size() + 3;                                   // pL + 256·pH = k + 3
    out_.insert(out_.end(), {gs, '(', 'k', static_cast<std::uint8_t>(stored & 0xFFU),
                             static_cast<std::uint8_t>(stored >> 8U), 0x31, 0x50, 0x30});
    out_.insert(out_.end(), data.begin(), data.end());
    out_.insert(out_.end(), {gs, '(', 'k', 3, 0, 0x31, 0x51, 0x30});             // print
    return *this;
}

EscPosEncoder& EscPosEncoder::cut(CutMode mode, std::uint8_t feed_lines) {
    if (feed_lines == 0) {
        out_.insert(out_.end(), {gs, 'V', static_cast<std::uint8_t>(mode == CutMode::full ? 0 : 1)});
    } else {
        out_.insert(out_.end(),
                    {gs, 'V', static_cast<std::uint8_t>(mode == CutMode::full ? 65 : 66), feed_lines});
    }
    return *this;
}

Result<Bytes> EscPosEncoder::finish() {
    Bytes out;
    out.swap(out_);
    if (error_) {
        Error error = std::move(*error_);
        error_.reset();
        return error;
    }
    return out;
}

Bytes roll_paper_status_request() { return {dle, eot, 4}; }
Bytes offline_cause_request() { return {dle, eot, 2}; }

}  // namespace kiosk::drivers
