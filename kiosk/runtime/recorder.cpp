#include "kiosk/runtime/recorder.hpp"

namespace kiosk {

void Recorder::journal(std::string_view actor, std::string_view event, std::string_view outcome,
                       std::string_view resource, std::string_view detail) {
    if (auto status = sink_.record_event(actor, event, outcome, resource, detail); !status.ok()) {
        note_("journal: " + status.error().to_string());
    }
}

void Recorder::journal(std::string_view actor, std::string_view event, std::string_view outcome,
                       std::string_view resource, std::string_view detail,
                       const std::vector<store::CounterDelta>& counters) {
    if (auto status = sink_.record_event_with_counters(actor, event, outcome, resource, detail, counters);
        !status.ok()) {
        note_("journal: " + status.error().to_string());
    }
}

void Recorder::transaction(const Session& session, const TransactionRecord& record) {
    if (auto status = sink_.record_transaction(session, record); !status.ok()) {
        note_("recording the transaction failed: " + status.error().to_string());
    }
}

void Recorder::journey(const Session& session, ui::Language language, flow::SessionOutcome outcome) {
    if (auto status = sink_.record_journey(session, language, outcome); !status.ok()) {
        note_("recording the journey failed: " + status.error().to_string());
    }
}

std::optional<std::string> Recorder::complaint(const Session& session, const ComplaintReport& report) {
    auto reference = sink_.record_complaint(session, report);
    if (!reference.ok()) {
        note_("recording the complaint failed: " + reference.error().to_string());
        return std::nullopt;
    }
    return *reference;
}

void Recorder::availability(const std::vector<store::AvailabilityDelta>& deltas) {
    if (auto status = sink_.record_availability(deltas); !status.ok()) {
        note_("recording the service availability failed: " + status.error().to_string());
    }
}

void Recorder::survey(const Session& session, const SurveyRecord& survey) {
    if (auto status = sink_.record_survey(session, survey); !status.ok()) {
        note_("recording the survey failed: " + status.error().to_string());
    }
}

std::optional<TimePoint> Recorder::last_survey_asked(std::string_view pan_token, TimePoint now) {
    auto asked = sink_.last_survey_asked(pan_token);
    if (!asked.ok()) {
        note_("reading when the card was last surveyed failed: " + asked.error().to_string());
        return now;
    }
    return *asked;
}

}  // namespace kiosk
