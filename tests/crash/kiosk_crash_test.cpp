// The "nothing lost, nothing duplicated" promise under power cuts, with every party in its own
// process: the simulated CRM (`kiosk-sim-crm serve`) and the kiosk on the simulator under the
// simulated customers' load (`kiosk-sim --load 0`), SIGKILLed at random instants — first anywhere
// in its work (phase 1), then while its uploader has a batch in flight to a CRM that answers slowly
// (phase 2; the CRM itself is restarted between the phases, so its de-duplication must survive
// that too). After every kill `PRAGMA integrity_check` must say ok. Finally `kiosk-sim --drain`
// delivers what is left, and the CRM must hold every record the kiosk's journal says was
// committed, exactly once, opened; and nothing else.
//
// Long (label `long`, minutes): KIOSK_CRASH_KILLS sets the kills per phase (default 200).
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "common/child_process.hpp"
#include "sim/crm/crm_store.hpp"
#include "sim/crm/ready_file.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"
#include "store/statement.hpp"
#include "tests/e2e/fresh_test_directory.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

int kills_per_phase() {
    const char* text = std::getenv("KIOSK_CRASH_KILLS");
    return text != nullptr ? std::max(1, std::atoi(text)) : 200;
}

std::string read_text(const fs::path& path) {
    std::ifstream file(path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// Waits (bounded) until `path` contains `needle`.
bool wait_for_text(const fs::path& path, const std::string& needle, std::chrono::milliseconds bound,
                   ChildProcess* must_live = nullptr) {
    const auto deadline = std::chrono::steady_clock::now() + bound;
    while (std::chrono::steady_clock::now() < deadline) {
        if (read_text(path).find(needle) != std::string::npos) return true;
        if (must_live != nullptr && must_live->exit_status()) return false;
        std::this_thread::sleep_for(5ms);
    }
    return false;
}

// Record ids named by the kiosk's journal: each business step that commits CRM records names
// them in its journal line ("records <id>,<id>…").
std::set<std::string> journal_record_ids(const fs::path& database_path) {
    auto database = store::Database::open_or_throw(database_path.string(), {});
    std::set<std::string> ids;
    auto statement = store::Statement::prepare(database, "SELECT detail FROM journal");
    EXPECT_TRUE(statement.ok());
    while (statement.ok() && statement->step().value_or(false)) {
        const std::string detail = statement->column_text(0);
        const auto at = detail.find("records ");
        if (at == std::string::npos) continue;
        std::string list = detail.substr(at + 8);
        list = list.substr(0, list.find_first_of(" ;)"));
        std::stringstream items(list);
        for (std::string id; std::getline(items, id, ',');) {
            if (!id.empty()) ids.insert(id);
        }
    }
    return ids;
}

std::string integrity(const fs::path& database_path) {
    auto database = store::Database::open_or_throw(database_path.string(), {});
    auto statement = store::Statement::prepare(database, "PRAGMA integrity_check");
    if (!statement.ok() || !statement->step().value_or(false)) return "integrity_check did not run";
    return statement->column_text(0);
}

class KioskCrashTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::fresh_test_directory("kiosk-crash");
        config_ = dir_ / "kiosk.toml";
        std::ofstream(config_) << "[kiosk]\nid = \"CRASH-01\"\ndata_dir = \"" << (dir_ / "data").string()
                               << "\"\n[crm]\nbatch_size = 20\nupload_interval_s = 1\nrequest_timeout_s = 5\n";
    }
    void TearDown() override {
        if (!HasFailure()) fs::remove_all(dir_);
    }

    ChildProcess start_crm(const std::vector<std::string>& extra) {
        fs::remove(ready_file());
        std::vector<std::string> arguments{"serve", "--dir", (dir_ / "crm").string(), "--ready-file",
                                           ready_file().string()};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        auto crm = ChildProcess::spawn(SIM_CRM_BINARY, arguments, dir_ / "crm.log");
        EXPECT_TRUE(crm.ok()) << crm.error().to_string();
        const auto deadline = std::chrono::steady_clock::now() + 20s;
        while (!fs::exists(ready_file()) && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(10ms);
        }
        EXPECT_TRUE(fs::exists(ready_file())) << read_text(dir_ / "crm.log");
        return std::move(*crm);
    }

    ChildProcess start_kiosk(const std::vector<std::string>& mode) {
        std::vector<std::string> arguments{"--config", config_.string(), "--crm-ready", ready_file().string()};
        arguments.insert(arguments.end(), mode.begin(), mode.end());
        auto kiosk = ChildProcess::spawn(KIOSK_SIM_BINARY, arguments, kiosk_log());
        EXPECT_TRUE(kiosk.ok()) << kiosk.error().to_string();
        return std::move(*kiosk);
    }

    void expect_intact(int kill) {
        const std::string result = integrity(database());
        ASSERT_EQ(result, "ok") << "after kill " << kill;
    }

    fs::path ready_file() const { return dir_ / "crm-ready.json"; }
    fs::path kiosk_log() const { return dir_ / "kiosk.log"; }
    fs::path database() const { return dir_ / "data" / "kiosk.db"; }

    fs::path dir_;
    fs::path config_;
    std::mt19937 random_{20261202};
};

TEST_F(KioskCrashTest, SigkilledKioskAndUploaderLoseAndDuplicateNothingAtTheCrm) {
    const int kills = kills_per_phase();
    std::size_t killed_mid_request = 0;
    {
        // Phase 1: power cuts anywhere — in a visit, a business step, an upload, a start-up.
        ChildProcess crm = start_crm({});
        std::uniform_int_distribution<int> after_ms(0, 900);
        for (int kill = 0; kill < kills; ++kill) {
            ChildProcess kiosk = start_kiosk({"--load", "0"});
            ASSERT_TRUE(wait_for_text(kiosk_log(), "under load", 20s, &kiosk)) << read_text(kiosk_log());
            std::this_thread::sleep_for(std::chrono::milliseconds(after_ms(random_)));
            ASSERT_FALSE(kiosk.exit_status()) << "kiosk ended on its own:\n" << read_text(kiosk_log());
            kiosk.kill_now();
            expect_intact(kill);
        }
        EXPECT_EQ(crm.stop(5s), 0);
    }
    {
        // Phase 2: the CRM takes 400 ms to answer, and the kiosk dies while its batch is in flight.
        ChildProcess crm = start_crm({"--answer-delay-ms", "400"});
        std::uniform_int_distribution<int> into_request_ms(20, 380);
        for (int kill = 0; kill < kills; ++kill) {
            ChildProcess kiosk = start_kiosk({"--load", "0"});
            // The uploader starts its first round as the load begins (the outbox is never empty
            // here: every earlier run was cut short).
            ASSERT_TRUE(wait_for_text(kiosk_log(), "under load", 20s, &kiosk)) << read_text(kiosk_log());
            std::this_thread::sleep_for(std::chrono::milliseconds(into_request_ms(random_)));
            kiosk.kill_now();
            // A round the CRM answered logs "… acknowledged, …"; none did → the kill cut it short.
            if (read_text(kiosk_log()).find(" acknowledged, ") == std::string::npos) ++killed_mid_request;
            expect_intact(kills + kill);
        }
        EXPECT_EQ(crm.stop(5s), 0);
    }
    EXPECT_GE(killed_mid_request, static_cast<std::size_t>(kills) * 3 / 4)
        << "most phase-2 kills must land while a batch is in flight";

    // Everything left is delivered by a kiosk that is allowed to finish.
    ChildProcess crm = start_crm({});
    ChildProcess drain = start_kiosk({"--drain"});
    const auto drained = drain.wait_for_exit(120s);
    ASSERT_TRUE(drained) << read_text(kiosk_log());
    ASSERT_TRUE(WIFEXITED(*drained) && WEXITSTATUS(*drained) == 0) << read_text(kiosk_log());
    EXPECT_EQ(crm.stop(5s), 0);

    const std::set<std::string> committed = journal_record_ids(database());
    auto crm_store = sim::CrmStore::open(dir_ / "crm" / "crm.db");
    ASSERT_TRUE(crm_store.ok()) << crm_store.error().to_string();
    auto opened = crm_store->opened_records();
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    auto held = crm_store->record_count();
    ASSERT_TRUE(held.ok());

    std::map<std::string, int> at_crm;
    for (const sim::OpenedCrmRecord& record : *opened) ++at_crm[record.record_id];
    std::size_t resent = 0;
    for (const auto& [id, copies] : at_crm) {
        EXPECT_EQ(copies, 1) << "record " << id << " held " << copies << " times";
        EXPECT_TRUE(committed.contains(id)) << "the CRM holds " << id << ", which no journal line committed";
        auto deliveries = crm_store->deliveries(id);
        if (deliveries.ok() && *deliveries > 1) ++resent;
    }
    for (const std::string& id : committed) EXPECT_TRUE(at_crm.contains(id)) << "committed record " << id << " lost";
    EXPECT_EQ(*held, opened->size()) << "every record the CRM holds is opened";
    EXPECT_GT(committed.size(), static_cast<std::size_t>(kills)) << "the load committed records";
    EXPECT_GT(resent, 0U) << "kills mid-request made the kiosk resend; the CRM de-duplicated";
    std::cout << "[ crash ] " << 2 * kills << " SIGKILLs (" << killed_mid_request << " mid-request), "
              << committed.size() << " records committed, " << at_crm.size() << " held once each at the CRM, "
              << resent << " resent and de-duplicated\n";
}

}  // namespace
}  // namespace kiosk
