// The screen gallery: every sample screen state, rendered in both languages and every look, as
// docs/screens/ shows it and tests/ui/reference_images_test.cpp compares it. One list for both, so
// a screen added here is both documented and guarded (docs/ui.md § The gallery and reference images).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ui/view_model.hpp"

namespace kiosk::ui {

// The index's thumbnails, and the reference size of the looks not kept at full size.
inline constexpr int kGalleryThumbnailWidth = 256;

// One screen state worth seeing: a screen's sample view-model (sample_view_models.hpp), optionally
// changed into another state of the same screen (a wrong PIN, a degraded menu, …).
struct GallerySample {
    ScreenId screen;
    std::string name;         // file-name stem, unique: "enter_pin", "enter_pin_retry"
    std::string description;  // one line for the index: what this state shows
    std::function<void(ViewModel&)> change;  // empty: the plain sample
};

// How the screen is drawn: the theme and the text size the customer chose.
struct GalleryLook {
    std::string_view suffix;  // in file names: "", "_hc", "_large", "_large_hc"
    std::string_view label;   // in the index: "normal", "high contrast", …
    Accessibility accessibility;
    // docs/screens/ keeps this look at full size (the reference image); the others only as
    // thumbnails, which keeps the committed gallery near 10 MB (docs/ui.md).
    bool full_size = false;
};

struct GalleryLanguage {
    Language language;
    std::string_view code;   // in file names: "en", "zh"
    std::string_view label;  // in the index
};

// One picture: a sample in one language and one look.
struct GalleryImage {
    const GallerySample* sample;
    const GalleryLanguage* language;
    const GalleryLook* look;

    // "enter_pin_retry_zh_large_hc.png"
    [[nodiscard]] std::string file_name() const;
    [[nodiscard]] ViewModel view_model() const;
};

// Every screen's plain sample first (ScreenId order), then the other states, each after its screen.
std::span<const GallerySample> gallery_samples();
std::span<const GalleryLook> gallery_looks();
std::span<const GalleryLanguage> gallery_languages();
// samples × languages × looks, in that nesting order.
std::vector<GalleryImage> gallery_images();

}  // namespace kiosk::ui
