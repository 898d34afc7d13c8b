// kiosk/runtime/service_fitness.hpp: each degraded-mode rule on its own, and their order.
#include "kiosk/runtime/service_fitness.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using drivers::DeviceState;

drivers::DeviceStatus online() { return drivers::DeviceStatus{DeviceState::online, std::nullopt}; }
drivers::DeviceStatus broken(DeviceState state, std::string why) {
    return drivers::DeviceStatus{state, drivers::DeviceError{drivers::ErrorType::hardware,
                                                             drivers::RecommendedAction::maintenance, std::move(why)}};
}

// Every device fitted and well: the baseline each test spoils one thing of.
DeviceHealth healthy() {
    DeviceHealth health;
    health.card_reader = {online(), drivers::CardMediaState::notPresent, {0, 20}};
    health.pin_pad = {online(), drivers::PinEntryState::idle, 0};
    health.printer = {online(), drivers::PaperState::ok};
    health.dispenser = drivers::DispenserStatus{};
    health.dispenser->device = online();
    health.sensors = Result<drivers::SensorReadings>(drivers::SensorReadings{});
    return health;
}

TEST(ServiceFitness, AllWellServesEverything) {
    const ServiceFitness fitness = assess(healthy());
    EXPECT_TRUE(fitness.serving());
    EXPECT_TRUE(fitness.receipts);
    EXPECT_TRUE(fitness.withdrawals);
    EXPECT_TRUE(fitness.problems.empty());
}

TEST(ServiceFitness, TamperOrUnattendedSafeDoorIsASecurityBreach) {
    DeviceHealth tampered = healthy();
    tampered.sensors = Result<drivers::SensorReadings>(drivers::SensorReadings{false, true, false, false});
    EXPECT_EQ(assess(tampered).out_of_service, flow::OutOfServiceReason::Tamper);
    EXPECT_TRUE(assess(tampered).security_breach());

    DeviceHealth door = healthy();
    door.sensors = Result<drivers::SensorReadings>(drivers::SensorReadings{true, false, false, false});
    EXPECT_TRUE(assess(door).security_breach());
    EXPECT_EQ(assess(door).problems, std::vector<std::string>{"sensors: safe door open without the operator key"});

    // A technician with the operator key turned may open the safe: no breach.
    door.sensors = Result<drivers::SensorReadings>(drivers::SensorReadings{true, false, true, false});
    EXPECT_TRUE(assess(door).serving());
}

TEST(ServiceFitness, ASilentSensorBoardCannotVouchForTheCabinet) {
    DeviceHealth health = healthy();
    health.sensors = Result<drivers::SensorReadings>(make_error("sensors", "disconnected"));
    EXPECT_EQ(assess(health).out_of_service, flow::OutOfServiceReason::Devices);
    health.sensors.reset();  // none fitted: nothing to supervise
    EXPECT_TRUE(assess(health).serving());
}

TEST(ServiceFitness, NoPinPadMeansNoService) {
    DeviceHealth pad = healthy();
    pad.pin_pad.device = broken(DeviceState::hardwareError, "keypad");
    EXPECT_EQ(assess(pad).out_of_service, flow::OutOfServiceReason::Devices);
    EXPECT_FALSE(assess(pad).cardless);
}

TEST(ServiceFitness, NoCardReaderLeavesCardlessWithdrawalOnly) {
    DeviceHealth reader = healthy();
    reader.card_reader.device = broken(DeviceState::noDevice, "card-reader: disconnected");
    const ServiceFitness fitness = assess(reader);
    EXPECT_TRUE(fitness.serving());
    EXPECT_FALSE(fitness.cards);
    EXPECT_TRUE(fitness.cardless);
    EXPECT_EQ(fitness.problems.size(), 1U);
}

TEST(ServiceFitness, NoCardReaderAndNoCashMeansNoService) {
    DeviceHealth health = healthy();
    health.card_reader.device = broken(DeviceState::noDevice, "card-reader: disconnected");
    health.dispenser.reset();
    const ServiceFitness fitness = assess(health);
    EXPECT_EQ(fitness.out_of_service, flow::OutOfServiceReason::Devices);
    EXPECT_FALSE(fitness.cardless);
}

TEST(ServiceFitness, AFullCaptureBinRefusesCardsBecauseNoneCouldBeRetained) {
    DeviceHealth health = healthy();
    health.card_reader.bin = {20, 20};
    const ServiceFitness fitness = assess(health);
    EXPECT_FALSE(fitness.cards);
    EXPECT_TRUE(fitness.cardless);
    EXPECT_EQ(fitness.problems, std::vector<std::string>{"card reader: capture bin full (20)"});
    health.dispenser.reset();
    EXPECT_EQ(assess(health).out_of_service, flow::OutOfServiceReason::Devices);
}

TEST(ServiceFitness, UnreachableHostIsItsOwnReason) {
    DeviceHealth health = healthy();
    health.host_reachable = false;
    EXPECT_EQ(assess(health).out_of_service, flow::OutOfServiceReason::HostUnreachable);
}

TEST(ServiceFitness, TheMostSevereReasonIsShownAndEveryProblemListed) {
    DeviceHealth health = healthy();
    health.host_reachable = false;
    health.sensors = Result<drivers::SensorReadings>(drivers::SensorReadings{false, true, false, false});
    const ServiceFitness fitness = assess(health);
    EXPECT_EQ(fitness.out_of_service, flow::OutOfServiceReason::Tamper);
    EXPECT_EQ(fitness.problems.size(), 2U);
}

TEST(ServiceFitness, PrinterDownOrOutOfPaperOnlyDropsReceipts) {
    DeviceHealth out = healthy();
    out.printer.paper = drivers::PaperState::out;
    EXPECT_TRUE(assess(out).serving());
    EXPECT_FALSE(assess(out).receipts);
    DeviceHealth near_end = healthy();
    near_end.printer.paper = drivers::PaperState::nearEnd;
    EXPECT_TRUE(assess(near_end).receipts);
    DeviceHealth gone = healthy();
    gone.printer = {broken(DeviceState::noDevice, "printer: disconnected"), std::nullopt};
    EXPECT_FALSE(assess(gone).receipts);
    EXPECT_TRUE(assess(gone).withdrawals);
}

TEST(ServiceFitness, DispenserDownOrMissingOnlyDropsWithdrawals) {
    DeviceHealth jammed = healthy();
    jammed.dispenser->device = broken(DeviceState::hardwareError, "note jam");
    EXPECT_TRUE(assess(jammed).serving());
    EXPECT_FALSE(assess(jammed).withdrawals);
    EXPECT_TRUE(assess(jammed).receipts);
    DeviceHealth none = healthy();
    none.dispenser.reset();
    EXPECT_FALSE(assess(none).withdrawals);
    EXPECT_TRUE(assess(none).problems.empty());  // not fitted is not a fault
}

TEST(ServiceFitness, StorageFullIsItsOwnReasonAndOutranksTheHost) {
    DeviceHealth health = healthy();
    health.storage_problem = "storage: the database is full (the last business step failed with SQLITE_FULL)";
    ServiceFitness fitness = assess(health);
    EXPECT_EQ(fitness.out_of_service, flow::OutOfServiceReason::StorageFull);
    EXPECT_FALSE(fitness.cardless) << "no withdrawal of any kind";
    EXPECT_EQ(fitness.problems, std::vector<std::string>{*health.storage_problem});
    health.host_reachable = false;
    EXPECT_EQ(assess(health).out_of_service, flow::OutOfServiceReason::StorageFull);
    EXPECT_EQ(flow::i18n_key(flow::OutOfServiceReason::StorageFull), "out_of_service.storage_full");
}

}  // namespace
}  // namespace kiosk
