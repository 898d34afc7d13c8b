// EscPosStreamDecoder (see escpos_stream_decoder.hpp).
#include "sim/devices/escpos_stream_decoder.hpp"

#include <algorithm>
#include <cstdio>

#include "drivers/printer/gb18030.hpp"

namespace kiosk::sim {
namespace {

namespace cmd = escpos_command;
using drivers::escpos::dle;
using drivers::escpos::eot;
using drivers::escpos::esc;
using drivers::escpos::fs;
using drivers::escpos::gs;
using drivers::escpos::lf;

std::string hex(std::uint8_t value) {
    char text[5];
    std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned>(value));
    return text;
}

bool printable(std::uint8_t byte) { return byte >= 0x20 && byte <= 0x7E; }

}  // namespace

void EscPosStreamDecoder::feed(ByteView bytes) { buffer_.insert(buffer_.end(), bytes.begin(), bytes.end()); }

void EscPosStreamDecoder::drop(std::size_t count) {
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(count));
}

std::optional<EscPosCommand> EscPosStreamDecoder::next() {
    if (buffer_.empty()) return std::nullopt;
    const std::uint8_t first = buffer_.front();
    if (printable(first)) {
        std::string text;
        while (!buffer_.empty() && printable(buffer_.front())) {
            text.push_back(static_cast<char>(buffer_.front()));
            buffer_.pop_front();
        }
        return cmd::Text{std::move(text)};
    }
    if (first >= 0x80 && chinese_mode_) return chinese_text();
    switch (first) {
        case lf: drop(1); return cmd::LineFeed{};
        case fs: return file_separator();
        case esc: return escape();
        case gs: return group_separator();
        case dle:
            if (buffer_.size() < 3) return std::nullopt;
            if (buffer_[1] == eot) {
                const std::uint8_t n = buffer_[2];
                drop(3);
                return cmd::StatusRequest{n};
            }
            {
                std::string what = "unknown DLE " + hex(buffer_[1]);
                drop(2);
                return cmd::Unknown{std::move(what)};
            }
        default:
            drop(1);
            return cmd::Unknown{"control byte " + hex(first)};
    }
}

std::optional<EscPosCommand> EscPosStreamDecoder::escape() {
    if (buffer_.size() < 2) return std::nullopt;
    const std::uint8_t code = buffer_[1];
    if (code == '@') {
        drop(2);
        chinese_mode_ = false;
        return cmd::Initialize{};
    }
    if (code != 'E' && code != '-' && code != 'a' && code != 'd') {
        drop(2);
        return cmd::Unknown{"unknown ESC " + hex(code)};
    }
    if (buffer_.size() < 3) return std::nullopt;
    const std::uint8_t n = buffer_[2];
    drop(3);
    switch (code) {
        case 'E': return cmd::Bold{(n & 1U) != 0};
        case '-': {
            // ESC - accepts 0–2 and their ASCII forms '0'–'2'.
            const std::uint8_t thickness = n >= '0' ? static_cast<std::uint8_t>(n - '0') : n;
            if (thickness > 2) return cmd::Unknown{"ESC - with " + hex(n)};
            return cmd::Underline{thickness};
        }
        case 'a': {
            const std::uint8_t a = n >= '0' ? static_cast<std::uint8_t>(n - '0') : n;
            if (a > 2) return cmd::Unknown{"ESC a with " + hex(n)};
            return cmd::Align{static_cast<drivers::Alignment>(a)};
        }
        default: return cmd::FeedLines{n};
    }
}

std::optional<EscPosCommand> EscPosStreamDecoder::group_separator() {
    if (buffer_.size() < 2) return std::nullopt;
    const std::uint8_t code = buffer_[1];
    switch (code) {
        case '!': {
            if (buffer_.size() < 3) return std::nullopt;
            const std::uint8_t n = buffer_[2];
            drop(3);
            return cmd::Size{static_cast<std::uint8_t>(((n >> 4U) & 0x07U) + 1),
                             static_cast<std::uint8_t>((n & 0x07U) + 1)};
        }
        case 'V': {
            if (buffer_.size() < 3) return std::nullopt;
            const std::uint8_t m = buffer_[2];
            if (m == 0 || m == 48 || m == 1 || m == 49) {
                drop(3);
                return cmd::Cut{m == 0 || m == 48 ? drivers::CutMode::full : drivers::CutMode::partial, 0};
            }
            if (m == 65 || m == 66) {
                if (buffer_.size() < 4) return std::nullopt;
                const std::uint8_t n = buffer_[3];
                drop(4);
                return cmd::Cut{m == 65 ? drivers::CutMode::full : drivers::CutMode::partial, n};
            }
            drop(3);
            return cmd::Unknown{"GS V with " + hex(m)};
        }
        case '(': return qr_function();
        case 'v': return raster_image();
        default:
            drop(2);
            return cmd::Unknown{"unknown GS " + hex(code)};
    }
}

// GS ( k pL pH cn fn [parameters]: pL + 256·pH bytes follow pH.
std::optional<EscPosCommand> EscPosStreamDecoder::qr_function() {
    if (buffer_.size() < 5) return std::nullopt;
    if (buffer_[2] != 'k') {
        std::string what = "unknown GS ( " + hex(buffer_[2]);
        drop(3);
        return cmd::Unknown{std::move(what)};
    }
    const std::size_t length = std::size_t{buffer_[3]} | (std::size_t{buffer_[4]} << 8U);
    if (buffer_.size() < 5 + length) return std::nullopt;
    const std::uint8_t cn = length >= 1 ? buffer_[5] : 0;
    const std::uint8_t fn = length >= 2 ? buffer_[6] : 0;
    EscPosCommand command = cmd::Unknown{"GS ( k with cn " + hex(cn) + " fn " + hex(fn)};
    if (cn == 0x31 && length >= 3) {
        if (fn == 0x50 && buffer_[7] == 0x30) {
            std::string data;
            for (std::size_t i = 8; i < 5 + length; ++i) data.push_back(static_cast<char>(buffer_[i]));
            command = cmd::QrStore{std::move(data)};
        } else if (fn == 0x51 && length == 3) {
            command = cmd::QrPrint{};
        } else if ((fn == 0x41 && length == 4) || (fn == 0x43 && length == 3) ||
                   (fn == 0x45 && length == 3)) {
            command = cmd::QrSetting{fn, buffer_[7]};
        }
    }
    drop(5 + length);
    return command;
}

}  // namespace kiosk::sim

namespace kiosk::sim {

std::optional<EscPosCommand> EscPosStreamDecoder::file_separator() {
    if (buffer_.size() < 2) return std::nullopt;
    const std::uint8_t code = buffer_[1];
    drop(2);
    if (code == '&') chinese_mode_ = true;
    if (code == '.') chinese_mode_ = false;
    if (code == '&' || code == '.') return cmd::ChineseMode{chinese_mode_};
    return cmd::Unknown{"unknown FS " + hex(code)};
}

// A run of whole GB18030 characters; waits for a character's last byte before decoding it.
std::optional<EscPosCommand> EscPosStreamDecoder::chinese_text() {
    Bytes run;
    std::size_t at = 0;
    while (at < buffer_.size() && buffer_[at] >= 0x80) {
        if (at + 1 >= buffer_.size()) break;
        const std::size_t length = drivers::gb18030_char_length(buffer_[at], buffer_[at + 1]);
        if (length == 0) {
            if (at > 0) break;
            const std::uint8_t bad = buffer_[0];
            drop(1);
            return cmd::Unknown{"GB18030 lead byte " + hex(bad)};
        }
        if (at + length > buffer_.size()) break;
        for (std::size_t i = 0; i < length; ++i) run.push_back(buffer_[at + i]);
        at += length;
    }
    if (run.empty()) return std::nullopt;  // a character's bytes are still coming
    drop(at);
    auto text = drivers::gb18030_to_utf8(run);
    if (!text) return cmd::Unknown{text.error().message};
    return cmd::Text{std::move(*text)};
}

// GS v 0 m xL xH yL yH d…: (xL + 256·xH) × (yL + 256·yH) bytes of image follow.
std::optional<EscPosCommand> EscPosStreamDecoder::raster_image() {
    if (buffer_.size() < 8) return std::nullopt;
    if (buffer_[2] != '0') {
        std::string what = "unknown GS v " + hex(buffer_[2]);
        drop(3);
        return cmd::Unknown{std::move(what)};
    }
    const std::size_t row_bytes = std::size_t{buffer_[4]} | (std::size_t{buffer_[5]} << 8U);
    const std::size_t rows = std::size_t{buffer_[6]} | (std::size_t{buffer_[7]} << 8U);
    if (row_bytes == 0 || rows == 0 || rows > drivers::escpos::raster_max_rows) {
        drop(8);
        return cmd::Unknown{"GS v 0 of " + std::to_string(row_bytes) + " bytes x " + std::to_string(rows) + " rows"};
    }
    if (buffer_.size() < 8 + row_bytes * rows) return std::nullopt;
    drivers::MonoBitmap image(row_bytes * 8, rows);
    std::copy(buffer_.begin() + 8, buffer_.begin() + 8 + static_cast<std::ptrdiff_t>(row_bytes * rows), image.rows.begin());
    drop(8 + row_bytes * rows);
    return cmd::Raster{std::move(image)};
}

}  // namespace kiosk::sim
