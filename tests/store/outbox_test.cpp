// Outbox: records come back exactly and oldest first, a duplicate id is refused without touching
// the original, acknowledge deletes, dead_letter moves with its reason, attempts are counted.
#include "store/outbox.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/database.hpp"
#include "store/statement.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

using test::make_record;

class OutboxTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in_memory();
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(opened).value());
        outbox_.emplace(*database_, clock_);
    }
    Outbox& outbox() { return *outbox_; }

    test::FixedClock clock_{1'767'603'600'123};
    std::optional<Database> database_;
    std::optional<Outbox> outbox_;
};

std::vector<std::string> ids(const std::vector<security::SealedRecord>& records) {
    std::vector<std::string> result;
    for (const auto& record : records) result.push_back(record.header.record_id);
    return result;
}

// The ids next_batch returns, or one "error: …" entry so a failure shows in the comparison.
std::vector<std::string> pending_ids(Outbox& outbox) {
    auto batch = outbox.next_batch(100);
    if (!batch) return {"error: " + batch.error().to_string()};
    return ids(*batch);
}

TEST_F(OutboxTest, ReturnsRecordsExactlyAndOldestFirstByInsertion) {
    // created_unix_ms decreases on purpose: order is insertion order, not the header's time.
    ASSERT_TRUE(outbox().add(make_record("c", 3000)).ok());
    ASSERT_TRUE(outbox().add(make_record("a", 2000)).ok());
    ASSERT_TRUE(outbox().add(make_record("b", 1000)).ok());

    auto batch = outbox().next_batch(10);
    ASSERT_TRUE(batch.ok()) << batch.error().to_string();
    EXPECT_EQ(ids(*batch), (std::vector<std::string>{"c", "a", "b"}));
    EXPECT_EQ(batch->front(), make_record("c", 3000));
}

TEST_F(OutboxTest, HonoursTheBatchLimit) {
    for (const char* id : {"r1", "r2", "r3"}) ASSERT_TRUE(outbox().add(make_record(id)).ok());
    auto batch = outbox().next_batch(2);
    ASSERT_TRUE(batch.ok());
    EXPECT_EQ(ids(*batch), (std::vector<std::string>{"r1", "r2"}));
    auto none = outbox().next_batch(0);
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());
}

TEST_F(OutboxTest, KeepsAnEmptyCiphertext) {
    auto record = make_record("empty");
    record.ciphertext.clear();
    ASSERT_TRUE(outbox().add(record).ok());
    auto batch = outbox().next_batch(1);
    ASSERT_TRUE(batch.ok());
    ASSERT_EQ(batch->size(), 1U);
    EXPECT_EQ(batch->front(), record);
}

TEST_F(OutboxTest, RefusesADuplicateRecordIdAndKeepsTheOriginal) {
    const auto original = make_record("dup", 1000);
    ASSERT_TRUE(outbox().add(original).ok());
    auto different = make_record("dup", 9999);
    different.ciphertext = to_bytes("other");

    auto status = outbox().add(different);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().native_code, SQLITE_CONSTRAINT_UNIQUE);
    auto batch = outbox().next_batch(10);
    ASSERT_TRUE(batch.ok());
    ASSERT_EQ(batch->size(), 1U);
    EXPECT_EQ(batch->front(), original);
}

TEST_F(OutboxTest, AcknowledgeDeletesAndIgnoresUnknownIds) {
    for (const char* id : {"r1", "r2", "r3"}) ASSERT_TRUE(outbox().add(make_record(id)).ok());
    ASSERT_TRUE(outbox().acknowledge({"r1", "r3", "never-seen"}).ok());
    ASSERT_TRUE(outbox().acknowledge({"r1"}).ok());  // a repeated acknowledgement
    EXPECT_EQ(pending_ids(outbox()), (std::vector<std::string>{"r2"}));
    EXPECT_EQ(outbox().pending_count().value_or(99), 1U);
}

TEST_F(OutboxTest, DeadLetterMovesTheRecordWithReasonTimeAndAttempts) {
    ASSERT_TRUE(outbox().add(make_record("bad")).ok());
    ASSERT_TRUE(outbox().add(make_record("good")).ok());
    ASSERT_TRUE(outbox().record_attempt("bad", "http 422").ok());

    ASSERT_TRUE(outbox().dead_letter("bad", "schema_version 3 unknown").ok());

    EXPECT_EQ(pending_ids(outbox()), (std::vector<std::string>{"good"}));
    EXPECT_EQ(outbox().dead_letter_count().value_or(0), 1U);
    auto letters = outbox().dead_letters(10);
    ASSERT_TRUE(letters.ok()) << letters.error().to_string();
    ASSERT_EQ(letters->size(), 1U);
    const DeadLetter& letter = letters->front();
    EXPECT_EQ(letter.record, make_record("bad"));
    EXPECT_EQ(letter.reason, "schema_version 3 unknown");
    EXPECT_EQ(letter.moved_unix_ms, 1'767'603'600'123);
    EXPECT_EQ(letter.attempts, 1);
    EXPECT_EQ(letter.last_error, "http 422");
}

TEST_F(OutboxTest, DeadLetterTwiceIsHarmlessButAnUnknownIdIsAnError) {
    ASSERT_TRUE(outbox().add(make_record("bad")).ok());
    ASSERT_TRUE(outbox().dead_letter("bad", "refused").ok());
    EXPECT_TRUE(outbox().dead_letter("bad", "refused").ok());
    EXPECT_EQ(outbox().dead_letter_count().value_or(0), 1U);

    auto unknown = outbox().dead_letter("nobody", "refused");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("not in the outbox"), std::string::npos);
}

TEST_F(OutboxTest, RecordAttemptCountsFailuresAndKeepsTheLastError) {
    ASSERT_TRUE(outbox().add(make_record("r")).ok());
    auto fresh = outbox().delivery("r");
    ASSERT_TRUE(fresh.ok());
    ASSERT_TRUE(fresh->has_value());
    EXPECT_EQ((*fresh)->attempts, 0);
    EXPECT_FALSE((*fresh)->last_error.has_value());

    ASSERT_TRUE(outbox().record_attempt("r", "timeout").ok());
    ASSERT_TRUE(outbox().record_attempt("r", "http 503").ok());
    EXPECT_TRUE(outbox().record_attempt("gone", "timeout").ok());

    auto after = outbox().delivery("r");
    ASSERT_TRUE(after.ok());
    ASSERT_TRUE(after->has_value());
    EXPECT_EQ((*after)->attempts, 2);
    EXPECT_EQ((*after)->last_error, "http 503");
    auto gone = outbox().delivery("gone");
    ASSERT_TRUE(gone.ok());
    EXPECT_FALSE(gone->has_value());
}

TEST_F(OutboxTest, CountsPendingRecords) {
    EXPECT_EQ(outbox().pending_count().value_or(99), 0U);
    for (const char* id : {"r1", "r2"}) ASSERT_TRUE(outbox().add(make_record(id)).ok());
    EXPECT_EQ(outbox().pending_count().value_or(99), 2U);
    EXPECT_EQ(outbox().dead_letter_count().value_or(99), 0U);
}

}  // namespace
}  // namespace kiosk::store
