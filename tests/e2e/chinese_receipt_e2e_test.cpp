// Issue 11's receipt scenario: a Chinese customer's receipt is printed in Chinese, through the
// printer's GB18030 mode or as raster images (devices.printer_chinese), and the simulated printer
// decodes either back to the same Chinese text. The e-receipt link carries the language too.
#include <gtest/gtest.h>

#include "tests/e2e/kiosk_on_simulator.hpp"

namespace kiosk {
namespace {

using flow::StateId;

class ChineseReceiptE2eTest : public test::KioskOnSimulator,
                              public ::testing::WithParamInterface<drivers::ChineseTextMode> {
protected:
    void SetUp() override {
        config_.devices.printer_chinese = GetParam();
        start("kiosk-zh-receipt-e2e");
    }
};

TEST_P(ChineseReceiptE2eTest, ABalanceReceiptReadsBackInChinese) {
    const sim::VirtualCard& li = sim::card("unionpay-li");  // his profile prefers 简体中文
    to_menu(li);
    touch("balance", Millis(2'000));
    ASSERT_EQ(state(), StateId::ShowBalance) << notes_;
    touch("continue");
    touch("receipt_yes", Millis(3'000));
    ASSERT_EQ(rig_->printer().receipts().size(), 1U) << notes_;
    const sim::PrintedReceipt receipt = rig_->printer().receipts().front();
    const std::string text = receipt.text();
    EXPECT_NE(text.find("余额查询"), std::string::npos) << text;
    EXPECT_NE(text.find("终端 " + config_.kiosk_id), std::string::npos) << text;
    EXPECT_NE(text.find("可用余额 ¥"), std::string::npos) << text;
    EXPECT_NE(text.find("谢谢惠顾"), std::string::npos) << text;
    EXPECT_EQ(text.find(li.pan), std::string::npos) << "a full PAN on the receipt";
    EXPECT_TRUE(rig_->printer().decode_errors().empty()) << rig_->printer().decode_errors().front();
    std::size_t images = 0;
    for (const sim::PrintedLine& line : receipt.lines) images += line.image.has_value() ? 1U : 0U;
    if (GetParam() == drivers::ChineseTextMode::raster) {
        EXPECT_GE(images, 4U) << "every Chinese line is an image";
    } else {
        EXPECT_EQ(images, 0U);
    }
}

INSTANTIATE_TEST_SUITE_P(BothPrinterModes, ChineseReceiptE2eTest,
                         ::testing::Values(drivers::ChineseTextMode::gb18030, drivers::ChineseTextMode::raster),
                         [](const auto& mode) {
                             return std::string(mode.param == drivers::ChineseTextMode::raster ? "raster" : "gb18030");
                         });

}  // namespace
}  // namespace kiosk
