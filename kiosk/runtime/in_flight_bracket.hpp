// The transaction-in-flight bracket: opened (persisted) just before notes are picked, closed when
// the customer takes them or when the withdrawal is reversed. What it stores is the reversal
// that would undo the withdrawal, sealed like a queued reversal (it holds the PAN) and kept as
// a sealed row (store/sealed_rows.hpp) of table withdrawal_in_flight. After a power loss
// mid-dispense the kiosk finds the bracket still open at start-up and queues that reversal
// before serving anyone.
#pragma once

#include <optional>
#include <string>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "host/host_messages.hpp"
#include "host/reversal_queue.hpp"
#include "security/record_sealer.hpp"
#include "store/database.hpp"

namespace kiosk {

class InFlightBracket {
public:
    InFlightBracket(store::Database& database, security::RecordSealer& sealer, RandomSource& random,
                    const Clock& clock, std::string kiosk_id)
        : database_(&database), sealer_(&sealer), random_(&random), clock_(&clock), kiosk_id_(std::move(kiosk_id)) {}

    // Persists `reversal_in_waiting` (sealed) as the open bracket; durable when this returns ok.
    Status open(const host::ReversalRequest& reversal_in_waiting);
    // The customer has the notes: nothing to undo.
    Status close();
    // Queues `reversal` and closes the bracket in ONE transaction: after a crash either both
    // happened or neither (and the start-up resolution queues the bracket's own reversal).
    Status close_with_reversal(host::ReversalQueue& queue, const host::ReversalRequest& reversal);
    // Start-up: an open bracket means the kiosk stopped mid-withdrawal; queue its reversal (all
    // of it: nothing is known to have reached the customer) and close it. Returns whether one was open.
    Result<bool> resolve(host::ReversalQueue& queue);

    Result<bool> is_open();

private:
    Result<std::optional<host::ReversalRequest>> load();

    store::Database* database_;
    security::RecordSealer* sealer_;
    RandomSource* random_;
    const Clock* clock_;
    std::string kiosk_id_;
};

}  // namespace kiosk
