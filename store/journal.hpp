// The electronic journal: one line per auditable event, answering PCI DSS 10.2.2's who (actor),
// what (event_type), when (time_unix_ms), outcome, where (origin) and which resource. Lines are
// only appended; `mac` is left for the tamper-evident HMAC chain (security/journal_chain.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "common/result.hpp"

namespace kiosk::store {

class Database;

struct JournalLine {
    std::int64_t time_unix_ms = 0;  // from the injected Clock, never read here
    std::string actor;              // "customer", "technician:T042", "system"
    std::string event_type;         // "dispense", "card_retained", "door_open", …
    std::string outcome;            // "success", "failure: note jam", …
    std::string origin;             // where: terminal id / component
    std::string resource;           // which resource: cassette, account token, file, …
    std::string detail;             // masked, non-secret context only (never a PAN or PIN)
    std::optional<Bytes> mac;

    friend bool operator==(const JournalLine&, const JournalLine&) = default;
};

// A stored line with its position; seq only grows (AUTOINCREMENT), so it orders the journal.
struct JournalEntry {
    std::int64_t seq = 0;
    JournalLine line;
};

class Journal {
public:
    explicit Journal(Database& database) : database_(database) {}

    // Appends one line atomically (its own transaction, or a savepoint inside the caller's) and
    // returns its seq.
    Result<std::int64_t> append(const JournalLine& line);

    // Oldest first.
    Result<std::vector<JournalEntry>> read_all();
    // The last `count` lines, oldest first.
    Result<std::vector<JournalEntry>> read_last(std::size_t count);
    // Lines with seq >= first_seq, oldest first, at most `limit`.
    Result<std::vector<JournalEntry>> read_from(std::int64_t first_seq, std::size_t limit);

    Result<std::size_t> count();

private:
    Database& database_;
};

}  // namespace kiosk::store
