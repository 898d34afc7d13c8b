// Shapes are filled by coverage: each edge pixel gets the fraction of it inside the shape
// (from a signed distance), which gives smooth curves without a GPU or an extra library.
#include "ui/canvas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <vector>

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

// The coverage of each pixel of a rounded rectangle's top-left corner square of `radius` (row by
// row; the other corners are its mirror images): the same signed distance as
// a signed distance to the corner's arc, computed once per radius instead of once per pixel per frame. Inside a
// corner square it depends only on the radius and the pixel's place in the square.
const std::vector<double>& corner_coverage(int radius) {
    thread_local std::map<int, std::vector<double>> masks;  // a handful of radii per theme and panel
    auto [at, added] = masks.try_emplace(radius);
    if (added) {
        std::vector<double>& mask = at->second;
        mask.resize(static_cast<std::size_t>(radius) * static_cast<std::size_t>(radius));
        for (int j = 0; j < radius; ++j) {
            for (int i = 0; i < radius; ++i) {
                const double d = std::hypot(radius - i - 0.5, radius - j - 0.5) - radius;
                mask[static_cast<std::size_t>(j * radius + i)] = std::clamp(0.5 - d, 0.0, 1.0);
            }
        }
    }
    return at->second;
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

void Canvas::fill_around(const Rect& area, const Rect& hole, Color color) {
    const Rect h = intersect(area, hole);
    if (h.w <= 0 || h.h <= 0) {
        fill(area, color);
        return;
    }
    fill(Rect{area.x, area.y, area.w, h.y - area.y}, color);                  // above
    fill(Rect{area.x, h.bottom(), area.w, area.bottom() - h.bottom()}, color);  // below
    fill(Rect{area.x, h.y, h.x - area.x, h.h}, color);                         // left
    fill(Rect{h.right(), h.y, area.right() - h.right(), h.h}, color);          // right
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
    if (radius == 0) return;
    const std::vector<double>& mask = corner_coverage(radius);
    for (std::size_t c = 0; c < 4; ++c) {
        const Rect& corner = corners[c];
        const bool right = c % 2 == 1;  // mirrored across the vertical…
        const bool bottom = c >= 2;     // …and the horizontal axis
        const Rect visible = intersect(corner, clip_);
        for (int y = visible.y; y < visible.bottom(); ++y) {
            const int j = bottom ? corner.bottom() - 1 - y : y - corner.y;
            for (int x = visible.x; x < visible.right(); ++x) {
                const int i = right ? corner.right() - 1 - x : x - corner.x;
                blend(x, y, color, mask[static_cast<std::size_t>(j * radius + i)]);
            }
        }
    }
}

void Canvas::fill_rounded_shadow(const Rect& object, int radius, int drop, Color color) {
    radius = std::clamp(radius, 0, std::min(object.w, object.h) / 2);
    // The shadow is the object's shape `drop` lower. Between the object's top corners and its
    // bottom corners the object covers every column, so only the rows above and below that band
    // can show shadow: draw those, not the whole rectangle the object is about to hide.
    const Rect shadow{object.x, object.y + drop, object.w, object.h};
    // Rows above the band: the object's top corners only; its bottom corners, and the `drop`
    // rows under it in full.
    const int top = std::max(0, radius - drop);
    const Rect strips[] = {{object.x, object.y + drop, radius, top},
                           {object.right() - radius, object.y + drop, radius, top},
                           {object.x, object.bottom() - radius, radius, radius},
                           {object.right() - radius, object.bottom() - radius, radius, radius},
                           {object.x, object.bottom(), object.w, drop}};
    fill_rounded_within(shadow, radius, strips, color);
}

void Canvas::fill_rounded_ring(const Rect& rect, int radius, int thickness, Color color) {
    radius = std::clamp(radius, 0, std::min(rect.w, rect.h) / 2);
    // The rounded rectangle drawn through four strips: the corner rows in full, the straight sides
    // `thickness` wide. The caller fills the inside, corners included (they lie in the strips).
    const Rect strips[] = {{rect.x, rect.y, rect.w, radius},
                           {rect.x, rect.bottom() - radius, rect.w, radius},
                           {rect.x, rect.y + radius, thickness, rect.h - 2 * radius},
                           {rect.right() - thickness, rect.y + radius, thickness, rect.h - 2 * radius}};
    fill_rounded_within(rect, radius, strips, color);
}

void Canvas::fill_rounded_within(const Rect& shape, int radius, std::span<const Rect> strips, Color color) {
    const std::optional<Rect> box = box_;
    for (const Rect& strip : strips) {
        box_ = box ? intersect(*box, strip) : strip;
        apply_clip();
        fill_rounded(shape, radius, color);
    }
    box_ = box;
    apply_clip();
}

void Canvas::fill_circle(int centre_x, int centre_y, int radius, Color color) {
    // Only the rim needs a square root: well inside the coverage is 1, well outside 0.
    const double solid = radius > 0 ? (radius - 0.5) * (radius - 0.5) : -1.0;
    const double empty = (radius + 0.5) * (radius + 0.5);
    for (int y = centre_y - radius - 1; y <= centre_y + radius; ++y) {
        for (int x = centre_x - radius - 1; x <= centre_x + radius; ++x) {
            const double dx = x + 0.5 - centre_x;
            const double dy = y + 0.5 - centre_y;
            const double squared = dx * dx + dy * dy;
            if (squared >= empty) continue;
            if (squared <= solid) {
                blend(x, y, color, 1.0);
                continue;
            }
            const double d = std::sqrt(squared) - radius;
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
    const std::uint32_t over = argb(color);
    if (coverage >= 1.0) {  // most of a shape: no mixing to do
        std::memcpy(at, &over, sizeof over);
        return;
    }
    std::uint32_t under = 0;
    std::memcpy(&under, at, sizeof under);  // memcpy: no aliasing or alignment assumptions
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
