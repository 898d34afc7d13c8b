// The buttons a screen actually shows. Most screens show the view-model's `buttons` as they are;
// a few make their own from view-model data first (the offered transactions, fast-cash amounts,
// accounts, the accessibility toggles) and then append `buttons` (Cancel, Continue, …). Layout,
// drawing and hit-testing all use this one list, so a button is touchable exactly where drawn.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.hpp"
#include "ui/view_model.hpp"

namespace kiosk::ui {

struct ShownButton {
    Button button;                     // action, label key (may be empty when `amount` is the label), enabled
    std::optional<Money> amount;       // drawn as the label; `button.label_key` becomes a note line under it
    std::string data;                  // literal data after the translated label: a masked account number
    std::optional<Money> note_amount;  // a second, smaller line: an account's balance
    std::optional<bool> on;            // a toggle: its state is drawn as a switch
    bool marked = false;               // personalization ("Your usual"): drawn with a distinct look
    std::optional<int> face;           // Survey: the score 1–5 whose face is drawn left of the label
    bool chip = false;                 // SurveyReasons: a toggle whose switch alone shows its state (two label lines)
};

// Action ids of the generated buttons (docs/ui.md). Amounts and accounts are numbered by their
// index in the view-model's list: "amount_0", "account_1".
inline constexpr const char* kUsualAmountAction = "amount_usual";
[[nodiscard]] std::string fast_cash_action(std::size_t index);
[[nodiscard]] std::string account_action(std::size_t index);
// The survey's generated buttons: "survey_csat_1" … "survey_csat_5", "survey_nps_0" … "survey_nps_10".
[[nodiscard]] std::string survey_csat_action(int score);
[[nodiscard]] std::string survey_nps_action(int score);
// The survey's way out ("survey_skip"): drawn, like Cancel, with the quieter look.
inline constexpr const char* kSurveySkipAction = "survey_skip";
// Cancel and Skip: the ways out, drawn outlined and quieter so the way forward stands out.
[[nodiscard]] inline bool is_way_out(std::string_view action) { return action == "cancel" || action == kSurveySkipAction; }

[[nodiscard]] std::vector<ShownButton> shown_buttons(const ViewModel& vm);

}  // namespace kiosk::ui
