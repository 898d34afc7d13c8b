// Drawing primitives on a 32-bit software surface: rectangles, anti-aliased rounded rectangles
// and circles, and UTF-8 text. Screens are built from these and nothing else.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

class Canvas {
public:
    // The surface must be SDL_PIXELFORMAT_ARGB8888 (Renderer checks before building a Canvas).
    explicit Canvas(SDL_Surface& surface) : surface_(surface) {}

    void fill(const Rect& rect, Color color);
    void fill_rounded(const Rect& rect, int radius, Color color);
    void fill_circle(int centre_x, int centre_y, int radius, Color color);
    // An isosceles triangle pointing down (or up), apex at (apex_x, apex_y).
    void fill_arrow_head(int apex_x, int apex_y, int half_width, int height, bool points_down, Color color);

    // Everything drawn after this stays inside `rect` (nothing spills over buttons or header).
    void clip_to(const Rect& rect);
    void clear_clip();

    // Draws `text` with its top-left corner at (x, y).
    Status text(TTF_Font& font, std::string_view text, Color color, int x, int y);

private:
    void blend(int x, int y, Color color, double coverage);

    SDL_Surface& surface_;
};

// Width in pixels of `text` in `font` (0 for empty text or when the font cannot measure it).
int text_width(TTF_Font& font, std::string_view text);

}  // namespace kiosk::ui
