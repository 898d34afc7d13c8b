// Thumbnails by repeated halving with SDL_SoftStretchLinear (SDL 2.0.16+).
#include "ui/thumbnail.hpp"

#include <string>

namespace kiosk::ui {
namespace {

Result<UniqueSurface> stretched(SDL_Surface& from, int width, int height) {
    UniqueSurface to(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, from.format->format));
    if (!to) return make_error("sdl", std::string("cannot allocate a thumbnail: ") + SDL_GetError());
    if (SDL_SoftStretchLinear(&from, nullptr, to.get(), nullptr) != 0) {
        return make_error("sdl", std::string("cannot scale a thumbnail: ") + SDL_GetError());
    }
    return to;
}

}  // namespace

Result<UniqueSurface> make_thumbnail(const SDL_Surface& screen, int width) {
    if (width < 1 || width > screen.w) {
        return make_error("thumbnail", "width " + std::to_string(width) + " is not between 1 and the screen's " +
                                           std::to_string(screen.w));
    }
    // SDL_SoftStretchLinear takes non-const surfaces but only reads the source.
    UniqueSurface current(SDL_DuplicateSurface(const_cast<SDL_Surface*>(&screen)));
    if (!current) return make_error("sdl", std::string("cannot copy the screen: ") + SDL_GetError());
    while (current->w >= 2 * width) {
        auto half = stretched(*current, current->w / 2, current->h / 2);
        if (!half.ok()) return half.error();
        current = std::move(half).value();
    }
    if (current->w == width) return current;
    const int height = static_cast<int>(static_cast<long long>(screen.h) * width / screen.w);
    return stretched(*current, width, height < 1 ? 1 : height);
}

}  // namespace kiosk::ui
