// Button geometry and hit-testing: big targets, inside the screen, never overlapping each other
// or the card, and a touch at a button's centre returns exactly that enabled button's action.
#include "ui/layout.hpp"

#include <gtest/gtest.h>

#include "ui/sample_view_models.hpp"
#include "ui/screens.hpp"
#include "ui/shown_buttons.hpp"

namespace kiosk::ui {
namespace {

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

ViewModel with_buttons(std::size_t count) {
    ViewModel vm;
    vm.screen = ScreenId::MainMenu;
    for (std::size_t i = 0; i < count; ++i) vm.buttons.push_back({"a" + std::to_string(i), "menu.balance", true});
    return vm;
}

// Every button a big target, inside the screen, clear of header, card and each other; the card
// keeps room for its text.
void expect_buttons_large_and_apart(const ScreenLayout& layout) {
    const std::size_t count = layout.buttons.size();
    for (std::size_t i = 0; i < count; ++i) {
        const Rect& r = layout.buttons[i].rect;
        EXPECT_GE(r.h, 80);
        EXPECT_GE(r.w, 300);
        EXPECT_GE(r.x, 0);
        EXPECT_LE(r.right(), kScreenWidth);
        EXPECT_LE(r.bottom(), kScreenHeight);
        EXPECT_FALSE(overlaps(r, layout.card)) << "button " << i << " of " << count;
        EXPECT_FALSE(overlaps(r, layout.header));
        for (std::size_t j = i + 1; j < count; ++j) EXPECT_FALSE(overlaps(r, layout.buttons[j].rect));
    }
    EXPECT_GE(layout.card.h, 200) << count << " buttons leave too little room for the card";
}

TEST(Layout, ButtonsAreLargeInsideTheScreenAndApart) {
    for (const bool large : {false, true}) {
        for (std::size_t count = 1; count <= kMaxButtons; ++count) {
            ViewModel vm = with_buttons(count);
            vm.accessibility.large_text = large;
            const ScreenLayout layout = layout_screen(vm);
            ASSERT_EQ(layout.buttons.size(), count);
            expect_buttons_large_and_apart(layout);
        }
    }
}

TEST(Layout, LargeTextMakesButtonsTaller) {
    ViewModel vm = with_buttons(2);
    const int normal = layout_screen(vm).buttons[0].rect.h;
    vm.accessibility.large_text = true;
    EXPECT_GT(layout_screen(vm).buttons[0].rect.h, normal);
}

TEST(Layout, ALoneLastButtonSitsBottomRight) {
    const ScreenLayout one = layout_screen(with_buttons(1));
    EXPECT_EQ(one.buttons[0].rect.right(), kScreenWidth - kMarginX);
    EXPECT_EQ(one.buttons[0].rect.bottom(), kScreenHeight - kBottomMargin);
    const ScreenLayout three = layout_screen(with_buttons(3));
    EXPECT_EQ(three.buttons[2].rect.x, three.buttons[1].rect.x);
    EXPECT_GT(three.buttons[2].rect.y, three.buttons[1].rect.y);
}

TEST(Layout, TheAmountGridHasThreeColumnsAndPushesAShortLastRowRight) {
    for (const bool large : {false, true}) {
        for (std::size_t count = 1; count <= kMaxGridButtons; ++count) {
            ViewModel vm;
            vm.screen = ScreenId::WithdrawalAmount;
            vm.accessibility.large_text = large;
            for (std::size_t i = 0; i < count; ++i) vm.fast_cash.push_back(Money{10000, "CNY", 2});
            const ScreenLayout layout = layout_screen(vm);
            ASSERT_EQ(layout.buttons.size(), count);
            expect_buttons_large_and_apart(layout);
            EXPECT_EQ(layout.buttons.back().rect.right(), kScreenWidth - kMarginX) << count;
            EXPECT_EQ(layout.buttons.back().rect.bottom(), kScreenHeight - kBottomMargin) << count;
        }
    }
    EXPECT_EQ(max_buttons(ScreenId::WithdrawalAmount), kMaxGridButtons);
    EXPECT_EQ(max_buttons(ScreenId::MainMenu), kMaxButtons);
}

TEST(Layout, NoButtonsGivesTheCardTheWholeBody) {
    const ScreenLayout layout = layout_screen(ViewModel{});
    EXPECT_TRUE(layout.buttons.empty());
    EXPECT_EQ(layout.card.bottom(), kScreenHeight - kBottomMargin);
}

TEST(Layout, ButtonsBeyondTheMaximumAreNotPlaced) {
    const ViewModel vm = with_buttons(kMaxButtons + 2);
    EXPECT_EQ(layout_screen(vm).buttons.size(), kMaxButtons);
    EXPECT_FALSE(hit_test(vm, 0, 0).has_value());
}

TEST(HitTest, EveryButtonCentreOfEverySampleScreenReturnsItsAction) {
    for (const ScreenSpec& spec : all_screens()) {
        for (const bool large : {false, true}) {
            const ViewModel vm = sample_view_model(spec.id, Language::English, Accessibility{large, false});
            const auto shown = shown_buttons(vm);
            EXPECT_EQ(layout_screen(vm).buttons.size(), shown.size()) << spec.name << ": a button was not placed";
            for (const ButtonSlot& slot : layout_screen(vm).buttons) {
                const Button& button = shown[slot.index].button;
                const auto hit = hit_test(vm, slot.rect.x + slot.rect.w / 2, slot.rect.y + slot.rect.h / 2);
                if (button.enabled) {
                    EXPECT_EQ(hit, button.action) << spec.name;
                } else {
                    EXPECT_FALSE(hit.has_value()) << spec.name << ": disabled " << button.action << " answered";
                }
            }
        }
    }
}

TEST(HitTest, EdgesAreExactAndOutsideIsNothing) {
    const ViewModel vm = sample_view_model(ScreenId::ReceiptChoice, Language::English);
    const Rect r = layout_screen(vm).buttons[0].rect;
    EXPECT_EQ(hit_test(vm, r.x, r.y), "receipt_no");
    EXPECT_EQ(hit_test(vm, r.right() - 1, r.bottom() - 1), "receipt_no");
    EXPECT_FALSE(hit_test(vm, r.x - 1, r.y).has_value());
    EXPECT_FALSE(hit_test(vm, r.right() + 1, r.y + 10).has_value());  // in the gap between buttons
    EXPECT_FALSE(hit_test(vm, r.x, r.bottom()).has_value());
    EXPECT_FALSE(hit_test(vm, kScreenWidth / 2, 300).has_value());  // on the card
    EXPECT_FALSE(hit_test(vm, 10, 10).has_value());                 // on the header
    EXPECT_FALSE(hit_test(vm, -5, 700).has_value());
}

TEST(HitTest, DisabledButtonAnswersNothing) {
    ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::English);
    vm.menu->withdrawal = Offer::Unavailable;
    const Rect withdrawal = layout_screen(vm).buttons[0].rect;
    EXPECT_FALSE(hit_test(vm, withdrawal.x + 20, withdrawal.y + 20).has_value());
    vm.menu->withdrawal = Offer::Available;
    EXPECT_EQ(hit_test(vm, withdrawal.x + 20, withdrawal.y + 20), "withdrawal");
}

}  // namespace
}  // namespace kiosk::ui
