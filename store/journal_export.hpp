// The journal as a file a technician carries away: one JSON object per entry per line, each line
// ended by '\n', MAC in hex. kioskctl journal export writes it; kioskctl journal verify --file
// reads it back and walks the same chain. Unlike the database (see journal_verifier.hpp) this
// file CAN be torn: a pulled USB stick or power loss mid-copy leaves a last line without its '\n'.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "store/journal.hpp"

namespace kiosk::store {

class Database;

// {"seq":…,"time_unix_ms":…,"actor":…,"event_type":…,"outcome":…,"origin":…,"resource":…,
//  "detail":…,"mac":"<hex>"|null} followed by '\n'.
std::string journal_export_line(const JournalEntry& entry);

// Writes every entry, oldest first, reading the database in batches within one snapshot;
// returns how many entries were written. Fails naming the stream when a write fails.
Result<std::size_t> export_journal(Database& database, std::ostream& out);

struct JournalExport {
    std::vector<JournalEntry> entries;  // every complete line, in file order
    // "Torn" means exactly: the file does not end with '\n' and has bytes after its last '\n'.
    // Those bytes are dropped, whatever they hold (even a line that would parse): only a line
    // with its terminator was written completely.
    bool tail_torn = false;
};

// Parses an export. A complete line that is not a journal entry (bad JSON, a missing or mistyped
// field, an empty line, a MAC that is not hex) is not power loss: it is an error naming the line.
Result<JournalExport> parse_journal_export(std::string_view text);

}  // namespace kiosk::store
