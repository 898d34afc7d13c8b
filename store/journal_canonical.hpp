// The exact bytes of a journal entry that its chain MAC covers. Fixed-width big-endian integers
// and length-prefixed strings, so no two different entries share an encoding (no field can borrow
// bytes from its neighbour) and the bytes do not depend on the platform or the SQLite version.
#pragma once

#include <cstdint>

#include "common/bytes.hpp"
#include "store/journal.hpp"

namespace kiosk::store {

// "kiosk-journal/1" (length-prefixed) || u64be(seq) || i64be(time_unix_ms) ||
// for actor, event_type, outcome, origin, resource, detail: u32be(byte length) || UTF-8 bytes.
// The MAC itself is not part of it; seq is, so an entry moved to another seq no longer verifies.
Bytes canonical_journal_bytes(std::int64_t seq, const JournalLine& line);

}  // namespace kiosk::store
