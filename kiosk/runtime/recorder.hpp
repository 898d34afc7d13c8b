// Recorder: the runtime's one door to the electronic journal and the CX records. A record that
// cannot be written is a note for the operator, never a stop of the customer's visit (the
// store refuses the business step as a whole, so nothing half-written is left behind).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/cx/cx_recorder.hpp"

namespace kiosk {

// What the recorder writes to: the CX recorder in the kiosk, a fake in the services' tests.
class RecordSink {
public:
    virtual ~RecordSink() = default;
    virtual Status record_event(std::string_view actor, std::string_view event, std::string_view outcome,
                                std::string_view resource, std::string_view detail) = 0;
    // A journal line with counter changes in the same transaction (the cash ledger's notes). A sink
    // without counters (the services' tests) keeps the line.
    virtual Status record_event_with_counters(std::string_view actor, std::string_view event, std::string_view outcome,
                                              std::string_view resource, std::string_view detail,
                                              const std::vector<store::CounterDelta>& /*counters*/) {
        return record_event(actor, event, outcome, resource, detail);
    }
    virtual Status record_transaction(const Session& session, const TransactionRecord& record) = 0;
    virtual Status record_journey(const Session& session, ui::Language language, flow::SessionOutcome outcome) = 0;
    virtual Status record_survey(const Session& session, const SurveyRecord& survey) = 0;
    // When the token was last shown a survey (the survey gate's period); nullopt: never.
    virtual Result<std::optional<TimePoint>> last_survey_asked(std::string_view pan_token) = 0;
    // A problem report, committed with its journal line; returns its reference (KB-YYYYMMDD-XXXX).
    virtual Result<std::string> record_complaint(const Session& session, const ComplaintReport& report) = 0;
    // Time in and out of service; a sink that keeps no statistics (the services' tests) ignores it.
    virtual Status record_availability(const std::vector<store::AvailabilityDelta>& /*deltas*/) { return ok_status(); }
};

// The kiosk's sink: CxRecorder (journal chain, counters and outbox in one transaction each).
class CxRecordSink final : public RecordSink {
public:
    explicit CxRecordSink(CxRecorder& cx) : cx_(cx) {}
    Status record_event(std::string_view actor, std::string_view event, std::string_view outcome,
                        std::string_view resource, std::string_view detail) override {
        return cx_.record_event(actor, event, outcome, resource, detail);
    }
    Status record_event_with_counters(std::string_view actor, std::string_view event, std::string_view outcome,
                                      std::string_view resource, std::string_view detail,
                                      const std::vector<store::CounterDelta>& counters) override {
        return cx_.record_event(actor, event, outcome, resource, detail, counters);
    }
    Status record_transaction(const Session& session, const TransactionRecord& record) override {
        return cx_.record_transaction(session, record);
    }
    Status record_journey(const Session& session, ui::Language language, flow::SessionOutcome outcome) override {
        return cx_.record_journey(session, language, outcome);
    }
    Status record_survey(const Session& session, const SurveyRecord& survey) override {
        return cx_.record_survey(session, survey);
    }
    Result<std::optional<TimePoint>> last_survey_asked(std::string_view pan_token) override {
        return cx_.last_survey_asked(pan_token);
    }
    Status record_availability(const std::vector<store::AvailabilityDelta>& deltas) override {
        return cx_.record_availability(deltas);
    }
    Result<std::string> record_complaint(const Session& session, const ComplaintReport& report) override {
        return cx_.record_complaint(session, report);
    }

private:
    CxRecorder& cx_;
};

class Recorder {
public:
    Recorder(RecordSink& sink, std::function<void(const std::string&)> note) : sink_(sink), note_(std::move(note)) {}

    // One electronic-journal line (PCI DSS 10.2.2: who, what, outcome, which resource; when and
    // where are added by the sink).
    void journal(std::string_view actor, std::string_view event, std::string_view outcome, std::string_view resource,
                 std::string_view detail = {});
    // The same line with counter changes in its transaction (a dispense and its cash-ledger notes).
    void journal(std::string_view actor, std::string_view event, std::string_view outcome, std::string_view resource,
                 std::string_view detail, const std::vector<store::CounterDelta>& counters);
    void transaction(const Session& session, const TransactionRecord& record);
    void journey(const Session& session, ui::Language language, flow::SessionOutcome outcome);
    void availability(const std::vector<store::AvailabilityDelta>& deltas);
    void survey(const Session& session, const SurveyRecord& survey);
    // A store that cannot answer is a note, and counts as "asked just now": when in doubt the
    // customer is not asked (fatigue is the rule that must hold).
    [[nodiscard]] std::optional<TimePoint> last_survey_asked(std::string_view pan_token, TimePoint now);
    // The report's reference; nullopt (and a note) when it could not be recorded.
    std::optional<std::string> complaint(const Session& session, const ComplaintReport& report);

private:
    RecordSink& sink_;
    std::function<void(const std::string&)> note_;
};

}  // namespace kiosk
