// The header bar: bank mark and name on the left; the countdown (when a timer runs), the current
// language and "Report a problem" on the right, in pills, always in the same place so customers
// learn where to look.
#include <string>

#include "ui/i18n.hpp"
#include "ui/screen_painter.hpp"

namespace kiosk::ui {
namespace {

constexpr int kPillGap = 16;
constexpr int kPillPaddingX = 20;

// Draws a pill whose right edge is at `right`, text centred; returns its left edge.
Result<int> paint_pill(const PaintContext& p, TextRole role, std::string_view text, int right) {
    TTF_Font& font = p.fonts.font(role);
    const int height = line_height(font) + p.px(12);
    const int width = p.text_width(font, text) + 2 * p.px(kPillPaddingX);
    const Rect pill{right - width, (p.layout.header.h - height) / 2, width, height};
    p.canvas.fill_rounded(pill, height / 2, p.theme.header_pill);
    KIOSK_TRY(p.canvas.text(font, text, p.theme.header_text, pill.x + p.px(kPillPaddingX),
                            pill.y + p.px(6) - optical_offset(font)));
    return pill.x;
}

// "Report a problem": the right end of the header, light on the dark bar (grey while inert);
// returns its left edge.
Result<int> paint_report_problem(const PaintContext& p) {
    const Rect& target = *p.layout.report_problem;
    TTF_Font& font = p.fonts.font(TextRole::Small);
    const int height = line_height(font) + p.px(24);
    const int left = target.x + p.px(16);
    const Rect pill{left, (p.layout.header.h - height) / 2, target.right() - left, height};
    const bool available = p.vm.report_problem == Offer::Available;
    p.canvas.fill_rounded(pill, height / 2, available ? p.theme.header_text : p.theme.disabled_button);
    const std::string_view label = translate("header.report_problem", p.vm.language);
    const int width = p.text_width(font, label);
    KIOSK_TRY(p.canvas.text(font, label, available ? p.theme.header_background : p.theme.disabled_button_text,
                            pill.x + (pill.w - width) / 2, pill.y + p.px(12) - optical_offset(font)));
    if (width > pill.w - p.px(kPillPaddingX)) return make_error("ui", "\"Report a problem\" is too long for its pill");
    return pill.x;
}

}  // namespace

Status paint_header(const PaintContext& p, std::string_view bank_name) {
    const Theme& t = p.theme;
    const Rect& header = p.layout.header;
    p.canvas.fill(header, t.header_background);
    p.canvas.fill(Rect{0, header.bottom(), header.w, p.px(kHeaderRuleHeight)}, t.header_accent);

    int right = header.w - p.px(kMarginX);
    if (p.layout.report_problem) {
        auto report_left = paint_report_problem(p);
        if (!report_left.ok()) return report_left.error();
        right = *report_left - p.px(kPillGap * 3 / 4);
    }
    auto language_left = paint_pill(p, TextRole::Small, language_name(p.vm.language), right);
    if (!language_left.ok()) return language_left.error();
    int right_free = *language_left - p.px(kPillGap);
    if (p.vm.seconds_left) {
        const std::string countdown =
            fill(translate("header.time_left", p.vm.language), std::to_string(*p.vm.seconds_left));
        auto countdown_left = paint_pill(p, TextRole::Header, countdown, right_free);
        if (!countdown_left.ok()) return countdown_left.error();
        right_free = *countdown_left - p.px(kPillGap);
    }

    // Bank mark: a plain square-in-square, so the header reads as a brand without an image file.
    const int mark_side = p.px(40);
    const Rect mark{p.px(kMarginX), (header.h - mark_side) / 2, mark_side, mark_side};
    p.canvas.fill_rounded(mark, p.px(10), t.header_accent);
    p.canvas.fill_rounded(Rect{mark.x + p.px(13), mark.y + p.px(13), p.px(14), p.px(14)}, p.px(3), t.header_background);

    // With the countdown, the language and "Report a problem" in large text, the name may not fit
    // in header type: it steps down to small type (still above the 24 px floor); while a countdown
    // runs and even that is too wide, the mark stands alone (the countdown matters more, and goes).
    const int name_x = mark.right() + p.px(16);
    TTF_Font& header_font = p.fonts.font(TextRole::Header);
    TTF_Font& font = p.text_width(header_font, bank_name) > right_free - name_x ? p.fonts.font(TextRole::Small) : header_font;
    const bool fits = p.text_width(font, bank_name) <= right_free - name_x;
    if (!fits && p.vm.seconds_left) return ok_status();
    p.canvas.clip_to(Rect{name_x, 0, right_free - name_x, header.h});
    const Status drawn =
        p.canvas.text(font, bank_name, t.header_text, name_x, (header.h - line_height(font)) / 2 - optical_offset(font));
    p.canvas.clear_clip();
    KIOSK_TRY(drawn);
    if (!fits) return make_error("ui", "bank name is too long for the header");
    return ok_status();
}

}  // namespace kiosk::ui
