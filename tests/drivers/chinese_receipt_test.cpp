// Tests for Chinese receipts in the printer's text mode: drivers/printer/gb18030.hpp, the
// encoder's chinese_text (FS & … FS .) and a receipt printed through SimPrinter and decoded back.
#include <gtest/gtest.h>

#include "drivers/printer/escpos_printer.hpp"
#include "drivers/printer/gb18030.hpp"
#include "sim/devices/escpos_stream_decoder.hpp"
#include "sim/devices/sim_printer.hpp"

namespace kiosk::drivers {
namespace {

TEST(Gb18030, ConvertsTwoAndFourByteCharacters) {
    // 取 C8 A1, 款 BF EE (GB2312 range); ¥ is outside GB2312: four bytes 81 30 84 36.
    auto bytes = utf8_to_gb18030("取款 ¥1");
    ASSERT_TRUE(bytes.ok()) << bytes.error().to_string();
    EXPECT_EQ(*bytes, (Bytes{0xC8, 0xA1, 0xBF, 0xEE, ' ', 0x81, 0x30, 0x84, 0x36, '1'}));
    auto back = gb18030_to_utf8(*bytes);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, "取款 ¥1");
}

TEST(Gb18030, InvalidInputIsAnErrorNamingTheOffset) {
    auto from_bad_utf8 = utf8_to_gb18030("ok\xC3");
    ASSERT_FALSE(from_bad_utf8.ok());
    EXPECT_NE(from_bad_utf8.error().message.find("byte 2"), std::string::npos) << from_bad_utf8.error().message;
    const Bytes cut{0xC8, 0xA1, 0xBF};
    auto from_cut = gb18030_to_utf8(cut);
    ASSERT_FALSE(from_cut.ok());
    EXPECT_NE(from_cut.error().message.find("byte 2"), std::string::npos) << from_cut.error().message;
}

TEST(Gb18030, CharacterLengthFromTheFirstTwoBytes) {
    EXPECT_EQ(gb18030_char_length('A', 0), 1U);
    EXPECT_EQ(gb18030_char_length(0xC8, 0xA1), 2U);
    EXPECT_EQ(gb18030_char_length(0x81, 0x30), 4U);
    EXPECT_EQ(gb18030_char_length(0x80, 0x30), 0U);
    EXPECT_EQ(gb18030_char_length(0xFF, 0x30), 0U);
}

TEST(EscPosChineseText, WrapsEachNonAsciiRunInChineseMode) {
    auto bytes = EscPosEncoder().chinese_text("A取款B").finish();
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(*bytes, (Bytes{'A', 0x1C, '&', 0xC8, 0xA1, 0xBF, 0xEE, 0x1C, '.', 'B'}));
}

TEST(EscPosChineseText, ControlBytesStillCannotReachThePrinter) {
    auto bytes = EscPosEncoder().chinese_text("取\x1D" "V").finish();
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(*bytes, (Bytes{0x1C, '&', 0xC8, 0xA1, 0x1C, '.', '?', 'V'}));
}

TEST(EscPosChineseText, InvalidUtf8FailsTheJob) {
    auto bytes = EscPosEncoder().chinese_text("取\xE5").finish();
    ASSERT_FALSE(bytes.ok());
    EXPECT_NE(bytes.error().message.find("text at byte"), std::string::npos) << bytes.error().message;
}

TEST(EscPosRaster, HeaderCarriesBytesPerRowAndRows) {
    MonoBitmap image(16, 2);
    image.set(0, 0);
    image.set(15, 1);
    auto bytes = EscPosEncoder().raster(image).finish();
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(*bytes, (Bytes{0x1D, 'v', '0', 0, 2, 0, 2, 0, 0x80, 0x00, 0x00, 0x01}));
}

TEST(EscPosRaster, AnEmptyOrTooTallImageIsRefused) {
    EXPECT_FALSE(EscPosEncoder().raster(MonoBitmap{}).finish().ok());
    auto tall = EscPosEncoder().raster(MonoBitmap(8, escpos::raster_max_rows + 1)).finish();
    ASSERT_FALSE(tall.ok());
    EXPECT_NE(tall.error().message.find("not printable"), std::string::npos);
}

TEST(EscPosStreamDecoderChinese, DecodesGb18030InFragmentsAndImages) {
    sim::EscPosStreamDecoder decoder;
    const Bytes stream{0x1C, '&', 0xC8, 0xA1, 0xBF, 0xEE, 0x1C, '.', 0x1D, 'v', '0', 0, 1, 0, 1, 0, 0xF0};
    std::vector<sim::EscPosCommand> commands;
    for (const std::uint8_t byte : stream) {  // one byte at a time: characters split across reads
        decoder.feed(ByteView(&byte, 1));
        while (auto command = decoder.next()) commands.push_back(*command);
    }
    std::string text;
    std::optional<MonoBitmap> image;
    for (const auto& command : commands) {
        if (const auto* run = std::get_if<sim::escpos_command::Text>(&command)) text += run->text;
        if (const auto* raster = std::get_if<sim::escpos_command::Raster>(&command)) image = raster->image;
        EXPECT_FALSE(std::holds_alternative<sim::escpos_command::Unknown>(command));
    }
    EXPECT_EQ(text, "取款");
    ASSERT_TRUE(image.has_value());
    EXPECT_EQ(image->width, 8U);
    EXPECT_TRUE(image->dot(0, 0));
    EXPECT_FALSE(image->dot(4, 0));
}

TEST(EscPosStreamDecoderChinese, HighBytesOutsideChineseModeAreNamed) {
    sim::EscPosStreamDecoder decoder;
    const Bytes stream{0xC8, 0xA1};
    decoder.feed(stream);
    auto command = decoder.next();
    ASSERT_TRUE(command.has_value());
    const auto* unknown = std::get_if<sim::escpos_command::Unknown>(&*command);
    ASSERT_NE(unknown, nullptr);
    EXPECT_NE(unknown->description.find("0xC8"), std::string::npos);
}

TEST(EscPosPrinterChinese, AChineseReceiptPrintedInGb18030ModeDecodesBackToTheSameText) {
    sim::SimPrinter sim;
    EscPosPrinter printer(sim.host_transport(), EscPosPrinterOptions{Millis{50}, ChineseTextMode::gb18030});
    Receipt receipt;
    receipt.lines.push_back({"开心银行", {true, false, 2, 2, Alignment::center}});
    receipt.lines.push_back({"取款 ¥500.00", {true, false, 1, 1, Alignment::left}});
    receipt.lines.push_back({"TERMINAL K-0001", {}});
    receipt.lines.push_back({"谢谢惠顾", {false, false, 1, 1, Alignment::center}});
    ASSERT_TRUE(printer.print(receipt).ok());
    ASSERT_EQ(sim.receipts().size(), 1U);
    EXPECT_EQ(sim.receipts()[0].text(), "开心银行\n取款 ¥500.00\nTERMINAL K-0001\n谢谢惠顾");
    EXPECT_EQ(sim.receipts()[0].lines[0].style, (LineStyle{true, false, 2, 2, Alignment::center}));
    EXPECT_TRUE(sim.decode_errors().empty());
}

TEST(EscPosPrinterChinese, RasterModeWithoutARasterizerFailsSayingSo) {
    sim::SimPrinter sim;
    EscPosPrinter printer(sim.host_transport(), EscPosPrinterOptions{Millis{50}, ChineseTextMode::raster});
    Receipt receipt;
    receipt.lines.push_back({"取款", {}});
    const Status printed = printer.print(receipt);
    ASSERT_FALSE(printed.ok());
    EXPECT_NE(printed.error().message.find("without a rasterizer"), std::string::npos) << printed.error().message;
}

}  // namespace
}  // namespace kiosk::drivers
