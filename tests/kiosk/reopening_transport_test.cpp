// ReopeningTransport: an absent device fails every call with its reason and is looked for again at
// most every retry interval; once the opener succeeds the bytes flow; a link that says the device
// is gone is dropped and reopened later; other failures keep it.
#include "kiosk/hardware/reopening_transport.hpp"

#include <gtest/gtest.h>

#include "sim/devices/loopback_transport.hpp"
#include "sim/virtual_clock.hpp"

namespace kiosk::hardware {
namespace {

using namespace std::chrono_literals;

// Hands a LoopbackPair's host end to the ReopeningTransport, which wants to own its link.
class BorrowedTransport final : public drivers::Transport {
public:
    explicit BorrowedTransport(drivers::Transport& inner) : inner_(inner) {}
    Status write(ByteView bytes, Millis timeout) override { return inner_.write(bytes, timeout); }
    Result<Bytes> read(std::size_t max, Millis timeout) override { return inner_.read(max, timeout); }

private:
    drivers::Transport& inner_;
};

class ReopeningTransportTest : public ::testing::Test {
protected:
    ReopeningTransportTest()
        : transport_(
              "USB ffff:fff0 (devices.printer_usb)",
              [this]() -> Result<std::unique_ptr<drivers::Transport>> {
                  ++opens_;
                  if (!present_) return drivers::disconnected_error("usb ffff:fff0");
                  return std::unique_ptr<drivers::Transport>(std::make_unique<BorrowedTransport>(pair_.host()));
              },
              clock_) {}

    Status send() {
        const Bytes bytes{0x10, 0x04, 0x04};
        return transport_.write(bytes, 100ms);
    }

    sim::VirtualClock clock_;
    sim::LoopbackPair pair_{"printer"};
    bool present_ = false;
    int opens_ = 0;
    ReopeningTransport transport_;
};

TEST_F(ReopeningTransportTest, OpensNothingUntilAsked) {
    EXPECT_EQ(opens_, 0);
    EXPECT_FALSE(transport_.is_open());
}

TEST_F(ReopeningTransportTest, AnAbsentDeviceFailsAsDisconnectedAndIsLookedForAtMostEveryTwoSeconds) {
    const Status first = send();
    ASSERT_FALSE(first.ok());
    EXPECT_TRUE(drivers::is_disconnected(first.error())) << first.error().to_string();
    EXPECT_EQ(opens_, 1);
    for (int tick = 0; tick < 100; ++tick) {  // 60 Hz polls for 1.6 s
        clock_.advance(16ms);
        EXPECT_FALSE(transport_.read(64, 0ms).ok());
    }
    EXPECT_EQ(opens_, 1);
    clock_.advance(400ms);
    EXPECT_FALSE(send().ok());
    EXPECT_EQ(opens_, 2);
}

TEST_F(ReopeningTransportTest, ADeviceThatAppearsIsUsedAtTheNextAttempt) {
    EXPECT_FALSE(send().ok());
    present_ = true;
    EXPECT_FALSE(send().ok()) << "within the retry interval the last failure stands";
    clock_.advance(ReopeningTransport::default_retry_interval);
    EXPECT_TRUE(send().ok());
    EXPECT_TRUE(transport_.is_open());
    auto arrived = pair_.device().read(16, 0ms);
    ASSERT_TRUE(arrived.ok());
    EXPECT_EQ(*arrived, (Bytes{0x10, 0x04, 0x04}));
}

TEST_F(ReopeningTransportTest, AnUnpluggedDeviceIsDroppedAndReopenedWhenItComesBack) {
    present_ = true;
    ASSERT_TRUE(transport_.ensure_open().ok());
    pair_.set_disconnected(true);
    present_ = false;
    const Status unplugged = send();
    ASSERT_FALSE(unplugged.ok());
    EXPECT_TRUE(drivers::is_disconnected(unplugged.error()));
    EXPECT_FALSE(transport_.is_open());
    EXPECT_FALSE(transport_.ensure_open().ok());
    EXPECT_EQ(opens_, 1) << "no reopen right after the unplug";

    pair_.set_disconnected(false);
    present_ = true;
    clock_.advance(ReopeningTransport::default_retry_interval);
    EXPECT_TRUE(send().ok());
    EXPECT_EQ(opens_, 2);
}

TEST_F(ReopeningTransportTest, ATimeoutKeepsTheLinkOpen) {
    present_ = true;
    auto quiet = transport_.read(64, 0ms);
    ASSERT_FALSE(quiet.ok());
    EXPECT_TRUE(drivers::is_timeout(quiet.error()));
    EXPECT_TRUE(transport_.is_open());
    EXPECT_EQ(opens_, 1);
}

TEST_F(ReopeningTransportTest, ARefusedOpenKeepsItsReason) {
    ReopeningTransport refused(
        "USB 04b8:0e15 (devices.printer_usb)",
        []() -> Result<std::unique_ptr<drivers::Transport>> {
            return make_error("usb", "opening 04b8:0e15: LIBUSB_ERROR_ACCESS (Access denied)", -3);
        },
        clock_);
    const Status status = refused.ensure_open();
    ASSERT_FALSE(status.ok());
    EXPECT_FALSE(drivers::is_disconnected(status.error()));
    EXPECT_EQ(status.error().message, "opening 04b8:0e15: LIBUSB_ERROR_ACCESS (Access denied)");
}

TEST_F(ReopeningTransportTest, AClockSetBackwardsDoesNotStopTheRetries) {
    EXPECT_FALSE(send().ok());
    clock_.advance(-1h);
    EXPECT_FALSE(send().ok());
    EXPECT_EQ(opens_, 2);
}

}  // namespace
}  // namespace kiosk::hardware
