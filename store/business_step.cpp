// Commits a BusinessStep in one transaction (see business_step.hpp).
#include "store/business_step.hpp"

#include <cstdio>

#include <sqlite3.h>

#include "store/cx_stats.hpp"
#include "store/database.hpp"
#include "store/kv_store.hpp"
#include "store/outbox.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {

namespace {

// "records <id>,<id>": every journal line of a step names the CRM records it commits, so the
// journal can be compared with what the CRM holds (the crash tests do) without opening a seal.
std::string records_note(const BusinessStep& step) {
    if (step.outbox.empty()) return {};
    std::string note = "records ";
    for (std::size_t i = 0; i < step.outbox.size(); ++i) {
        if (i > 0) note += ',';
        note += step.outbox[i].header.record_id;
    }
    return note;
}

std::string with_note(const std::string& detail, const std::string& note) {
    if (note.empty()) return detail;
    return detail.empty() ? note : detail + "; " + note;
}

// A line the store adds itself (the fill alarm, dropped telemetry): the store reads no clock and
// knows no kiosk id, so it takes both from the step's first line.
JournalLine store_line(const BusinessStep& step, std::string event_type, std::string detail) {
    JournalLine line;
    if (!step.journal.empty()) {
        line.time_unix_ms = step.journal.front().time_unix_ms;
        line.origin = step.journal.front().origin;
    } else {
        line.origin = "store";
    }
    line.actor = std::string(kJournalSystemActor);
    line.event_type = std::move(event_type);
    line.outcome = "success";
    line.resource = "outbox";
    line.detail = std::move(detail);
    return line;
}

std::string describe_fill(const OutboxFill& fill) {
    char percent[16];
    std::snprintf(percent, sizeof percent, "%.0f", fill.percent);
    return std::string(percent) + " % full (" + std::to_string(fill.records) + " records, " +
           std::to_string(fill.bytes) + " bytes)";
}

// `chain` null: journal lines unchained (see the header).
Status commit_step(Database& database, const BusinessStep& step, const security::JournalChain* chain) {
    auto transaction = Transaction::begin(database);
    if (!transaction) return transaction.error();

    Journal journal(database);
    const auto append = [&](const JournalLine& line) -> Status {
        auto appended = chain != nullptr ? journal.append(line, *chain) : journal.append(line);
        if (!appended) return appended.error();
        return ok_status();
    };
    const std::string note = records_note(step);
    for (const JournalLine& line : step.journal) {
        if (note.empty()) {
            KIOSK_TRY(append(line));
        } else {
            JournalLine named = line;
            named.detail = with_note(line.detail, note);
            KIOSK_TRY(append(named));
        }
    }
    Counters counters(database);
    for (const CounterDelta& delta : step.counters) KIOSK_TRY(counters.add(delta.name, delta.delta));
    Outbox outbox(database);
    auto added = outbox.add(step.outbox);
    if (!added) return added.error();
    if (added->dropped > 0) {
        KIOSK_TRY(append(store_line(step, "telemetry_dropped",
                                    std::to_string(added->dropped) + " journey records dropped for room; " +
                                        describe_fill(added->fill))));
    }
    if (added->alarm_raised) KIOSK_TRY(append(store_line(step, "outbox_fill_alarm", describe_fill(added->fill))));
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

// A full disk (or SQLite's max_page_count) is noted on the connection for the storage guard
// (storage_guard.hpp), which takes the kiosk out of service; the next step that commits clears it.
Status commit_noting_full(Database& database, const BusinessStep& step, const security::JournalChain* chain) {
    Status committed = commit_step(database, step, chain);
    if (committed.ok()) {
        database.note_storage_full(false);
    } else if ((committed.error().native_code & 0xFF) == SQLITE_FULL) {
        database.note_storage_full(true);
    }
    return committed;
}

}  // namespace

Status commit(Database& database, const BusinessStep& step, const security::JournalChain& chain) {
    return commit_noting_full(database, step, &chain);
}

Status commit(Database& database, const BusinessStep& step) { return commit_noting_full(database, step, nullptr); }

}  // namespace kiosk::store
