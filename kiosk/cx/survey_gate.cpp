#include "kiosk/cx/survey_gate.hpp"

namespace kiosk {

std::string_view to_string(SurveyNotAsked why) {
    switch (why) {
        case SurveyNotAsked::Disabled: return "surveys are off";
        case SurveyNotAsked::NoCard: return "no card";
        case SurveyNotAsked::NotCompleted: return "no completed transaction";
        case SurveyNotAsked::Failure: return "a failure on this visit";
        case SurveyNotAsked::ProblemReported: return "a problem reported";
        case SurveyNotAsked::AskedRecently: return "asked within the period";
        case SurveyNotAsked::InAHurry: return "the visit took long";
    }
    return "unknown";
}

SurveyDecision SurveyGate::decide(const SurveyVisit& visit, TimePoint now) const {
    const auto no = [](SurveyNotAsked why) { return SurveyDecision{why}; };
    if (!config_.enabled) return no(SurveyNotAsked::Disabled);
    if (!visit.has_token) return no(SurveyNotAsked::NoCard);
    if (!visit.approved_transaction || !visit.completed) return no(SurveyNotAsked::NotCompleted);
    if (visit.had_failure) return no(SurveyNotAsked::Failure);
    if (visit.problem_reported) return no(SurveyNotAsked::ProblemReported);
    // A last-asked time after now (the clock was set back) counts as recent: never ask twice.
    if (visit.last_asked && now - *visit.last_asked < config_.period) return no(SurveyNotAsked::AskedRecently);
    if (visit.duration > config_.skip_when_longer_than) return no(SurveyNotAsked::InAHurry);
    return SurveyDecision{};
}

bool SurveyGate::draw_nps_sample() {
    if (config_.nps_sample_percent <= 0) return false;
    if (config_.nps_sample_percent >= 100) return true;
    return random_.below(100) < static_cast<std::uint64_t>(config_.nps_sample_percent);
}

}  // namespace kiosk
