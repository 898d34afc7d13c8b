// WindowDisplay. The screen is drawn in software (the same pixels as offscreen and the PNGs) at
// the viewport's size and uploaded to a streaming texture. Full screen, the viewport is the
// panel's own mode, so nothing is scaled; SDL's logical size still maps input coordinates to the
// viewport's pixels when a configured size differs from the panel's (or a dev window is shrunk).
#include "ui/window_display.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "ui/layout.hpp"

namespace kiosk::ui {
namespace {

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + SDL_GetError()); }

// Needs the video subsystem (the SdlSession member is built first).
Viewport choose_viewport(bool fullscreen, const DisplaySize& size) {
    SDL_DisplayMode mode{};
    if (SDL_GetDesktopDisplayMode(0, &mode) != 0) {
        if (fullscreen && !(size.width && size.height)) fail("cannot read the panel's resolution");
        mode.w = kScreenWidth;
        mode.h = kScreenHeight;
    }
    if (fullscreen) return resolve_viewport(size, mode.w, mode.h);
    return resolve_viewport(size, kScreenWidth, kScreenHeight);
}

// A development window no larger than the desktop (it keeps the viewport's aspect; SDL scales).
void window_size(const Viewport& viewport, int& width, int& height) {
    width = viewport.width;
    height = viewport.height;
    SDL_Rect usable{};
    if (SDL_GetDisplayUsableBounds(0, &usable) != 0 || usable.w <= 0 || usable.h <= 0) return;
    const double shrink = std::min({1.0, static_cast<double>(usable.w) / width, static_cast<double>(usable.h) / height});
    width = static_cast<int>(width * shrink);
    height = static_cast<int>(height * shrink);
}

}  // namespace

WindowDisplay::WindowDisplay(const FontPaths& fonts, std::string bank_name, bool fullscreen, const DisplaySize& size)
    : session_(SdlSession::Video::On),
      renderer_(fonts, std::move(bank_name), choose_viewport(fullscreen, size)),
      surface_(Renderer::make_surface(renderer_.viewport())) {
    // The software renderer presents through the window's framebuffer. Left to itself SDL makes
    // that framebuffer an OpenGL texture, which loads Mesa (llvmpipe: LLVM, eight threads, about
    // 95 MB resident in `kiosk --sim`); "0" keeps it a plain X11/KMS framebuffer. An
    // SDL_FRAMEBUFFER_ACCELERATION in the environment still wins (a developer's GPU test).
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    const Viewport& view = renderer_.viewport();
    const Uint32 flags = fullscreen ? static_cast<Uint32>(SDL_WINDOW_FULLSCREEN_DESKTOP) : 0U;
    int width = view.width;
    int height = view.height;
    if (!fullscreen) window_size(view, width, height);
    window_.reset(SDL_CreateWindow("Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags));
    if (!window_) fail("cannot create the kiosk window");
    // Software presenting: one upload per screen change needs no GPU, and it keeps GL drivers
    // (and their start-up failures and leaks) out of the kiosk.
    presenter_.reset(SDL_CreateRenderer(window_.get(), -1, SDL_RENDERER_SOFTWARE));
    if (!presenter_) fail("cannot create an SDL renderer for the kiosk window");
    if (SDL_RenderSetLogicalSize(presenter_.get(), view.width, view.height) != 0) fail("cannot set logical size");
    texture_.reset(SDL_CreateTexture(presenter_.get(), SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING,
                                     view.width, view.height));
    if (!texture_) fail("cannot create the screen texture");
    if (fullscreen) SDL_ShowCursor(SDL_DISABLE);  // a kiosk has no mouse pointer
}

Status WindowDisplay::show(const ViewModel& vm) {
    shown_ = vm;
    pressed_.reset();  // a press on the previous screen must not fire on this one
    lift_pending_ = false;
    const Status drawn = renderer_.render(vm, *surface_);
    const Status presented = present();
    return presented.ok() ? drawn : presented;
}

Status WindowDisplay::present() {
    if (SDL_UpdateTexture(texture_.get(), nullptr, surface_->pixels, surface_->pitch) != 0 ||
        SDL_RenderClear(presenter_.get()) != 0 || SDL_RenderCopy(presenter_.get(), texture_.get(), nullptr, nullptr) != 0) {
        return make_error("sdl", std::string("cannot present the screen: ") + SDL_GetError());
    }
    SDL_RenderPresent(presenter_.get());
    return ok_status();
}

Status WindowDisplay::present_pressed(std::optional<std::size_t> index) {
    if (!shown_ || shown_->pressed == index) return ok_status();
    shown_->pressed = index;
    const Status drawn = renderer_.render(*shown_, *surface_);
    const Status presented = present();
    return presented.ok() ? drawn : presented;
}

std::vector<InputEvent> WindowDisplay::poll_input() {
    std::vector<InputEvent> events;
    if (std::exchange(lift_pending_, false)) (void)present_pressed(std::nullopt);
    SDL_Event event;
    while (SDL_PollEvent(&event) != 0) {
        switch (event.type) {
            case SDL_QUIT: events.push_back(InputEvent{InputEvent::Kind::Quit, {}, {}}); break;
            case SDL_KEYDOWN:
                if (event.key.repeat == 0) {
                    events.push_back(InputEvent{InputEvent::Kind::Key, {}, SDL_GetKeyName(event.key.keysym.sym)});
                }
                break;
            // Touches arrive as SDL's synthesized mouse events too; handling only the mouse
            // events counts each touch once. A button fires when pressed and released on it, so
            // a finger that slides off can still change its mind.
            case SDL_MOUSEBUTTONDOWN:
                if (event.button.button == SDL_BUTTON_LEFT && shown_) {
                    pressed_ = hit_test(*shown_, event.button.x, event.button.y, viewport());
                    // The customer sees the press at once; its action waits for the release.
                    (void)present_pressed(button_at(*shown_, event.button.x, event.button.y, viewport()));
                }
                break;
            case SDL_MOUSEBUTTONUP:
                if (event.button.button == SDL_BUTTON_LEFT && shown_ && pressed_) {
                    if (hit_test(*shown_, event.button.x, event.button.y, viewport()) == pressed_) {
                        events.push_back(InputEvent{InputEvent::Kind::Action, *pressed_, {}, shown_->generation});
                        lift_pending_ = true;
                    } else {
                        (void)present_pressed(std::nullopt);  // slid off: the button comes back up
                    }
                    pressed_.reset();
                }
                break;
            default: break;
        }
    }
    return events;
}

}  // namespace kiosk::ui
