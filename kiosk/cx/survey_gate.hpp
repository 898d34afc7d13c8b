// SurveyGate: whether this visit may end with the survey, by the fatigue rules of issue 10 — on,
// an approved transaction completed, no failure on the way and no problem reported, this card not
// asked within the period, the customer not in a hurry — and whether it is in the NPS sample. Pure
// but for the sample's draw, which comes from the injected RandomSource (seeded in tests).
#pragma once

#include <optional>
#include <string_view>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "kiosk/cx/survey_config.hpp"
#include "kiosk/flow/survey_answers.hpp"

namespace kiosk {

// Why a visit is not asked (the runtime's note, the tests).
enum class SurveyNotAsked {
    Disabled,         // survey.enabled = false
    NoCard,           // cardless: no token to respect the period by
    NotCompleted,     // no approved transaction, or the visit was cancelled or failed
    Failure,          // a device fault, decline or host failure on the way
    ProblemReported,  // the customer opened "Report a problem"
    AskedRecently,    // this card was asked within survey.period_days
    InAHurry,         // the visit took longer than survey.skip_when_longer_than_s
};

std::string_view to_string(SurveyNotAsked why);

// What the runtime knows of the visit when the gate is asked.
struct SurveyVisit {
    bool has_token = false;            // a card's keyed token (not cardless)
    bool approved_transaction = false; // the host approved a transaction on this visit
    bool completed = false;            // no failure or cancel closes it (flow::outcome_of: completed)
    bool had_failure = false;          // JourneyLog::had_failure()
    bool problem_reported = false;     // Session::problem_reported
    Millis duration{0};                // from the visit's first screen to now
    std::optional<TimePoint> last_asked;  // when this token was last shown a survey
};

struct SurveyDecision {
    std::optional<SurveyNotAsked> not_asked;  // none: ask
    [[nodiscard]] bool ask() const { return !not_asked; }
};

class SurveyGate {
public:
    SurveyGate(SurveyConfig config, RandomSource& random) : config_(config), random_(random) {}

    // The rules in the order above; the first that says no is the answer.
    [[nodiscard]] SurveyDecision decide(const SurveyVisit& visit, TimePoint now) const;
    // One draw per visit: true for nps_sample_percent of the visits.
    [[nodiscard]] bool draw_nps_sample();

    [[nodiscard]] const SurveyConfig& config() const { return config_; }

private:
    SurveyConfig config_;
    RandomSource& random_;
};

}  // namespace kiosk
