// Fonts: a missing file stops start-up with its path in the message; the real Noto Sans CJK
// covers Latin and 简体中文; large-text fonts are larger; capitals meet the ADA 4.8 mm minimum.
#include "ui/font_set.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "ui/sdl_session.hpp"

namespace kiosk::ui {
namespace {

class FontSetTest : public ::testing::Test {
protected:
    SdlSession session_{SdlSession::Video::Off};
};

TEST_F(FontSetTest, MissingRegularFontNamesThePath) {
    FontPaths paths = FontPaths::debian_default();
    paths.regular = "/nonexistent/fonts/NoSuchFont-Regular.ttc";
    try {
        const FontSet fonts(paths, false);
        FAIL() << "a missing font must throw";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/fonts/NoSuchFont-Regular.ttc"), std::string::npos)
            << error.what();
    }
}

TEST_F(FontSetTest, MissingFontDirectoryNamesTheBoldOrRegularFile) {
    try {
        const FontSet fonts(FontPaths::in_directory("/nonexistent/dir"), false);
        FAIL() << "a missing font directory must throw";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/dir/NotoSansCJK-"), std::string::npos) << error.what();
    }
}

TEST_F(FontSetTest, NotoCoversLatinChineseAndTheYuanSign) {
    const FontSet fonts(FontPaths::debian_default(), false);
    for (const TextRole role : {TextRole::Body, TextRole::Title}) {
        TTF_Font& font = fonts.font(role);
        for (const Uint32 code_point : {Uint32{'A'}, Uint32{0x4E2D} /*中*/, Uint32{0x4F59} /*余*/, Uint32{0x00A5} /*¥*/,
                                        Uint32{0xFF0C} /*，*/}) {
            EXPECT_NE(TTF_GlyphIsProvided32(&font, code_point), 0) << std::hex << code_point;
        }
    }
}

TEST_F(FontSetTest, LargeTextFontsAreLarger) {
    const FontSet normal(FontPaths::debian_default(), false);
    const FontSet large(FontPaths::debian_default(), true);
    EXPECT_TRUE(large.large_text());
    EXPECT_GT(TTF_FontHeight(&large.font(TextRole::Body)), TTF_FontHeight(&normal.font(TextRole::Body)));
}

TEST_F(FontSetTest, SmallestTextHasCapitalsAtLeastFourPointEightMillimetresHigh) {
    const FontSet fonts(FontPaths::debian_default(), false);
    int min_x = 0, max_x = 0, min_y = 0, max_y = 0, advance = 0;
    ASSERT_EQ(TTF_GlyphMetrics32(&fonts.font(TextRole::Small), 'H', &min_x, &max_x, &min_y, &max_y, &advance), 0);
    const double cap_mm = (max_y - min_y) * kPanelMillimetresPerPixel;
    EXPECT_GE(cap_mm, kMinimumCapHeightMillimetres) << "capital H is " << (max_y - min_y) << " px";
}

TEST(FontSetWithoutSession, RefusesToLoad) {
    EXPECT_THROW(FontSet(FontPaths::debian_default(), false), std::runtime_error);
}

}  // namespace
}  // namespace kiosk::ui
