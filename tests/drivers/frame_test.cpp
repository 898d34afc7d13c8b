// Tests for drivers/frame/frame.hpp: the frame encoder and LRC.
#include "drivers/frame/frame.hpp"

#include <gtest/gtest.h>

namespace kiosk::drivers {
namespace {

TEST(Frame, EncodesStxLengthCommandDataEtxLrc) {
    const Bytes data{0x01};
    auto frame = encode_frame(0x11, data);
    ASSERT_TRUE(frame.ok());
    // LEN = 2 (CMD + 1 data byte); LRC = 00 ^ 02 ^ 11 ^ 01 ^ 03 = 0x11.
    EXPECT_EQ(to_hex(*frame), "0200021101" "03" "11");
}

TEST(Frame, EmptyDataStillCarriesTheCommand) {
    auto frame = encode_frame(0x10, {});
    ASSERT_TRUE(frame.ok());
    EXPECT_EQ(to_hex(*frame), "020001100312");
}

TEST(Frame, MaximumDataFitsAndOneMoreIsRejected) {
    const Bytes max(frame_max_data, 0xAA);
    auto ok = encode_frame(0x12, max);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->size(), frame_max_data + frame_overhead);

    const Bytes too_long(frame_max_data + 1, 0xAA);
    auto bad = encode_frame(0x12, too_long);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(frame_error_of(bad.error()), FrameError::dataTooLong);
}

TEST(Frame, LrcIsXorOfAllBytes) {
    const Bytes bytes{0x01, 0x02, 0x04, 0x08};
    EXPECT_EQ(lrc_of(bytes), 0x0F);
    EXPECT_EQ(lrc_of({}), 0x00);
}

TEST(Frame, ReplyAndEventCodesAreDistinctRanges) {
    EXPECT_EQ(reply_code_for(0x10), 0x90);
    EXPECT_FALSE(is_event_code(reply_code_for(0x5F)));
    EXPECT_TRUE(is_event_code(0xE0));
}

TEST(Frame, ForeignErrorsAreNotFrameErrors) {
    EXPECT_FALSE(frame_error_of(make_error("usb", "gone", 2)).has_value());
}

}  // namespace
}  // namespace kiosk::drivers
