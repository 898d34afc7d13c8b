// One std::unique_ptr alias per SDL handle type, each with the SDL function that frees it, so no
// code in ui/ ever calls a *_Free / *_Destroy / *_Close by hand (style.md: RAII for every C handle).
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <memory>

namespace kiosk::ui {

struct SurfaceDeleter {
    void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
struct WindowDeleter {
    void operator()(SDL_Window* window) const { SDL_DestroyWindow(window); }
};
struct RendererDeleter {
    void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};
struct TextureDeleter {
    void operator()(SDL_Texture* texture) const { SDL_DestroyTexture(texture); }
};
struct FontDeleter {
    void operator()(TTF_Font* font) const { TTF_CloseFont(font); }
};

using UniqueSurface = std::unique_ptr<SDL_Surface, SurfaceDeleter>;
using UniqueWindow = std::unique_ptr<SDL_Window, WindowDeleter>;
using UniqueRenderer = std::unique_ptr<SDL_Renderer, RendererDeleter>;
using UniqueTexture = std::unique_ptr<SDL_Texture, TextureDeleter>;
using UniqueFont = std::unique_ptr<TTF_Font, FontDeleter>;

}  // namespace kiosk::ui
