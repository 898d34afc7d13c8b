// Commits a BusinessStep in one transaction (see business_step.hpp).
#include "store/business_step.hpp"

#include "store/cx_stats.hpp"
#include "store/database.hpp"
#include "store/kv_store.hpp"
#include "store/outbox.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {

namespace {

// `chain` null: journal lines unchained (see the header).
Status commit_step(Database& database, const BusinessStep& step, const security::JournalChain* chain) {
    auto transaction = Transaction::begin(database);
    if (!transaction) return transaction.error();

    Journal journal(database);
    for (const JournalLine& line : step.journal) {
        auto appended = chain != nullptr ? journal.append(line, *chain) : journal.append(line);
        if (!appended) return appended.error();
    }
    Counters counters(database);
    for (const CounterDelta& delta : step.counters) KIOSK_TRY(counters.add(delta.name, delta.delta));
    Outbox outbox(database);
    for (const security::SealedRecord& record : step.outbox) KIOSK_TRY(outbox.add(record));
    KvStore kv(database);
    for (const KvChange& change : step.kv) {
        KIOSK_TRY(change.value ? kv.put(change.key, *change.value) : kv.erase(change.key));
    }
    CxStats stats(database);
    for (const CxStat& stat : step.stats) KIOSK_TRY(stats.add(stat));
    for (const AvailabilityDelta& delta : step.availability) KIOSK_TRY(stats.add_availability(delta));
    // Returning early above leaves `transaction` uncommitted: its destructor rolls back.
    return transaction->commit();
}

}  // namespace

Status commit(Database& database, const BusinessStep& step, const security::JournalChain& chain) {
    return commit_step(database, step, &chain);
}

Status commit(Database& database, const BusinessStep& step) { return commit_step(database, step, nullptr); }

}  // namespace kiosk::store
