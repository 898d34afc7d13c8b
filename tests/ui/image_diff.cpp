// Per-pixel channel comparison and the red-on-grey diff picture.
#include "tests/ui/image_diff.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace kiosk::ui {
namespace {

std::uint32_t read_pixel(const SDL_Surface& surface, int x, int y) {
    std::uint32_t pixel = 0;
    std::memcpy(&pixel,
                static_cast<const std::uint8_t*>(surface.pixels) + static_cast<std::ptrdiff_t>(y) * surface.pitch +
                    static_cast<std::ptrdiff_t>(x) * 4,
                4);
    return pixel;
}

void write_pixel(SDL_Surface& surface, int x, int y, std::uint32_t pixel) {
    std::memcpy(static_cast<std::uint8_t*>(surface.pixels) + static_cast<std::ptrdiff_t>(y) * surface.pitch +
                    static_cast<std::ptrdiff_t>(x) * 4,
                &pixel, 4);
}

int channel(std::uint32_t pixel, int shift) { return static_cast<int>((pixel >> shift) & 0xFFU); }

bool differs(std::uint32_t a, std::uint32_t b, int delta) {
    for (const int shift : {16, 8, 0}) {
        if (std::abs(channel(a, shift) - channel(b, shift)) > delta) return true;
    }
    return false;
}

// The reference as a light grey, so the red marks stand out but the layout stays readable.
std::uint32_t dimmed(std::uint32_t pixel) {
    const int luma = (channel(pixel, 16) * 299 + channel(pixel, 8) * 587 + channel(pixel, 0) * 114) / 1000;
    const auto grey = static_cast<std::uint32_t>(160 + luma * 95 / 255);
    return 0xFF000000U | (grey << 16) | (grey << 8) | grey;
}

std::string size_of(const SDL_Surface& surface) {
    return std::to_string(surface.w) + "×" + std::to_string(surface.h) + " " +
           SDL_GetPixelFormatName(surface.format->format);
}

}  // namespace

Result<ImageDiff> compare_images(const SDL_Surface& actual, const SDL_Surface& reference, const DiffTolerance& tolerance) {
    if (actual.w != reference.w || actual.h != reference.h || actual.format->format != SDL_PIXELFORMAT_ARGB8888 ||
        reference.format->format != SDL_PIXELFORMAT_ARGB8888) {
        return make_error("image_diff", "cannot compare a " + size_of(actual) + " image with a " + size_of(reference) +
                                            " reference (both must be the same size, ARGB8888)");
    }
    ImageDiff diff;
    diff.total_pixels = static_cast<std::size_t>(actual.w) * static_cast<std::size_t>(actual.h);
    diff.picture.reset(SDL_CreateRGBSurfaceWithFormat(0, actual.w, actual.h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!diff.picture) return make_error("sdl", std::string("cannot allocate the diff picture: ") + SDL_GetError());
    for (int y = 0; y < actual.h; ++y) {
        for (int x = 0; x < actual.w; ++x) {
            const std::uint32_t expected = read_pixel(reference, x, y);
            const bool changed = differs(read_pixel(actual, x, y), expected, tolerance.channel_delta);
            if (changed) ++diff.differing_pixels;
            write_pixel(*diff.picture, x, y, changed ? 0xFFFF0000U : dimmed(expected));
        }
    }
    return diff;
}

}  // namespace kiosk::ui
