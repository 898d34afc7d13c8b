// Records the customer experience for the bank's CRM: each host answer as a transaction record
// and each visit as a journey record. Every record is sealed to the bank's CRM
// (security/crm_record_sealer.hpp: only the CRM's private key opens it) and committed with its
// journal line and counters in ONE SQLite transaction (store/business_step.hpp), so a crash at
// any instant leaves all of a business step or none of it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "host/host_messages.hpp"
#include "kiosk/cx/complaint_report.hpp"
#include "kiosk/cx/record_id.hpp"
#include "kiosk/flow/session_outcome.hpp"
#include "kiosk/flow/survey_answers.hpp"
#include "kiosk/health/alert_monitor.hpp"
#include "kiosk/runtime/session.hpp"
#include "security/journal_chain.hpp"
#include "security/crm_record_sealer.hpp"
#include "store/database.hpp"
#include "store/counters.hpp"
#include "store/cx_stats.hpp"
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

// One shown survey (docs/cx-records.md, `survey`): the flow's answers with when it was shown.
struct SurveyRecord {
    flow::SurveyAnswers answers;  // status set
    ui::Language language = ui::Language::English;
    TimePoint shown;
    Millis duration{0};
};

// The kv key that remembers when a card token was last shown a survey (Unix ms), written with
// each survey record: the survey gate's period is kept across restarts.
std::string survey_last_asked_key(std::string_view pan_token);

// The payloads' schema version (docs/cx-records.md), in every record's header.
inline constexpr std::uint32_t kCxPayloadSchemaVersion = 2;

class CxRecorder {
public:
    // `journal_chain` holds the derived journal key: every journal line is chained under it.
    CxRecorder(store::Database& database, security::CrmRecordSealer& sealer, security::JournalChain journal_chain,
               RandomSource& random, const Clock& clock, std::string kiosk_id);

    Status record_transaction(const Session& session, const TransactionRecord& transaction);
    // The outcome is recorded as its name (flow::to_string): "completed", "card_retained", …
    Status record_journey(const Session& session, ui::Language language, flow::SessionOutcome outcome);
    // The survey record, its journal line, its counters and the token's "last asked" in one
    // transaction. Refuses (writes nothing) a survey without a status, a score outside 1–5 or
    // 0–10, an unknown or repeated reason, or reasons without a low score: the flow never asks
    // for one, and a wrong answer must not reach the bank's statistics.
    Status record_survey(const Session& session, const SurveyRecord& survey);
    // When this token was last shown a survey; nullopt when never (or no token).
    Result<std::optional<TimePoint>> last_survey_asked(std::string_view pan_token);
    // A customer's problem report: a new reference (complaint_reference.hpp, unique at this kiosk:
    // each one is kept in kv `cx.complaint.<reference>`), the `complaint` record (priority 0),
    // its journal line, counter and statistic, all in one transaction. Returns the reference. A
    // category outside the five is refused (the flow refuses it first) and nothing is written.
    Result<std::string> record_complaint(const Session& session, const ComplaintReport& report);
    // A journal-only business step (card retained, device fault, …): no CRM record.
    Status record_event(std::string_view actor, std::string_view event_type, std::string_view outcome,
                        std::string_view resource, std::string_view detail);
    // The same with counter changes committed in the same transaction as the line (the cash
    // ledger's notes of a dispense or a retract: kiosk/maintenance/cash_ledger.hpp).
    Status record_event(std::string_view actor, std::string_view event_type, std::string_view outcome,
                        std::string_view resource, std::string_view detail,
                        const std::vector<store::CounterDelta>& counters);

    // After a step that dropped journey telemetry for room (store::Outbox's size cap): seals the
    // count as a telemetry_dropped record (docs/cx-records.md) and commits it in one transaction
    // with forgetting the drops it reports; nothing dropped, nothing written. At most one report
    // waits in the outbox: while the last one is undelivered, drops go on being counted for the
    // next (the report itself takes room, and at the cap it would otherwise replace journeys with
    // reports one for one). record_transaction and record_journey call it after their own step; a
    // failure leaves the drops counted for the next call.
    Status report_dropped_telemetry();
    // Time in and out of service (kiosk/cx/availability_tracker.hpp), added to its days' totals.
    Status record_availability(const std::vector<store::AvailabilityDelta>& deltas);
    // The `service_quality` record of `day` ("YYYY-MM-DD") from the kiosk's statistics, committed
    // on its own; returns its record id. (The daily one rides on the first journey after midnight.)
    Result<std::string> record_service_quality(std::string_view day);

    // An alert raised or cleared (kiosk/health/): the `alert` record and its journal line in one
    // business step; returns the record id.
    Result<std::string> record_alert(const AlertChange& change);

    // Record ids committed so far, in order (tests compare them with what the CRM received).
    [[nodiscard]] const std::vector<std::string>& committed_record_ids() const { return committed_ids_; }

private:
    Result<security::SealedRecord> seal(std::string_view kind, const std::string& payload_json);
    store::JournalLine journal_line(std::string_view actor, std::string_view event_type, std::string_view outcome,
                                    std::string_view resource, std::string_view detail) const;

    store::Database& database_;
    security::CrmRecordSealer& sealer_;
    security::JournalChain journal_chain_;
    RandomSource& random_;
    const Clock& clock_;
    std::string kiosk_id_;
    std::vector<std::string> committed_ids_;
};

}  // namespace kiosk
