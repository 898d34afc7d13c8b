// Journal: lines are stored exactly (MAC or no MAC), seq grows, and the three readers return the
// right slice oldest first.
#include "store/journal.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/transaction.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

using test::make_line;

class JournalTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in_memory();
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(opened).value());
        journal_.emplace(*database_);
    }
    Journal& journal() { return *journal_; }

    // Appends lines "e1".."en" and returns their seqs.
    std::vector<std::int64_t> append_events(int n) {
        std::vector<std::int64_t> seqs;
        for (int i = 1; i <= n; ++i) {
            auto seq = journal().append(make_line("e" + std::to_string(i), 1000 + i));
            EXPECT_TRUE(seq.ok());
            seqs.push_back(seq.value_or(-1));
        }
        return seqs;
    }

    std::optional<Database> database_;
    std::optional<Journal> journal_;
};

std::vector<std::string> events(const std::vector<JournalEntry>& entries) {
    std::vector<std::string> result;
    for (const auto& entry : entries) result.push_back(entry.line.event_type);
    return result;
}

TEST_F(JournalTest, StoresEveryFieldExactly) {
    auto with_mac = make_line("dispense");
    with_mac.mac = Bytes(32, 0xAB);
    const auto without_mac = make_line("card_retained");
    ASSERT_TRUE(journal().append(with_mac).ok());
    ASSERT_TRUE(journal().append(without_mac).ok());

    auto all = journal().read_all();
    ASSERT_TRUE(all.ok()) << all.error().to_string();
    ASSERT_EQ(all->size(), 2U);
    EXPECT_EQ((*all)[0].line, with_mac);
    EXPECT_EQ((*all)[1].line, without_mac);
    EXPECT_FALSE((*all)[1].line.mac.has_value());
}

TEST_F(JournalTest, SeqGrowsWithEachAppend) {
    const auto seqs = append_events(3);
    ASSERT_EQ(seqs.size(), 3U);
    EXPECT_LT(seqs[0], seqs[1]);
    EXPECT_LT(seqs[1], seqs[2]);
    EXPECT_EQ(journal().count().value_or(0), 3U);
}

TEST_F(JournalTest, ReadLastReturnsTheNewestOldestFirst) {
    append_events(4);
    auto last = journal().read_last(2);
    ASSERT_TRUE(last.ok());
    EXPECT_EQ(events(*last), (std::vector<std::string>{"e3", "e4"}));
    EXPECT_TRUE(journal().read_last(0).ok());
    EXPECT_EQ(events(journal().read_last(10).value_or(std::vector<JournalEntry>{})).size(), 4U);
}

TEST_F(JournalTest, ReadFromStartsAtTheGivenSeqWithinTheLimit) {
    const auto seqs = append_events(5);
    auto slice = journal().read_from(seqs[1], 2);
    ASSERT_TRUE(slice.ok());
    EXPECT_EQ(events(*slice), (std::vector<std::string>{"e2", "e3"}));
    EXPECT_EQ((*slice)[0].seq, seqs[1]);
    EXPECT_TRUE(journal().read_from(seqs[4] + 1, 10).value_or(std::vector<JournalEntry>(1)).empty());
}

TEST_F(JournalTest, AppendInsideARolledBackTransactionLeavesNothing) {
    {
        auto transaction = Transaction::begin(*database_);
        ASSERT_TRUE(transaction.ok());
        ASSERT_TRUE(journal().append(make_line("dispense")).ok());
    }
    EXPECT_EQ(journal().count().value_or(99), 0U);
}

}  // namespace
}  // namespace kiosk::store
