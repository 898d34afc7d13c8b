// The verifier names the first broken entry and why: every single-byte edit of every field of
// every entry, every single deletion, swaps and moves, a wrong key; in memory and in SQLite.
#include "store/journal_verifier.hpp"

#include <functional>

#include <gtest/gtest.h>

#include "journal_chain_fixture.hpp"

namespace kiosk::store {
namespace {

using test::make_chain;

constexpr int kEntries = 6;

class JournalVerifierTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::append_story(database_, chain_, kEntries);
        auto entries = Journal(database_).read_all();
        ASSERT_TRUE(entries.ok());
        intact_ = std::move(*entries);
    }

    JournalVerdict verify(const std::vector<JournalEntry>& entries, std::int64_t highest_issued = 0) {
        auto verdict = verify_journal(chain_, JournalUnderTest{entries, highest_issued, false});
        EXPECT_TRUE(verdict.ok());
        return verdict.value_or(JournalVerdict{});
    }

    JournalVerdict verify_database() {
        auto verdict = verify_journal(database_, chain_);
        EXPECT_TRUE(verdict.ok()) << verdict.error().to_string();
        return verdict.value_or(JournalVerdict{});
    }

    Database database_ = test::open_memory_database();
    security::JournalChain chain_ = make_chain();
    std::vector<JournalEntry> intact_;
};

void expect_break(const JournalVerdict& verdict, std::int64_t seq, JournalProblem problem,
                  const std::string& what) {
    ASSERT_FALSE(verdict.intact()) << what << " went unnoticed";
    EXPECT_EQ(verdict.first_break->seq, seq) << what << ": " << describe(verdict);
    EXPECT_EQ(verdict.first_break->problem, problem) << what << ": " << describe(verdict);
    EXPECT_FALSE(verdict.recoverable()) << what;
}

// Every way of flipping one bit in one byte of one field of an entry.
std::vector<std::pair<std::string, std::function<void(JournalLine&)>>> single_byte_edits(const JournalLine& line) {
    std::vector<std::pair<std::string, std::function<void(JournalLine&)>>> edits;
    for (int byte = 0; byte < 8; ++byte) {
        edits.emplace_back("time byte " + std::to_string(byte), [byte](JournalLine& edited) {
            edited.time_unix_ms ^= std::int64_t{1} << (8 * byte);
        });
    }
    const std::vector<std::pair<std::string, std::string JournalLine::*>> texts{
        {"actor", &JournalLine::actor},   {"event_type", &JournalLine::event_type}, {"outcome", &JournalLine::outcome},
        {"origin", &JournalLine::origin}, {"resource", &JournalLine::resource},     {"detail", &JournalLine::detail}};
    for (const auto& [name, field] : texts) {
        for (std::size_t i = 0; i < (line.*field).size(); ++i) {
            edits.emplace_back(name + " byte " + std::to_string(i),
                               [field = field, i](JournalLine& edited) { (edited.*field)[i] ^= 0x01; });
        }
        edits.emplace_back(name + " appended", [field = field](JournalLine& edited) { (edited.*field) += "x"; });
    }
    for (std::size_t i = 0; i < line.mac->size(); ++i) {
        edits.emplace_back("mac byte " + std::to_string(i), [i](JournalLine& edited) { (*edited.mac)[i] ^= 0x80; });
    }
    edits.emplace_back("mac truncated", [](JournalLine& edited) { edited.mac->pop_back(); });
    return edits;
}

TEST_F(JournalVerifierTest, IntactJournalVerifies) {
    const JournalVerdict verdict = verify(intact_, kEntries);
    EXPECT_TRUE(verdict.intact());
    EXPECT_EQ(verdict.entries, static_cast<std::size_t>(kEntries));
    EXPECT_EQ(describe(verdict), "journal ok: 6 entries");
    EXPECT_TRUE(verify_database().intact());
    EXPECT_TRUE(verify({}).intact());
}

TEST_F(JournalVerifierTest, EveryOneByteEditOfEveryFieldOfEveryEntryIsFoundAtThatEntry) {
    std::size_t tried = 0;
    for (std::size_t index = 0; index < intact_.size(); ++index) {
        for (const auto& [name, edit] : single_byte_edits(intact_[index].line)) {
            auto tampered = intact_;
            edit(tampered[index].line);
            ASSERT_NE(tampered[index].line, intact_[index].line) << name;
            expect_break(verify(tampered, kEntries), intact_[index].seq, JournalProblem::MacMismatch,
                         "entry " + std::to_string(index + 1) + " " + name);
            ++tried;
        }
    }
    EXPECT_GT(tried, 500U);
}

TEST_F(JournalVerifierTest, EditingSeqIsFound) {
    for (std::size_t index = 0; index < intact_.size(); ++index) {
        auto tampered = intact_;
        JournalEntry moved = tampered[index];
        tampered.erase(tampered.begin() + static_cast<std::ptrdiff_t>(index));
        moved.seq = kEntries + 10;
        tampered.push_back(moved);  // where ORDER BY seq would put it
        expect_break(verify(tampered, kEntries + 10), intact_[index].seq, JournalProblem::SequenceGap,
                     "seq of entry " + std::to_string(index + 1) + " changed");
    }
}

TEST_F(JournalVerifierTest, DeletingAnySingleEntryIsFound) {
    for (std::size_t index = 0; index < intact_.size(); ++index) {
        auto tampered = intact_;
        tampered.erase(tampered.begin() + static_cast<std::ptrdiff_t>(index));
        const bool last = index + 1 == intact_.size();
        expect_break(verify(tampered, kEntries), intact_[index].seq,
                     last ? JournalProblem::TailDeleted : JournalProblem::SequenceGap,
                     "entry " + std::to_string(index + 1) + " deleted");
    }
}

TEST_F(JournalVerifierTest, SwappingAnyTwoEntriesIsFoundAsAReorder) {
    for (std::size_t a = 0; a < intact_.size(); ++a) {
        for (std::size_t b = a + 1; b < intact_.size(); ++b) {
            auto tampered = intact_;
            // The rows keep their seq (the primary key); what moves is everything else.
            std::swap(tampered[a].line, tampered[b].line);
            expect_break(verify(tampered, kEntries), intact_[a].seq, JournalProblem::Reordered,
                         "entries " + std::to_string(a + 1) + " and " + std::to_string(b + 1) + " swapped");
        }
    }
}

TEST_F(JournalVerifierTest, MovingAnEntryForwardIsFoundAsAReorder) {
    auto tampered = intact_;
    // Entry 5 moved to position 2: 1, 5, 2, 3, 4, 6 (contents), seqs unchanged.
    const JournalLine moved = tampered[4].line;
    for (std::size_t i = 4; i > 1; --i) tampered[i].line = tampered[i - 1].line;
    tampered[1].line = moved;
    const JournalVerdict verdict = verify(tampered, kEntries);
    expect_break(verdict, 2, JournalProblem::Reordered, "entry 5 moved to 2");
    EXPECT_NE(verdict.first_break->reason.find("seq 5"), std::string::npos) << verdict.first_break->reason;
}

TEST_F(JournalVerifierTest, ExportLinesOutOfOrderAreFound) {
    auto tampered = intact_;
    std::swap(tampered[2], tampered[3]);  // whole lines, seq included
    const JournalVerdict verdict = verify(tampered, kEntries);
    ASSERT_FALSE(verdict.intact());
    // Seq 3 is not where it belongs: missing before 4, then found out of order.
    EXPECT_EQ(verdict.first_break->seq, 3);
    EXPECT_EQ(verdict.first_break->problem, JournalProblem::SequenceGap);
    EXPECT_GE(verdict.broken, 2U);
}

TEST_F(JournalVerifierTest, AJournalFromAnotherKeyFailsAtTheFirstEntry) {
    const auto other = make_chain(Bytes(32, 0x01));
    auto verdict = verify_journal(other, JournalUnderTest{intact_, kEntries, false});
    ASSERT_TRUE(verdict.ok());
    expect_break(*verdict, 1, JournalProblem::MacMismatch, "another key");
    EXPECT_EQ(verdict->broken, static_cast<std::size_t>(kEntries));
}

TEST_F(JournalVerifierTest, AnEditBreaksOnlyThatEntryTheRestStillLink) {
    auto tampered = intact_;
    tampered[2].line.detail = "amount=9999.00 CNY";
    const JournalVerdict verdict = verify(tampered, kEntries);
    EXPECT_EQ(verdict.broken, 1U);
    EXPECT_NE(describe(verdict).find("journal broken at seq 3: MAC mismatch"), std::string::npos) << describe(verdict);
}

// The same, done to the SQLite tables with SQL as an attacker with the database file would.
TEST_F(JournalVerifierTest, SqlEditIsFound) {
    ASSERT_TRUE(database_.execute("UPDATE journal SET outcome = 'success' WHERE seq = 3").ok());
    expect_break(verify_database(), 3, JournalProblem::MacMismatch, "SQL UPDATE");
}

TEST_F(JournalVerifierTest, SqlDeleteInTheMiddleIsFound) {
    ASSERT_TRUE(database_.execute("DELETE FROM journal WHERE seq = 2").ok());
    expect_break(verify_database(), 2, JournalProblem::SequenceGap, "SQL DELETE");
}

TEST_F(JournalVerifierTest, SqlDeleteOfTheNewestEntriesIsFoundThroughSqliteSequence) {
    ASSERT_TRUE(database_.execute("DELETE FROM journal WHERE seq >= 5").ok());
    const JournalVerdict verdict = verify_database();
    expect_break(verdict, 5, JournalProblem::TailDeleted, "SQL DELETE of the tail");
    EXPECT_NE(verdict.first_break->reason.find("seqs 5..6"), std::string::npos) << verdict.first_break->reason;
}

TEST_F(JournalVerifierTest, SqlSwapOfTwoRowsIsFoundAsAReorder) {
    ASSERT_TRUE(database_.execute("UPDATE journal SET seq = 100 WHERE seq = 3").ok());
    ASSERT_TRUE(database_.execute("UPDATE journal SET seq = 3 WHERE seq = 4").ok());
    ASSERT_TRUE(database_.execute("UPDATE journal SET seq = 4 WHERE seq = 100").ok());
    expect_break(verify_database(), 3, JournalProblem::Reordered, "SQL swap");
}

TEST_F(JournalVerifierTest, SqlNulledMacIsFound) {
    ASSERT_TRUE(database_.execute("UPDATE journal SET mac = NULL WHERE seq = 6").ok());
    expect_break(verify_database(), 6, JournalProblem::MissingMac, "MAC removed");
}

TEST_F(JournalVerifierTest, LongJournalIsVerifiedAcrossReadBatches) {
    // More than one read batch (4096 entries), with an edit in the second batch.
    Journal journal(database_);
    ASSERT_TRUE(database_.execute("BEGIN").ok());
    for (int n = kEntries + 1; n <= 4200; ++n) ASSERT_TRUE(journal.append(test::story_line(n), chain_).ok());
    ASSERT_TRUE(database_.execute("COMMIT").ok());
    const JournalVerdict intact = verify_database();
    EXPECT_TRUE(intact.intact()) << describe(intact);
    EXPECT_EQ(intact.entries, 4200U);
    ASSERT_TRUE(database_.execute("UPDATE journal SET detail = 'x' WHERE seq = 4150").ok());
    expect_break(verify_database(), 4150, JournalProblem::MacMismatch, "edit in the second batch");
}

}  // namespace
}  // namespace kiosk::store
