// OffscreenDisplay: render into a surface kept between calls; PNG export for snapshots.
#include "ui/offscreen_display.hpp"

#include <SDL_image.h>

#include <system_error>

#include "ui/layout.hpp"

namespace kiosk::ui {

OffscreenDisplay::OffscreenDisplay(const FontPaths& fonts, std::string bank_name, const Viewport& viewport)
    : session_(SdlSession::Video::Off), renderer_(fonts, std::move(bank_name), viewport), surface_(Renderer::make_surface(renderer_.viewport())) {}

Status OffscreenDisplay::show(const ViewModel& vm) {
    shown_ = vm;
    return renderer_.render(vm, *surface_);
}

std::vector<InputEvent> OffscreenDisplay::poll_input() { return std::exchange(pending_, {}); }

void OffscreenDisplay::touch(int x, int y) {
    if (!shown_) return;
    if (auto action = hit_test(*shown_, x, y, renderer_.viewport())) pending_.push_back(InputEvent{InputEvent::Kind::Action, *action, {}, shown_->generation});
}

Status OffscreenDisplay::save_png(const std::filesystem::path& path) const {
    std::error_code error;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
    if (error) return make_error("filesystem", "cannot create " + path.parent_path().string() + ": " + error.message());
    if (IMG_SavePNG(surface_.get(), path.c_str()) != 0) {
        return make_error("sdl_image", "cannot write " + path.string() + ": " + IMG_GetError());
    }
    return ok_status();
}

}  // namespace kiosk::ui
