// Every screen at every display the kiosk is built for (docs/ui.md, "Displays and resolutions"):
// 1024×768, 1280×1024, 1920×1080 and 1080×1920 portrait at the DPI assumed for each panel, and a
// dense 15.6" 1080p panel. For each screen in both languages and all four looks: every touch
// target at least 15 mm on the panel, inside the screen, clear of the card, the header and each
// other; and the render reports no error — no text that overflows or is cut off by its box.
#include <SDL_image.h>
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "ui/layout.hpp"
#include "ui/renderer.hpp"
#include "ui/sample_view_models.hpp"
#include "ui/screens.hpp"
#include "ui/sdl_session.hpp"
#include "ui/shown_buttons.hpp"

namespace kiosk::ui {
namespace {

struct Panel {
    const char* name;
    Viewport viewport;
};

// The DPI of each panel is the parameter the millimetre checks use; assumed_dpi() states the
// same figures for when the configuration gives none.
const Panel kPanels[] = {
    {"xga_15in_85dpi", {1024, 768, kReferenceDpi}},
    {"sxga_17in_96dpi", {1280, 1024, 96.4}},
    {"fhd_21in_102dpi", {1920, 1080, 102.5}},
    {"fhd_portrait_21in_102dpi", {1080, 1920, 102.5}},
    {"fhd_15in_141dpi", {1920, 1080, 141.2}},
};

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

bool inside(const Rect& r, const Viewport& v) { return r.x >= 0 && r.y >= 0 && r.right() <= v.width && r.bottom() <= v.height; }

void expect_big_enough(const Rect& r, const Viewport& v, const std::string& what) {
    EXPECT_GE(v.millimetres(r.w), kMinimumTargetMillimetres) << what << ": " << r.w << " px wide";
    EXPECT_GE(v.millimetres(r.h), kMinimumTargetMillimetres) << what << ": " << r.h << " px high";
}

class Resolutions : public ::testing::TestWithParam<Panel> {
protected:
    static std::filesystem::path out_dir() { return std::filesystem::path(::testing::TempDir()) / "kiosk_ui_resolutions"; }

    SdlSession session_{SdlSession::Video::Off};
};

TEST_P(Resolutions, EveryTargetIsAtLeast15MillimetresInsideTheScreenAndApart) {
    const Viewport& v = GetParam().viewport;
    for (const ScreenSpec& spec : all_screens()) {
        for (const bool large : {false, true}) {
            const ViewModel vm = sample_view_model(spec.id, Language::English, Accessibility{large, false});
            const ScreenLayout layout = layout_screen(vm, v);
            const std::vector<ShownButton> shown_list = shown_buttons(vm);
            const std::string what = std::string(spec.name) + (large ? " large" : "");
            EXPECT_EQ(layout.buttons.size(), shown_list.size()) << what << ": a button was not placed";
            EXPECT_TRUE(inside(layout.card, v)) << what;
            EXPECT_FALSE(overlaps(layout.card, layout.header)) << what;
            if (layout.report_problem) {
                expect_big_enough(*layout.report_problem, v, what + " report a problem");
                EXPECT_TRUE(inside(*layout.report_problem, v)) << what;
            }
            for (std::size_t i = 0; i < layout.buttons.size(); ++i) {
                const Rect& r = layout.buttons[i].rect;
                const std::string button = what + " button " + std::to_string(i);
                expect_big_enough(r, v, button);
                EXPECT_TRUE(inside(r, v)) << button;
                EXPECT_FALSE(overlaps(r, layout.card)) << button;
                EXPECT_FALSE(overlaps(r, layout.header)) << button;
                for (std::size_t j = i + 1; j < layout.buttons.size(); ++j) {
                    EXPECT_FALSE(overlaps(r, layout.buttons[j].rect)) << button << " and " << j;
                }
                // The touch lands where the button is drawn, at this resolution.
                const auto hit = hit_test(vm, r.x + r.w / 2, r.y + r.h / 2, v);
                const Button& shown = shown_list[layout.buttons[i].index].button;
                if (shown.enabled) {
                    EXPECT_EQ(hit, shown.action) << button;
                }
            }
        }
    }
}

TEST_P(Resolutions, EveryScreenDrawsWithNoTextOverflowingOrCut) {
    const Viewport& v = GetParam().viewport;
    const Renderer renderer(FontPaths::debian_default(), "Kiosk Bank 自助银行", v);
    UniqueSurface surface = Renderer::make_surface(v);
    const Accessibility looks[] = {{false, false}, {false, true}, {true, false}, {true, true}};
    for (const ScreenSpec& spec : all_screens()) {
        for (const Language language : {Language::English, Language::SimplifiedChinese}) {
            for (const Accessibility& look : looks) {
                const ViewModel vm = sample_view_model(spec.id, language, look);
                const Status status = renderer.render(vm, *surface);
                EXPECT_TRUE(status.ok()) << GetParam().name << " " << spec.name << (language == Language::English ? " en" : " zh")
                                         << (look.large_text ? " large" : "") << (look.high_contrast ? " hc" : "") << ": "
                                         << (status.ok() ? "" : status.error().to_string());
            }
        }
    }
    // A few screens as PNGs, for a person to look at (gtest's temp dir).
    std::filesystem::create_directories(out_dir());
    for (const ScreenId screen : {ScreenId::MainMenu, ScreenId::EnterPin, ScreenId::WithdrawalAmount, ScreenId::SurveyNps}) {
        const ViewModel vm = sample_view_model(screen, Language::SimplifiedChinese, {true, false});
        ASSERT_TRUE(renderer.render(vm, *surface).ok());
        const auto path = out_dir() / (std::string(GetParam().name) + "_" + std::string(screen_spec(screen).name) + ".png");
        EXPECT_EQ(IMG_SavePNG(surface.get(), path.c_str()), 0) << IMG_GetError();
    }
}

// A steady frame (activity dots, countdown) repaints only its part, and the result is the same
// pixels as drawing the whole screen again.
TEST_P(Resolutions, APartialRepaintEqualsAFullOne) {
    const Viewport& v = GetParam().viewport;
    const Renderer renderer(FontPaths::debian_default(), "Kiosk Bank", v);
    UniqueSurface partial = Renderer::make_surface(v);
    UniqueSurface full = Renderer::make_surface(v);
    for (const ScreenId screen : {ScreenId::Processing, ScreenId::MoreTime, ScreenId::TakeCash, ScreenId::EnterPin}) {
        ViewModel before = sample_view_model(screen, Language::English);
        before.seconds_left = 12;
        for (int frame = 1; frame <= 4; ++frame) {
            ViewModel after = before;
            after.activity_frame = frame;
            after.seconds_left = *before.seconds_left - 3;  // 12 → 9 → …: the pill's width changes
            ASSERT_TRUE(renderer.render(before, *partial).ok());  // whole: the last frame was on `full`
            ASSERT_TRUE(renderer.render(after, *partial).ok());   // only what moved
            ASSERT_TRUE(renderer.render_full(after, *full).ok());
            EXPECT_EQ(0, std::memcmp(partial->pixels, full->pixels, static_cast<std::size_t>(full->pitch) * static_cast<std::size_t>(full->h)))
                << screen_spec(screen).name << " frame " << frame;
            before = after;
        }
    }
    EXPECT_GE(renderer.frame_counts().partial, 16U) << "every second frame on `partial` repaints only what moved";
}

TEST(Viewport, TheReferencePanelIsDrawnAtScaleOneAndOthersKeepTheirMillimetres) {
    EXPECT_EQ(Viewport{}.scale(), 1.0);
    EXPECT_EQ(Viewport{}.px(37), 37);
    const Viewport fhd = viewport_for(1920, 1080);
    EXPECT_DOUBLE_EQ(fhd.dpi, 102.5);
    EXPECT_NEAR(fhd.millimetres(fhd.px(kButtonHeight)), Viewport{}.millimetres(kButtonHeight), 0.2);
    EXPECT_DOUBLE_EQ(assumed_dpi(1280, 1024), 96.4);
    // An unknown panel: its short side is taken as the reference's 768 design units.
    EXPECT_EQ(viewport_for(2560, 1440).design_height(), 768);
}

TEST(Viewport, WideDisplaysGetMoreColumnsAndPortraitFewer) {
    const Viewport fhd = viewport_for(1920, 1080);
    const Viewport portrait = viewport_for(1080, 1920);
    EXPECT_EQ(grid_columns(ScreenId::MainMenu, Viewport{}), 2);
    EXPECT_EQ(grid_columns(ScreenId::MainMenu, viewport_for(1280, 1024)), 2);
    EXPECT_EQ(grid_columns(ScreenId::MainMenu, fhd), 3);
    EXPECT_EQ(grid_columns(ScreenId::MainMenu, portrait), 1);
    EXPECT_EQ(grid_columns(ScreenId::WithdrawalAmount, portrait), 2);
    EXPECT_EQ(grid_columns(ScreenId::SurveyNps, fhd), 6);
    // Capacity does not depend on the display: the flow sends the same buttons everywhere.
    ViewModel vm = sample_view_model(ScreenId::WithdrawalAmount, Language::English);
    EXPECT_EQ(layout_screen(vm, portrait).buttons.size(), layout_screen(vm).buttons.size());
}

TEST(Viewport, ADisplayTooSmallForItsDensityIsRefusedWithItsReason) {
    EXPECT_FALSE(viewport_problem(viewport_for(1920, 1080)).has_value());
    const auto dense = viewport_problem(Viewport{1024, 768, 300.0});
    ASSERT_TRUE(dense.has_value());
    EXPECT_NE(dense->find("under 15 mm"), std::string::npos) << *dense;
    EXPECT_TRUE(viewport_problem(Viewport{320, 240, 85.0}).has_value());
    EXPECT_TRUE(viewport_problem(Viewport{1024, 768, 0.0}).has_value());
    EXPECT_THROW(Renderer(FontPaths::debian_default(), "Kiosk Bank", Viewport{1024, 768, 300.0}), std::runtime_error);
}

INSTANTIATE_TEST_SUITE_P(Panels, Resolutions, ::testing::ValuesIn(kPanels),
                         [](const ::testing::TestParamInfo<Panel>& panel) { return std::string(panel.param.name); });

}  // namespace
}  // namespace kiosk::ui
