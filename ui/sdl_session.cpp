// SDL subsystems and TTF are reference-counted by SDL itself, so several sessions (a display and a
// test fixture, say) may overlap; the last one out releases SDL's remaining global state.
#include "ui/sdl_session.hpp"

#include <SDL.h>
#include <SDL_ttf.h>

#include <stdexcept>
#include <string>

namespace kiosk::ui {

SdlSession::SdlSession(Video video) : video_(video) {
    if (video_ == Video::On && SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        throw std::runtime_error(std::string("SDL video subsystem failed to start: ") + SDL_GetError());
    }
    if (TTF_Init() != 0) {
        const std::string message = std::string("SDL_ttf failed to start: ") + TTF_GetError();
        if (video_ == Video::On) SDL_QuitSubSystem(SDL_INIT_VIDEO);
        throw std::runtime_error(message);
    }
}

SdlSession::~SdlSession() {
    TTF_Quit();
    if (video_ == Video::On) SDL_QuitSubSystem(SDL_INIT_VIDEO);
    // SDL_Quit also frees hints and other globals; only safe once nobody else holds a subsystem.
    if (SDL_WasInit(SDL_INIT_EVERYTHING) == 0 && TTF_WasInit() == 0) SDL_Quit();
}

}  // namespace kiosk::ui
