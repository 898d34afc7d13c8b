// Journal::anchor: the newest chained entry's seq and MAC; genesis before any; unchained lines
// are skipped.
#include <gtest/gtest.h>

#include "security/journal_chain.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

TEST(JournalAnchor, AnEmptyJournalAnchorsAtGenesis) {
    auto database = Database::open_in_memory();
    ASSERT_TRUE(database.ok());
    auto anchor = Journal(*database).anchor();
    ASSERT_TRUE(anchor.ok()) << anchor.error().to_string();
    EXPECT_EQ(anchor->sequence, 0);
    EXPECT_EQ(anchor->mac, security::journal_genesis());
}

TEST(JournalAnchor, IsTheNewestChainedEntry) {
    auto database = Database::open_in_memory();
    ASSERT_TRUE(database.ok());
    auto chain = security::JournalChain::create(Bytes(32, 0x42));
    ASSERT_TRUE(chain.ok());
    Journal journal(*database);
    ASSERT_TRUE(journal.append(test::make_line("a"), *chain).ok());
    auto second = journal.append(test::make_line("b"), *chain);
    ASSERT_TRUE(second.ok());
    ASSERT_TRUE(journal.append(test::make_line("unchained")).ok());  // no MAC: not an anchor

    auto anchor = journal.anchor();
    ASSERT_TRUE(anchor.ok());
    EXPECT_EQ(anchor->sequence, *second);
    auto last = journal.read_from(*second, 1);
    ASSERT_TRUE(last.ok() && last->size() == 1);
    ASSERT_TRUE((*last)[0].line.mac.has_value());
    EXPECT_EQ(anchor->mac, *(*last)[0].line.mac);
    EXPECT_EQ(anchor->mac.size(), 32U);
}

}  // namespace
}  // namespace kiosk::store
