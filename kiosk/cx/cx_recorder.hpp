// Records the customer experience for the bank's CRM: each host answer as a transaction record
// and each visit as a journey record. Every record is sealed (security/) and committed with its
// journal line and counters in ONE SQLite transaction (store/business_step.hpp), so a crash at
// any instant leaves all of a business step or none of it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "host/host_messages.hpp"
#include "kiosk/flow/session_outcome.hpp"
#include "kiosk/runtime/session.hpp"
#include "security/journal_chain.hpp"
#include "security/record_sealer.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"

namespace kiosk {

struct TransactionRecord {
    host::TransactionType type;
    host::ResponseCode response;
    std::uint32_t stan = 0;
    std::optional<Money> balance;  // not sent to the CRM; only whether one was shown
    std::optional<Money> amount;   // what the request asked to move (withdrawals, transfers)
    // The host's retrieval reference (field 37) when it gave one; else the STAN, 12 digits.
    std::string reference;
};

// The payloads' schema version (docs/cx-records.md), in every record's header.
inline constexpr std::uint32_t kCxPayloadSchemaVersion = 2;

class CxRecorder {
public:
    // `journal_chain` holds the derived journal key: every journal line is chained under it.
    CxRecorder(store::Database& database, security::RecordSealer& sealer, security::JournalChain journal_chain,
               RandomSource& random, const Clock& clock, std::string kiosk_id);

    Status record_transaction(const Session& session, const TransactionRecord& transaction);
    // The outcome is recorded as its name (flow::to_string): "completed", "card_retained", …
    Status record_journey(const Session& session, ui::Language language, flow::SessionOutcome outcome);
    // A journal-only business step (card retained, device fault, …): no CRM record.
    Status record_event(std::string_view actor, std::string_view event_type, std::string_view outcome,
                        std::string_view resource, std::string_view detail);

    // Record ids committed so far, in order (tests compare them with what the CRM received).
    [[nodiscard]] const std::vector<std::string>& committed_record_ids() const { return committed_ids_; }

private:
    Result<security::SealedRecord> seal(std::string_view kind, const std::string& payload_json);
    store::JournalLine journal_line(std::string_view actor, std::string_view event_type, std::string_view outcome,
                                    std::string_view resource, std::string_view detail) const;

    store::Database& database_;
    security::RecordSealer& sealer_;
    security::JournalChain journal_chain_;
    RandomSource& random_;
    const Clock& clock_;
    std::string kiosk_id_;
    std::vector<std::string> committed_ids_;
};

// A random (version 4) UUID, used as record id and CRM idempotency key.
std::string make_uuid_v4(RandomSource& random);

}  // namespace kiosk
