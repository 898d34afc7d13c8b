// Every text colour of both themes meets its WCAG contrast promise, and no text role is smaller
// than the ADA minimum on the assumed 15-inch 1024×768 panel.
#include "ui/theme.hpp"

#include <gtest/gtest.h>

namespace kiosk::ui {
namespace {

TEST(Contrast, MatchesTheWcagDefinition) {
    EXPECT_NEAR(contrast_ratio(Color{0, 0, 0}, Color{255, 255, 255}), 21.0, 1e-9);
    EXPECT_NEAR(contrast_ratio(Color{10, 20, 30}, Color{10, 20, 30}), 1.0, 1e-9);
    // WCAG's own example: #777777 on white is just under AA (4.48:1).
    EXPECT_NEAR(contrast_ratio(Color{0x77, 0x77, 0x77}, Color{255, 255, 255}), 4.48, 0.01);
    EXPECT_DOUBLE_EQ(contrast_ratio(Color{0, 0, 255}, Color{255, 255, 0}),
                     contrast_ratio(Color{255, 255, 0}, Color{0, 0, 255}));
}

TEST(Contrast, NormalThemeMeetsAaForEveryTextPair) {
    const Theme& theme = normal_theme();
    EXPECT_DOUBLE_EQ(required_contrast(theme), 4.5);
    for (const TextPair& pair : text_pairs(theme)) {
        EXPECT_GE(contrast_ratio(pair.text, pair.background), 4.5) << pair.what;
    }
}

TEST(Contrast, HighContrastThemeMeetsAaaForEveryTextPair) {
    const Theme& theme = high_contrast_theme();
    EXPECT_DOUBLE_EQ(required_contrast(theme), 7.0);
    for (const TextPair& pair : text_pairs(theme)) {
        EXPECT_GE(contrast_ratio(pair.text, pair.background), 7.0) << pair.what;
    }
}

TEST(Contrast, ThemesCoverEveryTextColour) {
    // A new text colour must be added to text_pairs(), or this count goes stale on purpose.
    EXPECT_EQ(text_pairs(normal_theme()).size(), 11U);
    EXPECT_FALSE(normal_theme().background == high_contrast_theme().background);
}

TEST(TextSize, NoRoleIsBelowTheAdaMinimum) {
    // 4.8 mm on a 0.298 mm pixel is 16.1 px of capital height; Noto's capitals are 0.733 em.
    const double min_cap_pixels = kMinimumCapHeightMillimetres / kPanelMillimetresPerPixel;
    EXPECT_NEAR(min_cap_pixels, 16.1, 0.1);
    for (const TextRole role : {TextRole::Header, TextRole::Title, TextRole::Body, TextRole::Button, TextRole::Small,
                                TextRole::Display}) {
        EXPECT_GE(text_pixels(role, false), kMinimumTextPixels);
        EXPECT_GE(text_pixels(role, false) * 0.733, min_cap_pixels);
        EXPECT_GT(text_pixels(role, true), text_pixels(role, false));
    }
}

}  // namespace
}  // namespace kiosk::ui
