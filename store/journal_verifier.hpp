// Walks the journal's HMAC chain and names the first broken entry and why: an edit (MAC
// mismatch), a deletion (a gap in seq, or seqs issued above the newest entry), a reorder (an
// entry carrying the valid MAC of another position), an entry without a MAC — or, for an export
// file only, a torn last line, which is the one recoverable finding.
//
// Why a SQLite journal is never "torn": each entry is written inside a transaction with
// synchronous=FULL in WAL mode; SQLite checksums every WAL frame and replays only frames up to the
// last complete commit record, so power loss mid-write drops the whole business step, never half a
// row. A stored row with a missing or short MAC therefore did not come from power loss; it is
// reported as tampering (or as an unchained write). Only a copy outside SQLite — the line-per-entry
// export of store/journal_export.hpp — can end in a cut line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "store/journal.hpp"

namespace kiosk::security {
class JournalChain;
}

namespace kiosk::store {

class Database;

enum class JournalProblem {
    MacMismatch,  // the entry (or its MAC) was changed after it was written
    MissingMac,   // no MAC: written without the journal key, or the MAC was removed
    SequenceGap,  // seqs missing between two stored entries: entries deleted
    Reordered,    // the entry's MAC is valid for another seq: entries moved
    TailDeleted,  // seqs issued above the newest stored entry: entries deleted from the end
    TornTail,     // export file only: the last line was cut (power loss, pulled stick) — recoverable
};
std::string_view to_string(JournalProblem problem);

struct JournalFinding {
    JournalProblem problem = JournalProblem::MacMismatch;
    std::int64_t seq = 0;  // the first broken entry; for a deletion, the first missing seq
    std::string reason;    // one line for a technician; never entry text
};

struct JournalVerdict {
    std::size_t entries = 0;  // complete entries checked
    std::size_t broken = 0;   // entries that fail their link or follow a gap (0 when intact)
    std::optional<JournalFinding> first_break;

    [[nodiscard]] bool intact() const { return !first_break.has_value(); }
    // Only a torn export tail: every complete entry verified; export again from the database.
    [[nodiscard]] bool recoverable() const {
        return first_break.has_value() && first_break->problem == JournalProblem::TornTail;
    }
};

struct JournalUnderTest {
    std::span<const JournalEntry> entries;  // ascending seq, as stored or exported
    std::int64_t highest_seq_issued = 0;    // Journal::highest_seq_issued(); 0 when unknown
    bool tail_torn = false;                 // the export's last line was cut (journal_export.hpp)
};

// Entries of a reorder look-up window around a broken entry: at most this far in seq either side.
inline constexpr std::int64_t kReorderWindow = 16;

Result<JournalVerdict> verify_journal(const security::JournalChain& chain, const JournalUnderTest& journal);

// Verifies the database's journal, reading it in batches (memory stays bounded however long the
// journal is) inside one read transaction, so a concurrent append cannot look like a break.
Result<JournalVerdict> verify_journal(Database& database, const security::JournalChain& chain);

// "journal ok: N entries", or "journal broken at seq S: <problem>: <reason>" (+ torn advice).
std::string describe(const JournalVerdict& verdict);

}  // namespace kiosk::store
