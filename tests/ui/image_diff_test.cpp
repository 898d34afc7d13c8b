// The reference-image comparison can fail: a moved button or a changed screen is out of
// tolerance, while a small change of every antialiased pixel is not; the diff picture marks
// exactly the changed pixels.
#include "tests/ui/image_diff.hpp"

#include <gtest/gtest.h>

#include "tests/ui/render_fixture.hpp"
#include "ui/layout.hpp"
#include "ui/sample_view_models.hpp"

namespace kiosk::ui {
namespace {

class ImageDiffTest : public RendererTest {
protected:
    UniqueSurface rendered(const ViewModel& vm) {
        render_ok(vm);
        return UniqueSurface(SDL_DuplicateSurface(surface_.get()));
    }
    ViewModel main_menu_ = sample_view_model(ScreenId::MainMenu, Language::English);
    DiffTolerance tolerance_;
};

TEST_F(ImageDiffTest, TheSameScreenMatches) {
    const UniqueSurface reference = rendered(main_menu_);
    const UniqueSurface again = rendered(main_menu_);
    const auto diff = compare_images(*again, *reference, tolerance_);
    ASSERT_TRUE(diff.ok()) << diff.error().to_string();
    EXPECT_EQ(diff->differing_pixels, 0U);
    EXPECT_EQ(diff->total_pixels, 1024U * 768U);
    EXPECT_TRUE(diff->within(tolerance_));
}

// What another FreeType build does to glyph edges: every pixel a little different.
TEST_F(ImageDiffTest, SmallChannelChangesEverywhereAreTolerated) {
    const UniqueSurface reference = rendered(main_menu_);
    UniqueSurface nudged(SDL_DuplicateSurface(reference.get()));
    for (int y = 0; y < nudged->h; ++y) {
        for (int x = 0; x < nudged->w; ++x) {
            std::uint32_t pixel = pixel_at(*nudged, x, y);
            const std::uint32_t blue = pixel & 0xFFU;
            pixel = (pixel & ~0xFFU) | (blue >= 128 ? blue - 40 : blue + 40);
            std::memcpy(static_cast<std::uint8_t*>(nudged->pixels) + static_cast<std::ptrdiff_t>(y) * nudged->pitch + x * 4,
                        &pixel, 4);
        }
    }
    const auto diff = compare_images(*nudged, *reference, tolerance_);
    ASSERT_TRUE(diff.ok());
    EXPECT_EQ(diff->differing_pixels, 0U);
}

// The layout change the reference images exist to catch: one button drawn 2 px to the right
// (about 2,400 pixels differ, three times the tolerance).
TEST_F(ImageDiffTest, AButtonMovedBy2PixelsFails) {
    const UniqueSurface reference = rendered(main_menu_);
    UniqueSurface moved(SDL_DuplicateSurface(reference.get()));
    const ScreenLayout layout = layout_screen(main_menu_);
    ASSERT_FALSE(layout.buttons.empty());
    const Rect button = layout.buttons.front().rect;
    SDL_Rect from{button.x, button.y, button.w, button.h};
    SDL_Rect to{button.x + 2, button.y, button.w, button.h};
    ASSERT_EQ(SDL_BlitSurface(reference.get(), &from, moved.get(), &to), 0) << SDL_GetError();
    const auto diff = compare_images(*moved, *reference, tolerance_);
    ASSERT_TRUE(diff.ok());
    EXPECT_FALSE(diff->within(tolerance_)) << diff->differing_pixels << " pixels differ";
    // The diff picture marks the moved edge in red and leaves the header grey.
    EXPECT_EQ(pixel_at(*diff->picture, button.right() + 1, button.y + button.h / 2), 0xFFFF0000U);
    const std::uint32_t header = pixel_at(*diff->picture, 5, 5);
    EXPECT_NE(header, 0xFFFF0000U);
    EXPECT_EQ((header >> 16) & 0xFFU, header & 0xFFU);  // grey
}

// A real rendering change: transfers greyed out on the menu.
TEST_F(ImageDiffTest, AChangedScreenFails) {
    const UniqueSurface reference = rendered(main_menu_);
    ViewModel changed = main_menu_;
    changed.menu->transfer = Offer::Unavailable;
    const UniqueSurface actual = rendered(changed);
    const auto diff = compare_images(*actual, *reference, tolerance_);
    ASSERT_TRUE(diff.ok());
    EXPECT_FALSE(diff->within(tolerance_)) << diff->differing_pixels << " pixels differ";
}

TEST_F(ImageDiffTest, ADifferentSizeIsAnErrorNamingBothSizes) {
    const UniqueSurface reference = rendered(main_menu_);
    const UniqueSurface small(SDL_CreateRGBSurfaceWithFormat(0, 256, 192, 32, SDL_PIXELFORMAT_ARGB8888));
    const auto diff = compare_images(*small, *reference, tolerance_);
    ASSERT_FALSE(diff.ok());
    EXPECT_NE(diff.error().message.find("256×192"), std::string::npos) << diff.error().message;
    EXPECT_NE(diff.error().message.find("1024×768"), std::string::npos) << diff.error().message;
}

}  // namespace
}  // namespace kiosk::ui
