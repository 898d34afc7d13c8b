// The journal chain verifier (see journal_verifier.hpp).
#include "store/journal_verifier.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

#include "security/journal_chain.hpp"
#include "store/database.hpp"
#include "store/journal_canonical.hpp"
#include "store/journal_read_snapshot.hpp"

namespace kiosk::store {
namespace {

constexpr std::size_t kBatchSize = 4096;

using WindowReader = std::function<Result<std::vector<JournalEntry>>(std::int64_t first_seq, std::size_t count)>;

std::string seq_range(std::int64_t first, std::int64_t last) {
    return first == last ? "seq " + std::to_string(first)
                         : "seqs " + std::to_string(first) + ".." + std::to_string(last);
}

// Looks for the position an entry with a mismatching MAC was written at: its MAC is checked
// against every seq near it, each with every MAC near it as the predecessor (the predecessor may
// have moved too, e.g. when two neighbours were swapped). ~33 x 34 HMACs, only for the first break.
Result<std::optional<std::int64_t>> written_at_seq(const security::JournalChain& chain, const JournalEntry& entry,
                                                   const std::vector<JournalEntry>& window) {
    std::vector<Bytes> predecessors{security::journal_genesis()};
    for (const JournalEntry& near : window) {
        if (near.line.mac) predecessors.push_back(*near.line.mac);
    }
    for (const JournalEntry& candidate : window) {
        if (candidate.seq == entry.seq) continue;
        const Bytes bytes = canonical_journal_bytes(candidate.seq, entry.line);
        for (const Bytes& previous : predecessors) {
            auto verifies = chain.verifies(*entry.line.mac, previous, bytes);
            if (!verifies) return verifies.error();
            if (*verifies) return std::optional<std::int64_t>(candidate.seq);
        }
    }
    return std::optional<std::int64_t>();
}

// Checks entries one at a time, remembering only the previous one.
class ChainWalker {
public:
    ChainWalker(const security::JournalChain& chain, WindowReader window) : chain_(chain), window_(std::move(window)) {}

    Status feed(const JournalEntry& entry) {
        ++verdict_.entries;
        const std::int64_t expected = previous_ ? previous_->seq + 1 : 1;
        bool broken = false;
        if (entry.seq < expected) {
            // Only an export can list seqs out of order; the database returns them sorted.
            broken = true;
            note({JournalProblem::Reordered, entry.seq,
                  "appears after seq " + std::to_string(expected - 1) + ": entries moved"});
        } else if (entry.seq != expected) {
            broken = true;
            note({JournalProblem::SequenceGap, expected,
                  seq_range(expected, entry.seq - 1) + " missing before seq " + std::to_string(entry.seq) +
                      ": entries deleted"});
        }
        if (!entry.line.mac) {
            broken = true;
            note({JournalProblem::MissingMac, entry.seq,
                  "no MAC: written without the journal key, or its MAC was removed"});
        } else {
            const Bytes previous_mac =
                previous_ ? previous_->line.mac.value_or(Bytes{}) : security::journal_genesis();
            auto verifies = chain_.verifies(*entry.line.mac, previous_mac, canonical_journal_bytes(entry.seq, entry.line));
            if (!verifies) return verifies.error();
            if (!*verifies) {
                broken = true;
                if (!verdict_.first_break) KIOSK_TRY(note_mismatch(entry));
            }
        }
        if (broken) ++verdict_.broken;
        previous_ = entry;
        return ok_status();
    }

    JournalVerdict finish(std::int64_t highest_seq_issued, bool tail_torn) {
        const std::int64_t newest = previous_ ? previous_->seq : 0;
        if (highest_seq_issued > newest) {
            note({JournalProblem::TailDeleted, newest + 1,
                  seq_range(newest + 1, highest_seq_issued) + " were issued but are gone: entries deleted from the end"});
        }
        if (tail_torn) {
            note({JournalProblem::TornTail, newest + 1,
                  "the last line was cut (power loss or an interrupted copy); every complete entry before it "
                  "verifies, and the database still holds the entry: export again"});
        }
        return verdict_;
    }

private:
    void note(JournalFinding finding) {
        if (!verdict_.first_break) verdict_.first_break = std::move(finding);
    }

    Status note_mismatch(const JournalEntry& entry) {
        const std::int64_t first = std::max<std::int64_t>(1, entry.seq - kReorderWindow);
        auto window = window_(first, static_cast<std::size_t>(2 * kReorderWindow + 1));
        if (!window) return window.error();
        auto moved_from = written_at_seq(chain_, entry, *window);
        if (!moved_from) return moved_from.error();
        if (*moved_from) {
            note({JournalProblem::Reordered, entry.seq,
                  "holds the entry written as seq " + std::to_string(**moved_from) + ": entries moved"});
        } else {
            note({JournalProblem::MacMismatch, entry.seq, "MAC does not match: the entry or its MAC was changed"});
        }
        return ok_status();
    }

    const security::JournalChain& chain_;
    WindowReader window_;
    std::optional<JournalEntry> previous_;
    JournalVerdict verdict_;
};

}  // namespace

std::string_view to_string(JournalProblem problem) {
    switch (problem) {
        case JournalProblem::MacMismatch: return "MAC mismatch";
        case JournalProblem::MissingMac: return "missing MAC";
        case JournalProblem::SequenceGap: return "sequence gap";
        case JournalProblem::Reordered: return "reordered";
        case JournalProblem::TailDeleted: return "tail deleted";
        case JournalProblem::TornTail: return "torn tail";
    }
    return "unknown";
}

Result<JournalVerdict> verify_journal(const security::JournalChain& chain, const JournalUnderTest& journal) {
    const auto entries = journal.entries;
    ChainWalker walker(chain, [entries](std::int64_t first_seq, std::size_t count) {
        std::vector<JournalEntry> window;
        for (const JournalEntry& entry : entries) {
            if (entry.seq >= first_seq && window.size() < count) window.push_back(entry);
        }
        return Result<std::vector<JournalEntry>>(std::move(window));
    });
    for (const JournalEntry& entry : entries) KIOSK_TRY(walker.feed(entry));
    return walker.finish(journal.highest_seq_issued, journal.tail_torn);
}

Result<JournalVerdict> verify_journal(Database& database, const security::JournalChain& chain) {
    auto snapshot = JournalReadSnapshot::begin(database);
    if (!snapshot) return snapshot.error();
    Journal journal(database);
    ChainWalker walker(chain, [&journal](std::int64_t first_seq, std::size_t count) {
        return journal.read_from(first_seq, count);
    });
    std::int64_t next_seq = std::numeric_limits<std::int64_t>::min();
    while (true) {
        auto batch = journal.read_from(next_seq, kBatchSize);
        if (!batch) return batch.error();
        for (const JournalEntry& entry : *batch) KIOSK_TRY(walker.feed(entry));
        if (batch->size() < kBatchSize) break;
        next_seq = batch->back().seq + 1;
    }
    auto issued = journal.highest_seq_issued();
    if (!issued) return issued.error();
    return walker.finish(*issued, false);
}

std::string describe(const JournalVerdict& verdict) {
    if (verdict.intact()) return "journal ok: " + std::to_string(verdict.entries) + " entries";
    const JournalFinding& finding = *verdict.first_break;
    if (verdict.recoverable()) {
        return "journal torn (recoverable): " + std::to_string(verdict.entries) +
               " complete entries verify; " + finding.reason;
    }
    std::string text = "journal broken at seq " + std::to_string(finding.seq) + ": " +
                       std::string(to_string(finding.problem)) + ": " + finding.reason;
    if (verdict.broken > 1) text += " (" + std::to_string(verdict.broken) + " entries fail in all)";
    return text;
}

}  // namespace kiosk::store
