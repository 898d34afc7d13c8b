// `kioskctl cx`: the index of a day from the kiosk's own statistics, as lines and as JSON, today
// by default; `kioskctl cx upload`: a technician queues a sealed service_quality record the key
// ring opens, journaled; refused without a valid sign-in.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/random_source.hpp"
#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/kioskctl_app.hpp"
#include "security/key_file.hpp"
#include "security/key_store.hpp"
#include "security/record_sealer.hpp"
#include "store/cx_stats.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"
#include "store/outbox.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::kioskctl {
namespace {

using nlohmann::json;

class FixedClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return from_unix_millis(1'767'607'200'000); }  // 2026-01-05T10:00Z
};

struct Captured {
    std::ostringstream out;
    std::ostringstream err;
    Streams streams() { return Streams{out, err}; }
};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

class KioskctlCxTest : public ::testing::Test {
protected:
    KioskctlCxTest() {
        config_.data_dir = directory_.file("data");
        std::filesystem::create_directories(config_.data_dir);
        security::KeyFile::create(config_.keys_path(),
                                  {std::string(security::kKekKeyName), std::string(security::kPanTokenKeyName)}, random_);
    }

    // A kiosk that ran on the 4th and the 5th, commissioned with a technician.
    void make_kiosk() {
        auto database = store::Database::open(config_.database_path().string());
        ASSERT_TRUE(database.ok());
        store::CxStats stats(*database);
        const auto add = [&](const char* day, const char* kind, const json& summary) {
            ASSERT_TRUE(stats.add({day, kind, summary.dump()}).ok());
        };
        add("2026-01-05", "journey", {{"outcome", "completed"}, {"total_ms", 30'000}, {"error_count", 1}});
        add("2026-01-05", "journey", {{"outcome", "completed"}, {"total_ms", 50'000}});
        add("2026-01-05", "journey", {{"outcome", "cancelled"}, {"total_ms", 8'000}, {"abandoned_at", "enter_pin"}});
        add("2026-01-05", "journey", {{"outcome", "timed_out"}, {"timeout_count", 1}, {"abandoned_at", "main_menu"}});
        add("2026-01-05", "survey", {{"status", "answered"}, {"csat", 5}, {"nps", 10}});
        add("2026-01-05", "survey", {{"status", "skipped"}});
        add("2026-01-05", "complaint", {{"category", "receipt"}});
        add("2026-01-04", "journey", {{"outcome", "completed"}, {"total_ms", 20'000}});
        ASSERT_TRUE(stats.add_availability({"2026-01-05", 3 * 3'600'000, 3'600'000}).ok());
        auto ring = security::KeyRingStore::create(paths(), security::KekSpec{}, random_);
        ASSERT_TRUE(ring.ok()) << ring.error().to_string();
        Captured made;
        ASSERT_EQ(run_users_bootstrap(config_, kSupervisor, clock_, made.streams(), fast_hashes()), kExitOk) << made.err.str();
        ASSERT_EQ(run_users_add(config_, kSupervisor, kTechnician, security::TechnicianRole::Technician, clock_,
                                made.streams(), fast_hashes()),
                  kExitOk)
            << made.err.str();
    }
    static security::AccessPolicy fast_hashes() {
        security::AccessPolicy policy;
        policy.hash_iterations = 1'000;
        return policy;
    }
    security::KeyRingPaths paths() const { return security::key_ring_paths(config_.data_dir, config_.keys_path()); }
    std::string write_config() {
        const std::string path = directory_.file("kiosk.toml");
        std::ofstream(path) << "[kiosk]\ndata_dir = \"" << config_.data_dir.string() << "\"\n";
        return path;
    }
    int kioskctl(std::vector<const char*> args, Captured& captured, const std::string& input = "") {
        const std::string config_path = write_config();
        std::vector<const char*> argv{"kioskctl", "--config", config_path.c_str()};
        argv.insert(argv.end(), args.begin(), args.end());
        std::istringstream in(input);
        return run_kioskctl(static_cast<int>(argv.size()), argv.data(), captured.out, captured.err, clock_, in);
    }
    std::vector<security::SealedRecord> outbox() {
        auto database = store::Database::open(config_.database_path().string());
        auto batch = store::Outbox(*database, clock_).next_batch(100);
        EXPECT_TRUE(batch.ok());
        return batch.ok() ? *batch : std::vector<security::SealedRecord>{};
    }

    static inline const TechnicianCredentials kSupervisor{"sup-ada", "correct-horse-7"};
    static inline const TechnicianCredentials kTechnician{"tech-bo", "battery-staple-9"};

    store::test::TempDirectory directory_;
    KioskConfig config_;
    SeededRandom random_{11};
    FixedClock clock_;
};

TEST_F(KioskctlCxTest, ShowsTheIndexOfADayAsLines) {
    make_kiosk();
    Captured captured;
    ASSERT_EQ(run_cx_show(config_, "2026-01-05", false, captured.streams()), kExitOk) << captured.err.str();
    const std::string out = captured.out.str();
    EXPECT_TRUE(contains(out, "service quality of 2026-01-05 (UTC)")) << out;
    EXPECT_TRUE(contains(out, "sessions       4\n")) << out;
    EXPECT_TRUE(contains(out, "completed      2 (50.0 %)\n")) << out;
    EXPECT_TRUE(contains(out, "task time      median 40.0 s, p95 50.0 s\n")) << out;
    EXPECT_TRUE(contains(out, "errors         25.0 % of sessions\n")) << out;
    EXPECT_TRUE(contains(out, "abandoned at   enter_pin 1, main_menu 1\n")) << out;
    EXPECT_TRUE(contains(out, "CSAT           5.00 (1 scores; 2 surveys shown, 50.0 % answered)\n")) << out;
    EXPECT_TRUE(contains(out, "NPS            +100.0 (1 answers)\n")) << out;
    EXPECT_TRUE(contains(out, "complaints     1 (250.0 per 1,000 sessions)\n")) << out;
    EXPECT_TRUE(contains(out, "availability   75.0 %\n")) << out;
}

TEST_F(KioskctlCxTest, TodayIsTheDefaultAndJsonIsTheRecordsPayload) {
    make_kiosk();
    Captured captured;
    ASSERT_EQ(kioskctl({"cx", "--json"}, captured), kExitOk) << captured.err.str();
    const json payload = json::parse(captured.out.str());
    EXPECT_EQ(payload["day"], "2026-01-05");
    EXPECT_EQ(payload["sessions"], 4);
    EXPECT_EQ(payload["nps"], 100.0);
    Captured yesterday;
    ASSERT_EQ(kioskctl({"cx", "--day", "2026-01-04", "--json"}, yesterday), kExitOk) << yesterday.err.str();
    EXPECT_EQ(json::parse(yesterday.out.str())["sessions"], 1);
    EXPECT_TRUE(json::parse(yesterday.out.str())["nps"].is_null());
}

TEST_F(KioskctlCxTest, ADayWithoutStatisticsShowsZerosAndDashes) {
    make_kiosk();
    Captured captured;
    ASSERT_EQ(run_cx_show(config_, "2025-12-31", false, captured.streams()), kExitOk);
    EXPECT_TRUE(contains(captured.out.str(), "sessions       0\n"));
    EXPECT_TRUE(contains(captured.out.str(), "NPS            - (0 answers)\n")) << captured.out.str();
}

TEST_F(KioskctlCxTest, ABadDayOrAMissingDatabaseIsOneErrorLine) {
    Captured missing;
    EXPECT_EQ(run_cx_show(config_, "2026-01-05", false, missing.streams()), kExitFailure);
    EXPECT_TRUE(contains(missing.err.str(), "kioskctl: "));
    make_kiosk();
    Captured bad;
    EXPECT_EQ(kioskctl({"cx", "--day", "2026-02-30"}, bad), kExitUsage);
    EXPECT_TRUE(contains(bad.err.str(), "not a date")) << bad.err.str();
    EXPECT_TRUE(bad.out.str().empty());
}

TEST_F(KioskctlCxTest, UploadQueuesASealedRecordTheKeyRingOpensAndJournalsIt) {
    make_kiosk();
    Captured captured;
    ASSERT_EQ(kioskctl({"cx", "upload", "--day", "2026-01-05", "--as", "tech-bo"}, captured, kTechnician.secret + "\n"),
              kExitOk)
        << captured.err.str();
    EXPECT_TRUE(contains(captured.out.str(), "queued service_quality record ")) << captured.out.str();
    EXPECT_FALSE(contains(captured.out.str(), "service quality of"));  // `cx` itself did not run too
    const auto records = outbox();
    ASSERT_EQ(records.size(), 1U);
    EXPECT_EQ(records[0].header.kind, "service_quality");
    EXPECT_EQ(records[0].header.created_unix_ms, to_unix_millis(clock_.now()));
    auto ring = security::KeyRingStore::open(paths(), random_);
    ASSERT_TRUE(ring.ok());
    security::RecordSealer sealer(**ring);
    auto plain = sealer.open(records[0]);
    ASSERT_TRUE(plain.ok()) << plain.error().to_string();
    const json payload = json::parse(std::string(reinterpret_cast<const char*>(plain->data()), plain->size()));
    EXPECT_EQ(payload["day"], "2026-01-05");
    EXPECT_EQ(payload["complaints"], 1);

    auto database = store::Database::open(config_.database_path().string());
    auto lines = store::Journal(*database).read_all();
    ASSERT_TRUE(lines.ok());
    bool journaled = false;
    for (const auto& entry : *lines) {
        if (entry.line.event_type == "service_quality" && entry.line.actor == "technician:tech-bo" &&
            entry.line.resource == "2026-01-05" && entry.line.mac.has_value()) {
            journaled = true;
        }
    }
    EXPECT_TRUE(journaled);
}

TEST_F(KioskctlCxTest, UploadIsRefusedWithoutAValidSignIn) {
    make_kiosk();
    Captured wrong;
    SeededRandom random(4);
    EXPECT_EQ(run_cx_upload(config_, "2026-01-05", TechnicianCredentials{"tech-bo", "not-it"}, random, clock_,
                            wrong.streams(), fast_hashes()),
              kExitFailure);
    EXPECT_TRUE(outbox().empty());
    Captured bad_day;
    EXPECT_EQ(run_cx_upload(config_, "yesterday", kTechnician, random, clock_, bad_day.streams(), fast_hashes()), kExitUsage);
    EXPECT_TRUE(outbox().empty());
}

}  // namespace
}  // namespace kiosk::kioskctl
