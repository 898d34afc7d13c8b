// The buttons the flow screens make from view-model data: stable action ids and labels, offers
// honoured, and the view-model's own buttons appended after them.
#include "ui/shown_buttons.hpp"

#include <gtest/gtest.h>

namespace kiosk::ui {
namespace {

TEST(ShownButtons, PlainScreensShowTheirButtonsAsGiven) {
    ViewModel vm;
    vm.screen = ScreenId::ReceiptChoice;
    vm.buttons = {{"receipt_no", "receipt.no", true}, {"receipt_yes", "receipt.yes", false}};
    const auto shown = shown_buttons(vm);
    ASSERT_EQ(shown.size(), 2U);
    EXPECT_EQ(shown[1].button.action, "receipt_yes");
    EXPECT_FALSE(shown[1].button.enabled);
    EXPECT_FALSE(shown[0].amount || shown[0].on || shown[0].marked);
}

TEST(ShownButtons, MenuOffersHideOrGreyEachTransaction) {
    ViewModel vm;
    vm.screen = ScreenId::MainMenu;
    vm.menu = MenuOffers{Offer::Hidden, Offer::Available, Offer::Available, true, Offer::Unavailable,
                         Offer::Available};
    vm.buttons = {{"cancel", "action.cancel", true}};
    const auto shown = shown_buttons(vm);
    ASSERT_EQ(shown.size(), 5U);
    EXPECT_EQ(shown[0].button.action, "balance");
    EXPECT_EQ(shown[1].button.label_key, "menu.mini_statement_screen");
    EXPECT_EQ(shown[2].button.action, "transfer");
    EXPECT_FALSE(shown[2].button.enabled);
    EXPECT_EQ(shown[3].button.action, "change_pin");
    EXPECT_EQ(shown[4].button.action, "cancel");
}

TEST(ShownButtons, AmountsAreNumberedByTheirIndexAndTheUsualComesFirst) {
    ViewModel vm;
    vm.screen = ScreenId::WithdrawalAmount;
    vm.fast_cash = {Money{10000, "CNY", 2}, Money{20000, "CNY", 2}};
    vm.buttons = {{"other_amount", "amount.other", true}};
    auto shown = shown_buttons(vm);
    ASSERT_EQ(shown.size(), 3U);
    EXPECT_EQ(shown[0].button.action, "amount_0");
    EXPECT_EQ(shown[1].button.action, "amount_1");
    EXPECT_EQ(*shown[1].amount, (Money{20000, "CNY", 2}));
    vm.usual_amount = Money{80000, "CNY", 2};
    shown = shown_buttons(vm);
    ASSERT_EQ(shown.size(), 4U);
    EXPECT_EQ(shown[0].button.action, kUsualAmountAction);
    EXPECT_TRUE(shown[0].marked);
    EXPECT_EQ(shown[0].button.label_key, "amount.usual");
    EXPECT_EQ(shown[1].button.action, "amount_0");  // indexes stay those of fast_cash
}

TEST(ShownButtons, AccountsCarryTheirMaskedNumberAndBalance) {
    ViewModel vm;
    vm.screen = ScreenId::AccountChoice;
    vm.accounts = {{"account.savings", "**** 5678", Money{100, "CNY", 2}}, {"account.current", "**** 9012", {}}};
    const auto shown = shown_buttons(vm);
    ASSERT_EQ(shown.size(), 2U);
    EXPECT_EQ(shown[1].button.action, "account_1");
    EXPECT_EQ(shown[0].data, "**** 5678");
    EXPECT_TRUE(shown[0].note_amount.has_value());
    EXPECT_FALSE(shown[1].note_amount.has_value());
}

TEST(ShownButtons, SessionOptionsTogglesFollowAccessibility) {
    ViewModel vm;
    vm.screen = ScreenId::SessionOptions;
    vm.language = Language::SimplifiedChinese;
    vm.accessibility = {true, false, true};
    const auto shown = shown_buttons(vm);
    ASSERT_EQ(shown.size(), 4U);
    EXPECT_EQ(shown[0].button.action, "lang_en");
    EXPECT_FALSE(shown[0].on.has_value());
    EXPECT_EQ(shown[1].on, true);
    EXPECT_EQ(shown[2].on, false);
    EXPECT_EQ(shown[3].button.action, "speech");
    EXPECT_EQ(shown[3].on, true);
}

TEST(ShownButtons, GeneratedButtonsOnlyOnTheirOwnScreens) {
    ViewModel vm;
    vm.screen = ScreenId::BalanceDisplay;
    vm.menu = MenuOffers{};
    vm.fast_cash = {Money{10000, "CNY", 2}};
    vm.accounts = {{"account.savings", "**** 5678", {}}};
    EXPECT_TRUE(shown_buttons(vm).empty());
}

}  // namespace
}  // namespace kiosk::ui
