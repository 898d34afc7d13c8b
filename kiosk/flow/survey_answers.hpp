// The post-transaction survey as the flow holds it (docs/flow.md, "The survey"): the reason tags a
// low score may add, how a shown survey ended, and what the customer answered so far. The ranges
// live here once: the flow refuses a score outside them (no row is taken), so none is ever stored.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace kiosk::flow {

// The follow-up tags after a score of 1–2 (docs/cx-records.md, `survey`).
enum class SurveyReason { Waiting, HardToUse, Cash, Card, Receipt, Other };

// How a shown survey ended: `answered` once the satisfaction score was given (a skipped follow-up
// keeps the answer), `skipped` by the one-touch Skip before any answer, `timed_out` when the
// survey's one timer ran out (with what was answered by then).
enum class SurveyStatus { Answered, Skipped, TimedOut };

inline constexpr int kCsatMin = 1;
inline constexpr int kCsatMax = 5;
inline constexpr int kCsatLowMax = 2;  // 1–2 asks for reasons
inline constexpr int kNpsMin = 0;
inline constexpr int kNpsMax = 10;

[[nodiscard]] constexpr bool valid_csat(int score) { return score >= kCsatMin && score <= kCsatMax; }
[[nodiscard]] constexpr bool valid_nps(int score) { return score >= kNpsMin && score <= kNpsMax; }

// The runtime's survey gate said yes (kiosk/cx/survey_gate.hpp); `nps` when this visit is in the
// NPS sample.
struct SurveyOffer {
    bool nps = false;
    friend bool operator==(const SurveyOffer&, const SurveyOffer&) = default;
};

struct SurveyAnswers {
    bool nps_asked = false;
    std::optional<int> csat;
    std::vector<SurveyReason> reasons;  // in the order chosen, each at most once
    std::optional<int> nps;
    std::optional<SurveyStatus> status;  // set when the survey ends
    friend bool operator==(const SurveyAnswers&, const SurveyAnswers&) = default;
};

// Every reason, in the order the screen shows them.
std::span<const SurveyReason> all_survey_reasons();
// One of the enumerators (a value cast from an outside number may be none).
[[nodiscard]] bool is_known(SurveyReason reason);
// "waiting", "hard_to_use", "cash", "card", "receipt", "other": the record's and the touch ids' names.
std::string_view to_string(SurveyReason reason);
std::optional<SurveyReason> survey_reason_named(std::string_view name);
// "answered", "skipped", "timed_out".
std::string_view to_string(SurveyStatus status);

}  // namespace kiosk::flow
