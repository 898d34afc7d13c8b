// Tests for drivers/frame/frame_parser.hpp: whole, fragmented and malformed frames.
#include "drivers/frame/frame_parser.hpp"

#include <gtest/gtest.h>

namespace kiosk::drivers {
namespace {

Bytes frame_of(std::uint8_t command, const Bytes& data) {
    auto frame = encode_frame(command, data);
    EXPECT_TRUE(frame.ok());
    return frame.ok() ? *frame : Bytes{};
}

TEST(FrameParser, ParsesOneWholeFrame) {
    FrameParser parser;
    parser.feed(frame_of(0x92, {0x00, 0x41, 0x42}));
    auto got = parser.next();
    ASSERT_TRUE(got.has_value());
    ASSERT_TRUE(got->ok());
    EXPECT_EQ(got->value().command, 0x92);
    EXPECT_EQ(got->value().data, (Bytes{0x00, 0x41, 0x42}));
    EXPECT_FALSE(parser.next().has_value());
    EXPECT_EQ(parser.buffered(), 0u);
}

TEST(FrameParser, ParsesAFrameFedOneByteAtATime) {
    FrameParser parser;
    const Bytes bytes = frame_of(0xE0, {0x05, 0x02});
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
        parser.feed(ByteView(&bytes[i], 1));
        EXPECT_FALSE(parser.next().has_value()) << "frame complete early at byte " << i;
    }
    parser.feed(ByteView(&bytes.back(), 1));
    auto got = parser.next();
    ASSERT_TRUE(got.has_value() && got->ok());
    EXPECT_EQ(got->value().data, (Bytes{0x05, 0x02}));
}

TEST(FrameParser, ParsesBackToBackFrames) {
    FrameParser parser;
    Bytes both = frame_of(0xE0, {});
    const Bytes second = frame_of(0xE1, {0x07});
    both.insert(both.end(), second.begin(), second.end());
    parser.feed(both);
    auto a = parser.next();
    auto b = parser.next();
    ASSERT_TRUE(a && a->ok() && b && b->ok());
    EXPECT_EQ(a->value().command, 0xE0);
    EXPECT_EQ(b->value().command, 0xE1);
}

struct MalformedCase {
    const char* name;
    Bytes bytes;
    FrameError expected;
};

class FrameParserMalformed : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(FrameParserMalformed, ReportsTheTypedErrorThenRecoversOnTheNextFrame) {
    const auto& c = GetParam();
    FrameParser parser;
    Bytes stream = c.bytes;
    const Bytes good = frame_of(0x90, {0x00});
    stream.insert(stream.end(), good.begin(), good.end());
    parser.feed(stream);

    auto first = parser.next();
    ASSERT_TRUE(first.has_value());
    ASSERT_FALSE(first->ok());
    EXPECT_EQ(frame_error_of(first->error()), c.expected) << first->error().message;

    // Resynchronise: skip whatever else the bad bytes produce, then the good frame appears.
    bool recovered = false;
    for (int i = 0; i < 64 && !recovered; ++i) {
        auto item = parser.next();
        ASSERT_TRUE(item.has_value()) << "parser stalled before the good frame";
        recovered = item->ok() && item->value() == Frame{0x90, {0x00}};
    }
    EXPECT_TRUE(recovered);
}

Bytes with_byte(Bytes bytes, std::size_t at, std::uint8_t value) {
    bytes.at(at) = value;
    return bytes;
}

std::string case_name(const ::testing::TestParamInfo<MalformedCase>& test) { return test.param.name; }

INSTANTIATE_TEST_SUITE_P(
    Cases, FrameParserMalformed,
    ::testing::Values(
        MalformedCase{"noise", {0x55, 0x66}, FrameError::noiseBeforeStx},
        MalformedCase{"zero_length", {0x02, 0x00, 0x00, 0x03, 0x01}, FrameError::badLength},
        MalformedCase{"huge_length", {0x02, 0xFF, 0xFF}, FrameError::badLength},
        MalformedCase{"missing_etx", with_byte(frame_of(0x91, {0x00}), 5, 0x04),
                      FrameError::missingEtx},
        MalformedCase{"bad_lrc", with_byte(frame_of(0x91, {0x00}), 6, 0x00), FrameError::badLrc},
        MalformedCase{"flipped_data_bit", with_byte(frame_of(0x91, {0x00}), 4, 0x01),
                      FrameError::badLrc}),
    case_name);

TEST(FrameParser, WaitsForTheRestOfATruncatedFrame) {
    FrameParser parser;
    const Bytes bytes = frame_of(0x90, {0x00, 0x01, 0x02});
    parser.feed(ByteView(bytes).first(bytes.size() - 1));
    EXPECT_FALSE(parser.next().has_value());
    EXPECT_EQ(parser.buffered(), bytes.size() - 1);
}

}  // namespace
}  // namespace kiosk::drivers
