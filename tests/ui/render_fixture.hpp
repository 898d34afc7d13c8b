// The renderer fixture shared by the screen tests: a renderer on the Debian fonts, one 1024×768
// surface, render-and-expect-ok, and pixel helpers.
#pragma once

#include <SDL_image.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "ui/renderer.hpp"
#include "ui/sdl_session.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {


inline std::vector<std::uint32_t> pixels_of(const SDL_Surface& surface) {
    std::vector<std::uint32_t> pixels(static_cast<std::size_t>(surface.w * surface.h));
    for (int y = 0; y < surface.h; ++y) {
        std::memcpy(pixels.data() + static_cast<std::ptrdiff_t>(y) * surface.w,
                    static_cast<const std::uint8_t*>(surface.pixels) + static_cast<std::ptrdiff_t>(y) * surface.pitch,
                    static_cast<std::size_t>(surface.w) * 4);
    }
    return pixels;
}

inline std::uint32_t argb(Color c) {
    return 0xFF000000U | (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | std::uint32_t{c.b};
}

inline std::uint32_t pixel_at(const SDL_Surface& surface, int x, int y) {
    std::uint32_t pixel = 0;
    std::memcpy(&pixel, static_cast<const std::uint8_t*>(surface.pixels) + static_cast<std::ptrdiff_t>(y) * surface.pitch + x * 4, 4);
    return pixel;
}

class RendererTest : public ::testing::Test {
protected:
    static std::filesystem::path out_dir() { return std::filesystem::path(::testing::TempDir()) / "kiosk_ui_screens"; }

    std::vector<std::uint32_t> render_ok(const ViewModel& vm, const std::string& png_name = {},
                                         const std::string& context = {}) {
        const Status status = renderer_.render(vm, *surface_);
        EXPECT_TRUE(status.ok()) << png_name << context << ": " << (status.ok() ? "" : status.error().to_string());
        if (!png_name.empty()) {
            std::filesystem::create_directories(out_dir());
            EXPECT_EQ(IMG_SavePNG(surface_.get(), (out_dir() / png_name).c_str()), 0) << IMG_GetError();
        }
        return pixels_of(*surface_);
    }

    SdlSession session_{SdlSession::Video::Off};
    Renderer renderer_{FontPaths::debian_default(), "Kiosk Bank"};
    UniqueSurface surface_ = Renderer::make_surface();
};

}  // namespace kiosk::ui
