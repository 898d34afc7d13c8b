// EscPosStreamDecoder (see escpos_stream_decoder.hpp).
#include "sim/devices/escpos_stream_decoder.hpp"

#include <cstdio>

namespace kiosk::sim {
namespace {

namespace cmd = escpos_command;
using drivers::escpos::dle;
using drivers::escpos::eot;
using drivers::escpos::esc;
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
    switch (first) {
        case lf: drop(1); return cmd::LineFeed{};
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
