// `kioskctl journal verify` and `journal export` in-process against a temporary kiosk data
// directory whose journal is written through the chained business-step commit the kiosk uses.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "common/random_source.hpp"
#include "kiosk/kioskctl/commands.hpp"
#include "security/data_key_derivation.hpp"
#include "security/journal_chain.hpp"
#include "security/key_file.hpp"
#include "store/business_step.hpp"
#include "store/database.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::kioskctl {
namespace {

struct Captured {
    std::ostringstream out;
    std::ostringstream err;
    Streams streams() { return Streams{out, err}; }
};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

class KioskctlJournalTest : public ::testing::Test {
protected:
    void SetUp() override {
        config_.data_dir = directory_.file("data");
        std::filesystem::create_directories(config_.data_dir);
        const security::KeyFile keys = security::KeyFile::create(
            config_.keys_path(), {std::string(security::kKekKeyName), std::string(security::kPanTokenKeyName)}, random_);
        auto journal_key = security::derive_journal_key(keys.key(security::kKekKeyName)->view());
        ASSERT_TRUE(journal_key.ok());
        auto chain = security::JournalChain::create(journal_key->view());
        ASSERT_TRUE(chain.ok());
        auto database = store::Database::open(config_.database_path().string());
        ASSERT_TRUE(database.ok());
        for (int n = 1; n <= 4; ++n) {
            store::BusinessStep step;
            step.journal.push_back(store::JournalLine{1'767'603'600'000 + n, "customer:tok-" + std::to_string(n),
                                                     "dispense", "success", "SIM-0001/cx", "cassette:1",
                                                     "amount=" + std::to_string(n) + "0.00 CNY", std::nullopt});
            ASSERT_TRUE(store::commit(*database, step, *chain).ok());
        }
    }

    void sql(const std::string& statement) {
        auto database = store::Database::open(config_.database_path().string());
        ASSERT_TRUE(database.ok());
        ASSERT_TRUE(database->execute(statement).ok()) << statement;
    }

    store::test::TempDirectory directory_;
    KioskConfig config_;
    SeededRandom random_{3};
};

TEST_F(KioskctlJournalTest, IntactJournalSaysOkWithTheCount) {
    Captured captured;
    EXPECT_EQ(run_journal_verify(config_, {}, captured.streams()), kExitOk);
    EXPECT_EQ(captured.out.str(), "journal ok: 4 entries\n");
    EXPECT_EQ(captured.err.str(), "");
}

TEST_F(KioskctlJournalTest, AnEditedEntryIsNamedAndExitsNonZero) {
    sql("UPDATE journal SET detail = 'amount=99.00 CNY' WHERE seq = 2");
    Captured captured;
    EXPECT_EQ(run_journal_verify(config_, {}, captured.streams()), kExitFailure);
    EXPECT_TRUE(contains(captured.err.str(), "journal broken at seq 2: MAC mismatch")) << captured.err.str();
    EXPECT_EQ(captured.out.str(), "");
}

TEST_F(KioskctlJournalTest, ADeletedEntryIsNamed) {
    sql("DELETE FROM journal WHERE seq = 3");
    Captured captured;
    EXPECT_EQ(run_journal_verify(config_, {}, captured.streams()), kExitFailure);
    EXPECT_TRUE(contains(captured.err.str(), "journal broken at seq 3: sequence gap")) << captured.err.str();
}

TEST_F(KioskctlJournalTest, ExportVerifiesAndATornExportIsRecoverable) {
    const std::filesystem::path exported = directory_.file("journal.jsonl");
    Captured exporting;
    ASSERT_EQ(run_journal_export(config_, exported, exporting.streams()), kExitOk) << exporting.err.str();
    EXPECT_TRUE(contains(exporting.out.str(), "exported 4 journal entries"));
    struct stat info {};
    ASSERT_EQ(::stat(exported.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777U, 0600U);

    Captured verifying;
    EXPECT_EQ(run_journal_verify(config_, exported, verifying.streams()), kExitOk);
    EXPECT_EQ(verifying.out.str(), "journal ok: 4 entries\n");

    // Power loss cut the copy: the last line ends mid-MAC.
    std::filesystem::resize_file(exported, std::filesystem::file_size(exported) - 20);
    Captured torn;
    EXPECT_EQ(run_journal_verify(config_, exported, torn.streams()), kExitJournalTorn);
    EXPECT_TRUE(contains(torn.err.str(), "journal torn (recoverable): 3 complete entries verify")) << torn.err.str();
}

TEST_F(KioskctlJournalTest, ExportNeverOverwrites) {
    const std::filesystem::path exported = directory_.file("journal.jsonl");
    std::ofstream(exported) << "earlier evidence\n";
    Captured captured;
    EXPECT_EQ(run_journal_export(config_, exported, captured.streams()), kExitFailure);
    EXPECT_TRUE(contains(captured.err.str(), "cannot create")) << captured.err.str();
}

TEST_F(KioskctlJournalTest, AMalformedExportLineIsNamed) {
    const std::filesystem::path exported = directory_.file("bad.jsonl");
    std::ofstream(exported) << "{\"seq\":1}\n";
    Captured captured;
    EXPECT_EQ(run_journal_verify(config_, exported, captured.streams()), kExitFailure);
    EXPECT_TRUE(contains(captured.err.str(), "journal export line 1: time_unix_ms is missing")) << captured.err.str();
}

TEST_F(KioskctlJournalTest, MissingKeysFileIsNamed) {
    std::filesystem::remove(config_.keys_path());
    Captured captured;
    EXPECT_EQ(run_journal_verify(config_, {}, captured.streams()), kExitFailure);
    EXPECT_TRUE(contains(captured.err.str(), config_.keys_path().string())) << captured.err.str();
}

}  // namespace
}  // namespace kiosk::kioskctl
