// Journal::search: each filter alone and together, newest first, the limit, the bad queries named,
// values bound (a quote or a LIKE wildcard is just text), and the indexes the query uses.
#include "store/journal.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/statement.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

class JournalSearchTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in_memory();
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(opened).value());
        add("kiosk_started", 1000, "system", "success", "kiosk", "version 1");
        add("card_inserted", 2000, "customer:tok1", "success", "card 401288******1881", "");
        add("dispense", 3000, "system", "success", "dispenser", "amount 100.00 EUR");
        add("dispense", 4000, "system", "failure: note jam", "dispenser", "amount 50.00 EUR");
        add("card_retained", 5000, "system", "success", "card reader", "timeout 30 s");
        add("cash_replenish", 6000, "technician:1001", "success", "dispenser", "cassette 1: 2000 notes");
        add("service_action", 7000, "technician:1001", "failed: no sensor board", "read_sensors", "50%_off 'x'");
    }

    void add(std::string event, std::int64_t time, std::string actor, std::string outcome, std::string resource,
             std::string detail) {
        JournalLine line;
        line.time_unix_ms = time;
        line.actor = std::move(actor);
        line.event_type = std::move(event);
        line.outcome = std::move(outcome);
        line.origin = "KIOSK-0042/core";
        line.resource = std::move(resource);
        line.detail = std::move(detail);
        ASSERT_TRUE(Journal(*database_).append(line).ok());
    }

    // The matched lines' times, newest first.
    std::vector<std::int64_t> times(const JournalQuery& query) {
        auto found = Journal(*database_).search(query);
        EXPECT_TRUE(found.ok()) << found.error().to_string();
        std::vector<std::int64_t> result;
        if (found.ok()) {
            for (const JournalEntry& entry : *found) result.push_back(entry.line.time_unix_ms);
        }
        return result;
    }

    std::string refusal(const JournalQuery& query) {
        auto found = Journal(*database_).search(query);
        return found.ok() ? std::string("accepted") : found.error().message;
    }

    std::optional<Database> database_;
};

using Times = std::vector<std::int64_t>;

TEST_F(JournalSearchTest, NoFilterGivesEveryLineNewestFirst) {
    EXPECT_EQ(times({}), (Times{7000, 6000, 5000, 4000, 3000, 2000, 1000}));
}

TEST_F(JournalSearchTest, EventExactOrPrefix) {
    JournalQuery query;
    query.events = {"dispense"};
    EXPECT_EQ(times(query), (Times{4000, 3000}));
    query.events = {"card_*"};
    EXPECT_EQ(times(query), (Times{5000, 2000}));
    query.events = {"dispense", "cash_*"};
    EXPECT_EQ(times(query), (Times{6000, 4000, 3000}));
    query.events = {"card"};  // exact: no type is just "card"
    EXPECT_EQ(times(query), Times{});
}

TEST_F(JournalSearchTest, PrefixUnderscoreIsNoWildcard) {
    add("cardless_started", 8000, "customer:tok2", "success", "cardless", "");
    JournalQuery query;
    query.events = {"card_*"};
    EXPECT_EQ(times(query), (Times{5000, 2000}));
}

TEST_F(JournalSearchTest, ActorOutcomeAndTimeRange) {
    JournalQuery query;
    query.actor = "technician:1001";
    EXPECT_EQ(times(query), (Times{7000, 6000}));
    query = {};
    query.outcome = JournalOutcomeFilter::Failures;
    EXPECT_EQ(times(query), (Times{7000, 4000}));
    query.outcome = JournalOutcomeFilter::Success;
    query.from_unix_ms = 2000;
    query.to_unix_ms = 5000;  // both ends included
    EXPECT_EQ(times(query), (Times{5000, 3000, 2000}));
}

TEST_F(JournalSearchTest, TextInResourceOrDetailTakenLiterally) {
    JournalQuery query;
    query.text = "dispenser";
    EXPECT_EQ(times(query), (Times{6000, 4000, 3000}));
    query.text = "100.00";
    EXPECT_EQ(times(query), (Times{3000}));
    query.text = "50%_off 'x'";  // a quote and LIKE's wildcards are plain text
    EXPECT_EQ(times(query), (Times{7000}));
    query.text = "%";
    EXPECT_EQ(times(query), (Times{7000}));
    query.text = "' OR 1=1 --";
    EXPECT_EQ(times(query), Times{});
    query.text = "no jam";  // the outcome is not searched as text
    EXPECT_EQ(times(query), Times{});
}

TEST_F(JournalSearchTest, FiltersCombineAndLimitKeepsTheNewest) {
    JournalQuery query;
    query.events = {"dispense", "card_*"};
    query.actor = "system";
    query.limit = 2;
    EXPECT_EQ(times(query), (Times{5000, 4000}));
    query.outcome = JournalOutcomeFilter::Failures;
    EXPECT_EQ(times(query), (Times{4000}));
}

TEST_F(JournalSearchTest, BadQueriesAreNamed) {
    JournalQuery query;
    query.limit = 0;
    EXPECT_NE(refusal(query).find("limit 0"), std::string::npos) << refusal(query);
    query.limit = kJournalSearchMaxLimit + 1;
    EXPECT_NE(refusal(query).find("limit 1001: expected 1 to 1000"), std::string::npos) << refusal(query);
    query = {};
    query.from_unix_ms = 5000;
    query.to_unix_ms = 4000;
    EXPECT_NE(refusal(query).find("starts"), std::string::npos) << refusal(query);
    query = {};
    query.text = "";
    EXPECT_NE(refusal(query).find("text"), std::string::npos) << refusal(query);
    query = {};
    query.events = {"a*b"};
    EXPECT_NE(refusal(query).find("\"a*b\""), std::string::npos) << refusal(query);
    query.events = {"*"};
    EXPECT_NE(refusal(query).find("event pattern"), std::string::npos) << refusal(query);
    query = {};
    query.limit = kJournalSearchMaxLimit;
    EXPECT_EQ(refusal(query), "accepted");
}

TEST_F(JournalSearchTest, WhereClauseHoldsOnlyPlaceholders) {
    JournalQuery query;
    query.events = {"dispense", "cash_*"};
    query.actor = "system";
    query.text = "jam";
    query.from_unix_ms = 12345;
    const JournalQuerySql sql = journal_query_sql(query);
    EXPECT_EQ(sql.where.find("dispense"), std::string::npos) << sql.where;
    EXPECT_EQ(sql.where.find("system"), std::string::npos) << sql.where;
    EXPECT_EQ(sql.where.find("jam"), std::string::npos) << sql.where;
    EXPECT_EQ(sql.where.find("12345"), std::string::npos) << sql.where;
    EXPECT_EQ(sql.binds.size(), 6U);
}

TEST_F(JournalSearchTest, EventAndTimeSearchesUseAnIndex) {
    const auto plan = [&](const std::string& where) {
        auto statement = Statement::prepare(*database_, "EXPLAIN QUERY PLAN SELECT seq FROM journal " + where +
                                                            " ORDER BY seq DESC LIMIT 50");
        EXPECT_TRUE(statement.ok());
        std::string text;
        while (statement.ok() && statement->step().value_or(false)) text += statement->column_text(3) + "; ";
        return text;
    };
    EXPECT_NE(plan("WHERE event_type = 'dispense'").find("journal_by_event"), std::string::npos)
        << plan("WHERE event_type = 'dispense'");
    EXPECT_NE(plan("WHERE time_unix_ms >= 5000 AND time_unix_ms <= 6000").find("INDEX"), std::string::npos)
        << plan("WHERE time_unix_ms >= 5000 AND time_unix_ms <= 6000");
}

}  // namespace
}  // namespace kiosk::store
