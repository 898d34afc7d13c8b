// Tests for drivers/card/mechanism_card_reader.hpp: the real driver against SimCardReader through
// a LoopbackPair — the customer journey, then each fault the sim can inject.
#include "drivers/card/mechanism_card_reader.hpp"

#include <gtest/gtest.h>

#include "drivers/card/track_parser.hpp"
#include "drivers/frame/reply_code.hpp"
#include "sim/devices/sim_card_reader.hpp"

namespace kiosk::drivers {
namespace {

class MechanismCardReaderTest : public ::testing::Test {
protected:
    std::vector<CardReaderEvent> poll() {
        auto events = reader.poll();
        EXPECT_TRUE(events.ok()) << events.error().to_string();
        return events.ok() ? *events : std::vector<CardReaderEvent>{};
    }
    void insert(const char* id) {
        ASSERT_TRUE(reader.enable_insertion(true).ok());
        ASSERT_TRUE(sim.insert(sim::card(id)).ok());
    }

    sim::SimCardReader sim{2};
    MechanismCardReader reader{sim.host_transport(), Millis{50}};
};

TEST_F(MechanismCardReaderTest, InsertReadEjectTakeIsTheHappyPath) {
    EXPECT_EQ(reader.status().media, CardMediaState::notPresent);
    insert("visa-alice");
    EXPECT_EQ(poll(), std::vector<CardReaderEvent>{CardReaderEvent::inserted});
    EXPECT_EQ(reader.status().media, CardMediaState::present);

    auto tracks = reader.read_tracks();
    ASSERT_TRUE(tracks.ok()) << tracks.error().to_string();
    auto data = parse_tracks(*tracks);
    ASSERT_TRUE(data.ok()) << data.error().message;
    EXPECT_TRUE(data->pan == sim::card("visa-alice").pan);
    EXPECT_EQ(data->cardholder_name, "TEST/ALICE");

    ASSERT_TRUE(reader.eject().ok());
    EXPECT_EQ(reader.status().media, CardMediaState::entering);
    EXPECT_TRUE(poll().empty());
    ASSERT_TRUE(sim.take_card().ok());
    EXPECT_EQ(poll(), std::vector<CardReaderEvent>{CardReaderEvent::taken});
    EXPECT_EQ(reader.status().media, CardMediaState::notPresent);
}

TEST_F(MechanismCardReaderTest, ShutterStaysClosedUntilEnabled) {
    EXPECT_FALSE(sim.insert(sim::card("visa-alice")).ok());
    ASSERT_TRUE(reader.enable_insertion(true).ok());
    EXPECT_TRUE(sim.insertion_enabled());
    ASSERT_TRUE(reader.enable_insertion(false).ok());
    EXPECT_FALSE(sim.insert(sim::card("visa-alice")).ok());
    EXPECT_TRUE(poll().empty());
}

TEST_F(MechanismCardReaderTest, StatusReportsOnlineWithTheCaptureBin) {
    auto status = reader.status();
    EXPECT_EQ(status.device.state, DeviceState::online);
    EXPECT_FALSE(status.device.error.has_value());
    EXPECT_EQ(status.bin, (CaptureBin{0, 2}));
}

TEST_F(MechanismCardReaderTest, MuteStripeReadsAsInvalidMedia) {
    insert("mute-stripe");
    auto tracks = reader.read_tracks();
    ASSERT_FALSE(tracks.ok());
    EXPECT_EQ(reply_code_of(tracks.error()), ReplyCode::invalidMedia);
    EXPECT_EQ(tracks.error().message, "read tracks failed: invalid media");
}

TEST_F(MechanismCardReaderTest, UnreadableStripeOnceFailsThenReadsOnRetry) {
    sim.unreadable_stripe(sim::FaultMode::once);
    insert("amex-bob");
    EXPECT_FALSE(reader.read_tracks().ok());
    auto retry = reader.read_tracks();
    ASSERT_TRUE(retry.ok());
    EXPECT_TRUE(parse_tracks(*retry).ok());
}

TEST_F(MechanismCardReaderTest, UnreadableStripeAlwaysNeverReads) {
    sim.unreadable_stripe(sim::FaultMode::always);
    insert("amex-bob");
    for (int i = 0; i < 3; ++i) {
        auto tracks = reader.read_tracks();
        ASSERT_FALSE(tracks.ok());
        EXPECT_EQ(reply_code_of(tracks.error()), ReplyCode::invalidMedia);
    }
}

TEST_F(MechanismCardReaderTest, ReadWithoutACardIsNoMedia) {
    auto tracks = reader.read_tracks();
    ASSERT_FALSE(tracks.ok());
    EXPECT_EQ(reply_code_of(tracks.error()), ReplyCode::noMedia);
}

TEST_F(MechanismCardReaderTest, JamOnEjectIsAnErrorAndAHardwareFaultUntilReset) {
    sim.jam_on_eject(sim::FaultMode::once);
    insert("visa-alice");
    auto ejected = reader.eject();
    ASSERT_FALSE(ejected.ok());
    EXPECT_EQ(reply_code_of(ejected.error()), ReplyCode::mediaJam);

    auto status = reader.status();
    EXPECT_EQ(status.device.state, DeviceState::hardwareError);
    EXPECT_EQ(status.media, CardMediaState::jammed);
    ASSERT_TRUE(status.device.error.has_value());
    EXPECT_EQ(status.device.error->action, RecommendedAction::reset);
    EXPECT_EQ(status.device.error->description, "media jam");

    ASSERT_TRUE(reader.reset().ok());  // reset captures the jammed card
    status = reader.status();
    EXPECT_EQ(status.device.state, DeviceState::online);
    EXPECT_EQ(status.media, CardMediaState::notPresent);
    EXPECT_EQ(status.bin.count, 1);
    EXPECT_EQ(sim.retained_card_ids(), std::vector<std::string>{"visa-alice"});
}

TEST_F(MechanismCardReaderTest, JamOnInsertIsReportedAsAnEvent) {
    sim.jam_on_insert(sim::FaultMode::once);
    insert("visa-alice");
    EXPECT_EQ(poll(), std::vector<CardReaderEvent>{CardReaderEvent::jammed});
    EXPECT_EQ(reader.status().media, CardMediaState::jammed);
    EXPECT_EQ(reply_code_of(reader.read_tracks().error()), ReplyCode::mediaJam);
}

TEST_F(MechanismCardReaderTest, RetainCountsIntoTheBinUntilItIsFull) {
    insert("expired");
    auto bin = reader.retain();
    ASSERT_TRUE(bin.ok());
    EXPECT_EQ(*bin, (CaptureBin{1, 2}));
    insert("bad-luhn");
    bin = reader.retain();
    ASSERT_TRUE(bin.ok());
    EXPECT_TRUE(bin->full());

    insert("visa-alice");
    auto full = reader.retain();
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(reply_code_of(full.error()), ReplyCode::binFull);
    EXPECT_EQ(sim.card_inside(), "visa-alice");
}

TEST_F(MechanismCardReaderTest, UntakenCardAtTheGateCanBeRetained) {
    insert("visa-alice");
    ASSERT_TRUE(reader.eject().ok());
    auto bin = reader.retain();
    ASSERT_TRUE(bin.ok());
    EXPECT_EQ(bin->count, 1);
    EXPECT_FALSE(sim.take_card().ok());
}

TEST_F(MechanismCardReaderTest, PoweredOffReaderIsOfflineAndCommandsTimeOut) {
    sim.set_powered(false);
    auto status = reader.status();
    EXPECT_EQ(status.device.state, DeviceState::offline);
    EXPECT_EQ(status.media, CardMediaState::unknown);
    ASSERT_TRUE(status.device.error.has_value());
    EXPECT_NE(status.device.error->description.find("no reply"), std::string::npos);
    auto eject = reader.eject();
    ASSERT_FALSE(eject.ok());
    EXPECT_FALSE(reply_code_of(eject.error()).has_value());
}

TEST_F(MechanismCardReaderTest, WorksWhenRepliesArriveOneByteAtATime) {
    sim.link().set_host_read_chunk(1);
    insert("unionpay-li");
    EXPECT_EQ(poll(), std::vector<CardReaderEvent>{CardReaderEvent::inserted});
    auto tracks = reader.read_tracks();
    ASSERT_TRUE(tracks.ok());
    EXPECT_TRUE(parse_tracks(*tracks).ok());
}

TEST_F(MechanismCardReaderTest, CorruptedReplyIsAnErrorAndTheNextCommandWorks) {
    insert("visa-alice");
    (void)poll();
    sim.link().corrupt_next_device_byte();
    EXPECT_FALSE(reader.read_tracks().ok());
    EXPECT_TRUE(reader.read_tracks().ok());
}

}  // namespace
}  // namespace kiosk::drivers
