// What a touched button means to the kiosk. The ui hands back a button's action id, a string (ui/
// may not include kiosk/, docs/ui.md lists the ids); the runtime parses it here, once, into a
// typed TouchAction and switches on that (Runtime::touch). The ids the kiosk puts on its own
// buttons come from the same table (action_id), so the two cannot drift apart.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/flow/flow_types.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

// The buttons that stand for one flow event each (event_for).
enum class TouchCommand {
    Cancel,
    Continue,
    Balance,
    Withdrawal,
    MiniStatement,
    Transfer,
    ChangePin,
    OtherAmount,
    Cardless,
    ReceiptYes,
    ReceiptNo,
    MoreTimeYes,
    MoreTimeNo,
    AnotherYes,
    AnotherNo,
    SurveySkip,
    SurveyDone,
    ReportProblem,   // "report_problem": the header control, "Report it", "Change" on the confirmation
    SendComplaint,   // "complaint_send"
};

// "amount_0", "amount_1", …: the i-th fast-cash amount the screen offered.
struct AmountChoice {
    std::size_t index;
    friend bool operator==(const AmountChoice&, const AmountChoice&) = default;
};
// "amount_usual": the customer's usual amount (personalization).
struct UsualAmount {
    friend bool operator==(const UsualAmount&, const UsualAmount&) = default;
};
// "account_0", "account_1", …: the i-th account of offered_accounts().
struct AccountChoice {
    std::size_t index;
    friend bool operator==(const AccountChoice&, const AccountChoice&) = default;
};

// "survey_csat_1" … : a satisfaction face; "survey_nps_0" … : an NPS answer. The number is kept as
// given (one or two digits): the flow, not the parser, refuses one outside its range.
struct SurveyScore {
    int score;
    friend bool operator==(const SurveyScore&, const SurveyScore&) = default;
};
struct NpsScore {
    int score;
    friend bool operator==(const NpsScore&, const NpsScore&) = default;
};

// "complaint_category_0" …: the i-th of flow::kComplaintCategories. Not checked here: the flow
// refuses a category outside the five (an index past them becomes such a category).
struct ComplaintChoice {
    std::size_t index;
    friend bool operator==(const ComplaintChoice&, const ComplaintChoice&) = default;
};

// A language button ("lang_en", "lang_zh"), an accessibility toggle ("large_text",
// "high_contrast", "speech"), a survey reason chip ("survey_reason_waiting", …), or one of the above.
using TouchAction = std::variant<TouchCommand, AmountChoice, UsualAmount, AccountChoice, ui::Language,
                                 flow::SessionOption, SurveyScore, NpsScore, flow::SurveyReason, ComplaintChoice>;

// The action an id names; nullopt for an id this kiosk does not know, or an index of more than
// two digits (no screen offers a hundred amounts).
std::optional<TouchAction> parse_touch_action(std::string_view action);

// The id a button for this action carries (parse_touch_action's inverse).
std::string action_id(const TouchAction& action);

// The flow event a command, score or reason button stands for; nullopt for the others (amounts,
// accounts, languages and options need the runtime's own data or are handled by it).
std::optional<flow::Event> survey_event_for(const TouchAction& action);

// The flow event a command button stands for.
flow::Event event_for(TouchCommand command);

}  // namespace kiosk
