// Tests for drivers/printer/escpos_encoder.hpp: exact bytes per protocols.md, "ESC/POS".
#include "drivers/printer/escpos_encoder.hpp"

#include <gtest/gtest.h>

namespace kiosk::drivers {
namespace {

std::string hex_of(EscPosEncoder& encoder) {
    auto bytes = encoder.finish();
    EXPECT_TRUE(bytes.ok()) << (bytes.ok() ? "" : bytes.error().message);
    return bytes.ok() ? to_hex(*bytes) : "";
}

TEST(EscPosEncoder, StylesAndTextEncodeToTheirCommands) {
    EscPosEncoder e;
    e.initialize().bold(true).underline(2).size(2, 3).align(Alignment::center).text("Hi").line_feed(2);
    EXPECT_EQ(hex_of(e), "1B40" "1B4501" "1B2D02" "1D2112" "1B6101" "4869" "0A0A");
}

TEST(EscPosEncoder, ControlAndNonAsciiBytesInTextBecomeQuestionMarks) {
    EscPosEncoder e;
    e.text("a\x1B@b\n\xC3\xA9");
    EXPECT_EQ(hex_of(e), "613F40623F3F3F");
}

TEST(EscPosEncoder, QrCodeFollowsTheGsParenKSequence) {
    EscPosEncoder e;
    e.qr_code("AB", 6, QrErrorCorrection::medium);
    EXPECT_EQ(hex_of(e),
              "1D286B0400314132" "00"   // model 2
              "1D286B03003143" "06"     // module size
              "1D286B03003145" "31"     // error correction M
              "1D286B0500315030" "4142" // store: pL = 2 + 3
              "1D286B0300315130");      // print
}

TEST(EscPosEncoder, QrStoreLengthUsesBothLengthBytes) {
    EscPosEncoder e;
    e.qr_code(std::string(300, 'x'));
    auto bytes = e.finish();
    ASSERT_TRUE(bytes.ok());
    // The store command starts after 3 setting commands (9 + 8 + 8 bytes): pL pH at +3, +4.
    EXPECT_EQ((*bytes)[25 + 3], (300 + 3) & 0xFF);
    EXPECT_EQ((*bytes)[25 + 4], (300 + 3) >> 8);
}

TEST(EscPosEncoder, CutModes) {
    EscPosEncoder e;
    e.cut(CutMode::full).cut(CutMode::partial).cut(CutMode::full, 3).cut(CutMode::partial, 4);
    EXPECT_EQ(hex_of(e), "1D5600" "1D5601" "1D564103" "1D564204");
}

TEST(EscPosEncoder, InvalidCallsMakeFinishFailWithTheFirstReason) {
    EscPosEncoder e;
    e.text("ok").size(9, 1).underline(3);
    auto bytes = e.finish();
    ASSERT_FALSE(bytes.ok());
    EXPECT_NE(bytes.error().message.find("character size 9x1"), std::string::npos);
    // The encoder is reusable afterwards.
    e.text("x");
    EXPECT_EQ(hex_of(e), "78");
}

TEST(EscPosEncoder, QrDataMustFitASymbol) {
    EscPosEncoder empty;
    EXPECT_FALSE(empty.qr_code("").finish().ok());
    EscPosEncoder huge;
    EXPECT_FALSE(huge.qr_code(std::string(escpos::qr_max_data + 1, '1')).finish().ok());
    EscPosEncoder module;
    EXPECT_FALSE(module.qr_code("x", 17).finish().ok());
}

TEST(EscPosEncoder, RealTimeStatusRequests) {
    EXPECT_EQ(to_hex(roll_paper_status_request()), "100404");
    EXPECT_EQ(to_hex(offline_cause_request()), "100402");
}

}  // namespace
}  // namespace kiosk::drivers
