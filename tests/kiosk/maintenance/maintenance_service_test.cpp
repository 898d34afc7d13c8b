// MaintenanceService's information-page actions over fakes (no simulator): Upload now, Rotate keys
// and Test network run their sources on the service worker and come back as ServiceActionDone,
// journaled with the technician; Rotate keys is a supervisor's, checked here as well as in the
// flow; the Network, Outbox and Keys pages say what the sources last recorded.
#include "kiosk/maintenance/maintenance_service.hpp"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/runtime_fakes.hpp"
#include "ui/i18n.hpp"

namespace kiosk::test {
namespace {

using flow::ServiceAction;
using flow::ServiceOutcome;

class FakeDesk final : public TechnicianDesk {
public:
    explicit FakeDesk(flow::ServiceRole role) : role_(role) {}
    SignInAnswer sign_in(std::string_view, std::string_view) override { return SignInAnswer{role_, {}, "ok"}; }
    void sign_out() override {}

private:
    flow::ServiceRole role_;
};

class MaintenanceServiceTest : public ::testing::Test {
protected:
    ~MaintenanceServiceTest() override { service_.reset(); }

    void start(flow::ServiceRole role, MaintenanceSources sources) {
        desk_ = std::make_unique<FakeDesk>(role);
        service_ = std::make_unique<MaintenanceService>(
            loop.ports(), MaintenanceService::Workers{card_worker, pad_worker, printer_worker, nullptr, nullptr, host_worker},
            loop.mailbox, MaintenanceConfig{}, desk_.get(), std::move(sources), "TERM0001", Money{0, "CNY", 2});
        service_->typed(flow::KeyEntry::TechnicianId, "2001");
        service_->typed(flow::KeyEntry::TechnicianPin, "24682468");
        service_->check_technician();
        ASSERT_TRUE(wait_for(flow::EventKind::TechnicianSignedIn));
    }
    // Bounded in real time: the sources run on the service worker.
    bool wait_for(flow::EventKind kind) {
        for (int i = 0; i < 500; ++i) {
            loop.run_mail();
            if (loop.posted_kind(kind)) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }
    std::optional<flow::events::ServiceActionDone> run(ServiceAction action) {
        loop.posted.clear();
        service_->run(action, flow::Context{}, std::nullopt);
        if (!wait_for(flow::EventKind::ServiceActionDone)) return std::nullopt;
        for (const flow::Event& event : loop.posted) {
            if (const auto* done = std::get_if<flow::events::ServiceActionDone>(&event)) return *done;
        }
        return std::nullopt;
    }
    ui::ViewModel page(ui::ScreenId screen, ServiceAction action, ServiceOutcome outcome) {
        ui::ViewModel vm;
        vm.screen = screen;
        flow::Context context;
        context.service_action = action;
        context.service_outcome = outcome;
        service_->fill(vm, context, std::nullopt, ServiceFitness{}, true, "");
        return vm;
    }
    static std::string value(const ui::ViewModel& vm, std::string_view label) {
        for (const ui::FactLine& fact : vm.facts) {
            if (fact.label_key == label) return ui::fact_value(fact, ui::Language::English);
        }
        return "(missing)";
    }
    static const ui::Button* button(const ui::ViewModel& vm, std::string_view action) {
        for (const ui::Button& shown : vm.buttons) {
            if (shown.action == action) return &shown;
        }
        return nullptr;
    }
    const FakeRecordSink::Line* service_action_line() const {
        for (const auto& line : loop.sink.events) {
            if (line.event == "service_action") return &line;
        }
        return nullptr;
    }

    LoopHarness loop;
    CallLog log;
    FakeCardReader card{log};
    FakePinPad pad{log};
    FakePrinter printer{log};
    FakeHostLink link{log};
    RequestWorker<drivers::CardReader> card_worker{"card", card, loop.mailbox, loop.clock};
    RequestWorker<drivers::PinPad> pad_worker{"PIN pad", pad, loop.mailbox, loop.clock};
    RequestWorker<drivers::ReceiptPrinter> printer_worker{"printer", printer, loop.mailbox, loop.clock};
    RequestWorker<host::HostLink> host_worker{"host", link, loop.mailbox, loop.clock};
    std::unique_ptr<FakeDesk> desk_;
    std::unique_ptr<MaintenanceService> service_;
};

TEST_F(MaintenanceServiceTest, UploadNowRunsTheRoundOffTheLoopAndJournalsItsOutcome) {
    std::atomic<std::thread::id> ran_on{};
    MaintenanceSources sources;
    sources.upload_now = [&]() -> Result<std::string> {
        ran_on = std::this_thread::get_id();
        return std::string("3 sent, 3 acknowledged, 0 pending");
    };
    start(flow::ServiceRole::Technician, std::move(sources));
    const auto done = run(ServiceAction::UploadNow);
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->outcome, ServiceOutcome::Passed);
    EXPECT_NE(ran_on.load(), std::this_thread::get_id()) << "on the service worker, never the loop";
    const auto* line = service_action_line();
    ASSERT_NE(line, nullptr);
    EXPECT_EQ(line->actor, "technician:2001");
    EXPECT_EQ(line->resource, "upload_now");
    EXPECT_EQ(line->detail, "3 sent, 3 acknowledged, 0 pending");
    const ui::ViewModel vm = page(ui::ScreenId::ServiceOutbox, ServiceAction::UploadNow, ServiceOutcome::Passed);
    EXPECT_TRUE(button(vm, "service_action:upload_now")->enabled);
    EXPECT_EQ(value(vm, "service.fact.result"), "upload_now: 3 sent, 3 acknowledged, 0 pending");
}

TEST_F(MaintenanceServiceTest, AFailedUploadIsAFailureWithItsReason) {
    MaintenanceSources sources;
    sources.upload_now = []() -> Result<std::string> { return make_error("crm", "0 sent: curl: timeout"); };
    start(flow::ServiceRole::Technician, std::move(sources));
    const auto done = run(ServiceAction::UploadNow);
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->outcome, ServiceOutcome::Failed);
    EXPECT_NE(service_action_line()->outcome.find("curl: timeout"), std::string::npos);
}

TEST_F(MaintenanceServiceTest, WithoutAnUploaderTheButtonIsDisabled) {
    start(flow::ServiceRole::Technician, MaintenanceSources{});
    const ui::ViewModel vm = page(ui::ScreenId::ServiceOutbox, ServiceAction::UploadNow, ServiceOutcome::Passed);
    EXPECT_FALSE(button(vm, "service_action:upload_now")->enabled);
}

MaintenanceSources rotating(std::atomic<int>& rotations) {
    MaintenanceSources sources;
    sources.rotate_keys = [&rotations]() -> Result<security::DataKeyRotation> {
        ++rotations;
        return security::DataKeyRotation{"dk-2", "dk-1"};
    };
    return sources;
}

TEST_F(MaintenanceServiceTest, ASupervisorRotatesTheKeysAndTheJournalNamesBoth) {
    std::atomic<int> rotations{0};
    start(flow::ServiceRole::Supervisor, rotating(rotations));
    const ui::ViewModel before = page(ui::ScreenId::ServiceKeys, ServiceAction::RotateKeys, ServiceOutcome::Passed);
    EXPECT_TRUE(button(before, "service_action:rotate_keys")->enabled);
    EXPECT_EQ(value(before, "service.fact.rotate_keys"), "(missing)");
    const auto done = run(ServiceAction::RotateKeys);
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->outcome, ServiceOutcome::Passed);
    EXPECT_EQ(rotations.load(), 1);
    EXPECT_EQ(service_action_line()->actor, "technician:2001");
    EXPECT_EQ(service_action_line()->detail, "current dk-2, retired dk-1");
    const auto* rotation = loop.sink.find("key_rotation");
    ASSERT_NE(rotation, nullptr) << "the same line kioskctl keys rotate writes";
    EXPECT_EQ(rotation->actor, "technician:2001");
    EXPECT_EQ(rotation->detail, "current dk-2, retired dk-1");
}

TEST_F(MaintenanceServiceTest, ATechnicianCannotRotateAndSeesWhy) {
    std::atomic<int> rotations{0};
    start(flow::ServiceRole::Technician, rotating(rotations));
    const ui::ViewModel vm = page(ui::ScreenId::ServiceKeys, ServiceAction::RotateKeys, ServiceOutcome::Refused);
    EXPECT_FALSE(button(vm, "service_action:rotate_keys")->enabled);
    EXPECT_EQ(value(vm, "service.fact.rotate_keys"), "supervisor only: sign in as a supervisor to rotate");
    const auto done = run(ServiceAction::RotateKeys);  // past the flow's own refusal: refused here too
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->outcome, ServiceOutcome::Refused);
    EXPECT_EQ(rotations.load(), 0);
}

TEST_F(MaintenanceServiceTest, TestNetworkEchoesTheHostAndProbesTheCrmThenShowsTheRoundTrips) {
    RoundTrip crm_trip;
    crm_trip.answered = true;
    crm_trip.took = Millis(12);
    crm_trip.at = loop.clock.now();
    MaintenanceSources sources;
    sources.probe_crm = []() -> Result<Millis> { return Millis(12); };
    sources.crm_round_trip = [crm_trip] { return std::optional<RoundTrip>(crm_trip); };
    sources.host_round_trip = [] { return std::optional<RoundTrip>(); };
    start(flow::ServiceRole::Technician, std::move(sources));
    const auto done = run(ServiceAction::ProbeNetwork);
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->outcome, ServiceOutcome::Passed);
    EXPECT_EQ(log.count("host.echo"), 1);
    EXPECT_NE(service_action_line()->detail.find("host echo 0 ms; CRM 12 ms"), std::string::npos)
        << service_action_line()->detail;
    const ui::ViewModel vm = page(ui::ScreenId::ServiceNetwork, ServiceAction::ProbeNetwork, ServiceOutcome::Passed);
    EXPECT_EQ(value(vm, "service.fact.host"), "not tried yet: press Test network");
    EXPECT_EQ(value(vm, "service.fact.crm").substr(0, 20), "reachable, 12 ms at ");
}

TEST_F(MaintenanceServiceTest, AnUnreachableCrmFailsTheNetworkTestEvenWhenTheHostAnswers) {
    MaintenanceSources sources;
    sources.probe_crm = []() -> Result<Millis> { return make_error("curl", "Could not connect to server"); };
    start(flow::ServiceRole::Technician, std::move(sources));
    const auto done = run(ServiceAction::ProbeNetwork);
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->outcome, ServiceOutcome::Failed);
    EXPECT_NE(service_action_line()->outcome.find("Could not connect"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::test
