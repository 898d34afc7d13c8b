// Tests for drivers/frame/frame_channel.hpp over a LoopbackPair whose device end is scripted by
// the test: replies, interleaved events, silence, corruption, stale replies and floods.
#include "drivers/frame/frame_channel.hpp"

#include <gtest/gtest.h>

#include "sim/devices/loopback_transport.hpp"

namespace kiosk::drivers {
namespace {

class FrameChannelTest : public ::testing::Test {
protected:
    void device_sends(std::uint8_t code, const Bytes& data) {
        auto frame = encode_frame(code, data);
        ASSERT_TRUE(frame.ok());
        ASSERT_TRUE(link.device().write(*frame, Millis{0}).ok());
    }
    // The device answers every command with `frames` (in order).
    void script(std::vector<Frame> frames) {
        link.on_device_receive([this, frames] {
            while (link.device().read(4096, Millis{0}).ok()) {}
            for (const auto& f : frames) device_sends(f.command, f.data);
        });
    }

    sim::LoopbackPair link{"test link"};
    FrameChannel channel{link.host(), "test device", Millis{100}};
};

TEST_F(FrameChannelTest, ReturnsTheReplyCodeAndBody) {
    script({{0x90, {0x00, 0xAB}}});
    auto reply = channel.exchange(0x10);
    ASSERT_TRUE(reply.ok()) << reply.error().to_string();
    EXPECT_EQ(reply->code, ReplyCode::ok);
    EXPECT_EQ(reply->body, Bytes{0xAB});
}

TEST_F(FrameChannelTest, DeviceFailureIsAReplyNotALinkError) {
    script({{0x92, {static_cast<std::uint8_t>(ReplyCode::mediaJam)}}});
    auto reply = channel.exchange(0x12);
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply->code, ReplyCode::mediaJam);
}

TEST_F(FrameChannelTest, EventsArrivingBeforeTheReplyAreKeptForPoll) {
    script({{0xE0, {}}, {0x90, {0x00}}, {0xE1, {0x01}}});
    ASSERT_TRUE(channel.exchange(0x10).ok());
    auto events = channel.poll_events();
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ((*events)[0].command, 0xE0);
    EXPECT_EQ((*events)[1].command, 0xE1);
    auto again = channel.poll_events();
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->empty());
}

TEST_F(FrameChannelTest, SilentDeviceTimesOutWithAMessage) {
    auto reply = channel.exchange(0x10);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().domain, "test device");
    EXPECT_NE(reply.error().message.find("no reply to command 0x10 within 100 ms"), std::string::npos)
        << reply.error().message;
}

TEST_F(FrameChannelTest, CorruptedReplyIsReportedAsMalformed) {
    script({{0x90, {0x00}}});
    link.corrupt_next_device_byte();
    auto reply = channel.exchange(0x10);
    ASSERT_FALSE(reply.ok());
    EXPECT_NE(reply.error().message.find("malformed"), std::string::npos) << reply.error().message;
}

TEST_F(FrameChannelTest, StaleReplyToAnEarlierCommandIsSkipped) {
    script({{0x91, {0x00}}, {0x90, {0x00, 0x07}}});
    auto reply = channel.exchange(0x10);
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply->body, Bytes{0x07});
}

TEST_F(FrameChannelTest, ReplyWithoutCodeOrWithUnknownCodeIsAnError) {
    script({{0x90, {}}});
    auto empty = channel.exchange(0x10);
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().message.find("no code"), std::string::npos);

    script({{0x90, {0x7F}}});
    auto unknown = channel.exchange(0x10);
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("unknown code"), std::string::npos);
}

TEST_F(FrameChannelTest, ReplyDeliveredOneByteAtATimeIsReassembled) {
    link.set_host_read_chunk(1);
    script({{0xE2, {}}, {0x90, {0x00, 0x01, 0x02, 0x03}}});
    auto reply = channel.exchange(0x10);
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply->body, (Bytes{0x01, 0x02, 0x03}));
}

TEST_F(FrameChannelTest, DisconnectedLinkFailsWriteAndPoll) {
    link.set_disconnected(true);
    auto reply = channel.exchange(0x10);
    ASSERT_FALSE(reply.ok());
    EXPECT_NE(reply.error().message.find("disconnected"), std::string::npos);
    auto events = channel.poll_events();
    ASSERT_FALSE(events.ok());
    EXPECT_NE(events.error().message.find("disconnected"), std::string::npos);
}

TEST_F(FrameChannelTest, EndlessEventsWithoutAReplyAreBounded) {
    std::vector<Frame> flood(2000, Frame{0xE0, {}});
    script(flood);
    auto reply = channel.exchange(0x10);
    ASSERT_FALSE(reply.ok());
    EXPECT_NE(reply.error().message.find("no reply"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::drivers
