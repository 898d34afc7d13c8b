// `kioskctl journal search` in-process on a temporary database: the filters, the table and JSON
// output, "no journal lines match", the time forms, and each bad option named with exit 64.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/kioskctl_app.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::kioskctl {
namespace {

constexpr std::int64_t kNow = 1'767'607'200'000;  // 2026-01-05T10:00:00.000Z
constexpr std::int64_t kHourMs = 3'600'000;

struct Captured {
    std::ostringstream out;
    std::ostringstream err;
    Streams streams() { return Streams{out, err}; }
};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

class FixedClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return from_unix_millis(kNow); }
};

class KioskctlJournalSearchTest : public ::testing::Test {
protected:
    void SetUp() override {
        config_.data_dir = directory_.file("data");
        std::filesystem::create_directories(config_.data_dir);
        auto database = store::Database::open(config_.database_path().string());
        ASSERT_TRUE(database.ok());
        store::Journal journal(*database);
        const auto add = [&](std::int64_t time, std::string actor, std::string event, std::string outcome,
                             std::string resource, std::string detail) {
            ASSERT_TRUE(journal
                            .append(store::JournalLine{time, std::move(actor), std::move(event), std::move(outcome),
                                                       "SIM-0001/core", std::move(resource), std::move(detail),
                                                       std::nullopt})
                            .ok());
        };
        add(kNow - 30 * kHourMs, "system", "dispense", "success", "dispenser", "amount 100.00 CNY");
        add(kNow - 2 * kHourMs, "system", "dispense", "failure: note jam", "dispenser", "amount 50.00 CNY");
        add(kNow - kHourMs, "system", "card_retained", "success", "card reader", "timeout");
        add(kNow - 1000, "technician:1001", "service_action", "success", "verify_journal", "verified: 3 lines");
        // Never written by the kiosk (the store keeps tokens); here to show a search cannot find it.
        add(kNow - 500, "system", "note", "success", "card 4111111111111111", "");
    }

    int search(const JournalSearchOptions& options, Captured& captured, bool as_json = false) {
        return run_journal_search(config_, options, kNow, as_json, captured.streams());
    }

    int run(const std::vector<std::string>& args, Captured& captured) {
        const std::string path = directory_.file("kiosk.toml");
        std::ofstream(path) << "[kiosk]\ndata_dir = \"" << config_.data_dir.string() << "\"\n";
        std::vector<const char*> argv{"kioskctl"};
        for (const std::string& arg : args) argv.push_back(arg.c_str());
        argv.push_back("--config");
        argv.push_back(path.c_str());
        return run_kioskctl(static_cast<int>(argv.size()), argv.data(), captured.out, captured.err, clock_);
    }

    store::test::TempDirectory directory_;
    KioskConfig config_;
    FixedClock clock_;
};

TEST_F(KioskctlJournalSearchTest, EventFilterPrintsTheTableNewestFirst) {
    Captured captured;
    JournalSearchOptions options;
    options.events = {"dispense"};
    ASSERT_EQ(search(options, captured), kExitOk) << captured.err.str();
    const std::string out = captured.out.str();
    EXPECT_TRUE(contains(out, "2 matching journal lines")) << out;
    EXPECT_LT(out.find("note jam"), out.find("100.00 CNY")) << out;
    EXPECT_TRUE(contains(out, "seq  time")) << out;
}

TEST_F(KioskctlJournalSearchTest, FailuresSinceTodayAndActor) {
    JournalSearchOptions options;
    options.failures = true;
    options.since = "today";
    Captured failures;
    ASSERT_EQ(search(options, failures), kExitOk);
    EXPECT_TRUE(contains(failures.out.str(), "1 matching")) << failures.out.str();
    EXPECT_TRUE(contains(failures.out.str(), "note jam"));
    options = {};
    options.actor = "technician:1001";
    options.since = "24h";
    Captured actor;
    ASSERT_EQ(search(options, actor), kExitOk);
    EXPECT_TRUE(contains(actor.out.str(), "verify_journal")) << actor.out.str();
    EXPECT_FALSE(contains(actor.out.str(), "dispense")) << actor.out.str();
}

TEST_F(KioskctlJournalSearchTest, NoMatchIsExitZeroAndSaysSo) {
    JournalSearchOptions options;
    options.events = {"cash_*"};
    Captured captured;
    EXPECT_EQ(search(options, captured), kExitOk);
    EXPECT_TRUE(contains(captured.out.str(), "no journal lines match")) << captured.out.str();
}

TEST_F(KioskctlJournalSearchTest, JsonHasTheMatchedLines) {
    JournalSearchOptions options;
    options.events = {"card_*", "service_*"};
    Captured captured;
    ASSERT_EQ(search(options, captured, true), kExitOk);
    const auto document = nlohmann::json::parse(captured.out.str());
    EXPECT_EQ(document.at("matched"), 2);
    EXPECT_EQ(document.at("lines").at(0).at("event"), "service_action");
    EXPECT_EQ(document.at("lines").at(1).at("time"), "2026-01-05T09:00:00.000Z");
}

TEST_F(KioskctlJournalSearchTest, TextIsMatchedOnWhatShowPrints) {
    JournalSearchOptions options;
    options.text = "4111111111111111";  // the masked middle: no oracle for a number show hides
    Captured hidden;
    EXPECT_EQ(search(options, hidden), kExitOk);
    EXPECT_TRUE(contains(hidden.out.str(), "no journal lines match")) << hidden.out.str();
    options.text = "1111";  // the shown last four do match, and print masked
    Captured shown;
    EXPECT_EQ(search(options, shown), kExitOk);
    EXPECT_TRUE(contains(shown.out.str(), "411111******1111")) << shown.out.str();
    EXPECT_FALSE(contains(shown.out.str(), "4111111111111111")) << shown.out.str();
}

TEST_F(KioskctlJournalSearchTest, TimesInTheJournalsFormAndShortForms) {
    EXPECT_EQ(parse_journal_time("2026-01-05T10:00:00.000Z", 0).value_or(-1), kNow);
    EXPECT_EQ(parse_journal_time("2026-01-05T10:00:00Z", 0).value_or(-1), kNow);
    EXPECT_EQ(parse_journal_time("2026-01-05T10:00Z", 0).value_or(-1), kNow);
    EXPECT_EQ(parse_journal_time("2026-01-05", 0).value_or(-1), kNow - 10 * kHourMs);
    EXPECT_EQ(parse_journal_time("today", kNow).value_or(-1), kNow - 10 * kHourMs);
    EXPECT_EQ(parse_journal_time("24h", kNow).value_or(-1), kNow - 24 * kHourMs);
    for (const char* bad : {"2026-13-01", "2026-02-30", "2026-01-05T10:00:00", "2026-01-05 10:00Z", "yesterday", "0h",
                            "x h", "2026-01-05T25:00Z", ""}) {
        EXPECT_FALSE(parse_journal_time(bad, kNow).ok()) << bad;
    }
}

TEST_F(KioskctlJournalSearchTest, BadOptionsAreExit64NamingTheOption) {
    struct Case {
        std::vector<std::string> args;
        std::string_view expected;
    };
    const std::vector<Case> cases{
        {{"journal", "search", "--since", "yesterday"}, "--since 'yesterday': expected a UTC time"},
        {{"journal", "search", "--until", "2026-01-05T10:00"}, "--until"},
        {{"journal", "search", "--since", "2026-01-06", "--until", "2026-01-05"}, "--since 2026-01-06 is after --until"},
        {{"journal", "search", "--last", "0"}, "--last '0': expected 1 to 1000"},
        {{"journal", "search", "--last", "1001"}, "--last '1001'"},
        {{"journal", "search", "--last", "many"}, "--last"},
        {{"journal", "search", "--text", ""}, "--text"},
        {{"journal", "search", "--event", "a*b"}, "--event"},
    };
    for (const Case& c : cases) {
        Captured captured;
        EXPECT_EQ(run(c.args, captured), kExitUsage) << c.args.back();
        EXPECT_TRUE(contains(captured.err.str(), c.expected)) << captured.err.str();
        EXPECT_EQ(captured.out.str(), "");
    }
}

TEST_F(KioskctlJournalSearchTest, CommandLineRunsTheSearch) {
    Captured captured;
    EXPECT_EQ(run({"journal", "search", "--event", "dispense", "--failures", "--last", "5"}, captured), kExitOk)
        << captured.err.str();
    EXPECT_TRUE(contains(captured.out.str(), "1 matching")) << captured.out.str();
    Captured json;
    EXPECT_EQ(run({"journal", "search", "--event", "nothing", "--json"}, json), kExitOk) << json.err.str();
    EXPECT_EQ(nlohmann::json::parse(json.out.str()).at("matched"), 0);
}

}  // namespace
}  // namespace kiosk::kioskctl
