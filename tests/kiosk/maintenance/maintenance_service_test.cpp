// MaintenanceService's information-page actions over fakes (no simulator): Upload now, Rotate keys
// and Test network run their sources on the service worker and come back as ServiceActionDone,
// journaled with the technician; Rotate keys is a supervisor's, checked here as well as in the
// flow; the Network, Outbox and Keys pages say what the sources last recorded.
#include "kiosk/maintenance/maintenance_service.hpp"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "kiosk/maintenance/journal_searches.hpp"
#include "kiosk/maintenance/service_facts.hpp"
#include "store/database.hpp"
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

store::JournalEntry entry(std::int64_t seq, std::string actor, std::string event, std::string outcome) {
    return store::JournalEntry{seq, store::JournalLine{1'767'607'200'000 + seq * 1000, std::move(actor), std::move(event),
                                                       std::move(outcome), "TERM0001/core", "dispenser", "", std::nullopt}};
}

TEST_F(MaintenanceServiceTest, AJournalSearchRunsOffTheLoopAndItsLinesTakeThePage) {
    std::atomic<std::thread::id> ran_on{};
    std::optional<store::JournalQuery> asked;
    MaintenanceSources sources;
    sources.journal = [] { return std::vector<ui::FactLine>{maintenance::text_fact("service.fact.last_line", "x")}; };
    sources.search_journal = [&](const store::JournalQuery& query) -> Result<std::vector<store::JournalEntry>> {
        ran_on = std::this_thread::get_id();
        asked = query;
        return std::vector<store::JournalEntry>{
            entry(9, "system", "dispense", "failure: note jam"),
            entry(8, "customer:0123456789abcdef0123", "dispense", "success")};
    };
    start(flow::ServiceRole::Technician, std::move(sources));
    const auto done = run(ServiceAction::JournalCash);
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->outcome, ServiceOutcome::Passed);
    EXPECT_NE(ran_on.load(), std::this_thread::get_id()) << "on the service worker, never the loop";
    ASSERT_TRUE(asked.has_value());
    EXPECT_EQ(asked, maintenance::journal_search_query(ServiceAction::JournalCash, loop.clock.now()));
    const auto* line = service_action_line();
    ASSERT_NE(line, nullptr);
    EXPECT_EQ(line->actor, "technician:2001");
    EXPECT_EQ(line->resource, "journal_cash");
    EXPECT_EQ(line->detail, "2 lines found");

    const ui::ViewModel vm = page(ui::ScreenId::ServiceJournal, ServiceAction::JournalCash, ServiceOutcome::Passed);
    EXPECT_EQ(value(vm, "service.fact.search"), "Cash: 2 found, newest first");
    ASSERT_EQ(vm.facts.size(), 3U);
    const std::string first = ui::fact_value(vm.facts[1], ui::Language::English);
    EXPECT_NE(first.find("  system  dispense: failure: note jam"), std::string::npos) << first;
    EXPECT_EQ(first.size(), std::string("10:00:09  system  dispense: failure: note jam").size()) << "HH:MM:SS first";
    const std::string second = ui::fact_value(vm.facts[2], ui::Language::English);
    EXPECT_NE(second.find("customer:01234567\u2026"), std::string::npos) << "a token is shortened: " << second;
    EXPECT_EQ(value(vm, "service.fact.last_line"), "(missing)") << "the search's lines replace the last line";
    EXPECT_TRUE(vm.message_key.empty());
    for (const char* id : {"service_action:verify_journal", "service_action:journal_failures", "service_action:journal_cash",
                           "service_action:journal_cards", "service_action:journal_service", "service_action:journal_all"}) {
        ASSERT_NE(button(vm, id), nullptr) << id;
    }
    EXPECT_TRUE(button(vm, "service_action:journal_cards")->enabled);
    const ui::ViewModel zh = [&] {
        ui::ViewModel chinese = vm;
        chinese.language = ui::Language::SimplifiedChinese;
        return chinese;
    }();
    EXPECT_EQ(ui::fact_value(zh.facts[0], ui::Language::SimplifiedChinese), "现金：找到 2 条，最新在前");
}

TEST_F(MaintenanceServiceTest, AFailedJournalSearchSaysWhyOverTheLastLine) {
    MaintenanceSources sources;
    sources.journal = [] { return std::vector<ui::FactLine>{maintenance::text_fact("service.fact.last_line", "x")}; };
    sources.search_journal = [](const store::JournalQuery&) -> Result<std::vector<store::JournalEntry>> {
        return make_error("store", "database is locked");
    };
    start(flow::ServiceRole::Technician, std::move(sources));
    const auto done = run(ServiceAction::JournalFailures);
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->outcome, ServiceOutcome::Failed);
    EXPECT_NE(service_action_line()->outcome.find("database is locked"), std::string::npos);
    const ui::ViewModel vm = page(ui::ScreenId::ServiceJournal, ServiceAction::JournalFailures, ServiceOutcome::Failed);
    EXPECT_EQ(vm.message_key, "service.outcome.failed");
    EXPECT_NE(value(vm, "service.fact.result").find("database is locked"), std::string::npos);
    EXPECT_EQ(value(vm, "service.fact.last_line"), "x");
}

TEST_F(MaintenanceServiceTest, WithoutASearchSourceTheSearchButtonsAreDisabled) {
    start(flow::ServiceRole::Technician, MaintenanceSources{});
    const ui::ViewModel vm = page(ui::ScreenId::ServiceJournal, ServiceAction::VerifyJournal, ServiceOutcome::Passed);
    EXPECT_FALSE(button(vm, "service_action:journal_all")->enabled);
    const auto done = run(ServiceAction::JournalAll);
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->outcome, ServiceOutcome::Failed);
}

// The quick searches on a real journal: which lines each finds.
TEST(JournalSearches, EachQuickSearchFindsItsFamilyNewestFirst) {
    auto database = store::Database::open_in_memory();
    ASSERT_TRUE(database.ok());
    store::Journal journal(*database);
    const TimePoint now = from_unix_millis(1'767'607'200'000);
    const std::int64_t today = to_unix_millis(maintenance::local_day_start(now));
    const auto add = [&](std::int64_t time, std::string actor, std::string event, std::string outcome) {
        ASSERT_TRUE(journal.append(store::JournalLine{time, std::move(actor), std::move(event), std::move(outcome),
                                                      "T/core", "r", "", std::nullopt})
                        .ok());
    };
    add(today - 1000, "system", "dispense", "failure: yesterday's jam");
    add(today + 1000, "customer:tok", "card_inserted", "success");
    add(today + 2000, "system", "dispense", "failure: note jam");
    add(today + 3000, "system", "card_retained", "success");
    add(today + 4000, "technician:1001", "cash_replenish", "success");
    add(today + 5000, "technician:1001", "service_action", "failed: no sensor board");
    add(today + 6000, "system", "kiosk_started", "success");
    const auto events = [&](ServiceAction search) {
        auto found = journal.search(*maintenance::journal_search_query(search, now));
        std::vector<std::string> names;
        for (const store::JournalEntry& e : found.value_or(std::vector<store::JournalEntry>{})) {
            names.push_back(e.line.event_type);
        }
        return names;
    };
    using Names = std::vector<std::string>;
    EXPECT_EQ(events(ServiceAction::JournalFailures), (Names{"service_action", "dispense"})) << "today's only";
    EXPECT_EQ(events(ServiceAction::JournalCash), (Names{"cash_replenish", "dispense", "dispense"}));
    EXPECT_EQ(events(ServiceAction::JournalCards), (Names{"card_retained", "card_inserted"}));
    EXPECT_EQ(events(ServiceAction::JournalService), (Names{"service_action"}));
    EXPECT_EQ(events(ServiceAction::JournalAll).size(), maintenance::kJournalSearchLinesShown);
    EXPECT_EQ(events(ServiceAction::JournalAll).front(), "kiosk_started");
    EXPECT_FALSE(maintenance::journal_search_query(ServiceAction::VerifyJournal, now).has_value());
}

}  // namespace
}  // namespace kiosk::test
