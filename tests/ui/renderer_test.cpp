// Renders every screen in both languages (and the high-contrast and large-text looks) to PNGs in
// the test's temp dir and checks the pixels: not blank, languages differ, widgets show, buttons
// are drawn where hit_test says they are.
#include "ui/renderer.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "tests/ui/render_fixture.hpp"

#include "ui/layout.hpp"
#include "ui/sample_view_models.hpp"
#include "ui/screens.hpp"
#include "ui/shown_buttons.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {
namespace {

// Not blank: many colours (anti-aliased text), a fair share of pixels off the background, and
// text inside the card (pixels that are neither the card's fill nor its border).
void expect_not_blank(const std::vector<std::uint32_t>& pixels, const ViewModel& vm, const std::string& what) {
    const Theme& theme = vm.accessibility.high_contrast ? high_contrast_theme() : normal_theme();
    std::set<std::uint32_t> distinct(pixels.begin(), pixels.end());
    std::size_t differing = 0;
    for (const auto p : pixels) differing += p != argb(theme.background) ? 1U : 0U;
    const Rect card = layout_screen(vm).card;
    std::size_t inked = 0;
    for (int y = card.y + 10; y < card.bottom() - 10; ++y) {
        for (int x = card.x + 10; x < card.right() - 10; ++x) {
            inked += pixels[static_cast<std::size_t>(y * kScreenWidth + x)] != argb(theme.card_background) ? 1U : 0U;
        }
    }
    EXPECT_GE(distinct.size(), 30U) << what << ": too few colours, text probably missing";
    EXPECT_GE(differing, pixels.size() / 50) << what << ": mostly background";
    EXPECT_GE(inked, 3000U) << what << ": the card holds almost no text";
}

TEST_F(RendererTest, ScreensDifferFromEachOther) {
    std::set<std::vector<std::uint32_t>> seen;
    for (const ScreenSpec& spec : all_screens()) {
        EXPECT_TRUE(seen.insert(render_ok(sample_view_model(spec.id, Language::English))).second) << spec.name;
    }
}

// One test per screen (not one loop over all): 8 renders each, so ctest spreads them over the
// cores and a slow sanitizer build never hits the per-test timeout. The PNGs of these variants
// come from ui_preview (docs/ui.md); writing them here would only slow the suite.
class RendererVariantTest : public RendererTest, public ::testing::WithParamInterface<ScreenSpec> {};

}  // namespace

// gtest prints a failing parameter with this instead of a byte dump.
void PrintTo(const ScreenSpec& spec, std::ostream* out) { *out << spec.name; }

namespace {

TEST_P(RendererVariantTest, RendersInBothLanguagesAndTheyDiffer) {
    const ScreenSpec& spec = GetParam();
    const ViewModel english_vm = sample_view_model(spec.id, Language::English);
    const ViewModel chinese_vm = sample_view_model(spec.id, Language::SimplifiedChinese);
    const auto english = render_ok(english_vm, std::string(spec.name) + "_en.png");
    const auto chinese = render_ok(chinese_vm, std::string(spec.name) + "_zh.png");
    expect_not_blank(english, english_vm, std::string(spec.name) + " en");
    expect_not_blank(chinese, chinese_vm, std::string(spec.name) + " zh");
    EXPECT_NE(english, chinese) << spec.name;
    EXPECT_TRUE(std::filesystem::exists(out_dir() / (std::string(spec.name) + "_zh.png")));
}

// Every button of the sample, in both themes: its fill just inside the left edge, mid-height
// (not label, not outline), and not that fill just outside.
TEST_P(RendererVariantTest, ButtonsAreDrawnWhereHitTestFindsThem) {
    const ScreenSpec& spec = GetParam();
    for (const bool high_contrast : {false, true}) {
        const ViewModel vm = sample_view_model(spec.id, Language::SimplifiedChinese, {false, high_contrast});
        render_ok(vm);
        const Theme& theme = high_contrast ? high_contrast_theme() : normal_theme();
        const auto shown = shown_buttons(vm);
        for (const ButtonSlot& slot : layout_screen(vm).buttons) {
            const ShownButton& one = shown[slot.index];
            const Button& button = one.button;
            const bool cancel = button.enabled && is_way_out(button.action);  // Cancel, the survey's Skip
            const bool marked = button.enabled && one.marked;
            const Color fill = !button.enabled ? theme.disabled_button
                               : cancel        ? theme.secondary_button
                                               : theme.primary_button;
            // Outlined buttons (Cancel, Skip, "Your usual") show their outline at the very edge.
            const Color edge = cancel   ? theme.secondary_button_border
                               : marked ? (high_contrast ? theme.body_text : theme.notice_border)
                                        : fill;
            const int mid = slot.rect.y + slot.rect.h / 2;
            const std::string what = std::string(spec.name) + " " + button.action;
            EXPECT_EQ(pixel_at(*surface_, slot.rect.x + 1, mid), argb(edge)) << what;
            EXPECT_EQ(pixel_at(*surface_, slot.rect.x + 8, mid), argb(fill)) << what;
            if (vm.focused == slot.index) {
                // The focus ring (Enter's button) stands outside the button, apart from it.
                EXPECT_EQ(pixel_at(*surface_, slot.rect.x - 6, mid), argb(theme.title_text)) << what;
                EXPECT_EQ(pixel_at(*surface_, slot.rect.x - 2, mid), argb(theme.background)) << what;
            } else {
                EXPECT_NE(pixel_at(*surface_, slot.rect.x - 6, mid), argb(edge)) << what;
            }
            if (button.enabled) {
                EXPECT_EQ(hit_test(vm, slot.rect.x + 1, mid), button.action) << what;
                EXPECT_FALSE(hit_test(vm, slot.rect.x - 6, mid).has_value()) << what;
            }
        }
    }
}


TEST_P(RendererVariantTest, HighContrastAndLargeTextRenderDifferently) {
    const ScreenSpec& spec = GetParam();
    for (const Language language : {Language::English, Language::SimplifiedChinese}) {
        const std::string base = std::string(spec.name) + (language == Language::English ? "_en" : "_zh");
        const auto normal = render_ok(sample_view_model(spec.id, language));
        const ViewModel contrast_vm = sample_view_model(spec.id, language, {false, true});
        const ViewModel large_vm = sample_view_model(spec.id, language, {true, false});
        const ViewModel both_vm = sample_view_model(spec.id, language, {true, true});
        const auto contrast = render_ok(contrast_vm);
        const auto large = render_ok(large_vm);
        expect_not_blank(contrast, contrast_vm, base + " hc");
        expect_not_blank(large, large_vm, base + " large");
        expect_not_blank(render_ok(both_vm), both_vm, base + " large hc");
        EXPECT_NE(normal, contrast) << base;
        EXPECT_NE(normal, large) << base;
    }
}

INSTANTIATE_TEST_SUITE_P(EveryScreen, RendererVariantTest, ::testing::ValuesIn(all_screens().begin(), all_screens().end()),
                         [](const ::testing::TestParamInfo<ScreenSpec>& screen) { return std::string(screen.param.name); });

TEST_F(RendererTest, PinDotsFollowTheDigitCount) {
    ViewModel vm = sample_view_model(ScreenId::EnterPin, Language::English);
    std::set<std::vector<std::uint32_t>> images;
    for (int digits = 0; digits <= 6; ++digits) {
        vm.pin_digits_entered = digits;
        EXPECT_TRUE(images.insert(render_ok(vm)).second) << digits << " digits look like another count";
    }
}

TEST_F(RendererTest, CountdownBalanceAndMessageShowWhenSet) {
    ViewModel vm = sample_view_model(ScreenId::BalanceDisplay, Language::English);
    const auto with_balance = render_ok(vm);
    vm.balance = Money{1, "CNY", 2};
    EXPECT_NE(render_ok(vm), with_balance);
    vm.seconds_left = 30;
    const auto with_countdown = render_ok(vm);
    vm.seconds_left.reset();
    EXPECT_NE(render_ok(vm), with_countdown);

    // The title of CardUnreadable already says "card could not be read": no echo in a notice.
    ViewModel unreadable = sample_view_model(ScreenId::CardUnreadable, Language::English);
    const auto echoed = render_ok(unreadable);
    unreadable.message_key.clear();
    EXPECT_EQ(render_ok(unreadable), echoed);

    ViewModel failed = sample_view_model(ScreenId::TransactionFailed, Language::English);
    const auto funds = render_ok(failed);
    failed.message_key = "decline.host_unavailable";
    EXPECT_NE(render_ok(failed), funds);
}

TEST_F(RendererTest, TriesLeftIsShownWhenGiven) {
    ViewModel vm = sample_view_model(ScreenId::WrongPin, Language::SimplifiedChinese);
    const auto two = render_ok(vm);
    vm.tries_left = 1;
    const auto one = render_ok(vm);
    vm.tries_left.reset();
    EXPECT_NE(two, one);
    EXPECT_NE(render_ok(vm), one);
}

TEST_F(RendererTest, EveryFlowMessageFitsOnItsScreens) {
    for (const char* key : {"card.unreadable", "session.cancelled", "pin.wrong", "pin.tries_exceeded",
                            "decline.host_unavailable", "receipt.failed", "session.timed_out", "card.not_taken",
                            "card.jammed", "decline.do_not_honour", "decline.system_error"}) {
        for (const ScreenId screen : {ScreenId::TakeCard, ScreenId::CardRetained, ScreenId::TransactionFailed,
                                      ScreenId::EnterPin, ScreenId::CardUnreadable}) {
            for (const Language language : {Language::English, Language::SimplifiedChinese}) {
                ViewModel vm = sample_view_model(screen, language, {true, false});  // large text: the tightest fit
                vm.message_key = key;
                vm.tries_left = 1;
                render_ok(vm, {}, std::string(key));
            }
        }
    }
}

TEST_F(RendererTest, TooManyButtonsIsReportedButStillDrawn) {
    ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::English);
    while (vm.buttons.size() <= kMaxButtons) vm.buttons.push_back({"extra", "action.continue", true});
    const Status status = renderer_.render(vm, *surface_);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("at most"), std::string::npos);
    expect_not_blank(pixels_of(*surface_), vm, "crowded menu");
}

TEST_F(RendererTest, WrongTargetSurfaceIsAnError) {
    UniqueSurface small(SDL_CreateRGBSurfaceWithFormat(0, 640, 480, 32, SDL_PIXELFORMAT_ARGB8888));
    ASSERT_TRUE(small);
    EXPECT_FALSE(renderer_.render(ViewModel{}, *small).ok());
}

TEST(RendererStartUp, MissingFontThrowsNamingIt) {
    SdlSession session(SdlSession::Video::Off);
    FontPaths paths = FontPaths::debian_default();
    paths.bold = "/missing/Bold.ttc";
    try {
        Renderer renderer(paths, "Kiosk Bank");
        FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("/missing/Bold.ttc"), std::string::npos) << error.what();
    }
}

}  // namespace
}  // namespace kiosk::ui
