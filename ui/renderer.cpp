// Renderer: checks the target, picks theme and fonts from the view-model's accessibility
// settings, and paints background, header, card and buttons in that order.
#include "ui/renderer.hpp"

#include <stdexcept>

#include "ui/canvas.hpp"
#include "ui/layout.hpp"
#include "ui/screen_painter.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

Renderer::Renderer(const FontPaths& fonts, std::string bank_name)
    : normal_fonts_(fonts, false), large_fonts_(fonts, true), bank_name_(std::move(bank_name)) {}

UniqueSurface Renderer::make_surface() {
    UniqueSurface surface(SDL_CreateRGBSurfaceWithFormat(0, kScreenWidth, kScreenHeight, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!surface) throw std::runtime_error(std::string("cannot allocate the screen surface: ") + SDL_GetError());
    return surface;
}

Status Renderer::render(const ViewModel& vm, SDL_Surface& target) const {
    if (target.w != kScreenWidth || target.h != kScreenHeight || target.format->format != SDL_PIXELFORMAT_ARGB8888) {
        return make_error("ui", "render target must be a 1024x768 ARGB8888 surface");
    }
    const Theme& theme = vm.accessibility.high_contrast ? high_contrast_theme() : normal_theme();
    const FontSet& fonts = vm.accessibility.large_text ? large_fonts_ : normal_fonts_;
    const ScreenLayout layout = layout_screen(vm);
    Canvas canvas(target);
    const PaintContext context{canvas, fonts, theme, vm, layout};

    canvas.clear_clip();
    canvas.fill(Rect{0, 0, kScreenWidth, kScreenHeight}, theme.background);
    // Paint every part even when one fails, so the customer still sees a usable screen;
    // report the first failure.
    const Status header = paint_header(context, bank_name_);
    const Status card = paint_card(context);
    const Status buttons = paint_buttons(context);
    if (!header.ok()) return header;
    if (!card.ok()) return card;
    return buttons;
}

}  // namespace kiosk::ui
