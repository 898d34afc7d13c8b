// Tests for sim/devices/loopback_transport.hpp: delivery, callbacks and wire faults.
#include "sim/devices/loopback_transport.hpp"

#include <gtest/gtest.h>

namespace kiosk::sim {
namespace {

TEST(LoopbackTransport, HostBytesReachTheDeviceAndTheCallbackFires) {
    LoopbackPair link;
    int calls = 0;
    link.on_device_receive([&] { ++calls; });
    ASSERT_TRUE(link.host().write(Bytes{1, 2, 3}, Millis{0}).ok());
    EXPECT_EQ(calls, 1);
    auto got = link.device().read(10, Millis{0});
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(*got, (Bytes{1, 2, 3}));
}

TEST(LoopbackTransport, ReadHonoursMaxAndTimesOutWhenEmpty) {
    LoopbackPair link;
    ASSERT_TRUE(link.device().write(Bytes{1, 2, 3}, Millis{0}).ok());
    EXPECT_EQ(link.host().read(2, Millis{0}).value(), (Bytes{1, 2}));
    EXPECT_EQ(link.host().read(2, Millis{0}).value(), (Bytes{3}));
    auto empty = link.host().read(2, Millis{100});
    ASSERT_FALSE(empty.ok());
    EXPECT_TRUE(drivers::is_timeout(empty.error()));
}

TEST(LoopbackTransport, DeviceRepliesFromInsideTheCallbackAreReadableAtOnce) {
    LoopbackPair link;
    link.on_device_receive([&] {
        auto in = link.device().read(16, Millis{0});
        Bytes echo = in.value();
        for (auto& b : echo) b = static_cast<std::uint8_t>(b + 1);
        ASSERT_TRUE(link.device().write(echo, Millis{0}).ok());
    });
    ASSERT_TRUE(link.host().write(Bytes{7, 8}, Millis{0}).ok());
    EXPECT_EQ(link.host().read(16, Millis{0}).value(), (Bytes{8, 9}));
}

TEST(LoopbackTransport, DisconnectFailsBothDirections) {
    LoopbackPair link{"usb0"};
    link.set_disconnected(true);
    auto written = link.host().write(Bytes{1}, Millis{0});
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().to_string(), "usb0: disconnected");
    auto read = link.host().read(1, Millis{0});
    ASSERT_FALSE(read.ok());
    EXPECT_FALSE(drivers::is_timeout(read.error()));
}

TEST(LoopbackTransport, MutedDeviceLosesItsOutput) {
    LoopbackPair link;
    link.set_device_muted(true);
    ASSERT_TRUE(link.device().write(Bytes{1}, Millis{0}).ok());
    EXPECT_FALSE(link.host().read(1, Millis{0}).ok());
}

TEST(LoopbackTransport, CorruptionFlipsOneBitOfTheNextDeviceByteOnly) {
    LoopbackPair link;
    link.corrupt_next_device_byte();
    ASSERT_TRUE(link.device().write(Bytes{0x10, 0x20}, Millis{0}).ok());
    ASSERT_TRUE(link.device().write(Bytes{0x30}, Millis{0}).ok());
    EXPECT_EQ(link.host().read(8, Millis{0}).value(), (Bytes{0x11, 0x20, 0x30}));
}

TEST(LoopbackTransport, HostReadChunkFragmentsReplies) {
    LoopbackPair link;
    link.set_host_read_chunk(1);
    ASSERT_TRUE(link.device().write(Bytes{1, 2}, Millis{0}).ok());
    EXPECT_EQ(link.host().read(8, Millis{0}).value().size(), 1u);
    EXPECT_EQ(static_cast<LoopbackTransport&>(link.host()).pending(), 1u);
}

}  // namespace
}  // namespace kiosk::sim
