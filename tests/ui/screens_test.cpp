// Every ScreenId has its own screen: a distinct file name and its own title.
#include "ui/screens.hpp"

#include <gtest/gtest.h>

#include <set>

namespace kiosk::ui {
namespace {

TEST(Screens, EveryScreenIdHasItsOwnSpec) {
    const auto screens = all_screens();
    ASSERT_EQ(screens.size(), static_cast<std::size_t>(ScreenId::ServiceLeaving) + 1);
    std::set<std::string_view> names;
    std::set<std::string_view> titles;
    for (std::size_t i = 0; i < screens.size(); ++i) {
        const auto id = static_cast<ScreenId>(i);
        EXPECT_EQ(screen_spec(id).id, id);
        EXPECT_TRUE(names.insert(screen_spec(id).name).second) << screen_spec(id).name;
        EXPECT_TRUE(titles.insert(screen_spec(id).title_key).second) << screen_spec(id).title_key;
    }
}

TEST(Screens, PinAndBalanceScreensCarryTheirWidgets) {
    EXPECT_EQ(screen_spec(ScreenId::EnterPin).widget, ScreenWidget::PinField);
    EXPECT_EQ(screen_spec(ScreenId::BalanceDisplay).widget, ScreenWidget::Balance);
    EXPECT_EQ(screen_spec(ScreenId::MoreTime).widget, ScreenWidget::Countdown);
}

TEST(Screens, TheFlowScreensCarryTheirWidgets) {
    EXPECT_EQ(screen_spec(ScreenId::EnterNewPin).widget, ScreenWidget::PinField);
    EXPECT_EQ(screen_spec(ScreenId::ConfirmNewPin).widget, ScreenWidget::PinField);
    EXPECT_EQ(screen_spec(ScreenId::EnterAmount).widget, ScreenWidget::AmountField);
    EXPECT_EQ(screen_spec(ScreenId::CardlessEntry).widget, ScreenWidget::EntryField);
    EXPECT_EQ(screen_spec(ScreenId::MiniStatement).widget, ScreenWidget::Statement);
    EXPECT_EQ(screen_spec(ScreenId::TakeCash).widget, ScreenWidget::Amount);
    EXPECT_EQ(screen_spec(ScreenId::ReceiptQr).widget, ScreenWidget::QrCode);
    EXPECT_EQ(screen_spec(ScreenId::Dispensing).widget, ScreenWidget::Activity);
    EXPECT_EQ(screen_spec(ScreenId::WithdrawalAmount).button_columns, 3);
}

TEST(Screens, CardlessEntryTitleFollowsTheField) {
    ViewModel vm;
    vm.screen = ScreenId::CardlessEntry;
    EXPECT_EQ(screen_text(vm).title_key, "cardless.code_title");
    vm.entry_field = EntryField::PhoneNumber;
    EXPECT_EQ(screen_text(vm).title_key, "cardless.phone_title");
    EXPECT_EQ(screen_text(vm).body_key, "cardless.phone_body");
}

// A report that could not be stored is not "received": the title says so and the apology stands alone.
TEST(Screens, AComplaintThatWasNotRecordedIsNotTitledReceived) {
    ViewModel vm;
    vm.screen = ScreenId::ComplaintDone;
    vm.message_key = "complaint.slip_printed";
    EXPECT_EQ(screen_text(vm).title_key, "complaint_done.title");
    vm.message_key = "complaint.not_recorded";
    EXPECT_EQ(screen_text(vm).title_key, "complaint_done.not_recorded_title");
    EXPECT_TRUE(screen_text(vm).body_key.empty());
}

// Card reader down: "insert your card" would contradict the notice, so the notice replaces it.
TEST(Screens, AttractDropsInsertYourCardWhenCardsCannotBeUsed) {
    ViewModel vm;
    vm.screen = ScreenId::Attract;
    EXPECT_EQ(screen_text(vm).body_key, "attract.body");
    vm.message_key = "attract.cards_unavailable";
    EXPECT_EQ(screen_text(vm).title_key, "attract.title");
    EXPECT_TRUE(screen_text(vm).body_key.empty());
}

TEST(Screens, OnlyCardUnreadableImpliesItsMessage) {
    for (const ScreenSpec& spec : all_screens()) {
        EXPECT_EQ(spec.implied_message_key.empty(), spec.id != ScreenId::CardUnreadable) << spec.name;
    }
}

}  // namespace
}  // namespace kiosk::ui
