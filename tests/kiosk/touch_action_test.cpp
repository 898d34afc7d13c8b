// Touch actions: the button ids the ui sends back, parsed once into typed actions.
#include "kiosk/runtime/touch_action.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

namespace events = flow::events;

TEST(TouchAction, ParsesEveryCommandAndItsEvent) {
    const std::vector<std::pair<std::string, flow::Event>> commands{
        {"cancel", events::Cancel{}},
        {"continue", events::Continue{}},
        {"balance", events::ChooseBalance{}},
        {"withdrawal", events::ChooseWithdrawal{}},
        {"mini_statement", events::ChooseMiniStatement{}},
        {"transfer", events::ChooseTransfer{}},
        {"change_pin", events::ChooseChangePin{}},
        {"other_amount", events::ChooseOtherAmount{}},
        {"cardless", events::ChooseCardless{}},
        {"receipt_yes", events::ReceiptYes{}},
        {"receipt_no", events::ReceiptNo{}},
        {"more_time_yes", events::MoreTimeYes{}},
        {"more_time_no", events::MoreTimeNo{}},
        {"another_yes", events::AnotherYes{}},
        {"another_no", events::AnotherNo{}},
        {"survey_skip", events::SurveySkip{}},
        {"survey_done", events::SurveyDone{}},
        {"report_problem", events::ReportProblem{}},
        {"complaint_send", events::SendComplaint{}},
    };
    for (const auto& [id, event] : commands) {
        const std::optional<TouchAction> parsed = parse_touch_action(id);
        ASSERT_TRUE(parsed.has_value()) << id;
        ASSERT_TRUE(std::holds_alternative<TouchCommand>(*parsed)) << id;
        EXPECT_EQ(event_for(std::get<TouchCommand>(*parsed)), event) << id;
        EXPECT_EQ(action_id(*parsed), id);
    }
}

TEST(TouchAction, ComplaintCategoriesAreNumberedAndAnyTwoDigitIndexParses) {
    EXPECT_EQ(parse_touch_action("complaint_category_0"), TouchAction(ComplaintChoice{0}));
    EXPECT_EQ(action_id(ComplaintChoice{4}), "complaint_category_4");
    // Past the five it still parses: the flow refuses the category it names (flow_complaint_test).
    EXPECT_EQ(parse_touch_action("complaint_category_7"), TouchAction(ComplaintChoice{7}));
    EXPECT_FALSE(parse_touch_action("complaint_category_100").has_value());
    EXPECT_FALSE(parse_touch_action("complaint_category_x").has_value());
}

TEST(TouchAction, ParsesLanguagesOptionsAndTheUsualAmount) {
    EXPECT_EQ(parse_touch_action("lang_en"), TouchAction(ui::Language::English));
    EXPECT_EQ(parse_touch_action("lang_zh"), TouchAction(ui::Language::SimplifiedChinese));
    EXPECT_EQ(parse_touch_action("large_text"), TouchAction(flow::SessionOption::LargeText));
    EXPECT_EQ(parse_touch_action("high_contrast"), TouchAction(flow::SessionOption::HighContrast));
    EXPECT_EQ(parse_touch_action("speech"), TouchAction(flow::SessionOption::Speech));
    EXPECT_EQ(parse_touch_action("amount_usual"), TouchAction(UsualAmount{}));
    for (const char* id : {"lang_en", "lang_zh", "large_text", "high_contrast", "speech", "amount_usual"}) {
        EXPECT_EQ(action_id(*parse_touch_action(id)), id);
    }
}

TEST(TouchAction, ParsesNumberedAmountsAndAccounts) {
    EXPECT_EQ(parse_touch_action("amount_0"), TouchAction(AmountChoice{0}));
    EXPECT_EQ(parse_touch_action("amount_4"), TouchAction(AmountChoice{4}));
    EXPECT_EQ(parse_touch_action("amount_99"), TouchAction(AmountChoice{99}));
    EXPECT_EQ(parse_touch_action("account_1"), TouchAction(AccountChoice{1}));
    EXPECT_EQ(action_id(AmountChoice{3}), "amount_3");
    EXPECT_EQ(action_id(AccountChoice{0}), "account_0");
}

// The survey's numbered buttons keep the number as touched: the flow refuses one out of range.
TEST(TouchAction, ParsesSurveyScoresAndReasonTags) {
    EXPECT_EQ(parse_touch_action("survey_csat_1"), TouchAction(SurveyScore{1}));
    EXPECT_EQ(parse_touch_action("survey_csat_9"), TouchAction(SurveyScore{9}));
    EXPECT_EQ(parse_touch_action("survey_nps_10"), TouchAction(NpsScore{10}));
    EXPECT_EQ(parse_touch_action("survey_reason_hard_to_use"), TouchAction(flow::SurveyReason::HardToUse));
    EXPECT_EQ(survey_event_for(SurveyScore{2}), std::optional<flow::Event>(events::SurveyRated(2)));
    EXPECT_EQ(survey_event_for(NpsScore{0}), std::optional<flow::Event>(events::NpsRated(0)));
    EXPECT_EQ(survey_event_for(flow::SurveyReason::Cash), std::optional<flow::Event>(events::SurveyReasonToggled(flow::SurveyReason::Cash)));
    EXPECT_EQ(survey_event_for(AmountChoice{1}), std::nullopt);
    for (const flow::SurveyReason reason : flow::all_survey_reasons()) {
        EXPECT_EQ(parse_touch_action(action_id(reason)), TouchAction(reason));
    }
    EXPECT_EQ(action_id(SurveyScore{5}), "survey_csat_5");
    EXPECT_EQ(action_id(NpsScore{7}), "survey_nps_7");
    for (const char* id : {"survey_reason_", "survey_reason_bored", "survey_csat_", "survey_csat_100", "survey_nps_x"}) {
        EXPECT_EQ(parse_touch_action(id), std::nullopt) << id;
    }
}

TEST(TouchAction, RefusesUnknownIds) {
    for (const char* id : {"", "nonsense", "Cancel", "cancel ", "lang_fr", "amount", "amount_", "account_",
                           "amount_x", "amount_-1", "amount_1a", "account_+1", "usual"}) {
        EXPECT_FALSE(parse_touch_action(id).has_value()) << "'" << id << "'";
    }
}

TEST(TouchAction, RefusesIndexesOutOfRange) {
    // Two digits at most: no screen offers a hundred buttons, and a long number cannot overflow.
    EXPECT_FALSE(parse_touch_action("amount_100").has_value());
    EXPECT_FALSE(parse_touch_action("account_123").has_value());
    EXPECT_FALSE(parse_touch_action("amount_99999999999999999999999").has_value());
}

}  // namespace
}  // namespace kiosk
