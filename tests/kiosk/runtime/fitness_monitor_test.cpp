// FitnessMonitor over fake devices: a round is assessed once every read answered, a silent device
// is reported in error at its status deadline (and the kiosk goes out of service), and during a
// session only the sensors are read.
#include "kiosk/runtime/fitness_monitor.hpp"

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/runtime_fakes.hpp"

namespace kiosk::test {
namespace {

using flow::EventKind;
using flow::StateId;

class FitnessMonitorTest : public ::testing::Test {
protected:
    FitnessMonitorTest() {
        dispenser.status_answer.device = online();
        dispenser.status_answer.dispenser = drivers::DispenserState::ok;
        dispenser.status_answer.cassettes = {drivers::CassetteInfo{"CNY", 10000, 100, 10, drivers::CassetteState::ok}};
    }
    ~FitnessMonitorTest() override {
        pad.status_gate.open();  // a worker joins its thread: let a held call finish
        loop.settle(pad_worker);
    }
    FitnessMonitor::Hooks hooks() {
        FitnessMonitor::Hooks h;
        h.state = [this] { return state; };
        h.host_reachable = [] { return true; };
        h.set_card_slot = [this](bool open) { slot.push_back(open); };
        h.refresh_screen = [this] { ++refreshes; };
        h.dispenser_read = [this](const drivers::DispenserStatus& status) { cassettes_seen = status.cassettes.size(); };
        h.storage_problem = [this] { return storage; };
        return h;
    }
    void settle() { loop.settle(card_worker, pad_worker, printer_worker, dispenser_worker, sensors_worker); }

    LoopHarness loop;
    CallLog log;
    FakeCardReader card{log};
    FakePinPad pad{log};
    FakePrinter printer{log};
    FakeDispenser dispenser{log};
    FakeSensors sensors{log};
    RequestWorker<drivers::CardReader> card_worker{"card reader", card, loop.mailbox, loop.clock};
    RequestWorker<drivers::PinPad> pad_worker{"PIN pad", pad, loop.mailbox, loop.clock};
    RequestWorker<drivers::ReceiptPrinter> printer_worker{"printer", printer, loop.mailbox, loop.clock};
    RequestWorker<drivers::CashDispenser> dispenser_worker{"dispenser", dispenser, loop.mailbox, loop.clock};
    RequestWorker<drivers::Sensors> sensors_worker{"sensors", sensors, loop.mailbox, loop.clock};
    StateId state = StateId::Attract;
    std::vector<bool> slot;
    int refreshes = 0;
    std::size_t cassettes_seen = 0;
    std::optional<std::string> storage;  // what the storage guard says
    FitnessMonitor monitor{loop.ports(),
                           DeviceWorkers{card_worker, pad_worker, printer_worker, &dispenser_worker, &sensors_worker},
                           "KIOSK001", hooks()};
};

TEST_F(FitnessMonitorTest, ARoundReadsEveryDeviceAndIsAssessedOnceAllAnswered) {
    pad.status_gate.close();
    monitor.on_turn(loop.clock.now());
    ASSERT_TRUE(pad.status_gate.wait_entered(1));
    loop.settle(card_worker, printer_worker, dispenser_worker, sensors_worker);
    EXPECT_FALSE(monitor.health()) << "assessed before the PIN pad answered";
    pad.status_gate.open();
    settle();
    ASSERT_TRUE(monitor.health());
    for (const char* call : {"card.status", "pad.status", "printer.status", "dispenser.status", "sensors.read"}) {
        EXPECT_EQ(log.count(call), 1) << call;
    }
    EXPECT_FALSE(monitor.fitness().out_of_service);
    EXPECT_TRUE(monitor.fitness().withdrawals);
    EXPECT_EQ(cassettes_seen, 1u);
    EXPECT_TRUE(loop.posted.empty());
}

TEST_F(FitnessMonitorTest, ASilentDeviceIsInErrorAfterTheStatusTimeoutAndTheKioskGoesOutOfService) {
    pad.status_gate.close();
    monitor.on_turn(loop.clock.now());
    ASSERT_TRUE(pad.status_gate.wait_entered(1));
    loop.settle(card_worker, printer_worker, dispenser_worker, sensors_worker);
    loop.clock.advance(DeviceTimeouts{}.status - 1ms);
    pad_worker.expire(loop.clock.now());
    loop.run_mail();
    EXPECT_FALSE(monitor.health()) << "timed out before its deadline";
    loop.clock.advance(1ms);
    pad_worker.expire(loop.clock.now());
    loop.run_mail();
    ASSERT_TRUE(monitor.health());
    EXPECT_EQ(monitor.health()->pin_pad.device.state, drivers::DeviceState::hardwareError);
    EXPECT_TRUE(pad_worker.in_error());
    ASSERT_EQ(monitor.fitness().out_of_service, flow::OutOfServiceReason::Devices);
    ASSERT_EQ(loop.posted.size(), 1u);
    EXPECT_EQ(loop.posted[0], flow::Event(flow::events::DevicesFailed(flow::OutOfServiceReason::Devices)));
    const auto* journal = loop.sink.find("out_of_service");
    ASSERT_NE(journal, nullptr);
    EXPECT_NE(journal->detail.find("PIN pad"), std::string::npos);
}

TEST_F(FitnessMonitorTest, ARoundInASessionReadsOnlyTheSensors) {
    monitor.on_turn(loop.clock.now());
    settle();
    ASSERT_TRUE(monitor.health());
    state = StateId::PinEntry;
    monitor.on_turn(loop.clock.now());  // not due yet
    settle();
    EXPECT_EQ(log.count("sensors.read"), 1);
    loop.clock.advance(FitnessMonitor::interval);
    monitor.on_turn(loop.clock.now());
    settle();
    EXPECT_EQ(log.count("sensors.read"), 2);
    for (const char* call : {"card.status", "pad.status", "printer.status", "dispenser.status"}) {
        EXPECT_EQ(log.count(call), 1) << call;
    }
}

// kioskctl selftest: a round asked for with read_all_soon starts at the next turn, and the counters
// tell when a full round started after the request has been assessed; sensors-only rounds in a
// session do not count as full.
TEST_F(FitnessMonitorTest, FullRoundCountersTellWhenARequestedRoundIsIn) {
    EXPECT_EQ(monitor.full_rounds_started(), 0u);
    pad.status_gate.close();
    monitor.on_turn(loop.clock.now());
    ASSERT_TRUE(pad.status_gate.wait_entered(1));
    EXPECT_EQ(monitor.full_rounds_started(), 1u);
    EXPECT_EQ(monitor.full_rounds_assessed(), 0u) << "assessed before the PIN pad answered";
    pad.status_gate.open();
    settle();
    EXPECT_EQ(monitor.full_rounds_assessed(), 1u);

    const std::uint64_t asked_at = monitor.full_rounds_started();
    monitor.read_all_soon();
    monitor.on_turn(loop.clock.now());  // not due by the interval, but asked for
    settle();
    EXPECT_GT(monitor.full_rounds_assessed(), asked_at);
    EXPECT_EQ(log.count("printer.status"), 2);

    state = StateId::PinEntry;
    loop.clock.advance(FitnessMonitor::interval);
    monitor.on_turn(loop.clock.now());
    settle();
    EXPECT_EQ(monitor.full_rounds_started(), 2u) << "a sensors-only round is not a full one";
    EXPECT_EQ(monitor.full_rounds_assessed(), 2u);
}

TEST_F(FitnessMonitorTest, ATamperDuringASessionEndsItOnce) {
    monitor.on_turn(loop.clock.now());
    settle();
    state = StateId::MainMenu;
    {
        const std::lock_guard lock(sensors.mutex);
        sensors.readings.tampered = true;
    }
    for (int round = 0; round < 2; ++round) {
        loop.clock.advance(FitnessMonitor::interval);
        monitor.on_turn(loop.clock.now());
        settle();
    }
    EXPECT_EQ(loop.kinds(), std::vector<EventKind>{EventKind::Cancel});
}

// A full disk takes the kiosk out of service with its own reason, journaled with the guard's
// words, and it comes back when space returns.
TEST_F(FitnessMonitorTest, StorageFullTakesTheKioskOutOfServiceUntilSpaceReturns) {
    storage = "storage: 12 MiB free in /var/lib/kiosk, below the 64 MiB minimum";
    monitor.on_turn(loop.clock.now());
    settle();
    ASSERT_EQ(monitor.fitness().out_of_service, flow::OutOfServiceReason::StorageFull);
    ASSERT_EQ(loop.posted.size(), 1u);
    EXPECT_EQ(loop.posted[0], flow::Event(flow::events::DevicesFailed(flow::OutOfServiceReason::StorageFull)));
    const auto* journal = loop.sink.find("out_of_service");
    ASSERT_NE(journal, nullptr);
    EXPECT_NE(journal->detail.find("out_of_service.storage_full: storage: 12 MiB free"), std::string::npos) << journal->detail;

    state = StateId::OutOfService;
    storage.reset();
    loop.clock.advance(FitnessMonitor::interval);
    monitor.on_turn(loop.clock.now());
    settle();
    EXPECT_FALSE(monitor.fitness().out_of_service);
    ASSERT_EQ(loop.posted.size(), 2u);
    EXPECT_EQ(loop.posted[1], flow::Event(flow::events::DevicesRestored{}));
}

}  // namespace
}  // namespace kiosk::test
