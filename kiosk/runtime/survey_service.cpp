#include "kiosk/runtime/survey_service.hpp"

#include "kiosk/flow/session_outcome.hpp"
#include "kiosk/runtime/recorder.hpp"

namespace kiosk {

void SurveyService::transaction_answered(bool approved) {
    if (approved) visit_.approved = true;
}

std::optional<flow::SurveyOffer> SurveyService::offer(const Session& session, const flow::Context& context) {
    if (session.number == 0) return std::nullopt;
    const TimePoint now = ports_.clock.now();
    SurveyVisit visit;
    visit.has_token = !session.pan_token.empty();
    visit.approved_transaction = visit_.approved;
    visit.completed = flow::outcome_of(context) == flow::SessionOutcome::Completed;
    visit.had_failure = session.journey.had_failure();
    visit.problem_reported = session.problem_reported;
    const std::optional<TimePoint> started = session.journey.started();
    visit.duration = started ? std::chrono::duration_cast<Millis>(now - *started) : Millis{0};
    // The store is read, and the sample drawn, only once every other rule holds (and once a visit).
    if (!gate_.decide(visit, now).ask()) return std::nullopt;
    if (!visit_.last_asked_read) {
        visit_.last_asked = ports_.recorder.last_survey_asked(session.pan_token, now);
        visit_.last_asked_read = true;
    }
    visit.last_asked = visit_.last_asked;
    if (!gate_.decide(visit, now).ask()) return std::nullopt;
    if (!visit_.nps_sampled) visit_.nps_sampled = gate_.draw_nps_sample();
    return flow::SurveyOffer{*visit_.nps_sampled};
}

void SurveyService::shown(Session& session) {
    const TimePoint now = ports_.clock.now();
    visit_.shown = now;
    session.journey.survey("shown", now);
}

void SurveyService::record(Session& session, const flow::SurveyAnswers& answers, ui::Language language) {
    const TimePoint now = ports_.clock.now();
    const TimePoint shown = visit_.shown.value_or(now);
    if (answers.status) session.journey.survey(flow::to_string(*answers.status), now);
    ports_.recorder.survey(session, SurveyRecord{answers, language, shown, std::chrono::duration_cast<Millis>(now - shown)});
}

}  // namespace kiosk
