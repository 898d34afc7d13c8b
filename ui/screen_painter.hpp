// Paints one screen's parts onto a Canvas: header, card content, buttons. Internal to Renderer;
// split out so each part stays small and readable.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "common/result.hpp"
#include "ui/canvas.hpp"
#include "ui/font_set.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/view_model.hpp"
#include "ui/viewport.hpp"

namespace kiosk::ui {

// Where this frame drew the parts that change while a screen stays up, so the next frame can
// repaint just those (Renderer: the activity dots' frame, the countdown's seconds).
struct FrameNotes {
    std::optional<Rect> activity;   // the activity dots
    std::optional<Rect> countdown;  // MoreTime's large seconds and their unit
};

struct PaintContext {
    Canvas& canvas;
    const FontSet& fonts;
    const Theme& theme;
    const ViewModel& vm;
    const ScreenLayout& layout;
    const Viewport& viewport;
    FrameNotes& notes;

    // A design-unit length (layout.hpp) in this display's pixels.
    [[nodiscard]] int px(int units) const { return viewport.px(units); }
    [[nodiscard]] int text_width(TTF_Font& font, std::string_view text) const { return canvas.text_width(font, text); }
};

inline constexpr int kPinFieldWidth = 440;  // design units

bool is_high_contrast(const Theme& theme);

Status paint_header(const PaintContext& p, std::string_view bank_name);
// The card's shadow, border and fill; returns the inside of the border (where content goes).
Rect paint_card_chrome(const PaintContext& p);
Status paint_card(const PaintContext& p);
Status paint_buttons(const PaintContext& p);

// Draws wrapped text from (x, y) within `width`; returns the y below the last line, or an error.
Result<int> paint_paragraph(const PaintContext& p, TextRole role, std::string_view text, Color color, int x, int y,
                            int width);

// How many lines `text` wraps to in `role` within `width`.
std::size_t wrap_text_lines(const PaintContext& p, TextRole role, std::string_view text, int width);

// The complete flow's widgets (widget_painter.cpp). Each draws at (x, y) within `width` and
// returns the y below it.
void paint_pin_field(const PaintContext& p, int x, int y, int digits, bool large);
Result<int> paint_amount_field(const PaintContext& p, int x, int y, int width);
Result<int> paint_amount(const PaintContext& p, int x, int y, int width);
Result<int> paint_entry_field(const PaintContext& p, int x, int y, int width);
Result<int> paint_statement(const PaintContext& p, int x, int y, int width);
// MiniStatement's balance, right-aligned at `right` on the title line at `y`; returns its left edge.
Result<int> paint_title_line_balance(const PaintContext& p, int right, int y);
// ReceiptQr: the code, dark on a white quiet zone in every theme (scanners expect that), centred in `area`.
Status paint_qr(const PaintContext& p, const Rect& area);

// Height of one line of text in `font`: what paint_paragraph advances per line.
int line_height(TTF_Font& font);

// How far below the line box's middle the glyphs' optical centre sits; subtract it from a
// centred line's top so text looks centred in a button or pill, not sunk.
int optical_offset(TTF_Font& font);

}  // namespace kiosk::ui
