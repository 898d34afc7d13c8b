#include "kiosk/cx/cx_recorder.hpp"

#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

#include "common/bytes.hpp"
#include "security/aead.hpp"
#include "kiosk/cx/complaint_reference.hpp"
#include "kiosk/cx/cx_stat.hpp"
#include "kiosk/cx/service_quality_record.hpp"
#include "kiosk/health/alert_payload.hpp"
#include "kiosk/runtime/screen_names.hpp"
#include "store/business_step.hpp"
#include "store/kv_store.hpp"
#include "store/outbox.hpp"
#include "store/transaction.hpp"

namespace kiosk {

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
    header.schema_version = kCxPayloadSchemaVersion;
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

std::string reference_of(const TransactionRecord& transaction) {
    if (!transaction.reference.empty()) return transaction.reference;
    std::string stan = std::to_string(transaction.stan);
    return std::string(stan.size() < 12 ? 12 - stan.size() : 0, '0') + stan;
}

const char* language_code(ui::Language language) {
    return language == ui::Language::SimplifiedChinese ? "zh-CN" : "en";
}

std::int64_t offset_ms(TimePoint at, TimePoint start) {
    return std::chrono::duration_cast<Millis>(at - start).count();
}

// The steps and events of a visit (docs/cx-records.md, `journey`): screens by name, controls by
// action id, keys by function — the log never held a digit's value, so none can be written.
nlohmann::json journey_steps(const JourneyLog& journey) {
    nlohmann::json steps = nlohmann::json::array();
    for (const JourneyStep& journey_step : journey.steps()) {
        nlohmann::json item{{"screen", screen_name(journey_step.screen)},
                            {"entered_unix_ms", to_unix_millis(journey_step.entered)}};
        if (journey_step.left) {
            item["left_unix_ms"] = to_unix_millis(*journey_step.left);
            item["dwell_ms"] = offset_ms(*journey_step.left, journey_step.entered);
        }
        steps.push_back(std::move(item));
    }
    return steps;
}

nlohmann::json journey_events(const JourneyLog& journey, TimePoint start) {
    nlohmann::json events = nlohmann::json::array();
    for (const JourneyEvent& event : journey.events()) {
        nlohmann::json item{{"at_ms", offset_ms(event.at, start)}, {"type", to_string(event.type)}};
        item["screen"] = event.screen ? nlohmann::json(screen_name(*event.screen)) : nlohmann::json(nullptr);
        if (!event.control.empty()) item["control"] = event.control;
        if (!event.detail.empty()) item["detail"] = event.detail;
        events.push_back(std::move(item));
    }
    return events;
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
        {"amount_minor", transaction.amount ? nlohmann::json(transaction.amount->minor_units) : nlohmann::json(nullptr)},
        {"currency", transaction.amount ? nlohmann::json(transaction.amount->currency) : nlohmann::json(nullptr)},
        {"reference", reference_of(transaction)},
    };
    auto record = seal("transaction", payload.dump());
    if (!record.ok()) return record.error();

    store::BusinessStep step;
    step.journal.push_back(journal_line(customer_actor(session), type, response, card_resource(session),
                                        "stan " + std::to_string(transaction.stan)));
    step.counters.push_back({"tx." + type + "." + response, 1});
    step.outbox.push_back(*record);
    step.stats.push_back(cx_stat_of("transaction", payload, clock_.now()));
    KIOSK_TRY(store::commit(database_, step, journal_chain_));
    committed_ids_.push_back(record->header.record_id);
    static_cast<void>(report_dropped_telemetry());  // kept counted on failure, see the header
    return ok_status();
}

Status CxRecorder::record_journey(const Session& session, ui::Language language, flow::SessionOutcome ended) {
    const std::string_view outcome = flow::to_string(ended);
    const JourneyLog& journey = session.journey;
    const TimePoint start = journey.started().value_or(clock_.now());
    const std::optional<ui::ScreenId> abandoned = journey.abandoned_at(ended);
    const nlohmann::json payload{
        {"session", session.number},
        {"pan_token", session.pan_token},
        {"cardless", session.cardless},
        {"task", journey.task()},
        {"outcome", outcome},
        {"started_unix_ms", to_unix_millis(start)},
        {"total_ms", journey.total().count()},
        {"language", language_code(language)},
        {"accessibility",
         {{"large_text", session.accessibility.large_text},
          {"high_contrast", session.accessibility.high_contrast},
          {"speech", session.accessibility.speech}}},
        {"segment", session.segment.empty() ? nlohmann::json(nullptr) : nlohmann::json(session.segment)},
        {"personalized", session.personalized},
        {"steps", journey_steps(journey)},
        {"events", journey_events(journey, start)},
        {"step_count", journey.steps().size()},
        {"error_count", journey.error_count()},
        {"timeout_count", journey.timeout_count()},
        {"abandoned_at", abandoned ? nlohmann::json(screen_name(*abandoned)) : nlohmann::json(nullptr)},
    };
    auto record = seal("journey", payload.dump());
    if (!record.ok()) return record.error();

    store::BusinessStep step;
    step.journal.push_back(journal_line(customer_actor(session), "session_end", std::string(outcome),
                                        card_resource(session), std::to_string(journey.steps().size()) + " screens"));
    step.counters.push_back({"sessions", 1});
    step.counters.push_back({"sessions." + std::string(outcome), 1});
    step.outbox.push_back(*record);
    step.stats.push_back(cx_stat_of("journey", payload, clock_.now()));
    // The first session end after midnight carries the previous day's service-quality record. If
    // it cannot be made now the journey is still committed, and the next session end tries again
    // (the kv day is only written with the record).
    const auto daily = add_daily_service_quality_if_due(
        step, database_, clock_.now(),
        [this](std::string_view kind, const std::string& json) { return seal(kind, json); });
    KIOSK_TRY(store::commit(database_, step, journal_chain_));
    committed_ids_.push_back(record->header.record_id);
    static_cast<void>(report_dropped_telemetry());  // kept counted on failure, see the header
    if (daily.ok() && !daily->empty()) committed_ids_.push_back(*daily);
    return ok_status();
}

std::string survey_last_asked_key(std::string_view pan_token) {
    return "survey.last_asked." + std::string(pan_token);
}

namespace {

// What record_survey refuses, named: the flow takes no such answer, so one here is a bug upstream.
std::optional<std::string> survey_problem(const flow::SurveyAnswers& answers) {
    if (!answers.status) return "the survey has no status";
    if (answers.csat && !flow::valid_csat(*answers.csat)) return "csat " + std::to_string(*answers.csat) + " is outside 1-5";
    if (answers.nps && !flow::valid_nps(*answers.nps)) return "nps " + std::to_string(*answers.nps) + " is outside 0-10";
    if (answers.nps && !answers.nps_asked) return "an nps answer without the nps question";
    if (!answers.reasons.empty() && (!answers.csat || *answers.csat > flow::kCsatLowMax)) {
        return "reasons without a score of 1-2";
    }
    for (std::size_t i = 0; i < answers.reasons.size(); ++i) {
        if (!flow::is_known(answers.reasons[i])) return "an unknown reason tag";
        for (std::size_t j = 0; j < i; ++j) {
            if (answers.reasons[j] == answers.reasons[i]) return "a reason tag given twice";
        }
    }
    return std::nullopt;
}

nlohmann::json optional_int(const std::optional<int>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

Status CxRecorder::record_survey(const Session& session, const SurveyRecord& survey) {
    const flow::SurveyAnswers& answers = survey.answers;
    if (const auto problem = survey_problem(answers)) return make_error("cx", "survey refused: " + *problem);
    nlohmann::json reasons = nlohmann::json::array();
    for (const flow::SurveyReason reason : answers.reasons) reasons.push_back(flow::to_string(reason));
    const std::string status(flow::to_string(*answers.status));
    const nlohmann::json payload{
        {"session", session.number},
        {"pan_token", session.pan_token},
        {"task", session.journey.task()},
        {"status", status},
        {"csat", optional_int(answers.csat)},
        {"reasons", reasons},
        {"nps", optional_int(answers.nps)},
        {"nps_asked", answers.nps_asked},
        {"language", language_code(survey.language)},
        {"segment", session.segment.empty() ? nlohmann::json(nullptr) : nlohmann::json(session.segment)},
        {"shown_unix_ms", to_unix_millis(survey.shown)},
        {"duration_ms", survey.duration.count()},
    };
    auto record = seal("survey", payload.dump());
    if (!record.ok()) return record.error();

    store::BusinessStep step;
    step.journal.push_back(journal_line(customer_actor(session), "survey", status, card_resource(session),
                                        "csat " + (answers.csat ? std::to_string(*answers.csat) : std::string("-")) +
                                            ", " + std::to_string(answers.reasons.size()) + " reasons, nps " +
                                            (answers.nps ? std::to_string(*answers.nps) : std::string("-"))));
    step.counters.push_back({"surveys.shown", 1});
    step.counters.push_back({"surveys." + status, 1});
    step.outbox.push_back(*record);
    step.stats.push_back(cx_stat_of("survey", payload, clock_.now()));
    // The period is counted from the showing; with the record, so a crash cannot ask twice or lose it.
    if (!session.pan_token.empty()) {
        step.kv.push_back({survey_last_asked_key(session.pan_token), std::to_string(to_unix_millis(survey.shown))});
    }
    KIOSK_TRY(store::commit(database_, step, journal_chain_));
    committed_ids_.push_back(record->header.record_id);
    return ok_status();
}

Result<std::optional<TimePoint>> CxRecorder::last_survey_asked(std::string_view pan_token) {
    if (pan_token.empty()) return std::optional<TimePoint>{};
    auto value = store::KvStore(database_).get(survey_last_asked_key(pan_token));
    if (!value.ok()) return value.error();
    if (!value->has_value()) return std::optional<TimePoint>{};
    std::int64_t unix_ms = 0;
    const std::string& text = **value;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), unix_ms);
    if (error != std::errc{} || end != text.data() + text.size()) {
        return make_error("cx", "kv " + survey_last_asked_key("<token>") + " holds \"" + text + "\", not Unix ms");
    }
    return std::optional<TimePoint>{from_unix_millis(unix_ms)};
}

Result<std::string> CxRecorder::record_complaint(const Session& session, const ComplaintReport& report) {
    if (!flow::is_known(report.category)) return make_error("cx", "complaint category out of range: not recorded");
    store::KvStore kv(database_);
    const auto key_of = [](const std::string& reference) { return "cx.complaint." + reference; };
    auto reference = unique_complaint_reference(clock_.now(), random_, [&](const std::string& candidate) -> Result<bool> {
        auto held = kv.get(key_of(candidate));
        if (!held.ok()) return held.error();
        return held->has_value();
    });
    if (!reference.ok()) return reference.error();
    const std::string category(flow::to_string(report.category));
    const auto or_null = [](const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); };
    const nlohmann::json payload{
        {"reference", *reference},
        {"category", category},
        {"session", session.number},
        {"pan_token", or_null(session.pan_token)},
        {"transaction_reference", or_null(report.transaction_reference)},
        {"amount_minor", report.amount ? nlohmann::json(report.amount->minor_units) : nlohmann::json(nullptr)},
        {"currency", report.amount ? nlohmann::json(report.amount->currency) : nlohmann::json(nullptr)},
        {"detail", or_null(report.detail)},
        {"language", language_code(report.language)},
        {"offered_after_failure", report.offered_after_failure},
    };
    auto record = seal("complaint", payload.dump());
    if (!record.ok()) return record.error();

    store::BusinessStep step;
    step.journal.push_back(journal_line(customer_actor(session), "complaint", "received", "complaint " + *reference,
                                        category));
    step.counters.push_back({"complaints." + category, 1});
    step.outbox.push_back(*record);
    step.stats.push_back(cx_stat_of("complaint", payload, clock_.now()));
    step.kv.push_back({key_of(*reference), record->header.record_id});
    KIOSK_TRY(store::commit(database_, step, journal_chain_));
    committed_ids_.push_back(record->header.record_id);
    static_cast<void>(report_dropped_telemetry());  // kept counted on failure, see the header
    return reference;
}

Status CxRecorder::record_availability(const std::vector<store::AvailabilityDelta>& deltas) {
    store::BusinessStep step;
    step.availability = deltas;
    return store::commit(database_, step, journal_chain_);
}

Result<std::string> CxRecorder::record_service_quality(std::string_view day) {
    store::BusinessStep step;
    auto id = add_service_quality_record(
        step, database_, day, [this](std::string_view kind, const std::string& json) { return seal(kind, json); });
    if (!id) return id.error();
    step.journal.push_back(journal_line("system", "service_quality", "success", std::string(day), "record " + *id));
    KIOSK_TRY(store::commit(database_, step, journal_chain_));
    committed_ids_.push_back(*id);
    return id;
}

Result<std::string> CxRecorder::record_alert(const AlertChange& change) {
    const std::string transition(to_string(change.transition));
    auto record = seal("alert", alert_payload(change).dump());
    if (!record.ok()) return record.error();
    store::BusinessStep step;
    step.journal.push_back(journal_line(store::kJournalSystemActor, "alert_" + transition,
                                        std::string(to_string(change.alert.severity)), change.alert.id,
                                        change.alert.cause));
    step.counters.push_back({"alerts." + transition, 1});
    step.outbox.push_back(*record);
    KIOSK_TRY(store::commit(database_, step, journal_chain_));
    committed_ids_.push_back(record->header.record_id);
    return record->header.record_id;
}

Status CxRecorder::record_event(std::string_view actor, std::string_view event_type, std::string_view outcome,
                                std::string_view resource, std::string_view detail) {
    return record_event(actor, event_type, outcome, resource, detail, {});
}

Status CxRecorder::record_event(std::string_view actor, std::string_view event_type, std::string_view outcome,
                                std::string_view resource, std::string_view detail,
                                const std::vector<store::CounterDelta>& counters) {
    store::BusinessStep step;
    step.journal.push_back(journal_line(actor, event_type, outcome, resource, detail));
    step.counters.push_back({"events." + std::string(event_type), 1});
    step.counters.insert(step.counters.end(), counters.begin(), counters.end());
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
