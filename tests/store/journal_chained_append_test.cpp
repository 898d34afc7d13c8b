// Chained appends: seq follows the highest seq ever issued, each MAC links to the newest stored
// entry over the canonical bytes, and a business step writes its lines into the chain atomically.
#include <gtest/gtest.h>

#include "journal_chain_fixture.hpp"
#include "store/business_step.hpp"
#include "store/journal_canonical.hpp"
#include "store/journal_verifier.hpp"
#include "temp_directory.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

using test::append_story;
using test::make_chain;
using test::story_line;

TEST(JournalChainedAppend, EachMacLinksThePreviousMacAndTheCanonicalBytes) {
    Database database = test::open_memory_database();
    const auto chain = make_chain();
    append_story(database, chain, 4);
    auto entries = Journal(database).read_all();
    ASSERT_TRUE(entries.ok());
    Bytes previous = security::journal_genesis();
    for (const JournalEntry& entry : *entries) {
        ASSERT_TRUE(entry.line.mac.has_value());
        EXPECT_EQ(*entry.line.mac, security::chain_mac(test::kJournalKey, previous,
                                                       canonical_journal_bytes(entry.seq, entry.line)));
        previous = *entry.line.mac;
    }
}

TEST(JournalChainedAppend, IgnoresACallerSuppliedMac) {
    Database database = test::open_memory_database();
    const auto chain = make_chain();
    JournalLine line = story_line(1);
    line.mac = Bytes(32, 0xEE);
    ASSERT_TRUE(Journal(database).append(line, chain).ok());
    EXPECT_NE(Journal(database).read_all()->front().line.mac, line.mac);
    EXPECT_TRUE(verify_journal(database, chain)->intact());
}

TEST(JournalChainedAppend, NeverReusesTheSeqOfADeletedTailEntry) {
    Database database = test::open_memory_database();
    const auto chain = make_chain();
    append_story(database, chain, 3);
    ASSERT_TRUE(database.execute("DELETE FROM journal WHERE seq = 3").ok());
    auto seq = Journal(database).append(story_line(4), chain);
    ASSERT_TRUE(seq.ok());
    EXPECT_EQ(*seq, 4);
    auto verdict = verify_journal(database, chain);
    ASSERT_TRUE(verdict.ok());
    ASSERT_FALSE(verdict->intact());
    EXPECT_EQ(verdict->first_break->problem, JournalProblem::SequenceGap);
    EXPECT_EQ(verdict->first_break->seq, 3);
}

TEST(JournalChainedAppend, EmptyKeyIsRefusedWithAMessage) {
    auto chain = security::JournalChain::create(Bytes{});
    ASSERT_FALSE(chain.ok());
    EXPECT_NE(chain.error().message.find("key is empty"), std::string::npos);
}

TEST(JournalChainedAppend, BusinessStepChainsItsLinesInItsTransaction) {
    Database database = test::open_memory_database();
    const auto chain = make_chain();
    BusinessStep step;
    step.journal = {story_line(1), story_line(2)};
    step.counters = {{"dispensed", 1}};
    ASSERT_TRUE(commit(database, step, chain).ok());

    // A failing step (duplicate outbox record) rolls back its journal lines with the rest...
    BusinessStep failing;
    failing.journal = {story_line(3)};
    failing.outbox = {test::make_record("r1"), test::make_record("r1")};
    EXPECT_FALSE(commit(database, failing, chain).ok());
    EXPECT_EQ(Journal(database).count().value_or(0), 2U);

    // ...so the chain goes on from the last committed line, without a gap.
    BusinessStep next;
    next.journal = {story_line(3)};
    ASSERT_TRUE(commit(database, next, chain).ok());
    auto verdict = verify_journal(database, chain);
    ASSERT_TRUE(verdict.ok());
    EXPECT_TRUE(verdict->intact()) << describe(*verdict);
    EXPECT_EQ(verdict->entries, 3U);
}

TEST(JournalChainedAppend, UnchainedCommitIsReportedAsMissingMac) {
    Database database = test::open_memory_database();
    const auto chain = make_chain();
    append_story(database, chain, 2);
    ASSERT_TRUE(commit(database, BusinessStep{{story_line(3)}, {}, {}, {}}).ok());
    auto verdict = verify_journal(database, chain);
    ASSERT_TRUE(verdict.ok());
    ASSERT_FALSE(verdict->intact());
    EXPECT_EQ(verdict->first_break->problem, JournalProblem::MissingMac);
    EXPECT_EQ(verdict->first_break->seq, 3);
}

TEST(JournalChainedAppend, TwoConnectionsAppendingInTurnKeepOneChain) {
    test::TempDirectory directory;
    const std::string path = directory.file("kiosk.db");
    auto first = Database::open(path);
    auto second = Database::open(path);
    ASSERT_TRUE(first.ok() && second.ok());
    const auto chain = make_chain();
    for (int n = 1; n <= 10; ++n) {
        Database& writer = n % 2 == 0 ? *first : *second;
        ASSERT_TRUE(Journal(writer).append(story_line(n), chain).ok());
    }
    auto verdict = verify_journal(*first, chain);
    ASSERT_TRUE(verdict.ok());
    EXPECT_TRUE(verdict->intact()) << describe(*verdict);
    EXPECT_EQ(verdict->entries, 10U);
}

TEST(JournalCanonicalBytes, FieldBoundariesCannotShift) {
    JournalLine a = story_line(1);
    JournalLine b = a;
    a.actor = "ab";
    a.event_type = "c";
    b.actor = "a";
    b.event_type = "bc";
    EXPECT_NE(canonical_journal_bytes(1, a), canonical_journal_bytes(1, b));
    EXPECT_NE(canonical_journal_bytes(1, a), canonical_journal_bytes(2, a));
}

TEST(JournalFields, ActorsAndOriginSayWhoAndWhere) {
    EXPECT_EQ(journal_actor_customer("tok"), "customer:tok");
    EXPECT_EQ(journal_actor_technician("T042"), "technician:T042");
    EXPECT_EQ(journal_origin("SIM-0001", "cx"), "SIM-0001/cx");
}

}  // namespace
}  // namespace kiosk::store
