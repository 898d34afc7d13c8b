// Paints one screen's parts onto a Canvas: header, card content, buttons. Internal to Renderer;
// split out so each part stays small and readable.
#pragma once

#include <cstddef>
#include <string_view>

#include "common/result.hpp"
#include "ui/canvas.hpp"
#include "ui/font_set.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/view_model.hpp"

namespace kiosk::ui {

struct PaintContext {
    Canvas& canvas;
    const FontSet& fonts;
    const Theme& theme;
    const ViewModel& vm;
    const ScreenLayout& layout;
};

Status paint_header(const PaintContext& p, std::string_view bank_name);
Status paint_card(const PaintContext& p);
Status paint_buttons(const PaintContext& p);

// Draws wrapped text from (x, y) within `width`; returns the y below the last line, or an error.
Result<int> paint_paragraph(const PaintContext& p, TextRole role, std::string_view text, Color color, int x, int y,
                            int width);

// How many lines `text` wraps to in `role` within `width`.
std::size_t wrap_text_lines(const PaintContext& p, TextRole role, std::string_view text, int width);

// Height of one line of text in `font`: what paint_paragraph advances per line.
int line_height(TTF_Font& font);

// How far below the line box's middle the glyphs' optical centre sits; subtract it from a
// centred line's top so text looks centred in a button or pill, not sunk.
int optical_offset(TTF_Font& font);

}  // namespace kiosk::ui
