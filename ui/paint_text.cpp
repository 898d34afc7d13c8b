// Text helpers shared by the painters: line metrics and wrapped paragraphs.
#include "ui/screen_painter.hpp"
#include "ui/text_wrap.hpp"

namespace kiosk::ui {

int line_height(TTF_Font& font) { return TTF_FontHeight(&font); }

// Noto Sans CJK's line box is tall (ascent 1.16 em, descent 0.29 em) to fit Han characters; the
// optical centre of Latin capitals and Han characters sits at about 69% of the ascent.
int optical_offset(TTF_Font& font) { return TTF_FontAscent(&font) * 69 / 100 - line_height(font) / 2; }

Result<int> paint_paragraph(const PaintContext& p, TextRole role, std::string_view text, Color color, int x, int y,
                            int width) {
    if (text.empty()) return y;
    TTF_Font& font = p.fonts.font(role);
    const int line = line_height(font);
    for (const std::string& text_line :
         wrap_text(text, width, [&](std::string_view piece) { return p.text_width(font, piece); })) {
        KIOSK_TRY(p.canvas.text(font, text_line, color, x, y));
        y += line;
    }
    return y;
}

}  // namespace kiosk::ui
