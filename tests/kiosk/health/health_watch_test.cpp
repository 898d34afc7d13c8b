// HealthWatch: the loop's side — what it gathers beyond the device reading (customer errors per
// screen from ended visits, how long the operator key has been turned, the outbox fill), and that
// each raise and clear is an `alert` record in the outbox, told to its listener.
#include "kiosk/health/health_watch.hpp"

#include <gtest/gtest.h>

#include "sim/virtual_clock.hpp"
#include "store/crm_data_keys.hpp"
#include "store/journal.hpp"
#include "tests/kiosk/cx_test_sealing.hpp"

namespace kiosk {
namespace {

class HealthWatchTest : public ::testing::Test {
protected:
    HealthWatchTest()
        : database_(std::move(store::Database::open_in_memory()).value()),
          data_keys_(database_),
          sealer_(test::sealing_to(crm_key_), data_keys_, clock_),
          recorder_(database_, sealer_, test::journal_chain(), random_, clock_, "SIM-0001") {
        config_.clear_hold = Millis(60'000);
        config_.screen_error_threshold = 3;
    }

    HealthWatch& watch(HealthWatch::Sources sources = {}) {
        watch_ = std::make_unique<HealthWatch>(config_, recorder_, clock_, std::move(sources),
                                               [this](const std::string& text) { notes_ += text + "\n"; });
        watch_->on_change = [this](const AlertChange& change) {
            heard_.push_back(std::string(to_string(change.transition)) + " " + change.alert.id);
        };
        return *watch_;
    }

    static DeviceHealth healthy(bool operator_key = false) {
        DeviceHealth health;
        health.card_reader.device.state = drivers::DeviceState::online;
        health.pin_pad.device.state = drivers::DeviceState::online;
        health.printer.device.state = drivers::DeviceState::online;
        health.printer.paper = drivers::PaperState::ok;
        drivers::SensorReadings readings;
        readings.operator_key_maintenance = operator_key;
        health.sensors = Result<drivers::SensorReadings>(readings);
        return health;
    }

    void look(const DeviceHealth& health) { watch_->look(health, assess(health)); }

    std::vector<std::string> alert_kinds_in_outbox() {
        std::vector<std::string> kinds;
        const auto batch = store::Outbox(database_, clock_).next_batch(100);  // kept: the loop reads into it
        for (const auto& record : batch.value()) {
            kinds.push_back(record.header.kind);
        }
        return kinds;
    }

    store::Database database_;
    sim::VirtualClock clock_;
    SeededRandom random_{3};
    security::CrmPrivateKey crm_key_ = test::crm_key();
    store::CrmDataKeys data_keys_;
    security::CrmRecordSealer sealer_;
    CxRecorder recorder_;
    AlertsConfig config_;
    std::unique_ptr<HealthWatch> watch_;
    std::vector<std::string> heard_;
    std::string notes_;
};

TEST_F(HealthWatchTest, CustomerErrorsPilingUpOnOneScreenRaiseAnAlert) {
    watch();
    Session session;
    session.journey.enter(ui::ScreenId::MainMenu, clock_.now());
    for (int error = 0; error < 2; ++error) session.journey.observe(flow::events::HostUnavailable{}, clock_.now());
    watch_->journey_ended(session);
    look(healthy());
    EXPECT_TRUE(heard_.empty()) << "two errors are under the threshold of three";
    Session next;
    next.journey.enter(ui::ScreenId::MainMenu, clock_.now());
    next.journey.observe(flow::events::HostUnavailable{}, clock_.now());
    watch_->journey_ended(next);
    look(healthy());
    EXPECT_EQ(heard_, (std::vector<std::string>{"raised screen_errors.main_menu"}));
    EXPECT_EQ(alert_kinds_in_outbox(), (std::vector<std::string>{"alert"}));
    // The errors age out of the window, then the hold passes: cleared.
    clock_.advance(config_.screen_error_window + Millis(1'000));
    look(healthy());
    clock_.advance(config_.clear_hold);
    look(healthy());
    EXPECT_EQ(heard_.back(), "cleared screen_errors.main_menu");
    EXPECT_EQ(alert_kinds_in_outbox().size(), 2U);
    EXPECT_TRUE(notes_.empty()) << notes_;
}

TEST_F(HealthWatchTest, TheOperatorKeyLeftTurnedIsAnAlertOnlyAfterItsLimit) {
    watch();
    look(healthy(true));
    clock_.advance(config_.operator_key_limit - Millis(1'000));
    look(healthy(true));
    EXPECT_TRUE(heard_.empty());
    clock_.advance(Millis(2'000));
    look(healthy(true));
    EXPECT_EQ(heard_, (std::vector<std::string>{"raised operator_key_left"}));
    // Turned back, and turned again: the time starts again from zero.
    look(healthy(false));
    clock_.advance(config_.clear_hold);
    look(healthy(true));
    EXPECT_EQ(heard_.back(), "cleared operator_key_left");
    clock_.advance(Millis(60'000));
    look(healthy(true));
    EXPECT_EQ(heard_.size(), 2U);
}

TEST_F(HealthWatchTest, TheOutboxFillAndCertificateNoticesAreWatched) {
    HealthWatch::Sources sources;
    bool alarm = true;
    sources.outbox_fill = [&alarm] { return std::optional(store::OutboxFill{9000, 0, 90.0, alarm}); };
    sources.certificate_notices = {"host: client certificate expires in 12 days"};
    watch(std::move(sources));
    look(healthy());
    EXPECT_EQ(heard_, (std::vector<std::string>{"raised certificate_expiry", "raised outbox_backlog"}));
    auto lines = store::Journal(database_).read_all();
    ASSERT_TRUE(lines.ok());
    ASSERT_EQ(lines->size(), 2U);
    EXPECT_EQ(lines->back().line.event_type, "alert_raised");
    EXPECT_EQ(lines->back().line.resource, "outbox_backlog");
}

}  // namespace
}  // namespace kiosk
