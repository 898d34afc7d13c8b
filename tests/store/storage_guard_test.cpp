// StorageGuard: free space below the minimum, and a business step that failed with SQLITE_FULL
// (simulated with PRAGMA max_page_count), make a storage problem; it goes when room returns, and
// every record committed before stays.
#include "store/storage_guard.hpp"

#include <filesystem>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/business_step.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "store/statement.hpp"
#include "temp_directory.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

class StorageGuardTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open(dir_.file("kiosk.db"));
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(opened).value());
    }
    Database& db() { return *database_; }
    StorageGuard guard() {
        return StorageGuard(db(), StorageLimits{64ULL << 20}, [this](const std::string& directory) -> Result<std::uint64_t> {
            probed_ = directory;
            return free_bytes_;
        });
    }
    Status commit_record(const std::string& id) {
        BusinessStep step;
        step.journal.push_back(test::make_line("withdrawal"));
        security::SealedRecord record = test::make_record(id);
        record.ciphertext = Bytes(2000, 0x5A);
        record.header.kind = "transaction";
        step.outbox.push_back(record);
        return commit(db(), step);
    }

    test::TempDirectory dir_;
    std::optional<Database> database_;
    std::uint64_t free_bytes_ = 1ULL << 30;
    std::string probed_;
};

TEST_F(StorageGuardTest, PlentyOfSpaceIsNoProblem) {
    auto checker = guard();
    EXPECT_EQ(checker.problem(), std::nullopt);
    EXPECT_EQ(probed_, std::filesystem::path(dir_.file("kiosk.db")).parent_path().string());
}

TEST_F(StorageGuardTest, FreeSpaceBelowTheMinimumIsAProblemUntilItReturns) {
    auto checker = guard();
    free_bytes_ = 12ULL << 20;
    const auto problem = checker.problem();
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(*problem, "storage: 12 MiB free in " + std::filesystem::path(dir_.file("kiosk.db")).parent_path().string() + ", below the 64 MiB minimum");
    free_bytes_ = 65ULL << 20;
    EXPECT_EQ(checker.problem(), std::nullopt);
}

TEST_F(StorageGuardTest, AFailingProbeIsNotHeldAgainstTheKiosk) {
    StorageGuard checker(db(), {}, [](const std::string&) -> Result<std::uint64_t> { return make_error("test", "no statvfs"); });
    EXPECT_EQ(checker.problem(), std::nullopt);
}

TEST_F(StorageGuardTest, SqliteFullIsAProblemUntilTheDatabaseHasRoomAndKeepsEveryCommittedRecord) {
    auto checker = guard();
    auto pages = query_int64(db(), "PRAGMA page_count");
    ASSERT_TRUE(pages.ok());
    // The file may not grow: the next records do not fit.
    ASSERT_TRUE(db().execute("PRAGMA max_page_count = " + std::to_string(*pages + 6)).ok());
    int committed = 0;
    Status last = ok_status();
    while (committed < 100) {
        last = commit_record("r" + std::to_string(committed));
        if (!last.ok()) break;
        ++committed;
    }
    ASSERT_FALSE(last.ok()) << "the database never filled";
    EXPECT_EQ(last.error().native_code & 0xFF, SQLITE_FULL) << last.error().to_string();
    EXPECT_TRUE(db().storage_full_seen());
    const auto problem = checker.problem();
    ASSERT_TRUE(problem.has_value());
    EXPECT_NE(problem->find("SQLITE_FULL"), std::string::npos);
    EXPECT_TRUE(checker.problem().has_value());  // still full: it stays

    EXPECT_EQ(Outbox(db()).pending_count().value_or(0), static_cast<std::size_t>(committed));
    EXPECT_EQ(query_text(db(), "PRAGMA integrity_check").value_or(""), "ok");

    // Space returns: a bigger limit (on a real disk: files deleted, statvfs above the minimum).
    ASSERT_TRUE(db().execute("PRAGMA max_page_count = 100000").ok());
    EXPECT_EQ(checker.problem(), std::nullopt);
    EXPECT_FALSE(db().storage_full_seen());
    EXPECT_TRUE(commit_record("after").ok());
    EXPECT_EQ(Outbox(db()).pending_count().value_or(0), static_cast<std::size_t>(committed) + 1);
}

TEST_F(StorageGuardTest, AFullDatabaseHasRoomAgainOnceTheUploaderFreedPages) {
    auto checker = guard();
    auto pages = query_int64(db(), "PRAGMA page_count");
    ASSERT_TRUE(db().execute("PRAGMA max_page_count = " + std::to_string(*pages + 6)).ok());
    std::vector<std::string> ids;
    for (int i = 0; i < 100; ++i) {
        if (!commit_record("r" + std::to_string(i)).ok()) break;
        ids.push_back("r" + std::to_string(i));
    }
    ASSERT_TRUE(checker.problem().has_value());
    ASSERT_TRUE(Outbox(db()).acknowledge(ids).ok());  // the CRM took them: their pages are free
    EXPECT_EQ(checker.problem(), std::nullopt);
}

TEST_F(StorageGuardTest, StatvfsReadsTheRealFileSystem) {
    auto free_bytes = statvfs_free_bytes(std::filesystem::path(dir_.file("kiosk.db")).parent_path().string());
    ASSERT_TRUE(free_bytes.ok()) << free_bytes.error().to_string();
    EXPECT_GT(*free_bytes, 0U);
    EXPECT_FALSE(statvfs_free_bytes("/no/such/directory/anywhere").ok());
}

}  // namespace
}  // namespace kiosk::store
