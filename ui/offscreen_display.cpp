// OffscreenDisplay: render into a surface kept between calls; PNG export for snapshots.
#include "ui/offscreen_display.hpp"

#include <utility>

#include "ui/layout.hpp"
#include "ui/png_file.hpp"

namespace kiosk::ui {

OffscreenDisplay::OffscreenDisplay(const FontPaths& fonts, std::string bank_name)
    : session_(SdlSession::Video::Off), renderer_(fonts, std::move(bank_name)), surface_(Renderer::make_surface()) {}

Status OffscreenDisplay::show(const ViewModel& vm) {
    shown_ = vm;
    return renderer_.render(vm, *surface_);
}

std::vector<InputEvent> OffscreenDisplay::poll_input() { return std::exchange(pending_, {}); }

void OffscreenDisplay::touch(int x, int y) {
    if (!shown_) return;
    if (auto action = hit_test(*shown_, x, y)) pending_.push_back(InputEvent{InputEvent::Kind::Action, *action, {}, shown_->generation});
}

Status OffscreenDisplay::save_png(const std::filesystem::path& path) const { return ui::save_png(*surface_, path); }

}  // namespace kiosk::ui
