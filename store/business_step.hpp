// One business step (a dispense, a survey answer, a card retained) as everything it persists:
// journal lines, counter changes, outbox records, small state and CX statistics. commit() writes all of it in
// ONE transaction — after a crash at any instant either the whole step is there or none of it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "security/sealed_record.hpp"
#include "store/counters.hpp"
#include "store/cx_stats.hpp"
#include "store/journal.hpp"

namespace kiosk::security {
class JournalChain;
}

namespace kiosk::store {

class Database;

// A kv change: a value to put, or nullopt to erase the key (e.g. clear the in-flight bracket in
// the same transaction as the dispense that completes it).
struct KvChange {
    std::string key;
    std::optional<std::string> value;
};

struct BusinessStep {
    std::vector<JournalLine> journal;
    std::vector<CounterDelta> counters;
    std::vector<security::SealedRecord> outbox;
    std::vector<KvChange> kv;
    // The kiosk's own CX statistics (store/cx_stats.hpp): a summary per record, availability time.
    std::vector<CxStat> stats{};  // {}: aggregate initialisers that list only the older members stay warning-free
    std::vector<AvailabilityDelta> availability{};
};

// All of `step` or nothing. On any error (a duplicate outbox record id, a full disk) the
// transaction is rolled back and the error returned. Inside a caller's open Transaction the step
// becomes a savepoint of it, and is durable when that transaction commits.
// Each journal line is appended to the HMAC chain (Journal::append with `chain`) inside the same
// transaction, so the step and its tamper evidence are durable together. What the kiosk uses.
Status commit(Database& database, const BusinessStep& step, const security::JournalChain& chain);

// As above but the journal lines are stored unchained (mac as given, usually NULL): for tools and
// tests without the journal key. `kioskctl journal verify` reports such lines as missing a MAC.
Status commit(Database& database, const BusinessStep& step);

}  // namespace kiosk::store
