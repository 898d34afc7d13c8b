// The complete flow's screens beyond "renders in every look" (renderer_test does that for every
// screen): degraded menus, the fast-cash grid and its usual amount, toggles, typed amounts and
// phone numbers, the statement's limits, the QR's card-data guard, out-of-service reasons.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/ui/render_fixture.hpp"
#include "ui/layout.hpp"
#include "ui/sample_view_models.hpp"
#include "ui/screens.hpp"
#include "ui/shown_buttons.hpp"

namespace kiosk::ui {
namespace {

std::vector<std::string> actions_of(const ViewModel& vm) {
    std::vector<std::string> actions;
    for (const ShownButton& shown : shown_buttons(vm)) actions.push_back(shown.button.action);
    return actions;
}

Rect rect_of(const ViewModel& vm, const std::string& action) {
    const auto shown = shown_buttons(vm);
    for (const ButtonSlot& slot : layout_screen(vm).buttons) {
        if (shown[slot.index].button.action == action) return slot.rect;
    }
    ADD_FAILURE() << action << " is not on screen";
    return {};
}

class FlowScreensTest : public RendererTest {
protected:
    Status render(const ViewModel& vm) { return renderer_.render(vm, *surface_); }
    std::uint32_t pixel(int x, int y) const { return pixel_at(*surface_, x, y); }
};

TEST_F(FlowScreensTest, MainMenuOffersEveryTransactionInAFixedOrder) {
    const ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::English);
    EXPECT_EQ(actions_of(vm), (std::vector<std::string>{"withdrawal", "balance", "mini_statement", "transfer",
                                                        "change_pin", "cancel"}));
}

TEST_F(FlowScreensTest, NoDispenserHidesWithdrawalAndTheRestMoveUp) {
    ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::English);
    vm.menu->withdrawal = Offer::Hidden;
    EXPECT_EQ(actions_of(vm).front(), "balance");
    for (int y = 0; y < kScreenHeight; y += 16) {
        for (int x = 0; x < kScreenWidth; x += 16) EXPECT_NE(hit_test(vm, x, y), "withdrawal");
    }
    EXPECT_TRUE(render(vm).ok());
}

TEST_F(FlowScreensTest, AnUnavailableTransactionIsGreyAndInert) {
    ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::English);
    vm.menu->transfer = Offer::Unavailable;
    ASSERT_TRUE(render(vm).ok());
    const Rect transfer = rect_of(vm, "transfer");
    EXPECT_EQ(pixel(transfer.x + 8, transfer.y + transfer.h / 2), argb(normal_theme().disabled_button));
    EXPECT_FALSE(hit_test(vm, transfer.x + transfer.w / 2, transfer.y + transfer.h / 2).has_value());
}

TEST_F(FlowScreensTest, NoPrinterSaysTheStatementIsOnScreenOnly) {
    ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::SimplifiedChinese);
    ASSERT_TRUE(render(vm).ok());
    const auto printed = pixels_of(*surface_);
    vm.menu->mini_statement_on_screen_only = true;
    ASSERT_TRUE(render(vm).ok());
    EXPECT_NE(pixels_of(*surface_), printed);
    EXPECT_EQ(shown_buttons(vm)[2].button.label_key, "menu.mini_statement_screen");
    EXPECT_EQ(shown_buttons(vm)[2].button.action, "mini_statement");  // same action: the flow decides the rest
}

TEST_F(FlowScreensTest, WithoutMenuOffersTheMenuShowsOnlyTheGivenButtons) {
    ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::English);
    vm.menu.reset();
    vm.buttons = {{"balance", "menu.balance", true}, {"cancel", "action.cancel", true}};
    EXPECT_EQ(actions_of(vm), (std::vector<std::string>{"balance", "cancel"}));
}

TEST_F(FlowScreensTest, FastCashUsesAThreeColumnGridWithTheUsualAmountFirstAndRinged) {
    const ViewModel vm = sample_view_model(ScreenId::WithdrawalAmount, Language::English);
    EXPECT_EQ(actions_of(vm), (std::vector<std::string>{"amount_usual", "amount_0", "amount_1", "amount_2", "amount_3",
                                                        "amount_4", "other_amount", "cancel"}));
    const ScreenLayout layout = layout_screen(vm);
    ASSERT_EQ(layout.buttons.size(), 8U);
    EXPECT_EQ(layout.buttons[0].rect.y, layout.buttons[2].rect.y);  // three in a row
    EXPECT_EQ(layout.buttons[7].rect.right(), kScreenWidth - kMarginX);  // short last row pushed right
    ASSERT_TRUE(render(vm).ok());
    const Rect usual = layout.buttons[0].rect;
    const Rect plain = layout.buttons[1].rect;
    const int mid = usual.y + usual.h / 2;
    EXPECT_EQ(pixel(usual.x + 2, mid), argb(normal_theme().notice_border));  // the "Your usual" ring
    EXPECT_EQ(pixel(plain.x + 2, plain.y + plain.h / 2), argb(normal_theme().primary_button));
}

// The survey: five faces and Skip, the faces told apart by their drawing (not colour) in every
// theme, Skip bottom right, touch targets as big as every other button; reasons as chips; 0–10.
TEST_F(FlowScreensTest, SurveyFacesAreDrawnDifferentlyInEveryThemeAndSkipIsBottomRight) {
    for (const Accessibility look : {Accessibility{}, Accessibility{false, true}, Accessibility{true, false},
                                     Accessibility{true, true}}) {
        const ViewModel vm = sample_view_model(ScreenId::Survey, Language::SimplifiedChinese, look);
        EXPECT_EQ(actions_of(vm), (std::vector<std::string>{"survey_csat_1", "survey_csat_2", "survey_csat_3",
                                                            "survey_csat_4", "survey_csat_5", "survey_skip"}));
        ASSERT_TRUE(render(vm).ok());
        const int height = look.large_text ? kLargeButtonHeight : kButtonHeight;
        const Rect skip = rect_of(vm, "survey_skip");
        EXPECT_EQ(skip.right(), kScreenWidth - kMarginX);
        EXPECT_EQ(skip.bottom(), kScreenHeight - kBottomMargin);
        // The left part of each face button (where the face is) differs pixel by pixel from the others'.
        std::vector<std::vector<std::uint32_t>> faces;
        for (int score = 1; score <= 5; ++score) {
            const Rect r = rect_of(vm, survey_csat_action(score));
            EXPECT_EQ(r.h, height);
            std::vector<std::uint32_t> face;
            for (int y = r.y + 8; y < r.bottom() - 8; ++y) {
                for (int x = r.x + 16; x < r.x + 96; ++x) face.push_back(pixel(x, y));
            }
            faces.push_back(std::move(face));
        }
        for (std::size_t a = 0; a < faces.size(); ++a) {
            for (std::size_t b = a + 1; b < faces.size(); ++b) EXPECT_NE(faces[a], faces[b]) << a + 1 << " vs " << b + 1;
        }
    }
}

TEST_F(FlowScreensTest, SurveyReasonsAreChipsThenDoneAndSkipAndNpsHasElevenNumbers) {
    const ViewModel reasons = sample_view_model(ScreenId::SurveyReasons, Language::English, {true, false});
    const auto chips = shown_buttons(reasons);
    ASSERT_EQ(chips.size(), 8U);
    EXPECT_TRUE(chips[0].chip);
    EXPECT_EQ(chips[0].on, true);   // "waiting" chosen in the sample
    EXPECT_EQ(chips[1].on, false);
    EXPECT_EQ(chips[6].button.action, "survey_done");
    EXPECT_EQ(rect_of(reasons, "survey_skip").right(), kScreenWidth - kMarginX);
    EXPECT_TRUE(render(reasons).ok());  // "Hard to use" fits in large text: a chip has two label lines

    const ViewModel nps = sample_view_model(ScreenId::SurveyNps, Language::English, {true, true});
    const auto numbers = shown_buttons(nps);
    ASSERT_EQ(numbers.size(), 12U);
    EXPECT_EQ(numbers[0].button.action, "survey_nps_0");
    EXPECT_EQ(numbers[10].button.action, "survey_nps_10");
    EXPECT_EQ(numbers[10].data, "10");
    EXPECT_EQ(max_buttons(ScreenId::SurveyNps), 12U);
    EXPECT_EQ(hit_test(nps, rect_of(nps, "survey_nps_7").x + 5, rect_of(nps, "survey_nps_7").y + 5), "survey_nps_7");
    EXPECT_TRUE(render(nps).ok());
}

TEST_F(FlowScreensTest, NineAmountButtonsFitTenDoNot) {
    ViewModel vm = sample_view_model(ScreenId::WithdrawalAmount, Language::English, {true, false});
    vm.fast_cash.push_back(Money{300000, "CNY", 2});
    ASSERT_EQ(shown_buttons(vm).size(), 9U);
    EXPECT_TRUE(render(vm).ok());
    vm.fast_cash.push_back(Money{500000, "CNY", 2});
    const Status crowded = render(vm);
    ASSERT_FALSE(crowded.ok());
    EXPECT_NE(crowded.error().message.find("at most 9"), std::string::npos) << crowded.error().message;
}

TEST_F(FlowScreensTest, SessionOptionsTogglesShowTheirStateAndTheLanguageButtonOffersTheOther) {
    ViewModel vm = sample_view_model(ScreenId::SessionOptions, Language::English);
    EXPECT_EQ(actions_of(vm), (std::vector<std::string>{"lang_zh", "large_text", "high_contrast", "speech", "cancel",
                                                        "continue"}));
    EXPECT_EQ(actions_of(sample_view_model(ScreenId::SessionOptions, Language::SimplifiedChinese)).front(), "lang_en");
    ASSERT_TRUE(render(vm).ok());
    const auto off = pixels_of(*surface_);
    vm.accessibility.speech = true;  // speech changes nothing else on screen: only its toggle
    EXPECT_TRUE(shown_buttons(vm)[3].on.value_or(false));
    ASSERT_TRUE(render(vm).ok());
    const auto on = pixels_of(*surface_);
    EXPECT_NE(on, off);
    const Rect speech = rect_of(vm, "speech");
    std::size_t changed_outside = 0;
    for (int y = 0; y < kScreenHeight; ++y) {
        for (int x = 0; x < kScreenWidth; ++x) {
            const auto i = static_cast<std::size_t>(y * kScreenWidth + x);
            if (on[i] != off[i] && !speech.contains(x, y)) ++changed_outside;
        }
    }
    EXPECT_EQ(changed_outside, 0U);
}

TEST_F(FlowScreensTest, EnterAmountShowsWhatWasTypedAndTheStep) {
    ViewModel vm = sample_view_model(ScreenId::EnterAmount, Language::English);
    ASSERT_TRUE(render(vm).ok());
    const auto typed = pixels_of(*surface_);
    vm.amount.reset();  // nothing typed yet: a caret
    ASSERT_TRUE(render(vm).ok());
    const auto empty = pixels_of(*surface_);
    EXPECT_NE(typed, empty);
    vm.amount_step.reset();
    ASSERT_TRUE(render(vm).ok());
    EXPECT_NE(pixels_of(*surface_), empty);
}

TEST_F(FlowScreensTest, CardlessCodeIsDotsAndThePhoneIsDigits) {
    ViewModel vm = sample_view_model(ScreenId::CardlessEntry, Language::English);
    vm.entry_field = EntryField::OneTimeCode;
    vm.typed_digits.clear();
    vm.pin_digits_entered = 4;
    ASSERT_TRUE(render(vm).ok());
    const auto code = pixels_of(*surface_);
    vm.typed_digits = "123456";  // not drawn for the code: the UI shows dots from the count only
    ASSERT_TRUE(render(vm).ok());
    EXPECT_EQ(pixels_of(*surface_), code);
    vm.pin_digits_entered = 5;
    ASSERT_TRUE(render(vm).ok());
    EXPECT_NE(pixels_of(*surface_), code);

    vm.entry_field = EntryField::PhoneNumber;  // other title, digits in the field
    ASSERT_TRUE(render(vm).ok());
    const auto phone = pixels_of(*surface_);
    EXPECT_NE(phone, code);
    vm.typed_digits = "1234567";
    ASSERT_TRUE(render(vm).ok());
    EXPECT_NE(pixels_of(*surface_), phone);
}

TEST_F(FlowScreensTest, APhoneNumberWithANonDigitOrTooLongIsReported) {
    ViewModel vm = sample_view_model(ScreenId::CardlessEntry, Language::English);
    vm.typed_digits = "138-0013";
    const Status bad = render(vm);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("other than digits"), std::string::npos);
    vm.typed_digits = std::string(16, '1');
    const Status long_number = render(vm);
    ASSERT_FALSE(long_number.ok());
    EXPECT_NE(long_number.error().message.find("at most 15"), std::string::npos);
}

TEST_F(FlowScreensTest, StatementShowsTenLinesAndReportsMore) {
    ViewModel vm = sample_view_model(ScreenId::MiniStatement, Language::SimplifiedChinese, {true, true});
    ASSERT_EQ(vm.statement.size(), 10U);
    ASSERT_TRUE(render(vm).ok());
    vm.statement.push_back(vm.statement.back());
    const Status eleven = render(vm);
    ASSERT_FALSE(eleven.ok());
    EXPECT_NE(eleven.error().message.find("at most 10"), std::string::npos);
    vm.statement.clear();  // no entries: a sentence says so
    EXPECT_TRUE(render(vm).ok());
}

TEST_F(FlowScreensTest, ReceiptQrRefusesCardLikeDigitsAndEmptyText) {
    ViewModel vm = sample_view_model(ScreenId::ReceiptQr, Language::English);
    ASSERT_TRUE(render(vm).ok());
    vm.qr_text = "https://receipts.example/r/6228480000001234";
    const Status card_like = render(vm);
    ASSERT_FALSE(card_like.ok());
    EXPECT_EQ(card_like.error().message.find("6228480000001234"), std::string::npos);  // never echoed
    vm.qr_text.clear();
    EXPECT_FALSE(render(vm).ok());
}

TEST_F(FlowScreensTest, OutOfServiceShowsEachReason) {
    std::vector<std::vector<std::uint32_t>> seen;
    for (const char* reason : {"out_of_service.host_unreachable", "out_of_service.tamper", "out_of_service.devices"}) {
        for (const Language language : {Language::English, Language::SimplifiedChinese}) {
            ViewModel vm = sample_view_model(ScreenId::OutOfService, language, {true, false});
            vm.message_key = reason;
            ASSERT_TRUE(render(vm).ok()) << reason;
            const auto pixels = pixels_of(*surface_);
            for (const auto& other : seen) EXPECT_NE(pixels, other) << reason;
            seen.push_back(pixels);
        }
    }
}

TEST_F(FlowScreensTest, TransactionDoneTakesItsTitleFromTheMessageAndDoesNotRepeatIt) {
    ViewModel vm = sample_view_model(ScreenId::TransactionDone, Language::English);
    ASSERT_TRUE(render(vm).ok());
    const auto transfer = pixels_of(*surface_);
    vm.message_key = "done.pin_changed";
    vm.amount.reset();
    ASSERT_TRUE(render(vm).ok());
    EXPECT_NE(pixels_of(*surface_), transfer);
    EXPECT_EQ(screen_text(vm).title_key, "done.pin_changed");
    EXPECT_EQ(screen_text(vm).body_key, "done.pin_changed.detail");
    vm.message_key.clear();  // generic fallback
    EXPECT_EQ(screen_text(vm).title_key, "done.title");
}

TEST_F(FlowScreensTest, NewPinMismatchShowsInANotice) {
    ViewModel vm = sample_view_model(ScreenId::EnterNewPin, Language::SimplifiedChinese, {true, false});
    ASSERT_TRUE(render(vm).ok());
    const auto plain = pixels_of(*surface_);
    vm.message_key = "new_pin.mismatch";
    ASSERT_TRUE(render(vm).ok());
    EXPECT_NE(pixels_of(*surface_), plain);
}

// Each message the flow shows on these screens fits in large text (the tightest look), both languages.
TEST_F(FlowScreensTest, EveryFlowScreenMessageFitsInLargeText) {
    struct Case {
        ScreenId screen;
        const char* key;
    };
    for (const Case c : {Case{ScreenId::EnterAmount, "amount.not_multiple"}, Case{ScreenId::EnterAmount, "amount.too_large"},
                         Case{ScreenId::WithdrawalAmount, "amount.too_large"},
                         Case{ScreenId::WithdrawalAmount, "decline.limit_exceeded"},
                         Case{ScreenId::CardlessEntry, "cardless.code_invalid"},
                         Case{ScreenId::CardlessEntry, "cardless.phone_mismatch"},
                         Case{ScreenId::EnterNewPin, "new_pin.mismatch"}, Case{ScreenId::ConfirmNewPin, "new_pin.mismatch"},
                         Case{ScreenId::TakeCash, "session.timed_out"}}) {
        for (const Language language : {Language::English, Language::SimplifiedChinese}) {
            ViewModel vm = sample_view_model(c.screen, language, {true, false});
            vm.message_key = c.key;
            const Status status = render(vm);
            EXPECT_TRUE(status.ok()) << c.key << ": " << (status.ok() ? "" : status.error().to_string());
        }
    }
}

}  // namespace
}  // namespace kiosk::ui
