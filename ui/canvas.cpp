// Shapes are filled by coverage: each edge pixel gets the fraction of it inside the shape
// (from a signed distance), which gives smooth curves without a GPU or an extra library.
#include "ui/canvas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "ui/sdl_handles.hpp"

namespace kiosk::ui {
namespace {

std::uint32_t argb(Color c) {
    return 0xFF000000U | (static_cast<std::uint32_t>(c.r) << 16) | (static_cast<std::uint32_t>(c.g) << 8) |
           static_cast<std::uint32_t>(c.b);
}

std::uint8_t mix(std::uint32_t over, std::uint32_t under, double coverage) {
    const double value = static_cast<double>(over) * coverage + static_cast<double>(under) * (1.0 - coverage);
    return static_cast<std::uint8_t>(std::clamp(std::lround(value), 0L, 255L));
}

// Signed distance from a point to a rounded rectangle's edge (negative inside).
double rounded_rect_distance(double px, double py, const Rect& r, double radius) {
    const double half_w = r.w / 2.0;
    const double half_h = r.h / 2.0;
    const double qx = std::abs(px - (r.x + half_w)) - (half_w - radius);
    const double qy = std::abs(py - (r.y + half_h)) - (half_h - radius);
    const double outside = std::hypot(std::max(qx, 0.0), std::max(qy, 0.0));
    return outside + std::min(std::max(qx, qy), 0.0) - radius;
}

Rect intersect(const Rect& a, const Rect& b) {
    const int x0 = std::max(a.x, b.x);
    const int y0 = std::max(a.y, b.y);
    const int x1 = std::min(a.right(), b.right());
    const int y1 = std::min(a.bottom(), b.bottom());
    return Rect{x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

bool inside(const Rect& inner, const Rect& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() && inner.bottom() <= outer.bottom();
}

}  // namespace

Canvas::Canvas(SDL_Surface& surface, TextCache& cache) : surface_(surface), cache_(cache) { apply_clip(); }

void Canvas::apply_clip() {
    Rect clip{0, 0, surface_.w, surface_.h};
    if (box_) clip = intersect(clip, *box_);
    if (frame_area_) clip = intersect(clip, *frame_area_);
    clip_ = clip;
    const SDL_Rect area{clip.x, clip.y, clip.w, clip.h};
    SDL_SetClipRect(&surface_, &area);
}

void Canvas::set_frame_area(std::optional<Rect> area) {
    frame_area_ = area;
    apply_clip();
}

void Canvas::fill(const Rect& rect, Color color) {
    const SDL_Rect area{rect.x, rect.y, rect.w, rect.h};
    SDL_FillRect(&surface_, &area, argb(color));  // clips to the surface's clip rect itself
}

void Canvas::fill_rounded(const Rect& rect, int radius, Color color) {
    radius = std::clamp(radius, 0, std::min(rect.w, rect.h) / 2);
    // The cross-shaped interior is solid: fill it fast, then shade only the four corner squares.
    fill(Rect{rect.x + radius, rect.y, rect.w - 2 * radius, rect.h}, color);
    fill(Rect{rect.x, rect.y + radius, radius, rect.h - 2 * radius}, color);
    fill(Rect{rect.right() - radius, rect.y + radius, radius, rect.h - 2 * radius}, color);
    const Rect corners[] = {{rect.x, rect.y, radius, radius},
                            {rect.right() - radius, rect.y, radius, radius},
                            {rect.x, rect.bottom() - radius, radius, radius},
                            {rect.right() - radius, rect.bottom() - radius, radius, radius}};
    for (const Rect& corner : corners) {
        for (int y = corner.y; y < corner.bottom(); ++y) {
            for (int x = corner.x; x < corner.right(); ++x) {
                const double d = rounded_rect_distance(x + 0.5, y + 0.5, rect, radius);
                blend(x, y, color, std::clamp(0.5 - d, 0.0, 1.0));
            }
        }
    }
}

void Canvas::fill_rounded_ring(const Rect& rect, int radius, int thickness, Color color) {
    radius = std::clamp(radius, 0, std::min(rect.w, rect.h) / 2);
    // The rounded rectangle drawn through four strips: the corner rows in full, the straight sides
    // `thickness` wide. The caller fills the inside, corners included (they lie in the strips).
    const std::optional<Rect> box = box_;
    const Rect strips[] = {{rect.x, rect.y, rect.w, radius},
                           {rect.x, rect.bottom() - radius, rect.w, radius},
                           {rect.x, rect.y + radius, thickness, rect.h - 2 * radius},
                           {rect.right() - thickness, rect.y + radius, thickness, rect.h - 2 * radius}};
    for (const Rect& strip : strips) {
        box_ = box ? intersect(*box, strip) : strip;
        apply_clip();
        fill_rounded(rect, radius, color);
    }
    box_ = box;
    apply_clip();
}

void Canvas::fill_circle(int centre_x, int centre_y, int radius, Color color) {
    for (int y = centre_y - radius - 1; y <= centre_y + radius; ++y) {
        for (int x = centre_x - radius - 1; x <= centre_x + radius; ++x) {
            const double d = std::hypot(x + 0.5 - centre_x, y + 0.5 - centre_y) - radius;
            blend(x, y, color, std::clamp(0.5 - d, 0.0, 1.0));
        }
    }
}

void Canvas::fill_arrow_head(int apex_x, int apex_y, int half_width, int height, bool points_down, Color color) {
    for (int row = 0; row < height; ++row) {
        // Row 0 is the apex; the triangle widens linearly to half_width at the base.
        const double half = half_width * (row + 0.5) / height;
        const int y = points_down ? apex_y - row : apex_y + row;
        for (int x = apex_x - half_width - 1; x <= apex_x + half_width + 1; ++x) {
            const double inside = half - std::abs(x + 0.5 - apex_x);
            blend(x, y, color, std::clamp(inside + 0.5, 0.0, 1.0));
        }
    }
}

void Canvas::clip_to(const Rect& rect) {
    box_ = rect;
    apply_clip();
}

void Canvas::clear_clip() {
    box_.reset();
    apply_clip();
}

Status Canvas::text(TTF_Font& font, std::string_view text, Color color, int x, int y) {
    if (text.empty()) return ok_status();
    auto shaped = cache_.shaped(font, text, color);
    if (!shaped.ok()) return shaped.error();
    const ShapedText& piece = **shaped;
    if (piece.ink.w > 0) {
        const Rect ink{x + piece.ink.x, y + piece.ink.y, piece.ink.w, piece.ink.h};
        Rect allowed{0, 0, surface_.w, surface_.h};
        if (box_) allowed = intersect(allowed, *box_);
        if (!inside(ink, allowed) && !clipped_text_) clipped_text_ = std::string(text);
    }
    if (intersect(Rect{x, y, piece.surface->w, piece.surface->h}, clip_).w == 0) return ok_status();
    SDL_Rect where{x, y, piece.surface->w, piece.surface->h};
    if (SDL_BlitSurface(piece.surface.get(), nullptr, &surface_, &where) != 0) {
        return make_error("sdl", std::string("cannot blit text: ") + SDL_GetError());
    }
    return ok_status();
}

void Canvas::blend(int x, int y, Color color, double coverage) {
    if (coverage <= 0.0) return;
    if (!clip_.contains(x, y)) return;
    auto* row = static_cast<std::uint8_t*>(surface_.pixels) + static_cast<std::ptrdiff_t>(y) * surface_.pitch;
    std::uint8_t* at = row + static_cast<std::ptrdiff_t>(x) * 4;
    std::uint32_t under = 0;
    std::memcpy(&under, at, sizeof under);  // memcpy: no aliasing or alignment assumptions
    const std::uint32_t over = argb(color);
    const std::uint32_t mixed = 0xFF000000U | (static_cast<std::uint32_t>(mix((over >> 16) & 0xFFU, (under >> 16) & 0xFFU, coverage)) << 16) |
                                (static_cast<std::uint32_t>(mix((over >> 8) & 0xFFU, (under >> 8) & 0xFFU, coverage)) << 8) |
                                static_cast<std::uint32_t>(mix(over & 0xFFU, under & 0xFFU, coverage));
    std::memcpy(at, &mixed, sizeof mixed);
}

int text_width(TTF_Font& font, std::string_view text) {
    if (text.empty()) return 0;
    const std::string zero_terminated(text);
    int width = 0;
    int height = 0;
    if (TTF_SizeUTF8(&font, zero_terminated.c_str(), &width, &height) != 0) return 0;
    return width;
}

}  // namespace kiosk::ui
