// Drawing primitives on a 32-bit software surface: rectangles, anti-aliased rounded rectangles
// and circles, and UTF-8 text. Screens are built from these and nothing else.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "ui/layout.hpp"
#include "ui/text_cache.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

class Canvas {
public:
    // The surface must be SDL_PIXELFORMAT_ARGB8888 (Renderer checks before building a Canvas).
    // Text is shaped through `cache` (the Renderer's, kept between frames).
    Canvas(SDL_Surface& surface, TextCache& cache);

    void fill(const Rect& rect, Color color);
    // `area` except `hole` (which something opaque will cover), in at most four rectangles.
    void fill_around(const Rect& area, const Rect& hole, Color color);
    void fill_rounded(const Rect& rect, int radius, Color color);
    // The outer `thickness` of a rounded rectangle (a border), touching only the ring's pixels.
    void fill_rounded_ring(const Rect& rect, int radius, int thickness, Color color);
    // The drop shadow of an opaque rounded rectangle `object` that is drawn next, `drop` pixels
    // lower: only its rows the object will not cover (the frame's largest saving at 1080p).
    void fill_rounded_shadow(const Rect& object, int radius, int drop, Color color);
    void fill_circle(int centre_x, int centre_y, int radius, Color color);
    // An isosceles triangle pointing down (or up), apex at (apex_x, apex_y).
    void fill_arrow_head(int apex_x, int apex_y, int half_width, int height, bool points_down, Color color);

    // Everything drawn after this stays inside `rect` (nothing spills over buttons or header).
    void clip_to(const Rect& rect);
    void clear_clip();
    // The part of the surface this frame repaints (the Renderer's dirty area; none: all of it).
    // Drawing outside it is skipped; clip_to() boxes are narrowed to it, text checks are not.
    void set_frame_area(std::optional<Rect> area);

    // Draws `text` with its top-left corner at (x, y). Ink that falls outside the current
    // clip_to() box or the surface is not drawn and is remembered (clipped_text()): text must be
    // wrapped or shrunk to fit, never cut off silently.
    Status text(TTF_Font& font, std::string_view text, Color color, int x, int y);
    // Width in pixels of `text` in `font` (0 for empty text or when the font cannot measure it).
    int text_width(TTF_Font& font, std::string_view text) { return cache_.width(font, text); }

    // The first text this canvas cut off, if any.
    [[nodiscard]] const std::optional<std::string>& clipped_text() const { return clipped_text_; }

private:
    void apply_clip();
    // `shape` filled only inside each of `strips` (within the clip_to() box, if any).
    void fill_rounded_within(const Rect& shape, int radius, std::span<const Rect> strips, Color color);
    void blend(int x, int y, Color color, double coverage);

    SDL_Surface& surface_;
    TextCache& cache_;
    std::optional<Rect> box_;         // clip_to()
    std::optional<Rect> frame_area_;  // set_frame_area()
    Rect clip_;                       // what is drawn into: surface ∩ box ∩ frame area
    std::optional<std::string> clipped_text_;
};

// Width in pixels of `text` in `font`, measured uncached (tools and tests).
int text_width(TTF_Font& font, std::string_view text);

}  // namespace kiosk::ui
