// [survey]: when the kiosk asks its one-question survey after a transaction (docs/configuration.md,
// docs/flow.md "The survey"). Plain values, read by kiosk/config and used by the survey gate.
#pragma once

#include <chrono>

#include "common/clock.hpp"

namespace kiosk {

struct SurveyConfig {
    bool enabled = true;                               // survey.enabled
    // A customer (by card token) is asked at most once in this period (survey.period_days).
    Millis period{std::chrono::hours(24 * 30)};
    int nps_sample_percent = 10;                       // survey.nps_sample_percent, 0–100 of the visits asked
    Millis time_limit{10'000};                         // survey.time_limit_s, 1–10: the whole survey
    // A visit that took longer than this (card in to card and cash out) is in a hurry: not asked.
    Millis skip_when_longer_than{std::chrono::minutes(3)};  // survey.skip_when_longer_than_s
};

}  // namespace kiosk
