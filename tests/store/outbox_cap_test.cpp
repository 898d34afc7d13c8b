// Outbox priorities and the size cap: priority 0 before 1 before 2, oldest first within each;
// beyond the cap the oldest journey records are dropped and counted in the same transaction,
// never a transaction, complaint or survey; the fill alarm is raised at 80 % and cleared below 70 %.
#include "store/outbox.hpp"

#include <gtest/gtest.h>

#include "store/business_step.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

security::SealedRecord record_of(const std::string& id, const std::string& kind, std::int64_t created = 1000) {
    security::SealedRecord record = test::make_record(id, created);
    record.header.kind = kind;
    return record;
}

std::vector<std::string> batch_ids(Outbox& outbox, std::size_t limit = 1000) {
    auto batch = outbox.next_batch(limit);
    if (!batch) return {"error: " + batch.error().to_string()};
    std::vector<std::string> ids;
    for (const auto& record : *batch) ids.push_back(record.header.record_id);
    return ids;
}

class OutboxCapTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in_memory();
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(opened).value());
    }
    Database& db() { return *database_; }
    void limit_records(std::int64_t max_records) {
        OutboxLimits limits;
        limits.max_records = max_records;
        db().set_outbox_limits(limits);
    }
    void add(const std::string& id, const std::string& kind, std::int64_t created = 1000) {
        const Status added = Outbox(db()).add(record_of(id, kind, created));
        ASSERT_TRUE(added.ok()) << added.error().to_string();
    }

    std::optional<Database> database_;
};

TEST_F(OutboxCapTest, NextBatchGoesByPriorityThenAge) {
    add("j1", "journey");
    add("s1", "survey");
    add("t1", "transaction");
    add("j2", "journey");
    add("c1", "complaint");
    add("q1", "service_quality");
    add("u1", "unknown_kind");
    add("t2", "transaction");
    Outbox outbox(db());
    EXPECT_EQ(batch_ids(outbox), (std::vector<std::string>{"t1", "c1", "t2", "s1", "q1", "u1", "j1", "j2"}));
    EXPECT_EQ(batch_ids(outbox, 3), (std::vector<std::string>{"t1", "c1", "t2"}));
}

TEST_F(OutboxCapTest, TheQueryUsesThePriorityIndex) {
    auto explain = Statement::prepare(db(), "EXPLAIN QUERY PLAN SELECT * FROM outbox ORDER BY priority, seq LIMIT 5");
    ASSERT_TRUE(explain.ok()) << explain.error().to_string();
    std::string plan;
    while (explain->step().value_or(false)) plan += explain->column_text(3) + "; ";
    EXPECT_NE(plan.find("outbox_by_priority"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

TEST_F(OutboxCapTest, FillCountsRecordsAndSealedBytes) {
    add("a", "survey");
    add("b", "journey");
    auto fill = Outbox(db()).fill();
    ASSERT_TRUE(fill.ok());
    EXPECT_EQ(fill->records, 2);
    // iv 12 + tag 16 + "sealed:<id>" 8 each
    EXPECT_EQ(fill->bytes, 2 * (12 + 16 + 8));
    EXPECT_DOUBLE_EQ(fill->percent, 100.0 * 2 / 100'000);
    EXPECT_FALSE(fill->alarm);
    ASSERT_TRUE(Outbox(db()).acknowledge({"a"}).ok());
    EXPECT_EQ(Outbox(db()).fill()->records, 1);
    EXPECT_EQ(Outbox(db()).pending_count().value_or(0), 1U);
}

TEST_F(OutboxCapTest, BeyondTheCapTheOldestJourneysAreDroppedAndCounted) {
    limit_records(100);
    for (int i = 0; i < 50; ++i) add("j" + std::to_string(i), "journey", 1000 + i);
    for (int i = 0; i < 50; ++i) add("t" + std::to_string(i), "transaction");
    EXPECT_FALSE(Outbox(db()).dropped_telemetry()->has_value());
    add("s-new", "survey");
    add("c-new", "complaint");
    add("j-new", "journey", 5000);

    Outbox outbox(db());
    EXPECT_EQ(outbox.fill()->records, 100);
    const auto queued = batch_ids(outbox);
    EXPECT_EQ(std::count(queued.begin(), queued.end(), "j0"), 0);
    EXPECT_EQ(std::count(queued.begin(), queued.end(), "j1"), 0);
    EXPECT_EQ(std::count(queued.begin(), queued.end(), "j2"), 0);
    EXPECT_EQ(std::count(queued.begin(), queued.end(), "j3"), 1);
    EXPECT_EQ(std::count(queued.begin(), queued.end(), "j-new"), 1);
    EXPECT_EQ(std::count(queued.begin(), queued.end(), "s-new"), 1);
    EXPECT_EQ(std::count(queued.begin(), queued.end(), "c-new"), 1);
    auto dropped = outbox.dropped_telemetry();
    ASSERT_TRUE(dropped.ok() && dropped->has_value());
    EXPECT_EQ((*dropped)->dropped, 3);
    EXPECT_EQ((*dropped)->oldest_unix_ms, 1000);
    EXPECT_EQ((*dropped)->newest_unix_ms, 1002);
}

TEST_F(OutboxCapTest, OnlyRecordsThatAreNeverDroppedGrowPastTheCapWithTheAlarmOn) {
    limit_records(100);
    for (int i = 0; i < 100; ++i) add("t" + std::to_string(i), i % 2 == 0 ? "transaction" : "survey");
    add("c-over", "complaint");
    add("j-over", "journey");  // the only journey is the oldest one: dropped at once
    Outbox outbox(db());
    auto fill = outbox.fill();
    EXPECT_EQ(fill->records, 101);
    EXPECT_GT(fill->percent, 100.0);
    EXPECT_TRUE(fill->alarm);
    EXPECT_EQ(batch_ids(outbox).size(), 101U);
    EXPECT_EQ((*outbox.dropped_telemetry())->dropped, 1);
}

TEST_F(OutboxCapTest, TheByteCapDropsAsManyJourneysAsItTakes) {
    OutboxLimits limits;
    limits.max_records = 0;
    limits.max_bytes = 10 * 37;  // ten records of 37 sealed bytes (12 + 16 + "sealed:jN")
    db().set_outbox_limits(limits);
    for (int i = 0; i < 10; ++i) add("j" + std::to_string(i), "journey", i);
    security::SealedRecord big = record_of("t-big", "transaction");
    big.ciphertext = Bytes(108, 0x44);
    ASSERT_TRUE(Outbox(db()).add(big).ok());
    auto fill = Outbox(db()).fill();
    EXPECT_LE(fill->bytes, limits.max_bytes);
    // 12 + 16 + 108 = 136 bytes need 4 journeys of 37 to go.
    EXPECT_EQ((*Outbox(db()).dropped_telemetry())->dropped, 4);
}

TEST_F(OutboxCapTest, DropsAreUndoneWithTheStepThatMadeThem) {
    limit_records(100);
    for (int i = 0; i < 100; ++i) add("j" + std::to_string(i), "journey");
    BusinessStep step;
    step.outbox.push_back(record_of("t-new", "transaction"));
    step.outbox.push_back(record_of("j5", "journey"));  // a duplicate id: the step fails
    EXPECT_FALSE(commit(db(), step).ok());
    Outbox outbox(db());
    EXPECT_EQ(outbox.fill()->records, 100);
    EXPECT_EQ(batch_ids(outbox).front(), "j0");
    EXPECT_FALSE(outbox.dropped_telemetry()->has_value());
}

TEST_F(OutboxCapTest, ForgettingReportedDropsKeepsLaterOnes) {
    limit_records(100);
    for (int i = 0; i < 100; ++i) add("j" + std::to_string(i), "journey", i);
    add("t1", "transaction");
    Outbox outbox(db());
    auto first = outbox.dropped_telemetry();
    ASSERT_TRUE(first->has_value());
    add("t2", "transaction");
    ASSERT_TRUE(outbox.forget_dropped_through((*first)->through_seq).ok());
    auto rest = outbox.dropped_telemetry();
    ASSERT_TRUE(rest->has_value());
    EXPECT_EQ((*rest)->dropped, 1);
    EXPECT_EQ((*rest)->oldest_unix_ms, 1);
    ASSERT_TRUE(outbox.forget_dropped_through((*rest)->through_seq).ok());
    EXPECT_FALSE(outbox.dropped_telemetry()->has_value());
}

TEST_F(OutboxCapTest, TheAlarmIsJournaledOnceAndClearsBelowSeventyPercent) {
    limit_records(100);
    for (int i = 0; i < 85; ++i) {
        BusinessStep step;
        step.journal.push_back(test::make_line("survey"));
        step.outbox.push_back(record_of("s" + std::to_string(i), "survey"));
        ASSERT_TRUE(commit(db(), step).ok());
    }
    const auto alarms = [this] {
        return query_int64(db(), "SELECT count(*) FROM journal WHERE event_type = 'outbox_fill_alarm'").value_or(-1);
    };
    EXPECT_EQ(alarms(), 1);
    auto line = query_text(db(), "SELECT detail FROM journal WHERE event_type = 'outbox_fill_alarm'");
    EXPECT_EQ(line.value_or("").rfind("80 % full (80 records, ", 0), 0U) << line.value_or("");
    Outbox outbox(db());
    EXPECT_TRUE(outbox.fill()->alarm);

    std::vector<std::string> acknowledged;
    for (int i = 0; i < 10; ++i) acknowledged.push_back("s" + std::to_string(i));
    ASSERT_TRUE(outbox.acknowledge(acknowledged).ok());
    EXPECT_TRUE(outbox.fill()->alarm);  // 75 %: still on (hysteresis)
    acknowledged.clear();
    for (int i = 10; i < 16; ++i) acknowledged.push_back("s" + std::to_string(i));
    ASSERT_TRUE(outbox.acknowledge(acknowledged).ok());
    EXPECT_FALSE(outbox.fill()->alarm);  // 69 %

    for (int i = 100; i < 112; ++i) add("s" + std::to_string(i), "survey");
    EXPECT_TRUE(outbox.fill()->alarm);
}

TEST_F(OutboxCapTest, ADropIsJournaledWithTheStep) {
    limit_records(100);
    for (int i = 0; i < 100; ++i) add("j" + std::to_string(i), "journey");
    BusinessStep step;
    step.journal.push_back(test::make_line("withdrawal"));
    step.outbox.push_back(record_of("t-new", "transaction"));
    ASSERT_TRUE(commit(db(), step).ok());
    auto line = query_text(db(), "SELECT detail FROM journal WHERE event_type = 'telemetry_dropped'");
    ASSERT_TRUE(line.ok()) << line.error().to_string();
    EXPECT_EQ(line->rfind("1 journey records dropped for room; ", 0), 0U) << *line;
    EXPECT_EQ(query_text(db(), "SELECT origin FROM journal WHERE event_type = 'telemetry_dropped'").value_or(""),
              "KIOSK-0042/core");
}

}  // namespace
}  // namespace kiosk::store
