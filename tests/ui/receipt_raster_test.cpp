// Tests for ui/receipt_rasterizer.hpp and ui/raster_text_reader.hpp: receipt lines drawn as dots
// on the cell grid and read back exactly; a Chinese receipt printed in raster mode through the
// ESC/POS driver into SimPrinter decodes back to the same text.
#include <gtest/gtest.h>

#include "drivers/printer/escpos_printer.hpp"
#include "sim/devices/sim_printer.hpp"
#include "ui/raster_text_reader.hpp"
#include "ui/receipt_rasterizer.hpp"

namespace kiosk::ui {
namespace {

using drivers::Alignment;
using drivers::LineStyle;
using drivers::ReceiptLine;

class ReceiptRasterTest : public ::testing::Test {
protected:
    ReceiptRasterizer rasterizer{FontPaths::debian_default()};
    RasterTextReader reader{FontPaths::debian_default()};
};

TEST_F(ReceiptRasterTest, CellsAreTwelveOrTwentyFourDotsWideTimesTheMagnification) {
    auto line = rasterizer.rasterize(ReceiptLine{"取A", {}}, 576);
    ASSERT_TRUE(line.ok()) << line.error().to_string();
    EXPECT_EQ(line->width, 40U);  // 24 + 12 = 36, whole bytes
    EXPECT_EQ(line->height, 24U);
    auto big = rasterizer.rasterize(ReceiptLine{"取", {true, false, 2, 3, Alignment::center}}, 576);
    ASSERT_TRUE(big.ok());
    EXPECT_EQ(big->width, 48U);
    EXPECT_EQ(big->height, 72U);
}

TEST_F(ReceiptRasterTest, GlyphsHaveInkAndDifferentCharactersDifferentDots) {
    const CellStyle plain{};
    const auto qu = rasterizer.cell(U'取', plain);
    const auto kuan = rasterizer.cell(U'款', plain);
    const auto count = [](const drivers::MonoBitmap& image) {
        std::size_t dots = 0;
        for (std::size_t y = 0; y < image.height; ++y)
            for (std::size_t x = 0; x < image.width; ++x) dots += image.dot(x, y) ? 1U : 0U;
        return dots;
    };
    EXPECT_GT(count(qu), 40U);
    EXPECT_NE(qu, kuan);
    EXPECT_NE(rasterizer.cell(U'l', plain), rasterizer.cell(U'I', plain));
    EXPECT_NE(rasterizer.cell(U'0', plain), rasterizer.cell(U'O', plain));
}

TEST_F(ReceiptRasterTest, EveryStyleOfAReceiptReadsBackExactly) {
    const std::vector<ReceiptLine> lines = {
        {"开心银行", {true, false, 2, 2, Alignment::center}},
        {"中国工商银行，您好！请取走现金。", {}},
        {"取款  ¥1,500.00", {true, false, 1, 1, Alignment::left}},
        {"卡号 622848******1234", {}},
        {"终端 K-0001  2026-12-02 08:15:00 UTC", {}},
        {"    可用余额 ¥12,345.67", {false, true, 1, 1, Alignment::right}},
        {"谢谢惠顾", {false, false, 3, 1, Alignment::center}},
    };
    for (const ReceiptLine& line : lines) {
        auto image = rasterizer.rasterize(line, 576);
        ASSERT_TRUE(image.ok()) << line.text << ": " << image.error().to_string();
        auto text = reader.read(*image);
        ASSERT_TRUE(text.ok()) << line.text << ": " << text.error().to_string();
        EXPECT_EQ(*text, line.text);
    }
}

TEST_F(ReceiptRasterTest, NoTwoCandidatesAreDrawnAlike) {
    std::string pairs;
    for (const auto& [read_as, lookalike] : reader.ambiguous_glyphs()) {
        pairs += " U+" + std::to_string(static_cast<unsigned>(read_as)) + "/U+" + std::to_string(static_cast<unsigned>(lookalike));
    }
    EXPECT_TRUE(pairs.empty()) << "drawn alike:" << pairs;
}

TEST_F(ReceiptRasterTest, ALineWiderThanThePaperIsAnErrorNotAClippedLine) {
    auto wide = rasterizer.rasterize(ReceiptLine{std::string(25 * 3, 'x'), {true, false, 2, 1}}, 576);
    ASSERT_FALSE(wide.ok());
    EXPECT_NE(wide.error().message.find("wider than the 576-dot paper"), std::string::npos) << wide.error().message;
}

TEST_F(ReceiptRasterTest, AnImageThatIsNotTextIsAnErrorNamingWhere) {
    drivers::MonoBitmap smudge(48, 24);
    for (std::size_t y = 0; y < 24; y += 2) smudge.set(3, y);
    auto text = reader.read(smudge);
    ASSERT_FALSE(text.ok());
    EXPECT_NE(text.error().message.find("dot 0"), std::string::npos) << text.error().message;
    auto empty = reader.read(drivers::MonoBitmap(48, 24));
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(*empty, "");
    drivers::MonoBitmap odd(48, 20);
    odd.set(1, 1);
    EXPECT_FALSE(reader.read(odd).ok());
}

TEST_F(ReceiptRasterTest, AChineseReceiptPrintedAsImagesDecodesBackToTheSameText) {
    sim::SimPrinter sim;
    sim.set_raster_reader([this](const drivers::MonoBitmap& image) { return reader.read(image); });
    drivers::EscPosPrinter printer(sim.host_transport(),
                                   drivers::EscPosPrinterOptions{Millis{200}, drivers::ChineseTextMode::raster, &rasterizer});
    drivers::Receipt receipt;
    receipt.lines.push_back({"开心银行", {true, false, 2, 2, Alignment::center}});
    receipt.lines.push_back({"取款 ¥500.00", {true, false, 1, 1, Alignment::left}});
    receipt.lines.push_back({"TERMINAL K-0001", {}});  // ASCII stays text
    receipt.lines.push_back({"谢谢惠顾", {false, false, 1, 1, Alignment::center}});
    ASSERT_TRUE(printer.print(receipt).ok());
    ASSERT_EQ(sim.receipts().size(), 1U);
    const sim::PrintedReceipt printed = sim.receipts()[0];
    EXPECT_EQ(printed.text(), "开心银行\n取款 ¥500.00\nTERMINAL K-0001\n谢谢惠顾");
    EXPECT_TRUE(sim.decode_errors().empty()) << sim.decode_errors().front();
    ASSERT_EQ(printed.lines.size(), 4U);
    EXPECT_TRUE(printed.lines[0].image.has_value());
    EXPECT_FALSE(printed.lines[2].image.has_value());
    EXPECT_EQ(printed.lines[0].style.align, Alignment::center);
    EXPECT_EQ(printed.lines[3].style.align, Alignment::center);
}

}  // namespace
}  // namespace kiosk::ui
