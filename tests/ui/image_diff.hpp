// Compares a rendered screen with its reference image, with a tolerance that survives font
// hinting differences between machines but not a layout change (tests/ui/reference_images_test.cpp).
#pragma once

#include <cstddef>
#include <string>

#include "common/result.hpp"
#include "ui/sdl_handles.hpp"

namespace kiosk::ui {

struct DiffTolerance {
    // A pixel differs when any of its R, G, B channels moved by more than this (0–255). Antialiased
    // glyph edges from another FreeType build move by less; a moved edge goes from one colour to another.
    int channel_delta = 48;
    // The images match while at most this fraction of pixels differ: 0.1 % of 1024×768 is 786
    // pixels; one menu button moved by 2 px changes about 2,400 (image_diff_test).
    double max_fraction = 0.001;
};

struct ImageDiff {
    std::size_t differing_pixels = 0;
    std::size_t total_pixels = 0;
    // The reference dimmed to grey, every differing pixel in full red: where to look.
    UniqueSurface picture;

    [[nodiscard]] double fraction() const {
        return total_pixels == 0 ? 0.0 : static_cast<double>(differing_pixels) / static_cast<double>(total_pixels);
    }
    [[nodiscard]] bool within(const DiffTolerance& tolerance) const { return fraction() <= tolerance.max_fraction; }
};

// Both surfaces must be SDL_PIXELFORMAT_ARGB8888 of the same size; otherwise an error naming the
// sizes or format. Alpha is ignored (screens are opaque).
Result<ImageDiff> compare_images(const SDL_Surface& actual, const SDL_Surface& reference, const DiffTolerance& tolerance);

}  // namespace kiosk::ui
