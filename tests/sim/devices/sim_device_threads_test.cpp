// The sim devices driven from two threads at once, as the kiosk does now: a device worker runs the
// real driver over the sim's transport while another thread plays the customer and injects
// faults. Bounded loops, joins, no timing assertions; the checks are conservation laws that a
// torn update would break (every card inserted is taken, captured or still inside, and the driver
// heard of each exactly once). Written to be clean under the asan preset (ASan + UBSan).
// Run: build/bin/sim_devices_tests --gtest_filter='SimDeviceThreads*'
#include <atomic>
#include <cstddef>
#include <thread>

#include <gtest/gtest.h>

#include "drivers/card/mechanism_card_reader.hpp"
#include "drivers/pinpad/encrypting_pin_pad.hpp"
#include "sim/devices/sim_card_reader.hpp"
#include "sim/devices/sim_pin_pad.hpp"

namespace kiosk::sim {
namespace {

using drivers::CardMediaState;
using drivers::CardReaderEvent;
using drivers::DeviceState;

// The worker runs at least kDriverIterations and on until kCycles customer cycles went through
// (so the threads really met however the scheduler ran them), at most kDriverIterationsAtMost.
constexpr int kDriverIterations = 2'000;
constexpr int kDriverIterationsAtMost = 500'000;
constexpr std::size_t kCycles = 50;
constexpr int kCustomerIterationsAtMost = 5'000'000;  // the customer stops once the driver is done

// Spins (yielding) until `flag` is set, at most `tries` times: a start line for two threads.
void wait_for(const std::atomic<bool>& flag, int tries = 1'000'000) {
    for (int i = 0; i < tries && !flag.load(); ++i) std::this_thread::yield();
}

struct ReaderEventCounts {
    std::size_t inserted = 0;
    std::size_t jammed = 0;
    std::size_t taken = 0;

    void add(const std::vector<CardReaderEvent>& events) {
        for (CardReaderEvent e : events) {
            if (e == CardReaderEvent::inserted) ++inserted;
            if (e == CardReaderEvent::jammed) ++jammed;
            if (e == CardReaderEvent::taken) ++taken;
        }
    }
};

TEST(SimDeviceThreads, CardReaderDriverAndCustomerRunAtOnceAndNoCardIsLost) {
    SimCardReader sim(60'000);  // a bin that never fills: captures stay countable
    drivers::MechanismCardReader reader(sim.host_transport(), Millis{50});
    std::atomic<bool> customer_started{false};
    std::atomic<bool> driver_done{false};
    ReaderEventCounts heard;  // the driver thread's, read after the join
    std::size_t driver_failures = 0;

    std::thread worker([&] {
        wait_for(customer_started);
        for (int i = 0; i < kDriverIterationsAtMost && (i < kDriverIterations || heard.inserted + heard.jammed < kCycles);
             ++i) {
            const auto status = reader.status();
            if (status.device.state == DeviceState::offline) ++driver_failures;  // the link never fails here
            if (status.device.state == DeviceState::hardwareError) (void)reader.reset();  // captures a jammed card
            if (status.media == CardMediaState::notPresent) (void)reader.enable_insertion(true);  // may race a card: occupied
            auto events = reader.poll();
            if (!events.ok()) {
                ++driver_failures;
                continue;
            }
            heard.add(*events);
            for (CardReaderEvent e : *events) {
                if (e != CardReaderEvent::inserted) continue;
                (void)reader.read_tracks();  // may meet an unreadable stripe
                (void)reader.eject();        // may jam
            }
            std::this_thread::yield();  // on one free core, hand over rather than spin a whole slice
        }
        driver_done = true;
    });

    std::size_t inserted = 0;
    std::size_t taken = 0;
    std::thread customer([&] {
        const VirtualCard& card = sim::card("visa-alice");
        customer_started = true;
        for (int i = 0; i < kCustomerIterationsAtMost && !driver_done.load(); ++i) {
            if (sim.insert(card).ok()) {
                ++inserted;
                // Faults for the next card or two, armed while the driver works on this one.
                if (inserted % 7 == 0) sim.unreadable_stripe(FaultMode::once);
                if (inserted % 11 == 0) sim.jam_on_eject(FaultMode::once);
                if (inserted % 13 == 0) sim.jam_on_insert(FaultMode::once);
            }
            if (sim.take_card().ok()) ++taken;
            // What a test reads while the driver works: copies, taken under the lock.
            (void)sim.media();
            (void)sim.card_inside();
            (void)sim.retained_card_ids();
            std::this_thread::yield();
        }
    });

    worker.join();
    customer.join();
    auto last = reader.poll();  // events still on the wire when the worker stopped
    ASSERT_TRUE(last.ok());
    heard.add(*last);

    EXPECT_EQ(driver_failures, 0U);
    EXPECT_GE(inserted, kCycles) << "the two threads never met";
    EXPECT_GT(taken, 0U);
    const std::size_t captured = sim.retained_card_ids().size();
    const std::size_t inside = sim.card_inside() ? 1 : 0;
    EXPECT_EQ(inserted, taken + captured + inside) << "a card was lost or duplicated";
    EXPECT_EQ(heard.inserted + heard.jammed, inserted) << "each insertion is announced exactly once";
    EXPECT_EQ(heard.taken, taken);
    EXPECT_EQ(sim.malformed_frames(), 0U) << "a command frame was torn";
}

TEST(SimDeviceThreads, PinPadEntriesAndKeyPressesRunAtOnce) {
    const Bytes pin_key(16, 0x42);
    SeededRandom random(5);  // used only by the pad, under its lock
    SimPinPad sim(pin_key, random);
    drivers::EncryptingPinPad pad(sim.host_transport(), Millis{50});
    std::atomic<bool> customer_started{false};
    std::atomic<bool> driver_done{false};
    std::size_t blocks = 0;
    std::size_t driver_failures = 0;

    std::thread worker([&] {
        wait_for(customer_started);
        for (int i = 0; i < kDriverIterationsAtMost && (i < kDriverIterations || blocks < kCycles); ++i) {
            const auto status = pad.status();
            if (status.device.state != DeviceState::online) ++driver_failures;
            if (status.entry == drivers::PinEntryState::complete) {
                auto block = pad.get_pin_block();
                if (block.ok()) {
                    ++blocks;
                    if (block->size() != drivers::pin_block_size) ++driver_failures;
                }
            } else if (status.entry == drivers::PinEntryState::idle) {
                drivers::PinEntryRequest request;
                request.pan = sim::card("visa-alice").pan;
                (void)pad.begin_pin_entry(request);
            }
            if (!pad.poll().ok()) ++driver_failures;
            if (i % 97 == 0) (void)pad.cancel_entry();
            std::this_thread::yield();  // on one free core, hand over rather than spin a whole slice
        }
        driver_done = true;
    });

    std::thread customer([&] {
        customer_started = true;
        std::size_t entries = 0;
        for (int i = 0; i < kCustomerIterationsAtMost && !driver_done.load(); ++i) {
            if (sim.entry_state() == drivers::PinEntryState::entering) {
                // The state may change before the keys land: that race is the point.
                if (++entries % 17 == 0) sim.press_cancel();
                else sim.type_pin("1234");
            } else if (i % 31 == 0) {
                sim.press_digit('7');  // outside an entry: swallowed
            }
            (void)sim.digits_entered();
            std::this_thread::yield();
        }
    });

    worker.join();
    customer.join();

    EXPECT_EQ(driver_failures, 0U);
    EXPECT_GE(blocks, kCycles) << "the two threads never met";
    EXPECT_EQ(sim.malformed_frames(), 0U) << "a command frame was torn";
    EXPECT_LE(sim.digits_entered(), 12U);  // the pad's own limit held under contention
}

}  // namespace
}  // namespace kiosk::sim
