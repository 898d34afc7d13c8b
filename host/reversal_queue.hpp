// Reversals (0420) that must reach the bank: stored in the kiosk's SQLite database in the SAME
// transaction as the decision to reverse (a dispense that came up short, a host timeout), sent
// until a 0430 acknowledges each one, and still there after a crash or a restart. The stored
// reversal holds the PAN, so it is sealed (AES-256-GCM through security::RecordSealer, AAD = its
// header) — never plain text; no PIN block is ever part of a reversal. Rows are sealed rows
// (store/sealed_rows.hpp) of table host_reversals, which store migration 3 creates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "host/host_link.hpp"
#include "security/record_sealer.hpp"
#include "store/database.hpp"
#include "store/transaction.hpp"

namespace kiosk::host {

// What a technician (or a test) may see of a queued reversal: no card data.
struct PendingReversal {
    std::string record_id;
    std::uint32_t stan = 0;
    std::uint32_t original_stan = 0;
    std::int64_t created_unix_ms = 0;
    std::int64_t attempts = 0;
    std::optional<std::string> last_error;
};

struct ReversalSendReport {
    std::size_t acknowledged = 0;   // deleted: the host has them
    std::size_t unanswered = 0;     // link failed or host declined: kept for the next round
    std::size_t unreadable = 0;     // could not be opened/decoded (key missing): kept for a technician
};

// One queued reversal opened for sending: the loop reads it, the host worker sends it.
struct DueReversal {
    std::string record_id;
    ReversalRequest request;
};

class ReversalQueue {
public:
    // Refuses a database without the host_reversals table. The references must outlive the queue.
    static Result<ReversalQueue> open(store::Database& database, security::RecordSealer& sealer, RandomSource& random,
                                      const Clock& clock, std::string kiosk_id);

    // Adds `request` inside `transaction`, which must be open on this queue's database: the
    // reversal becomes durable exactly when the caller's decision does.
    Status enqueue(store::Transaction& transaction, const ReversalRequest& request);

    // Sends every pending reversal, oldest first. Acknowledged ones are deleted; others count an
    // attempt and keep the reason. Stops at the first link failure (the host is away: the rest
    // would fail the same way) — call again later. Storage errors are returned.
    Result<ReversalSendReport> send_pending(HostLink& link);

    Result<std::vector<PendingReversal>> pending();

    // The pieces of a send round for a caller whose link runs on another thread (the runtime's
    // host channel): every queued reversal that can be opened, oldest first (one that cannot is
    // counted as an attempt with the reason and left for a technician), then per answer either
    // acknowledge() (deleted: the host has it) or record_attempt() (kept, with the reason).
    Result<std::vector<DueReversal>> due();
    Status acknowledge(const std::string& record_id) { return remove(record_id); }
    Status record_attempt(const std::string& record_id, const std::string& error) { return note_attempt(record_id, error); }

private:
    ReversalQueue(store::Database& database, security::RecordSealer& sealer, RandomSource& random, const Clock& clock,
                  std::string kiosk_id)
        : database_(&database), sealer_(&sealer), random_(&random), clock_(&clock), kiosk_id_(std::move(kiosk_id)) {}
    Status note_attempt(const std::string& record_id, const std::string& error);
    Status remove(const std::string& record_id);

    store::Database* database_;
    security::RecordSealer* sealer_;
    RandomSource* random_;
    const Clock* clock_;
    std::string kiosk_id_;
};

}  // namespace kiosk::host
