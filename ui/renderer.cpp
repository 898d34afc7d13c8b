// Renderer: checks the target, picks theme and fonts from the view-model's accessibility
// settings, and paints background, header, card and buttons in that order — all of them, or only
// inside the area that changed since the last frame on the same surface.
#include "ui/renderer.hpp"

#include <algorithm>
#include <stdexcept>

#include "ui/canvas.hpp"
#include "ui/layout.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {
namespace {

Viewport checked(const Viewport& viewport) {
    if (auto problem = viewport_problem(viewport)) throw std::runtime_error(*problem);
    return viewport;
}

Rect united(const std::optional<Rect>& a, const Rect& b) {
    if (!a) return b;
    const int x0 = std::min(a->x, b.x);
    const int y0 = std::min(a->y, b.y);
    return Rect{x0, y0, std::max(a->right(), b.right()) - x0, std::max(a->bottom(), b.bottom()) - y0};
}

// `b` with the fields a steady frame may change set to `a`'s: equal to `a` when only those moved.
ViewModel without_ticking(const ViewModel& b, const ViewModel& a) {
    ViewModel copy = b;
    copy.activity_frame = a.activity_frame;
    copy.seconds_left = a.seconds_left;
    copy.generation = a.generation;
    return copy;
}

}  // namespace

Renderer::Renderer(const FontPaths& fonts, std::string bank_name, const Viewport& viewport)
    : viewport_(checked(viewport)),
      normal_fonts_(fonts, false, viewport_),
      large_fonts_(fonts, true, viewport_),
      bank_name_(std::move(bank_name)) {}

Renderer::~Renderer() = default;

UniqueSurface Renderer::make_surface(const Viewport& viewport) {
    UniqueSurface surface(
        SDL_CreateRGBSurfaceWithFormat(0, viewport.width, viewport.height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!surface) throw std::runtime_error(std::string("cannot allocate the screen surface: ") + SDL_GetError());
    return surface;
}


// Nothing: paint everything. An empty area: nothing changed. A rect: repaint inside it.
std::optional<std::optional<Rect>> Renderer::repaint_area(const ViewModel& vm, const SDL_Surface& target) const {
    if (!last_ || last_->target != &target || last_->pixels != target.pixels) return std::nullopt;
    const ViewModel& before = last_->vm;
    if (!(without_ticking(vm, before) == before)) return std::nullopt;
    std::optional<Rect> area;
    // Only the activity dots show activity_frame; on other screens it changes nothing.
    if (vm.activity_frame != before.activity_frame && screen_spec(vm.screen).widget == ScreenWidget::Activity) {
        if (!last_->notes.activity) return std::nullopt;
        area = united(area, *last_->notes.activity);
    }
    if (vm.seconds_left != before.seconds_left) {
        // A countdown that appears or goes changes the header's layout; the header repaints whole.
        if (vm.seconds_left.has_value() != before.seconds_left.has_value()) return std::nullopt;
        area = united(area, layout_screen(vm, viewport_).header);
        if (screen_spec(vm.screen).widget == ScreenWidget::Countdown) {
            if (!last_->notes.countdown) return std::nullopt;
            area = united(area, *last_->notes.countdown);
        }
    }
    return std::optional<std::optional<Rect>>(area);
}

Status Renderer::render(const ViewModel& vm, SDL_Surface& target) const {
    if (target.w != viewport_.width || target.h != viewport_.height || target.format->format != SDL_PIXELFORMAT_ARGB8888) {
        return make_error("ui", "render target must be a " + std::to_string(viewport_.width) + "x" +
                                    std::to_string(viewport_.height) + " ARGB8888 surface");
    }
    const auto area = repaint_area(vm, target);
    if (!area) {
        ++counts_.whole;
        return paint(vm, target, std::nullopt);
    }
    if (!*area) {
        ++counts_.unchanged;
        last_->vm = vm;
        return last_->status;
    }
    ++counts_.partial;
    return paint(vm, target, *area);
}

Status Renderer::render_full(const ViewModel& vm, SDL_Surface& target) const {
    last_.reset();
    return render(vm, target);
}

Status Renderer::paint(const ViewModel& vm, SDL_Surface& target, std::optional<Rect> area) const {
    const Theme& theme = vm.accessibility.high_contrast ? high_contrast_theme() : normal_theme();
    const FontSet& fonts = vm.accessibility.large_text ? large_fonts_ : normal_fonts_;
    const ScreenLayout layout = layout_screen(vm, viewport_);
    Canvas canvas(target, text_cache_);
    canvas.set_frame_area(area);
    FrameNotes notes;
    const PaintContext context{canvas, fonts, theme, vm, layout, viewport_, notes};

    // The background only where the header and the card leave it: painted under them it would be
    // covered at once, and at 1080p a screenful is 8 MB of pixels. The card's rounded rows and
    // its shadow are blended over it, so those rows keep their background.
    const int below_header = layout.header.bottom() + context.px(kHeaderRuleHeight);
    const int card_radius = context.px(kCardRadius);
    canvas.fill_around(Rect{0, below_header, viewport_.width, viewport_.height - below_header},
                       Rect{layout.card.x, layout.card.y + card_radius, layout.card.w, layout.card.h - 2 * card_radius},
                       theme.background);
    // Paint every part even when one fails, so the customer still sees a usable screen;
    // report the first failure.
    const Status header = paint_header(context, bank_name_);
    const Status card = paint_card(context);
    const Status buttons = paint_buttons(context);
    Status status = ok_status();
    if (!header.ok()) {
        status = header;
    } else if (!card.ok()) {
        status = card;
    } else if (!buttons.ok()) {
        status = buttons;
    } else if (canvas.clipped_text()) {
        status = make_error("ui", "text \"" + *canvas.clipped_text() + "\" does not fit its box and was cut off");
    }
    canvas.set_frame_area(std::nullopt);
    SDL_SetClipRect(&target, nullptr);
    last_ = LastFrame{&target, target.pixels, vm, notes, status};
    return status;
}

}  // namespace kiosk::ui
