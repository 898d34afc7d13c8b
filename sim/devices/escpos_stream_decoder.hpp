// EscPosStreamDecoder: the printer side of ESC/POS. Fed bytes in any fragments, it yields the
// commands in them — text runs (GB18030 in Chinese character mode, given back as UTF-8), LF, style
// changes, QR store/print, raster images, cut, real-time status requests — and names every byte
// sequence it does not understand. SimPrinter interprets the commands.
// Run: build/h-drivers/bin/sim_devices_tests --gtest_filter='EscPosStreamDecoder*'
// Used by: tests/sim/escpos_stream_decoder_test.cpp, sim_printer.hpp.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <variant>

#include "common/bytes.hpp"
#include "drivers/printer/escpos_encoder.hpp"

namespace kiosk::sim::escpos_command {

struct Text { std::string text; };
struct LineFeed {};
struct Initialize {};
struct Bold { bool on; };
struct Underline { std::uint8_t thickness; };
struct Size { std::uint8_t width; std::uint8_t height; };
struct Align { drivers::Alignment alignment; };
struct FeedLines { std::uint8_t lines; };                 // ESC d n
struct QrStore { std::string data; };
struct QrPrint {};
struct QrSetting { std::uint8_t function; std::uint8_t value; };  // model / size / error correction
struct Cut { drivers::CutMode mode; std::uint8_t feed_lines; };
struct StatusRequest { std::uint8_t n; };                 // DLE EOT n
struct ChineseMode { bool on; };                          // FS & / FS .
struct Raster { drivers::MonoBitmap image; };             // GS v 0
struct Unknown { std::string description; };

}  // namespace kiosk::sim::escpos_command

namespace kiosk::sim {

using EscPosCommand =
    std::variant<escpos_command::Text, escpos_command::LineFeed, escpos_command::Initialize,
                 escpos_command::Bold, escpos_command::Underline, escpos_command::Size,
                 escpos_command::Align, escpos_command::FeedLines, escpos_command::QrStore,
                 escpos_command::QrPrint, escpos_command::QrSetting, escpos_command::Cut,
                 escpos_command::StatusRequest, escpos_command::ChineseMode, escpos_command::Raster,
                 escpos_command::Unknown>;

class EscPosStreamDecoder {
public:
    void feed(ByteView bytes);

    // The next complete command; nullopt when the buffered bytes end inside a command.
    std::optional<EscPosCommand> next();

private:
    std::optional<EscPosCommand> escape();
    std::optional<EscPosCommand> group_separator();
    std::optional<EscPosCommand> qr_function();
    std::optional<EscPosCommand> raster_image();
    std::optional<EscPosCommand> file_separator();
    std::optional<EscPosCommand> chinese_text();
    void drop(std::size_t count);

    std::deque<std::uint8_t> buffer_;
    bool chinese_mode_ = false;  // between FS & and FS . (or ESC @)
};

}  // namespace kiosk::sim
