// Tests for sim/devices/escpos_stream_decoder.hpp: every command of the subset, fragmentation,
// and unknown sequences.
#include "sim/devices/escpos_stream_decoder.hpp"

#include <gtest/gtest.h>

namespace kiosk::sim {
namespace {

namespace cmd = escpos_command;

std::vector<EscPosCommand> decode_all(EscPosStreamDecoder& decoder) {
    std::vector<EscPosCommand> out;
    while (auto c = decoder.next()) out.push_back(*c);
    return out;
}

TEST(EscPosStreamDecoder, DecodesTheEncodersOutput) {
    drivers::EscPosEncoder encoder;
    encoder.initialize().bold(true).underline(1).size(3, 2).align(drivers::Alignment::right)
        .text("Total").line_feed().qr_code("Q1").cut(drivers::CutMode::partial, 3);
    auto bytes = encoder.finish();
    ASSERT_TRUE(bytes.ok());
    EscPosStreamDecoder decoder;
    decoder.feed(*bytes);
    auto commands = decode_all(decoder);
    ASSERT_EQ(commands.size(), 13u);
    EXPECT_TRUE(std::holds_alternative<cmd::Initialize>(commands[0]));
    EXPECT_TRUE(std::get<cmd::Bold>(commands[1]).on);
    EXPECT_EQ(std::get<cmd::Underline>(commands[2]).thickness, 1);
    EXPECT_EQ(std::get<cmd::Size>(commands[3]).width, 3);
    EXPECT_EQ(std::get<cmd::Size>(commands[3]).height, 2);
    EXPECT_EQ(std::get<cmd::Align>(commands[4]).alignment, drivers::Alignment::right);
    EXPECT_EQ(std::get<cmd::Text>(commands[5]).text, "Total");
    EXPECT_TRUE(std::holds_alternative<cmd::LineFeed>(commands[6]));
    EXPECT_EQ(std::get<cmd::QrSetting>(commands[7]).function, 0x41);
    EXPECT_EQ(std::get<cmd::QrStore>(commands[10]).data, "Q1");
    EXPECT_TRUE(std::holds_alternative<cmd::QrPrint>(commands[11]));
    EXPECT_EQ(std::get<cmd::Cut>(commands[12]).mode, drivers::CutMode::partial);
    EXPECT_EQ(std::get<cmd::Cut>(commands[12]).feed_lines, 3);
}

TEST(EscPosStreamDecoder, WaitsForTheRestOfAFragmentedCommand) {
    drivers::EscPosEncoder encoder;
    encoder.qr_code("fragmented");
    const Bytes bytes = encoder.finish().value();
    EscPosStreamDecoder decoder;
    std::vector<EscPosCommand> commands;
    for (auto b : bytes) {
        decoder.feed(ByteView(&b, 1));
        while (auto c = decoder.next()) commands.push_back(*c);
    }
    ASSERT_EQ(commands.size(), 5u);
    EXPECT_EQ(std::get<cmd::QrStore>(commands[3]).data, "fragmented");
}

TEST(EscPosStreamDecoder, StatusRequestsAndUnknownSequences) {
    EscPosStreamDecoder decoder;
    decoder.feed(Bytes{0x10, 0x04, 0x04, 0x1B, 0x7A, 0x1D, 0x7A, 0x07, 0x10, 0x05, 0x1D, 0x56, 0x09});
    auto commands = decode_all(decoder);
    ASSERT_EQ(commands.size(), 6u);
    EXPECT_EQ(std::get<cmd::StatusRequest>(commands[0]).n, 4);
    EXPECT_EQ(std::get<cmd::Unknown>(commands[1]).description, "unknown ESC 0x7A");
    EXPECT_EQ(std::get<cmd::Unknown>(commands[2]).description, "unknown GS 0x7A");
    EXPECT_EQ(std::get<cmd::Unknown>(commands[3]).description, "control byte 0x07");
    EXPECT_EQ(std::get<cmd::Unknown>(commands[4]).description, "unknown DLE 0x05");
    EXPECT_EQ(std::get<cmd::Unknown>(commands[5]).description, "GS V with 0x09");
}

TEST(EscPosStreamDecoder, AsciiArgumentFormsAreAccepted) {
    EscPosStreamDecoder decoder;
    decoder.feed(Bytes{0x1B, '-', '2', 0x1B, 'a', '1', 0x1D, 'V', 48});
    auto commands = decode_all(decoder);
    ASSERT_EQ(commands.size(), 3u);
    EXPECT_EQ(std::get<cmd::Underline>(commands[0]).thickness, 2);
    EXPECT_EQ(std::get<cmd::Align>(commands[1]).alignment, drivers::Alignment::center);
    EXPECT_EQ(std::get<cmd::Cut>(commands[2]).mode, drivers::CutMode::full);
}

}  // namespace
}  // namespace kiosk::sim
