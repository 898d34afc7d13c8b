// commit(BusinessStep): the whole step lands in one transaction, and a failure in the middle
// (here a duplicate outbox id as the last record) leaves nothing of the step visible.
#include "store/business_step.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/database.hpp"
#include "store/kv_store.hpp"
#include "store/outbox.hpp"
#include "store/transaction.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

using test::make_line;
using test::make_record;

class BusinessStepTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in_memory();
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(opened).value());
    }
    Database& db() { return *database_; }

    // What the tests look at after a commit attempt, in one comparable value.
    struct Snapshot {
        std::size_t journal_lines;
        std::int64_t dispensed;
        std::size_t outbox_records;
        std::optional<std::string> bracket;
        friend bool operator==(const Snapshot&, const Snapshot&) = default;
    };
    Snapshot snapshot() {
        return Snapshot{Journal(db()).count().value_or(999), Counters(db()).get("dispensed").value_or(-1),
                        Outbox(db()).pending_count().value_or(999),
                        KvStore(db()).get("bracket").value_or(std::optional<std::string>("error"))};
    }

    std::optional<Database> database_;
};

BusinessStep dispense_step(const std::string& first_id, const std::string& second_id) {
    BusinessStep step;
    step.journal.push_back(make_line("dispense"));
    step.counters.push_back(CounterDelta{"dispensed", 1});
    step.outbox.push_back(make_record(first_id));
    step.outbox.push_back(make_record(second_id));
    step.kv.push_back(KvChange{"bracket", std::nullopt});
    return step;
}

TEST_F(BusinessStepTest, CommitsEveryPartOfTheStep) {
    ASSERT_TRUE(KvStore(db()).put("bracket", "authorized").ok());
    auto status = commit(db(), dispense_step("r1", "r2"));
    ASSERT_TRUE(status.ok()) << status.error().to_string();
    EXPECT_EQ(snapshot(), (Snapshot{1, 1, 2, std::nullopt}));
    EXPECT_FALSE(db().in_transaction());
}

TEST_F(BusinessStepTest, AFailingLastRecordUndoesTheWholeStep) {
    ASSERT_TRUE(commit(db(), dispense_step("r1", "r2")).ok());
    ASSERT_TRUE(KvStore(db()).put("bracket", "authorized").ok());
    const Snapshot before = snapshot();

    // "r1" is already queued: the step's last write fails after its journal line, counter,
    // first record and kv change were written inside the transaction.
    auto status = commit(db(), dispense_step("r3", "r1"));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().native_code, SQLITE_CONSTRAINT_UNIQUE);
    EXPECT_EQ(snapshot(), before);
    EXPECT_FALSE(db().in_transaction());
    auto batch = Outbox(db()).next_batch(10);
    ASSERT_TRUE(batch.ok());
    for (const auto& record : *batch) EXPECT_NE(record.header.record_id, "r3");
}

TEST_F(BusinessStepTest, ADuplicateInsideOneStepIsRefusedToo) {
    auto status = commit(db(), dispense_step("same", "same"));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(snapshot(), (Snapshot{0, 0, 0, std::nullopt}));
}

TEST_F(BusinessStepTest, InsideACallersTransactionItIsUndoneWithIt) {
    {
        auto transaction = Transaction::begin(db());
        ASSERT_TRUE(transaction.ok());
        ASSERT_TRUE(commit(db(), dispense_step("r1", "r2")).ok());
        EXPECT_EQ(Journal(db()).count().value_or(0), 1U);
    }
    EXPECT_EQ(snapshot(), (Snapshot{0, 0, 0, std::nullopt}));
}

TEST_F(BusinessStepTest, AnEmptyStepCommitsNothing) {
    EXPECT_TRUE(commit(db(), BusinessStep{}).ok());
    EXPECT_EQ(snapshot(), (Snapshot{0, 0, 0, std::nullopt}));
}

// Each journal line names the CRM records its step commits, so a crash test can match the
// journal with what the CRM holds.
TEST_F(BusinessStepTest, EveryJournalLineNamesTheStepsRecordIds) {
    BusinessStep step = dispense_step("r1", "r2");
    step.journal.push_back(make_line("note"));
    step.journal.back().detail.clear();
    ASSERT_TRUE(commit(db(), step).ok());
    BusinessStep journal_only;
    journal_only.journal.push_back(make_line("door_open"));
    ASSERT_TRUE(commit(db(), journal_only).ok());

    auto lines = Journal(db()).read_all();
    ASSERT_TRUE(lines.ok());
    ASSERT_EQ(lines->size(), 3U);
    EXPECT_EQ((*lines)[0].line.detail, "amount=100.00 EUR; records r1,r2");
    EXPECT_EQ((*lines)[1].line.detail, "records r1,r2");
    EXPECT_EQ((*lines)[2].line.detail, "amount=100.00 EUR");  // no records, no note
}

}  // namespace
}  // namespace kiosk::store
