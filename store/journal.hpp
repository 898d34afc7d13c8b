// The electronic journal: one line per auditable event, answering PCI DSS 10.2.2's who (actor),
// what (event_type), when (time_unix_ms), outcome, where (origin) and which resource. Lines are
// only appended, each with its HMAC chain MAC (security/journal_chain.hpp over
// journal_canonical.hpp's bytes), so store/journal_verifier.hpp finds any edit, deletion or
// reorder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "store/journal_query.hpp"

namespace kiosk::security {
class JournalChain;
}

namespace kiosk::store {

class Database;

struct JournalLine {
    std::int64_t time_unix_ms = 0;  // from the injected Clock, never read here
    std::string actor;              // who: journal_actor_*() below
    std::string event_type;         // "dispense", "card_retained", "technician_login", …
    std::string outcome;            // "success", "failure: note jam", …
    std::string origin;             // where: journal_origin(kiosk id, component)
    std::string resource;           // which resource: cassette, "card 401288******1881", user id, …
    std::string detail;             // masked, non-secret context only (never a PAN or PIN)
    std::optional<Bytes> mac;       // as stored; ignored by the chained append, which computes it

    friend bool operator==(const JournalLine&, const JournalLine&) = default;
};

// A stored line with its position; seq only grows (AUTOINCREMENT), so it orders the journal.
struct JournalEntry {
    std::int64_t seq = 0;
    JournalLine line;
};

// The newest chained entry: its seq and MAC. Sent with every CRM batch (docs/crm.md, "Journal
// anchor"), so the bank holds a point the journal export must reach — a journal cut off after it
// no longer contains that MAC.
struct JournalAnchor {
    std::int64_t sequence = 0;  // 0: no chained entry yet
    Bytes mac;                  // journal_genesis() when sequence is 0

    friend bool operator==(const JournalAnchor&, const JournalAnchor&) = default;
};

// Who, in the journal's words. A customer is named by the keyed PAN token (never the PAN), a
// technician by their user id; everything the kiosk does on its own is "system".
inline constexpr std::string_view kJournalSystemActor = "system";
std::string journal_actor_customer(std::string_view pan_token);
std::string journal_actor_technician(std::string_view technician_id);
// Where: "<kiosk id>/<component>", e.g. "SIM-0001/cx".
std::string journal_origin(std::string_view kiosk_id, std::string_view component);

class Journal {
public:
    explicit Journal(Database& database) : database_(database) {}

    // Appends one line to the chain atomically (its own transaction, or a savepoint inside the
    // caller's) and returns its seq: seq = the highest seq ever issued + 1, mac =
    // chain.link(MAC of the newest stored entry, canonical_journal_bytes(seq, line)). line.mac is
    // ignored. Both are read and written under the write lock, so two writers cannot fork the chain.
    Result<std::int64_t> append(const JournalLine& line, const security::JournalChain& chain);

    // Appends `line` with line.mac stored as given (NULL when unset), without the chain. Kept for
    // callers that have no journal key yet (store::commit without a chain); the verifier reports
    // such an entry as unchained, so a kiosk must always write through the overload above.
    Result<std::int64_t> append(const JournalLine& line);

    // Oldest first.
    Result<std::vector<JournalEntry>> read_all();
    // The last `count` lines, oldest first.
    Result<std::vector<JournalEntry>> read_last(std::size_t count);
    // Lines with seq >= first_seq, oldest first, at most `limit`.
    Result<std::vector<JournalEntry>> read_from(std::int64_t first_seq, std::size_t limit);

    // The lines `query` matches, newest first, at most query.limit; an error naming the field when
    // the query is not valid (journal_query.hpp). Parameterised SQL only.
    Result<std::vector<JournalEntry>> search(const JournalQuery& query);

    Result<std::size_t> count();

    // The newest entry that has a MAC (unchained lines are skipped); {0, genesis} when none has.
    Result<JournalAnchor> anchor();

    // The highest seq SQLite's AUTOINCREMENT has issued (sqlite_sequence), 0 before the first
    // line. Above the newest stored seq it means entries were deleted from the end.
    Result<std::int64_t> highest_seq_issued();

private:
    Database& database_;
};

}  // namespace kiosk::store
