// Tests for drivers/printer/escpos_status.hpp: DLE EOT 4 and DLE EOT 2 replies, good and bad.
#include "drivers/printer/escpos_status.hpp"

#include <gtest/gtest.h>

namespace kiosk::drivers {
namespace {

Result<PaperState> paper(std::uint8_t byte) { return decode_roll_paper_status(ByteView(&byte, 1)); }

TEST(EscPosStatus, RollPaperBitsMapToPaperState) {
    EXPECT_EQ(paper(0x12).value(), PaperState::ok);
    EXPECT_EQ(paper(0x1E).value(), PaperState::nearEnd);   // bits 2,3
    EXPECT_EQ(paper(0x16).value(), PaperState::nearEnd);   // bit 2 alone
    EXPECT_EQ(paper(0x72).value(), PaperState::out);       // bits 5,6
    EXPECT_EQ(paper(0x7E).value(), PaperState::out);       // out wins over near end
}

TEST(EscPosStatus, RepliesOfTheWrongLengthAreTypedErrors) {
    auto none = decode_roll_paper_status({});
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(escpos_status_error_of(none.error()), EscPosStatusError::wrongLength);
    const Bytes two{0x12, 0x12};
    auto extra = decode_roll_paper_status(two);
    ASSERT_FALSE(extra.ok());
    EXPECT_EQ(escpos_status_error_of(extra.error()), EscPosStatusError::wrongLength);
    EXPECT_NE(extra.error().message.find("2 bytes"), std::string::npos);
    EXPECT_FALSE(decode_offline_cause(two).ok());
}

TEST(EscPosStatus, BytesWithWrongFixedBitsAreNotStatus) {
    for (std::uint8_t byte : Bytes{0x00, 0x02, 0x10, 0x13, 0x92, 0xFF}) {
        auto result = paper(byte);
        ASSERT_FALSE(result.ok()) << "accepted 0x" << std::hex << int{byte};
        EXPECT_EQ(escpos_status_error_of(result.error()), EscPosStatusError::badFixedBits);
    }
}

TEST(EscPosStatus, OfflineCauseBits) {
    const Bytes healthy{0x12};
    EXPECT_EQ(decode_offline_cause(healthy).value(), OfflineCause{});
    const Bytes paper_end{0x32};
    EXPECT_TRUE(decode_offline_cause(paper_end).value().stopped_for_paper_end);
    const Bytes all{0x7E};
    auto cause = decode_offline_cause(all).value();
    EXPECT_TRUE(cause.cover_open && cause.feed_button && cause.stopped_for_paper_end && cause.error);
}

TEST(EscPosStatus, ForeignErrorsAreNotStatusErrors) {
    EXPECT_FALSE(escpos_status_error_of(make_error("printer", "x", 1)).has_value());
}

}  // namespace
}  // namespace kiosk::drivers
