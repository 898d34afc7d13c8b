// The gallery covers every screen, names every picture uniquely, and its thumbnails and PNG files
// keep what they should (ui/gallery.hpp, ui/thumbnail.hpp, ui/png_file.hpp).
#include "ui/gallery.hpp"

#include <gtest/gtest.h>

#include <set>

#include "tests/ui/render_fixture.hpp"
#include "ui/png_file.hpp"
#include "ui/screens.hpp"
#include "ui/thumbnail.hpp"

namespace kiosk::ui {
namespace {

TEST(Gallery, EveryScreenHasAtLeastOneSample) {
    std::set<ScreenId> shown;
    for (const GallerySample& sample : gallery_samples()) shown.insert(sample.screen);
    for (const ScreenSpec& spec : all_screens()) EXPECT_TRUE(shown.count(spec.id) == 1) << spec.name << " is not in ui/gallery.cpp";
}

TEST(Gallery, EveryPictureHasItsOwnFileName) {
    std::set<std::string> files;
    const auto images = gallery_images();
    for (const GalleryImage& image : images) EXPECT_TRUE(files.insert(image.file_name()).second) << image.file_name();
    EXPECT_EQ(images.size(), gallery_samples().size() * gallery_languages().size() * gallery_looks().size());
    EXPECT_TRUE(files.count("enter_pin_retry_zh_large_hc.png") == 1);
    EXPECT_TRUE(files.count("main_menu_en.png") == 1);
}

TEST(Gallery, APictureHasItsSamplesLanguageLookAndChange) {
    for (const GalleryImage& image : gallery_images()) {
        if (image.file_name() != "enter_pin_retry_zh_large_hc.png") continue;
        const ViewModel vm = image.view_model();
        EXPECT_EQ(vm.screen, ScreenId::EnterPin);
        EXPECT_EQ(vm.language, Language::SimplifiedChinese);
        EXPECT_TRUE(vm.accessibility.large_text);
        EXPECT_TRUE(vm.accessibility.high_contrast);
        EXPECT_EQ(vm.message_key, "pin.wrong");
        return;
    }
    FAIL() << "enter_pin_retry_zh_large_hc.png is not in the gallery";
}

class ThumbnailTest : public RendererTest {};

// Left half black, right half white: the thumbnail keeps the halves and the aspect.
TEST_F(ThumbnailTest, KeepsTheAspectAndTheContent) {
    SDL_Rect left{0, 0, 512, 768};
    ASSERT_EQ(SDL_FillRect(surface_.get(), nullptr, 0xFFFFFFFFU), 0);
    ASSERT_EQ(SDL_FillRect(surface_.get(), &left, 0xFF000000U), 0);
    const auto thumbnail = make_thumbnail(*surface_, 256);
    ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().to_string();
    EXPECT_EQ((*thumbnail)->w, 256);
    EXPECT_EQ((*thumbnail)->h, 192);
    EXPECT_EQ(pixel_at(**thumbnail, 10, 100), 0xFF000000U);
    EXPECT_EQ(pixel_at(**thumbnail, 245, 100), 0xFFFFFFFFU);
    const auto odd = make_thumbnail(*surface_, 300);
    ASSERT_TRUE(odd.ok());
    EXPECT_EQ((*odd)->h, 225);
}

TEST_F(ThumbnailTest, RefusesAWidthOutsideTheScreen) {
    for (const int width : {0, -5, 1025}) {
        const auto thumbnail = make_thumbnail(*surface_, width);
        ASSERT_FALSE(thumbnail.ok()) << width;
        EXPECT_NE(thumbnail.error().message.find(std::to_string(width)), std::string::npos);
    }
}

TEST_F(ThumbnailTest, PngRoundTripIsExactAndAMissingFileIsNamed) {
    const std::vector<std::uint32_t> drawn = render_ok(gallery_images().front().view_model());
    const std::filesystem::path file = out_dir() / "gallery_round_trip.png";
    ASSERT_TRUE(save_png(*surface_, file).ok());
    const auto loaded = load_png(file);
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
    // RGB exactly; alpha is dropped on the way (screens are opaque, some blits leave alpha below 255).
    std::vector<std::uint32_t> back = pixels_of(**loaded);
    ASSERT_EQ(back.size(), drawn.size());
    std::size_t different = 0;
    for (std::size_t i = 0; i < back.size(); ++i) different += (back[i] & 0xFFFFFFU) != (drawn[i] & 0xFFFFFFU) ? 1U : 0U;
    EXPECT_EQ(different, 0U);
    const auto missing = load_png(out_dir() / "no_such_screen.png");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("no_such_screen.png"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::ui
