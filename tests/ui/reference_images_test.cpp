// Every gallery screen (ui/gallery.hpp), in both languages and every look, is drawn as its
// reference image in docs/screens/ shows it, within DiffTolerance: at full size for the looks kept
// full size (normal), as its thumbnail (docs/screens/thumbs/) for the others. A layout change therefore shows
// up as a failing test with an actual and a diff PNG to look at, and lands as a reviewed image
// diff after `make screens` (docs/ui.md § The gallery and reference images).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "tests/ui/image_diff.hpp"
#include "ui/gallery.hpp"
#include "ui/png_file.hpp"
#include "ui/renderer.hpp"
#include "ui/sdl_session.hpp"
#include "ui/thumbnail.hpp"

namespace kiosk::ui {
namespace {

const std::filesystem::path kReferenceDir = std::filesystem::path(KIOSK_SOURCE_DIR) / "docs" / "screens";
const std::filesystem::path kFailureDir = KIOSK_UI_DIFF_DIR;

std::string percent(double fraction) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f %%", fraction * 100.0);
    return text;
}

class ReferenceImageTest : public ::testing::TestWithParam<const GallerySample*> {
protected:
    // "" when `actual` matches the reference for `image`; otherwise what is wrong, the files
    // written for review, and how to accept the change.
    std::string check(const GalleryImage& image, const SDL_Surface& screen) const {
        const std::string file = image.file_name();
        const std::filesystem::path reference_file =
            image.look->full_size ? kReferenceDir / file : kReferenceDir / "thumbs" / file;
        auto reference = load_png(reference_file);
        if (!reference.ok()) {
            return reference.error().to_string() + " — run `make screens` and commit docs/screens/ to add it";
        }
        UniqueSurface thumbnail;
        if (!image.look->full_size) {
            auto made = make_thumbnail(screen, kGalleryThumbnailWidth);
            if (!made.ok()) return file + ": " + made.error().to_string();
            thumbnail = std::move(made).value();
        }
        const SDL_Surface& actual = thumbnail ? *thumbnail : screen;
        auto diff = compare_images(actual, **reference, tolerance_);
        if (!diff.ok()) return reference_file.string() + ": " + diff.error().to_string();
        if (diff->within(tolerance_)) return {};
        const std::filesystem::path stem = kFailureDir / std::filesystem::path(file).stem();
        const std::string actual_png = stem.string() + ".actual.png";
        const std::string diff_png = stem.string() + ".diff.png";
        std::string message = file + ": " + std::to_string(diff->differing_pixels) + " of " +
                              std::to_string(diff->total_pixels) + " pixels (" + percent(diff->fraction()) +
                              ") differ by more than " + std::to_string(tolerance_.channel_delta) + " from " +
                              reference_file.string() + " (allowed " + percent(tolerance_.max_fraction) + ").\n" +
                              "  actual: " + actual_png + "\n  diff (changes in red): " + diff_png;
        for (const Status& wrote : {save_png(actual, actual_png), save_png(*diff->picture, diff_png)}) {
            if (!wrote.ok()) message += "\n  " + wrote.error().to_string();
        }
        if (thumbnail) {
            const std::string full_png = stem.string() + ".actual-full.png";
            const Status wrote = save_png(screen, full_png);
            message += "\n  actual, full size: " + (wrote.ok() ? full_png : wrote.error().to_string());
        }
        return message + "\n  If the change is intended: `make screens`, look at the images, commit docs/screens/.";
    }

    SdlSession session_{SdlSession::Video::Off};
    Renderer renderer_{FontPaths::debian_default(), "Kiosk Bank 自助银行"};  // as ui_preview draws the gallery
    UniqueSurface surface_ = Renderer::make_surface();
    DiffTolerance tolerance_;
};

TEST_P(ReferenceImageTest, LooksLikeItsReferenceImage) {
    for (const GalleryImage& image : gallery_images()) {
        if (image.sample != GetParam()) continue;
        // The layout error, if any, is ui_tests' business; here only the pixels count.
        (void)renderer_.render(image.view_model(), *surface_);
        const std::string problem = check(image, *surface_);
        EXPECT_TRUE(problem.empty()) << problem;
    }
}

// A picture no sample makes any more (a renamed or dropped sample) would mislead a reviewer:
// `make screens` clears docs/screens/ before writing, and this test catches a hand-made leftover.
TEST(ReferenceImages, EveryCommittedPictureIsAGalleryPicture) {
    std::set<std::string> expected;
    for (const GalleryImage& image : gallery_images()) expected.insert(image.file_name());
    std::size_t seen = 0;
    for (const auto& dir : {kReferenceDir, kReferenceDir / "thumbs"}) {
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() != ".png") continue;
            ++seen;
            EXPECT_TRUE(expected.count(entry.path().filename().string()) == 1)
                << entry.path().string() << " is no gallery picture: run `make screens`";
        }
    }
    EXPECT_GT(seen, expected.size());  // every thumbnail, and the full-size looks
}

std::vector<const GallerySample*> every_sample() {
    std::vector<const GallerySample*> samples;
    for (const GallerySample& sample : gallery_samples()) samples.push_back(&sample);
    return samples;
}

INSTANTIATE_TEST_SUITE_P(Gallery, ReferenceImageTest, ::testing::ValuesIn(every_sample()),
                         [](const ::testing::TestParamInfo<const GallerySample*>& sample) { return sample.param->name; });

}  // namespace
}  // namespace kiosk::ui
