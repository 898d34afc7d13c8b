// Tests for sim/devices/sim_card_reader.hpp at the frame level: what the model answers to raw
// commands, customer actions in the wrong state, and how it counts malformed frames.
#include "sim/devices/sim_card_reader.hpp"

#include <gtest/gtest.h>

#include "drivers/card/card_mechanism_protocol.hpp"
#include "drivers/frame/frame_channel.hpp"

namespace kiosk::sim {
namespace {

namespace proto = drivers::card_mechanism;
using drivers::ReplyCode;

class SimCardReaderTest : public ::testing::Test {
protected:
    ReplyCode send(std::uint8_t command, const Bytes& data = {}) {
        auto reply = channel.exchange(command, data);
        EXPECT_TRUE(reply.ok()) << reply.error().to_string();
        return reply.ok() ? reply->code : ReplyCode::hardwareError;
    }

    SimCardReader reader{1};
    drivers::FrameChannel channel{reader.host_transport(), "test", Millis{10}};
};

TEST_F(SimCardReaderTest, UnknownCommandAndBadParameterAreAnswered) {
    EXPECT_EQ(send(0x3F), ReplyCode::unknownCommand);
    EXPECT_EQ(send(proto::cmd_enable, {}), ReplyCode::badParameter);
    EXPECT_EQ(send(proto::cmd_enable, {2}), ReplyCode::badParameter);
    EXPECT_EQ(send(proto::cmd_enable, {1}), ReplyCode::ok);
}

TEST_F(SimCardReaderTest, CustomerCannotInsertTwoCardsOrTakeOneThatIsInside) {
    EXPECT_EQ(send(proto::cmd_enable, {1}), ReplyCode::ok);
    ASSERT_TRUE(reader.insert(card("visa-alice")).ok());
    EXPECT_EQ(reader.media(), drivers::CardMediaState::present);
    EXPECT_FALSE(reader.insertion_enabled());  // the shutter closed behind the card
    EXPECT_EQ(send(proto::cmd_enable, {1}), ReplyCode::occupied);
    EXPECT_FALSE(reader.insert(card("amex-bob")).ok());
    EXPECT_FALSE(reader.take_card().ok());
    EXPECT_EQ(reader.card_inside(), "visa-alice");
}

TEST_F(SimCardReaderTest, InsertedEventGoesOnTheWire) {
    EXPECT_EQ(send(proto::cmd_enable, {1}), ReplyCode::ok);
    ASSERT_TRUE(reader.insert(card("visa-alice")).ok());
    auto events = channel.poll_events();
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ((*events)[0].command, proto::evt_inserted);
}

TEST_F(SimCardReaderTest, StatusBodyLayout) {
    auto reply = channel.exchange(proto::cmd_status);
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply->code, ReplyCode::ok);
    // online, notPresent, bin 0 of 1, last fault ok
    EXPECT_EQ(to_hex(reply->body), "00000000000100");
}

TEST_F(SimCardReaderTest, ResetWithAFullBinLeavesTheJam) {
    EXPECT_EQ(send(proto::cmd_enable, {1}), ReplyCode::ok);
    ASSERT_TRUE(reader.insert(card("expired")).ok());
    EXPECT_EQ(send(proto::cmd_retain), ReplyCode::ok);  // bin now full (capacity 1)

    reader.jam_on_insert(FaultMode::always);
    EXPECT_EQ(send(proto::cmd_enable, {1}), ReplyCode::ok);
    ASSERT_TRUE(reader.insert(card("visa-alice")).ok());
    EXPECT_EQ(reader.media(), drivers::CardMediaState::jammed);
    EXPECT_EQ(send(proto::cmd_reset), ReplyCode::binFull);
    EXPECT_EQ(reader.media(), drivers::CardMediaState::jammed);

    reader.empty_bin();
    EXPECT_EQ(send(proto::cmd_reset), ReplyCode::ok);
    EXPECT_EQ(reader.media(), drivers::CardMediaState::notPresent);
    EXPECT_EQ(reader.retained_card_ids(), std::vector<std::string>{"visa-alice"});
}

TEST_F(SimCardReaderTest, MalformedFramesAreCountedAndIgnored) {
    ASSERT_TRUE(reader.host_transport().write(Bytes{0x02, 0x00, 0x01, 0x10, 0x03, 0x00}, Millis{0}).ok());
    EXPECT_GE(reader.malformed_frames(), 1u);  // the bad frame, then its tail as noise
    EXPECT_FALSE(reader.host_transport().read(16, Millis{0}).ok());  // no answer to a bad frame
    EXPECT_EQ(send(proto::cmd_status), ReplyCode::ok);
}

TEST_F(SimCardReaderTest, PoweredOffReaderIgnoresCommandsAndSendsNoEvents) {
    reader.set_powered(false);
    EXPECT_FALSE(channel.exchange(proto::cmd_status).ok());
    reader.set_powered(true);
    EXPECT_EQ(send(proto::cmd_status), ReplyCode::ok);
}

}  // namespace
}  // namespace kiosk::sim
