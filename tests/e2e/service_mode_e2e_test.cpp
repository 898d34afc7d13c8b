// The service mode on the terminal's own screen, end to end on the simulator (docs/technician.md):
// the operator key turned during a customer's visit ends the visit safely first (card returned,
// visit recorded); five wrong sign-ins lock a technician's account; another technician signs in,
// runs every device test with one injected fault (the card jams in the reader on eject), resets
// that jam, replenishes with counts typed on the pad, balances to a zero difference beside the
// bank's totals and prints the balancing receipt (read back from the simulated printer), and
// leaves with the kiosk back in service. Every step is in the journal with the technician.
// A replenishment sets the simulated dispenser's own counts (a refusal by the dispenser writes
// nothing) and the next customer's notes come out of them; the bank's totals arrive over ISO 8583
// (0500/0510) and balance against the ledger.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "kiosk/kioskctl/technician_sign_in.hpp"
#include "kiosk/maintenance/cash_ledger.hpp"
#include "security/key_store.hpp"
#include "security/os_random.hpp"
#include "ui/i18n.hpp"
#include "store/journal.hpp"
#include "tests/e2e/kiosk_on_simulator.hpp"

namespace kiosk::test {
namespace {

using flow::ServiceAction;
using flow::ServiceOutcome;
using flow::StateId;

constexpr std::string_view kSupervisor = "2001";
constexpr std::string_view kSupervisorPin = "24682468";
constexpr std::string_view kLockedTechnician = "1001";
constexpr std::string_view kTechnician = "1002";
constexpr std::string_view kTechnicianPin = "13571357";

class ServiceModeE2eTest : public KioskOnSimulator {
protected:
    void SetUp() override {
        start("kiosk-service-e2e");  // the bank over ISO 8583: its totals come as an 0510
        ASSERT_TRUE(kioskctl::bootstrap_supervisor(config_, clock_, kSupervisor, kSupervisorPin).ok());
        for (const std::string_view id : {kLockedTechnician, kTechnician}) {
            const Status added = kioskctl::put_technician(config_, clock_, kSupervisor, kSupervisorPin, id,
                                                          security::TechnicianRole::Technician, kTechnicianPin);
            ASSERT_TRUE(added.ok()) << added.error().to_string();
        }
    }

    // The sign-in's PBKDF2 check runs on the desk's own worker: wait for it in real time, bounded.
    // Bounded in real time (20 s) as well as virtual: the sign-in's PBKDF2 runs in real time on
    // its worker, slower under the sanitizers, and its 30 s deadline is virtual.
    bool wait_for(const std::function<bool()>& done, int rounds = 400) {
        for (int i = 0; i < rounds; ++i) {
            if (done()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            pass(Millis(50));
        }
        return done();
    }
    void sign_in(std::string_view id, std::string_view pin) {
        type(id, Millis(300));
        type(pin, Millis(300));
    }
    // Touches the action and waits until its page says how it went.
    ServiceOutcome run(ServiceAction action) {
        runtime().touch("service_action:" + std::string(flow::to_string(action)));
        pass(Millis(100));  // taken: the last result is cleared before this one is waited for
        const bool finished = wait_for([&] {
            return runtime().context().service_action == action && runtime().context().service_outcome.has_value();
        });
        EXPECT_TRUE(finished) << flow::to_string(action) << "\n" << notes_;
        return runtime().context().service_outcome.value_or(ServiceOutcome::Failed);
    }
    void sign_in_to_the_cash_page() {
        rig_->sensor_board().set_operator_key(true);
        ASSERT_TRUE(wait_for([&] { return state() == StateId::ServiceSignIn; })) << notes_;
        sign_in(kTechnician, kTechnicianPin);
        ASSERT_TRUE(wait_for([&] { return state() == StateId::ServiceMenu; })) << notes_;
        touch("service_page:cash", Millis(300));
    }
    void leave_service() {
        touch("service_page:overview", Millis(300));
        runtime().touch("service_leave");
        ASSERT_TRUE(wait_for([&] { return state() == StateId::Attract; })) << notes_;
        rig_->sensor_board().set_operator_key(false);
        pass(Millis(3'000));
    }
    // Replenish on the Cash page with `counts` typed on the pad; how it went.
    std::optional<ServiceOutcome> replenish(const std::vector<std::uint32_t>& counts) {
        runtime().touch("service_action:replenish_cash");
        pass(Millis(300));
        EXPECT_EQ(state(), StateId::ServiceEnterCount);
        for (const std::uint32_t count : counts) type(std::to_string(count), Millis(300));
        wait_for([&] { return runtime().context().service_outcome.has_value(); });
        return runtime().context().service_outcome;
    }
    std::vector<std::int64_t> ledger_loaded() {
        auto ledgers = maintenance::CashLedger(app_->database()).read(2);
        EXPECT_TRUE(ledgers.ok());
        std::vector<std::int64_t> loaded;
        for (const auto& ledger : ledgers.value_or(std::vector<maintenance::CassetteLedger>{})) loaded.push_back(ledger.loaded);
        return loaded;
    }
    std::string last_receipt() {
        const auto cut = rig_->printer().receipts();
        return cut.empty() ? rig_->printer().receipt_text() : cut.back().text();
    }
    std::string page_lines() {
        std::string text;
        for (const ui::FactLine& fact : last_screen_.facts) {
            text += fact.label_key + ": " + ui::fact_value(fact, ui::Language::English) + "\n";
        }
        return text;
    }
    // The page's line with that label, nullptr when it has none.
    const ui::FactLine* fact(std::string_view label) const {
        for (const ui::FactLine& line : last_screen_.facts) {
            if (line.label_key == label) return &line;
        }
        return nullptr;
    }
    const ui::Button* button(std::string_view action) const {
        for (const ui::Button& shown : last_screen_.buttons) {
            if (shown.action == action) return &shown;
        }
        return nullptr;
    }
    // The operator key turned with nobody at the kiosk, then a sign-in.
    void enter_service_mode(std::string_view id, std::string_view pin) {
        rig_->sensor_board().set_operator_key(true);
        ASSERT_TRUE(wait_for([&] { return state() == StateId::ServiceSignIn; })) << notes_;
        sign_in(id, pin);
        ASSERT_TRUE(wait_for([&] { return state() == StateId::ServiceMenu; })) << notes_;
    }
    void leave_service_mode() {
        touch("service_page:overview", Millis(300));
        runtime().touch("service_leave");
        ASSERT_TRUE(wait_for([&] { return state() == StateId::Attract; })) << notes_;
        rig_->sensor_board().set_operator_key(false);
        pass(Millis(3'000));
    }
    std::vector<store::JournalEntry> journal() {
        auto all = store::Journal(app_->database()).read_all();
        EXPECT_TRUE(all.ok());
        return all.ok() ? *all : std::vector<store::JournalEntry>{};
    }
    std::size_t lines(std::string_view event, std::string_view actor = {}, std::string_view outcome_part = {}) {
        std::size_t count = 0;
        for (const store::JournalEntry& entry : journal()) {
            if (entry.line.event_type != event) continue;
            if (!actor.empty() && entry.line.actor != actor) continue;
            if (!outcome_part.empty() && entry.line.outcome.find(outcome_part) == std::string::npos &&
                entry.line.resource.find(outcome_part) == std::string::npos) {
                continue;
            }
            ++count;
        }
        return count;
    }
};

TEST_F(ServiceModeE2eTest, KeySwitchDuringAVisitThenSignInTestsResetCashAndBackInService) {
    // A customer is at the main menu when the technician turns the operator key.
    to_menu(sim::card("visa-alice"));
    rig_->sensor_board().set_operator_key(true);
    ASSERT_TRUE(wait_for([&] { return state() == StateId::Closing; })) << notes_;
    ASSERT_TRUE(rig_->card_reader().take_card().ok()) << "the card came back first";
    ASSERT_TRUE(wait_for([&] { return state() == StateId::ServiceSignIn; })) << notes_;
    EXPECT_EQ(lines("session_end"), 1U) << "the visit was recorded before the service mode";
    EXPECT_EQ(lines("service_mode_requested", "system", "operator key"), 1U);

    // Five wrong PINs lock the first technician.
    for (int attempt = 1; attempt <= 5; ++attempt) {
        sign_in(kLockedTechnician, "99999999");
        ASSERT_TRUE(wait_for([&] { return runtime().context().sign_in_refusal.has_value() &&
                                          runtime().context().service_field == flow::ServiceField::TechnicianId &&
                                          runtime().context().pin_digits == 0; }))
            << "attempt " << attempt << "\n" << notes_;
        EXPECT_EQ(state(), StateId::ServiceSignIn);
    }
    EXPECT_EQ(runtime().context().sign_in_refusal, flow::SignInRefusal::Locked);
    sign_in(kLockedTechnician, kTechnicianPin);  // even the right PIN: locked
    ASSERT_TRUE(wait_for([&] { return lines("technician_login", "", "refused: locked") >= 1; })) << notes_;
    ASSERT_TRUE(wait_for([&] { return runtime().context().service_field == flow::ServiceField::TechnicianId; }));
    EXPECT_EQ(state(), StateId::ServiceSignIn);

    // Another technician signs in.
    sign_in(kTechnician, kTechnicianPin);
    ASSERT_TRUE(wait_for([&] { return state() == StateId::ServiceMenu; })) << notes_;
    EXPECT_EQ(runtime().context().service_role, flow::ServiceRole::Technician);
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::ServiceOverview);
    const std::string technician = "technician:" + std::string(kTechnician);

    // Every device test, one injected fault: the test card jams on its way out.
    touch("service_page:device_tests", Millis(300));
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::ServiceDeviceTests);
    EXPECT_EQ(run(ServiceAction::PrintTestReceipt), ServiceOutcome::Passed);
    EXPECT_NE(last_receipt().find("TEST RECEIPT"), std::string::npos) << last_receipt();
    EXPECT_EQ(run(ServiceAction::ResetCardReader), ServiceOutcome::Refused) << "not before its test passed";
    EXPECT_EQ(run(ServiceAction::ReadTestCard), ServiceOutcome::Failed) << "no card yet: the slot opens";
    rig_->card_reader().jam_on_eject(sim::FaultMode::once);
    ASSERT_TRUE(rig_->card_reader().insert(sim::card("visa-alice")).ok());
    pass(Millis(300));
    EXPECT_EQ(state(), StateId::ServiceMenu) << "a card in service mode is no visit";
    EXPECT_EQ(run(ServiceAction::ReadTestCard), ServiceOutcome::Passed) << page_lines() << notes_;
    ASSERT_TRUE(wait_for([&] {
        const auto& health = runtime().device_health();
        return health && !health->card_reader.device.usable();
    })) << "the jam is latched";
    EXPECT_EQ(run(ServiceAction::TestDispense), ServiceOutcome::Passed) << notes_;
    EXPECT_EQ(run(ServiceAction::PinPadKeyTest), ServiceOutcome::Passed);
    EXPECT_EQ(run(ServiceAction::ReadSensors), ServiceOutcome::Passed);
    // The test phrase goes to the speech output (the fixture's speech log).
    EXPECT_EQ(run(ServiceAction::SpeechTest), ServiceOutcome::Passed) << notes_;
    EXPECT_EQ(run(ServiceAction::ResetCardReader), ServiceOutcome::Passed) << notes_;
    ASSERT_TRUE(wait_for([&] {
        const auto& health = runtime().device_health();
        return health && health->card_reader.device.usable();
    })) << "the reader is back after its reset";

    // Replenish with the counts in the cassettes, typed on the pad, then balance.
    touch("service_page:cash", Millis(300));
    const auto cassettes = rig_->cash().cassettes();
    ASSERT_EQ(cassettes.size(), 2U);
    runtime().touch("service_action:replenish_cash");
    pass(Millis(300));
    ASSERT_EQ(state(), StateId::ServiceEnterCount);
    type(std::to_string(cassettes[0].count), Millis(300));
    ASSERT_EQ(state(), StateId::ServiceEnterCount) << "the second cassette's count";
    type(std::to_string(cassettes[1].count), Millis(300));
    ASSERT_TRUE(wait_for([&] { return runtime().context().service_outcome.has_value(); }));
    EXPECT_EQ(runtime().context().service_outcome, ServiceOutcome::Passed) << notes_;
    EXPECT_EQ(lines("cash_replenish", technician), 1U);
    EXPECT_EQ(run(ServiceAction::PrintBalance), ServiceOutcome::Passed) << notes_;
    const std::string slip = last_receipt();
    EXPECT_NE(slip.find("BALANCING"), std::string::npos) << slip;
    EXPECT_NE(slip.find("Difference CNY 0.00"), std::string::npos) << slip;
    EXPECT_NE(slip.find("BALANCED"), std::string::npos) << slip;
    EXPECT_EQ(slip.find("4012"), std::string::npos) << "no card number on the balancing receipt";

    // Leaving: the fitness check first, then back in service.
    touch("service_page:overview", Millis(300));
    runtime().touch("service_leave");
    ASSERT_TRUE(wait_for([&] { return state() == StateId::Attract; })) << notes_;
    rig_->sensor_board().set_operator_key(false);
    pass(Millis(3'000));
    EXPECT_EQ(state(), StateId::Attract);

    // All of it journaled, with the technician as the actor.
    EXPECT_GE(lines("technician_login", "", "failure"), 5U);
    EXPECT_GE(lines("technician_lockout"), 1U);
    EXPECT_EQ(lines("service_mode_entered", technician), 1U);
    for (const ServiceAction action :
         {ServiceAction::PrintTestReceipt, ServiceAction::ReadTestCard, ServiceAction::TestDispense,
          ServiceAction::PinPadKeyTest, ServiceAction::ReadSensors, ServiceAction::SpeechTest,
          ServiceAction::ResetCardReader, ServiceAction::PrintBalance}) {
        EXPECT_GE(lines("service_action", technician, flow::to_string(action)), 1U) << flow::to_string(action);
    }
    EXPECT_EQ(lines("service_fitness_check", technician, "success"), 1U);
    EXPECT_EQ(lines("service_mode_left", technician), 1U);
}

TEST_F(ServiceModeE2eTest, ReplenishSetsTheDispensersCountsARefusalWritesNothingAndTheBankBalancesOverIso8583) {
    sign_in_to_the_cash_page();
    const std::vector<sim::SimCassette> before = rig_->cash().cassettes();
    ASSERT_EQ(before.size(), 2U);

    // A cassette is out of the dispenser: it refuses the new counts, and nothing is written.
    rig_->cash().set_cassette_state(1, drivers::CassetteState::missing);
    pass(Millis(2'500));  // a fitness round sees it
    EXPECT_EQ(replenish({300, 200}), ServiceOutcome::Refused) << notes_;
    EXPECT_NE(page_lines().find("the dispenser refused the new counts, nothing written"), std::string::npos)
        << page_lines();
    EXPECT_EQ(lines("cash_replenish"), 0U);
    EXPECT_EQ(ledger_loaded(), (std::vector<std::int64_t>{0, 0}));
    EXPECT_EQ(rig_->cash().cassettes()[0].count, before[0].count);

    // Back in: the dispenser takes the counts, then the ledger (one journal line).
    rig_->cash().set_cassette_state(1, drivers::CassetteState::ok);
    pass(Millis(2'500));
    EXPECT_EQ(replenish({300, 200}), ServiceOutcome::Passed) << notes_;
    EXPECT_EQ(rig_->cash().cassettes()[0].count, 300U);
    EXPECT_EQ(rig_->cash().cassettes()[1].count, 200U);
    EXPECT_EQ(ledger_loaded(), (std::vector<std::int64_t>{300, 200}));
    EXPECT_EQ(lines("cash_replenish", "technician:" + std::string(kTechnician)), 1U);
    ASSERT_TRUE(wait_for([&] {
        const auto& health = runtime().device_health();
        return health && health->dispenser && health->dispenser->cassettes.size() == 2 &&
               health->dispenser->cassettes[0].count == 300U;
    })) << "the dispenser's status reports the new counts";
    leave_service();

    // A customer's withdrawal comes out of the new counts.
    to_menu(sim::card("visa-alice"));
    touch("withdrawal", Millis(500));
    touch("amount_0", Millis(2'000));
    ASSERT_EQ(state(), StateId::ReturningCard) << notes_;
    ASSERT_TRUE(rig_->card_reader().take_card().ok());
    pass(Millis(2'000));
    ASSERT_EQ(state(), StateId::TakeCash) << notes_;
    ASSERT_TRUE(rig_->cash().take_notes().ok());
    pass(Millis(1'000));
    touch("receipt_no", Millis(500));
    skip_survey();
    ASSERT_TRUE(wait_for([&] { return state() == StateId::Attract; })) << notes_;
    const std::vector<sim::SimCassette> after = rig_->cash().cassettes();
    ASSERT_GT(rig_->cash().value_taken(), 0);
    EXPECT_EQ(static_cast<std::int64_t>(300U - after[0].count) * after[0].denomination +
                  static_cast<std::int64_t>(200U - after[1].count) * after[1].denomination,
              rig_->cash().value_taken());

    // Balancing: the bank's totals over ISO 8583 against the ledger and the dispenser's counts.
    sign_in_to_the_cash_page();
    pass(Millis(2'500));  // the dispenser's counts after the withdrawal
    EXPECT_EQ(run(ServiceAction::PrintBalance), ServiceOutcome::Passed) << notes_ << last_receipt();
    const std::string slip = last_receipt();
    EXPECT_NE(slip.find("Host: 1 withdrawals"), std::string::npos) << slip;
    EXPECT_NE(slip.find("Difference CNY 0.00"), std::string::npos) << slip;
    EXPECT_NE(slip.find("BALANCED"), std::string::npos) << slip;

    // The Journal page's quick searches find what happened, newest first: the customer's dispense
    // under Cash, the refused replenishment under today's failures; All goes back to the last lines.
    touch("service_page:journal", Millis(300));
    EXPECT_EQ(run(ServiceAction::JournalCash), ServiceOutcome::Passed) << notes_;
    pass(Millis(300));
    std::string found = page_lines();
    EXPECT_NE(found.find("service.fact.search: Cash: "), std::string::npos) << found;
    const std::size_t dispense = found.find("  system  dispense: success");
    const std::size_t replenished = found.find("  technician:" + std::string(kTechnician) + "  cash_replenish: success");
    EXPECT_NE(dispense, std::string::npos) << found;
    EXPECT_NE(replenished, std::string::npos) << found;
    EXPECT_LT(dispense, replenished) << "newest first\n" << found;
    EXPECT_EQ(found.find("card_"), std::string::npos) << found;
    EXPECT_EQ(lines("service_action", "technician:" + std::string(kTechnician), "journal_cash"), 1U)
        << "journaled like every service action";

    EXPECT_EQ(run(ServiceAction::JournalFailures), ServiceOutcome::Passed) << notes_;
    pass(Millis(300));
    found = page_lines();
    EXPECT_NE(found.find("service_action: refused: the dispenser refused"), std::string::npos) << found;

    EXPECT_EQ(run(ServiceAction::JournalAll), ServiceOutcome::Passed) << notes_;
    pass(Millis(300));
    found = page_lines();
    EXPECT_NE(found.find("service_action: success"), std::string::npos) << "the newest: this search's own neighbours\n"
                                                                       << found;
}

// The information pages act on the screen: a technician uploads the outbox now and tests the
// network (host echo and the CRM, both measured), sees Rotate keys disabled as a supervisor's, and
// reads the quality index; a supervisor then rotates the data key from the screen.
TEST_F(ServiceModeE2eTest, OutboxNetworkQualityAndKeysPagesAct) {
    to_menu(sim::card("visa-alice"));  // a visit, so the outbox has records and the day its statistics
    touch("cancel", Millis(1'500));
    ASSERT_TRUE(rig_->card_reader().take_card().ok());
    ASSERT_TRUE(wait_for([&] { return state() == StateId::Attract; })) << notes_;
    enter_service_mode(kTechnician, kTechnicianPin);
    const std::string technician = "technician:" + std::string(kTechnician);

    touch("service_page:outbox", Millis(300));
    ASSERT_EQ(last_screen_.screen, ui::ScreenId::ServiceOutbox);
    ASSERT_NE(button("service_action:upload_now"), nullptr);
    EXPECT_TRUE(button("service_action:upload_now")->enabled) << "the uploader is wired";
    ASSERT_NE(fact("service.fact.last_success"), nullptr) << page_lines();
    EXPECT_EQ(fact("service.fact.last_success")->value_key, "service.value.none_yet") << page_lines();
    EXPECT_EQ(run(ServiceAction::UploadNow), ServiceOutcome::Passed) << page_lines() << notes_;
    EXPECT_NE(page_lines().find("acknowledged"), std::string::npos) << page_lines();
    EXPECT_EQ(fact("service.fact.last_success")->value_key, "service.value.at") << "refreshed after the round";
    EXPECT_EQ(fact("service.fact.pending")->value_args.front(), "0") << page_lines();
    EXPECT_EQ(lines("service_action", technician, "upload_now"), 1U);

    touch("service_page:network", Millis(300));
    ASSERT_EQ(last_screen_.screen, ui::ScreenId::ServiceNetwork);
    EXPECT_EQ(fact("service.fact.crm")->value_key, "service.value.reachable") << "the upload's round trip";
    EXPECT_EQ(run(ServiceAction::ProbeNetwork), ServiceOutcome::Passed) << page_lines() << notes_;
    EXPECT_NE(page_lines().find("host echo"), std::string::npos) << page_lines();
    EXPECT_NE(page_lines().find("CRM "), std::string::npos) << page_lines();
    EXPECT_EQ(fact("service.fact.host")->value_key, "service.value.reachable") << page_lines();
    EXPECT_EQ(fact("service.fact.crm")->value_key, "service.value.reachable") << page_lines();
    EXPECT_EQ(lines("service_action", technician, "probe_network"), 1U);

    touch("service_page:quality", Millis(300));
    ASSERT_EQ(last_screen_.screen, ui::ScreenId::ServiceQuality);
    ASSERT_NE(fact("service.fact.sessions"), nullptr) << page_lines();
    EXPECT_EQ(fact("service.fact.sessions")->value_args, std::vector<std::string>{"1"}) << page_lines();
    EXPECT_EQ(fact("service.fact.sealed_day")->value_key, "service.value.none_yet") << "no day sealed yet";

    touch("service_page:keys", Millis(300));
    ASSERT_EQ(last_screen_.screen, ui::ScreenId::ServiceKeys);
    EXPECT_FALSE(button("service_action:rotate_keys")->enabled) << "a supervisor's action";
    ASSERT_NE(fact("service.fact.rotate_keys"), nullptr) << page_lines();
    EXPECT_EQ(fact("service.fact.rotate_keys")->value_key, "service.value.supervisor_only");
    EXPECT_EQ(run(ServiceAction::RotateKeys), ServiceOutcome::Refused);
    leave_service_mode();

    security::OsRandom random;
    const auto paths = security::key_ring_paths(config_.data_dir, config_.keys_path());
    const auto rotations = [&]() -> std::uint64_t {
        auto ring = security::KeyRingStore::open(paths, random);
        if (!ring) return 0;
        auto status = (*ring)->status();
        return status ? status->rotations : 0;
    };
    const std::uint64_t before = rotations();
    enter_service_mode(kSupervisor, kSupervisorPin);
    EXPECT_EQ(runtime().context().service_role, flow::ServiceRole::Supervisor);
    touch("service_page:keys", Millis(300));
    EXPECT_TRUE(button("service_action:rotate_keys")->enabled);
    EXPECT_EQ(fact("service.fact.rotate_keys"), nullptr) << "no note for a supervisor";
    EXPECT_EQ(run(ServiceAction::RotateKeys), ServiceOutcome::Passed) << page_lines() << notes_;
    EXPECT_EQ(rotations(), before + 1);
    const std::string supervisor = "technician:" + std::string(kSupervisor);
    EXPECT_EQ(lines("service_action", supervisor, "rotate_keys"), 1U);
    EXPECT_EQ(lines("key_rotation", supervisor), 1U) << "as kioskctl keys rotate journals it";
    EXPECT_EQ(lines("service_action", technician, "rotate_keys"), 0U) << "the flow refused it: nothing ran";
    // Sealing goes on under the new key: another visit is recorded.
    leave_service_mode();
    EXPECT_EQ(state(), StateId::Attract);
}

}  // namespace
}  // namespace kiosk::test
