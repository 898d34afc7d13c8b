// The PIN pad's key map (ui/key_map.hpp) on every sample screen, in both languages and every look:
// each enabled button has a key, no key chooses two things, function keys sit beside their buttons'
// rows, digits never choose where digits are typed, and Enter's focus starts on the way forward.
// Also the pressed look: the frame after a finger goes down differs at that button, and only there.
#include "ui/key_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "tests/ui/render_fixture.hpp"
#include "ui/layout.hpp"
#include "ui/offscreen_display.hpp"
#include "ui/sample_view_models.hpp"
#include "ui/screens.hpp"
#include "ui/shown_buttons.hpp"

namespace kiosk::ui {
namespace {

std::vector<ViewModel> every_sample() {
    std::vector<ViewModel> out;
    for (const ScreenSpec& spec : all_screens()) {
        for (const Language language : {Language::English, Language::SimplifiedChinese}) {
            for (const bool large : {false, true}) {
                out.push_back(sample_view_model(spec.id, language, Accessibility{large, false, false}));
            }
        }
    }
    return out;
}

std::string name_of(const ViewModel& vm) {
    return std::string(screen_spec(vm.screen).name) + (vm.language == Language::English ? "_en" : "_zh") +
           (vm.accessibility.large_text ? "_large" : "");
}

TEST(KeyMap, EveryEnabledButtonOfEverySampleHasAKeyAndNoKeyChoosesTwoThings) {
    for (const ViewModel& vm : every_sample()) {
        SCOPED_TRACE(name_of(vm));
        const std::vector<KeyBinding> bindings = key_bindings(vm);
        std::set<std::string> keys;
        for (const KeyBinding& binding : bindings) {
            EXPECT_TRUE(keys.insert(binding.key.label()).second) << binding.key.label() << " bound twice";
        }
        const std::vector<ShownButton> shown = shown_buttons(vm);
        for (const ButtonSlot& slot : layout_screen(vm).buttons) {
            const Button& button = shown[slot.index].button;
            const bool has_key = std::any_of(bindings.begin(), bindings.end(),
                                             [&](const KeyBinding& b) { return b.button == slot.index; });
            EXPECT_EQ(has_key, button.enabled) << button.action;
            for (const KeyBinding& binding : bindings) {
                if (binding.button == slot.index) {
                    EXPECT_EQ(binding.action, button.action);
                }
            }
        }
        if (vm.report_problem == Offer::Available) {
            const auto f5 = binding_for(vm, ChoiceKey::function(kReportProblemKey));
            ASSERT_TRUE(f5.has_value());
            EXPECT_EQ(f5->action, kReportProblemAction);
        }
    }
}

// The keys follow the panel: at 1080p the grid has three columns and other rows, and a function
// key must still choose the button drawn beside it there, not where 1024×768 would put it.
TEST(KeyMap, OnEveryPanelEachFunctionKeyChoosesTheButtonBesideIt) {
    for (const Viewport& panel : {viewport_for(1280, 1024), viewport_for(1920, 1080), viewport_for(1080, 1920),
                                  viewport_for(1920, 1080, 141.0)}) {
        for (const ViewModel& vm : every_sample()) {
            SCOPED_TRACE(name_of(vm) + " at " + std::to_string(panel.width) + "x" + std::to_string(panel.height));
            const ScreenLayout layout = layout_screen(vm, panel);
            const std::vector<KeyBinding> bindings = key_bindings(vm, panel);
            std::set<std::string> keys;
            for (const KeyBinding& binding : bindings) {
                EXPECT_TRUE(keys.insert(binding.key.label()).second) << binding.key.label() << " bound twice";
            }
            const std::vector<ShownButton> shown = shown_buttons(vm);
            for (const ButtonSlot& slot : layout.buttons) {
                const bool has_key = std::any_of(bindings.begin(), bindings.end(),
                                                 [&](const KeyBinding& b) { return b.button == slot.index; });
                EXPECT_EQ(has_key, shown[slot.index].button.enabled) << shown[slot.index].button.action;
            }
            for (const KeyBinding& binding : bindings) {
                if (binding.key.kind != ChoiceKey::Kind::Function || !binding.button) continue;
                if (binding.key.number == 1 || binding.key.number == kReportProblemKey) continue;  // spare keys
                const auto slot = std::find_if(layout.buttons.begin(), layout.buttons.end(),
                                               [&](const ButtonSlot& s) { return s.index == *binding.button; });
                ASSERT_NE(slot, layout.buttons.end());
                const bool left_key = binding.key.number < kReportProblemKey;
                if (left_key) {
                    EXPECT_LT(slot->rect.x, layout.card.x + slot->rect.w / 2) << binding.key.label() << " is not beside its button";
                } else {
                    EXPECT_GT(slot->rect.right(), layout.card.right() - slot->rect.w / 2)
                        << binding.key.label() << " is not beside its button";
                }
            }
        }
    }
}

TEST(KeyMap, DigitsNeverChooseWhereDigitsAreTyped) {
    for (const ViewModel& vm : every_sample()) {
        if (!digits_type(vm.screen)) continue;
        SCOPED_TRACE(name_of(vm));
        for (const KeyBinding& binding : key_bindings(vm)) EXPECT_EQ(binding.key.kind, ChoiceKey::Kind::Function);
    }
    EXPECT_TRUE(digits_type(ScreenId::EnterPin));
    EXPECT_TRUE(digits_type(ScreenId::EnterAmount));
    EXPECT_FALSE(digits_type(ScreenId::MainMenu));
}

TEST(KeyMap, FunctionKeysFaceTheOuterColumnsFromTheBottomRow) {
    const ViewModel menu = sample_view_model(ScreenId::MainMenu, Language::English);
    // withdrawal balance / mini statement transfer / change PIN cancel
    EXPECT_EQ(binding_for(menu, ChoiceKey::function(2))->action, "withdrawal");
    EXPECT_EQ(binding_for(menu, ChoiceKey::function(6))->action, "balance");
    EXPECT_EQ(binding_for(menu, ChoiceKey::function(4))->action, "change_pin");
    EXPECT_EQ(binding_for(menu, ChoiceKey::function(8))->action, "cancel");
    EXPECT_EQ(binding_for(menu, ChoiceKey::digit(1))->action, "withdrawal");
    EXPECT_EQ(binding_for(menu, ChoiceKey::digit(2))->action, "balance");
    // A lone Continue sits bottom right: F8, whatever else the screen has.
    const ViewModel done = sample_view_model(ScreenId::TransactionDone, Language::English);
    EXPECT_EQ(binding_for(done, ChoiceKey::function(8))->action, "continue");
    // The 3×3 amount grid: its middle column by digit only; 1–9 read like the pad.
    const ViewModel amounts = sample_view_model(ScreenId::WithdrawalAmount, Language::English);
    const std::vector<ShownButton> shown = shown_buttons(amounts);
    for (int digit = 1; digit <= static_cast<int>(std::min<std::size_t>(shown.size(), 9)); ++digit) {
        EXPECT_EQ(binding_for(amounts, ChoiceKey::digit(digit))->action, shown[static_cast<std::size_t>(digit - 1)].button.action);
    }
}

TEST(KeyMap, TheNumberedSurveyIsChosenByItsNumbersAndTenByASpareKey) {
    const ViewModel nps = sample_view_model(ScreenId::SurveyNps, Language::English);
    for (int score = 0; score <= 9; ++score) {
        EXPECT_EQ(binding_for(nps, ChoiceKey::digit(score))->action, survey_nps_action(score));
    }
    const std::vector<KeyBinding> bindings = key_bindings(nps);
    EXPECT_TRUE(std::any_of(bindings.begin(), bindings.end(), [](const KeyBinding& b) {
        return b.action == survey_nps_action(10) && b.key.kind == ChoiceKey::Kind::Function;
    }));
}

TEST(KeyMap, DisabledButtonsGetNoKeyButKeepTheirNumber) {
    ViewModel menu = sample_view_model(ScreenId::MainMenu, Language::English);
    menu.menu->withdrawal = Offer::Unavailable;
    EXPECT_FALSE(binding_for(menu, ChoiceKey::digit(1)).has_value());
    EXPECT_FALSE(binding_for(menu, ChoiceKey::function(2)).has_value());
    EXPECT_EQ(binding_for(menu, ChoiceKey::digit(2))->action, "balance");
}

TEST(KeyMap, FocusStartsOnTheWayForwardAndNeverOnAnAnswer) {
    auto focused_action = [](ScreenId screen) -> std::string {
        ViewModel vm = sample_view_model(screen, Language::English);
        vm.focused = default_focus(vm);
        return enter_action(vm).value_or("");
    };
    EXPECT_EQ(focused_action(ScreenId::SessionOptions), "continue");
    EXPECT_EQ(focused_action(ScreenId::BalanceDisplay), "continue");
    EXPECT_EQ(focused_action(ScreenId::ReceiptChoice), "receipt_yes");
    EXPECT_EQ(focused_action(ScreenId::WrongPin), "try_again");
    EXPECT_EQ(focused_action(ScreenId::MoreTime), "more_time_yes");
    EXPECT_EQ(focused_action(ScreenId::WithdrawalAmount), kUsualAmountAction);
    EXPECT_EQ(focused_action(ScreenId::ComplaintConfirm), "complaint_send");
    EXPECT_EQ(focused_action(ScreenId::MainMenu), "") << "a pure choice: Enter picks nothing";
    EXPECT_EQ(focused_action(ScreenId::Survey), "") << "Enter must not rate the visit";
    EXPECT_EQ(focused_action(ScreenId::SurveyNps), "");
    const ViewModel survey = sample_view_model(ScreenId::Survey, Language::English);
    ASSERT_TRUE(cancel_button(survey).has_value());
    EXPECT_EQ(shown_buttons(survey)[*cancel_button(survey)].button.action, kSurveySkipAction);
    EXPECT_FALSE(cancel_button(sample_view_model(ScreenId::ReceiptChoice, Language::English)).has_value());
}

// --- drawn ---

class KeyDrawingTest : public RendererTest {};

TEST_F(KeyDrawingTest, EveryScreenStillRendersWithItsKeysFocusAndAPressedButton) {
    for (ViewModel vm : every_sample()) {
        for (const bool hc : {false, true}) {
            vm.accessibility.high_contrast = hc;
            vm.pressed = layout_screen(vm).buttons.empty() ? std::nullopt : std::optional<std::size_t>(0);
            (void)render_ok(vm, {}, name_of(vm) + (hc ? "_hc" : ""));
        }
    }
}

TEST(PressedState, TheFrameAfterAFingerGoesDownDiffersAtThatButtonOnly) {
    OffscreenDisplay display(FontPaths::debian_default(), "Kiosk Bank");
    ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::English);
    ASSERT_TRUE(display.show(vm).ok());
    const std::vector<std::uint32_t> before = pixels_of(display.surface());
    const ButtonSlot balance = layout_screen(vm).buttons.at(1);
    const Rect& r = balance.rect;
    ASSERT_TRUE(display.press(r.x + r.w / 2, r.y + r.h / 2).ok());
    const std::vector<std::uint32_t> pressed = pixels_of(display.surface());
    EXPECT_TRUE(display.poll_input().empty()) << "nothing happens until the finger comes up";
    std::size_t inside = 0;
    std::size_t outside = 0;
    const int w = display.surface().w;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i] == pressed[i]) continue;
        const int x = static_cast<int>(i) % w;
        const int y = static_cast<int>(i) / w;
        // The button sinks by a few pixels into its shadow: its rectangle and the strip below.
        if (x >= r.x && x < r.right() && y >= r.y && y < r.bottom() + 8) {
            ++inside;
        } else {
            ++outside;
        }
    }
    EXPECT_GT(inside, static_cast<std::size_t>(r.w * r.h / 2)) << "the pressed button looks pressed";
    EXPECT_EQ(outside, 0u) << "nothing else changed";
    ASSERT_TRUE(display.release(r.x + r.w / 2, r.y + r.h / 2).ok());
    const auto events = display.poll_input();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].action, "balance");
    EXPECT_EQ(pixels_of(display.surface()), before) << "released: drawn up again";
}

TEST(PressedState, SlidingOffReleasesNothing) {
    OffscreenDisplay display(FontPaths::debian_default(), "Kiosk Bank");
    const ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::English);
    ASSERT_TRUE(display.show(vm).ok());
    const Rect r = layout_screen(vm).buttons.at(1).rect;
    ASSERT_TRUE(display.press(r.x + 10, r.y + 10).ok());
    ASSERT_TRUE(display.release(5, 5).ok());
    EXPECT_TRUE(display.poll_input().empty());
}

}  // namespace
}  // namespace kiosk::ui
