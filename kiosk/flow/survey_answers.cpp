#include "kiosk/flow/survey_answers.hpp"

#include <array>

namespace kiosk::flow {

namespace {

constexpr std::array kReasons{SurveyReason::Waiting, SurveyReason::HardToUse, SurveyReason::Cash,
                              SurveyReason::Card,    SurveyReason::Receipt,   SurveyReason::Other};

}  // namespace

std::span<const SurveyReason> all_survey_reasons() { return kReasons; }

bool is_known(SurveyReason reason) {
    for (const SurveyReason known : kReasons) {
        if (known == reason) return true;
    }
    return false;
}

std::string_view to_string(SurveyReason reason) {
    switch (reason) {
        case SurveyReason::Waiting: return "waiting";
        case SurveyReason::HardToUse: return "hard_to_use";
        case SurveyReason::Cash: return "cash";
        case SurveyReason::Card: return "card";
        case SurveyReason::Receipt: return "receipt";
        case SurveyReason::Other: return "other";
    }
    return "unknown";
}

std::optional<SurveyReason> survey_reason_named(std::string_view name) {
    for (const SurveyReason reason : kReasons) {
        if (to_string(reason) == name) return reason;
    }
    return std::nullopt;
}

std::string_view to_string(SurveyStatus status) {
    switch (status) {
        case SurveyStatus::Answered: return "answered";
        case SurveyStatus::Skipped: return "skipped";
        case SurveyStatus::TimedOut: return "timed_out";
    }
    return "timed_out";
}

}  // namespace kiosk::flow
