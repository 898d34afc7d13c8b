#include "kiosk/cx/cx_recorder.hpp"

#include <array>
#include <nlohmann/json.hpp>

#include "common/bytes.hpp"
#include "security/aead.hpp"
#include "kiosk/runtime/screen_names.hpp"
#include "store/business_step.hpp"
#include "store/kv_store.hpp"
#include "store/outbox.hpp"
#include "store/transaction.hpp"

namespace kiosk {

std::string make_uuid_v4(RandomSource& random) {
    std::array<std::uint8_t, 16> bytes{};
    random.fill(bytes);
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0FU) | 0x40U);  // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3FU) | 0x80U);  // RFC 4122 variant
    std::string hex = to_hex(bytes);
    for (char& c : hex) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20);
}


CxRecorder::CxRecorder(store::Database& database, security::CrmRecordSealer& sealer,
                       security::JournalChain journal_chain, RandomSource& random, const Clock& clock,
                       std::string kiosk_id)
    : database_(database),
      sealer_(sealer),
      journal_chain_(std::move(journal_chain)),
      random_(random),
      clock_(clock),
      kiosk_id_(std::move(kiosk_id)) {}

Result<security::SealedRecord> CxRecorder::seal(std::string_view kind, const std::string& payload_json) {
    security::RecordHeader header;
    header.record_id = make_uuid_v4(random_);
    header.kind = std::string(kind);
    header.kiosk_id = kiosk_id_;
    header.schema_version = 1;
    header.created_unix_ms = to_unix_millis(clock_.now());
    return sealer_.seal(std::move(header), to_bytes(payload_json), random_);
}

store::JournalLine CxRecorder::journal_line(std::string_view actor, std::string_view event_type,
                                            std::string_view outcome, std::string_view resource,
                                            std::string_view detail) const {
    store::JournalLine line;
    line.time_unix_ms = to_unix_millis(clock_.now());
    line.actor = std::string(actor);
    line.event_type = std::string(event_type);
    line.outcome = std::string(outcome);
    line.origin = store::journal_origin(kiosk_id_, "cx");
    line.resource = std::string(resource);
    line.detail = std::string(detail);
    return line;
}

namespace {

// Who, in the journal: the card's token, or just "customer" for a cardless visit.
std::string customer_actor(const Session& session) {
    return session.pan_token.empty() ? std::string("customer") : store::journal_actor_customer(session.pan_token);
}

std::string card_resource(const Session& session) {
    return session.masked_pan.empty() ? std::string("no card") : "card " + session.masked_pan;
}

}  // namespace

Status CxRecorder::record_transaction(const Session& session, const TransactionRecord& transaction) {
    const std::string type(host::to_string(transaction.type));
    const std::string response(host::to_string(transaction.response));
    const nlohmann::json payload{
        {"session", session.number},       {"type", type},
        {"response", response},            {"iso_response_code", host::iso_code(transaction.response)},
        {"stan", transaction.stan},        {"pan_token", session.pan_token},
        {"masked_pan", session.masked_pan}, {"balance_shown", transaction.balance.has_value()},
    };
    auto record = seal("transaction", payload.dump());
    if (!record.ok()) return record.error();

    store::BusinessStep step;
    step.journal.push_back(journal_line(customer_actor(session), type, response, card_resource(session),
                                        "stan " + std::to_string(transaction.stan)));
    step.counters.push_back({"tx." + type + "." + response, 1});
    step.outbox.push_back(*record);
    KIOSK_TRY(store::commit(database_, step, journal_chain_));
    committed_ids_.push_back(record->header.record_id);
    static_cast<void>(report_dropped_telemetry());  // kept counted on failure, see the header
    return ok_status();
}

Status CxRecorder::record_journey(const Session& session, ui::Language language, flow::SessionOutcome ended) {
    const std::string_view outcome = flow::to_string(ended);
    nlohmann::json steps = nlohmann::json::array();
    for (const JourneyStep& journey_step : session.journey) {
        nlohmann::json item{{"screen", screen_name(journey_step.screen)},
                            {"entered_unix_ms", to_unix_millis(journey_step.entered)}};
        if (journey_step.left) {
            item["left_unix_ms"] = to_unix_millis(*journey_step.left);
            item["duration_ms"] = (*journey_step.left - journey_step.entered).count();
        }
        steps.push_back(std::move(item));
    }
    const nlohmann::json payload{
        {"session", session.number},
        {"pan_token", session.pan_token},
        {"language", language == ui::Language::SimplifiedChinese ? "zh-CN" : "en"},
        {"outcome", outcome},
        {"steps", std::move(steps)},
    };
    auto record = seal("journey", payload.dump());
    if (!record.ok()) return record.error();

    store::BusinessStep step;
    step.journal.push_back(journal_line(customer_actor(session), "session_end", std::string(outcome),
                                        card_resource(session), std::to_string(session.journey.size()) + " screens"));
    step.counters.push_back({"sessions", 1});
    step.counters.push_back({"sessions." + std::string(outcome), 1});
    step.outbox.push_back(*record);
    KIOSK_TRY(store::commit(database_, step, journal_chain_));
    committed_ids_.push_back(record->header.record_id);
    static_cast<void>(report_dropped_telemetry());  // kept counted on failure, see the header
    return ok_status();
}

Status CxRecorder::record_event(std::string_view actor, std::string_view event_type, std::string_view outcome,
                                std::string_view resource, std::string_view detail) {
    store::BusinessStep step;
    step.journal.push_back(journal_line(actor, event_type, outcome, resource, detail));
    step.counters.push_back({"events." + std::string(event_type), 1});
    return store::commit(database_, step, journal_chain_);
}

Status CxRecorder::report_dropped_telemetry() {
    store::Outbox outbox(database_);
    auto dropped = outbox.dropped_telemetry();
    if (!dropped.ok()) return dropped.error();
    if (!dropped->has_value()) return ok_status();
    static const std::string last_report_key = "cx.telemetry_dropped.last_record";
    auto last_report = store::KvStore(database_).get(last_report_key);
    if (!last_report.ok()) return last_report.error();
    if (last_report->has_value()) {
        auto waiting = outbox.contains(**last_report);
        if (!waiting.ok()) return waiting.error();
        if (*waiting) return ok_status();
    }
    const store::DroppedTelemetry& count = **dropped;
    const nlohmann::json payload{{"dropped", count.dropped},
                                 {"oldest_dropped_unix_ms", count.oldest_unix_ms},
                                 {"newest_dropped_unix_ms", count.newest_unix_ms}};
    auto record = seal("telemetry_dropped", payload.dump());
    if (!record.ok()) return record.error();
    store::BusinessStep step;
    step.journal.push_back(journal_line(store::kJournalSystemActor, "telemetry_dropped_reported", "success", "outbox",
                                        std::to_string(count.dropped) + " journey records dropped for room"));
    step.outbox.push_back(*record);
    step.kv.push_back({last_report_key, record->header.record_id});
    // The report and forgetting what it reports, together: a crash between them would report twice
    // or never.
    auto transaction = store::Transaction::begin(database_);
    if (!transaction.ok()) return transaction.error();
    KIOSK_TRY(store::commit(database_, step, journal_chain_));
    KIOSK_TRY(outbox.forget_dropped_through(count.through_seq));
    KIOSK_TRY(transaction->commit());
    committed_ids_.push_back(record->header.record_id);
    return ok_status();
}

}  // namespace kiosk
