// OffscreenDisplay: render into a surface kept between calls; PNG export for snapshots.
#include "ui/offscreen_display.hpp"

#include <utility>

#include "ui/layout.hpp"
#include "ui/png_file.hpp"

namespace kiosk::ui {

OffscreenDisplay::OffscreenDisplay(const FontPaths& fonts, std::string bank_name, const Viewport& viewport)
    : session_(SdlSession::Video::Off), renderer_(fonts, std::move(bank_name), viewport), surface_(Renderer::make_surface(renderer_.viewport())) {}

Status OffscreenDisplay::show(const ViewModel& vm) {
    shown_ = vm;
    pressed_.reset();
    return renderer_.render(vm, *surface_);
}

std::vector<InputEvent> OffscreenDisplay::poll_input() { return std::exchange(pending_, {}); }

void OffscreenDisplay::touch(int x, int y) {
    if (!shown_) return;
    if (auto action = hit_test(*shown_, x, y, renderer_.viewport())) pending_.push_back(InputEvent{InputEvent::Kind::Action, *action, {}, shown_->generation});
}

Status OffscreenDisplay::redraw_pressed(std::optional<std::size_t> index) {
    if (!shown_) return ok_status();
    shown_->pressed = index;
    return renderer_.render(*shown_, *surface_);
}

Status OffscreenDisplay::press(int x, int y) {
    if (!shown_) return ok_status();
    pressed_ = button_at(*shown_, x, y, renderer_.viewport());
    return pressed_ ? redraw_pressed(pressed_) : ok_status();
}

Status OffscreenDisplay::release(int x, int y) {
    if (!shown_ || !pressed_) return ok_status();
    const std::optional<std::size_t> was = std::exchange(pressed_, std::nullopt);
    if (button_at(*shown_, x, y, renderer_.viewport()) == was) touch(x, y);
    return redraw_pressed(std::nullopt);  // slid off: the button comes back up
}

Status OffscreenDisplay::save_png(const std::filesystem::path& path) const { return ui::save_png(*surface_, path); }

}  // namespace kiosk::ui
