// The widgets of the complete customer flow: PIN-style dot fields, the typed amount, a large
// amount, the cardless entry field, the mini-statement table and the e-receipt QR code.
#include <algorithm>
#include <string>

#include "ui/i18n.hpp"
#include "ui/qr_code.hpp"
#include "ui/screen_painter.hpp"

namespace kiosk::ui {
namespace {

constexpr int kFieldPaddingX = 32;
constexpr std::size_t kMaxStatementLines = 10;
constexpr std::size_t kMaxPhoneDigits = 15;  // ITU-T E.164
constexpr int kQrQuietZone = 4;              // modules of white around the code (ISO/IEC 18004)

int field_height(const PaintContext& p) { return p.px(p.vm.accessibility.large_text ? 92 : 84); }

// The accented box the PIN dots, the amount and the phone number sit in.
Rect paint_field_box(const PaintContext& p, int x, int y, int width) {
    const Rect field{x, y, width, field_height(p)};
    const int line = p.px(2);
    p.canvas.fill_rounded(field, p.px(14), p.theme.accent);
    p.canvas.fill_rounded(Rect{x + line, y + line, width - 2 * line, field.h - 2 * line}, p.px(12),
                          p.theme.pin_field_background);
    return field;
}

// `text` in the Title font, left in `field`, vertically centred; an empty text shows a caret.
Status paint_field_text(const PaintContext& p, const Rect& field, std::string_view text, Color color) {
    TTF_Font& font = p.fonts.font(TextRole::Title);
    const int y = field.y + (field.h - line_height(font)) / 2 - optical_offset(font);
    if (text.empty()) {
        p.canvas.fill(Rect{field.x + p.px(kFieldPaddingX), field.y + p.px(18), p.px(4), field.h - p.px(36)}, p.theme.accent);
        return ok_status();
    }
    return p.canvas.text(font, text, color, field.x + p.px(kFieldPaddingX), y);
}

// "138 0013 8000": the mainland mobile grouping (3-4-4), which also reads well for other lengths.
std::string group_phone_digits(std::string_view digits) {
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i == 3 || (i > 3 && (i - 3) % 4 == 0)) grouped += ' ';
        grouped += digits[i];
    }
    return grouped;
}

bool all_digits(std::string_view text) {
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// Draws `text` so its baseline is at `baseline`, right edge at `right`; returns its left edge.
Result<int> text_right_aligned(const PaintContext& p, TextRole role, std::string_view text, Color color, int right,
                               int baseline) {
    TTF_Font& font = p.fonts.font(role);
    const int left = right - p.text_width(font, text);
    KIOSK_TRY(p.canvas.text(font, text, color, left, baseline - TTF_FontAscent(&font)));
    return left;
}

}  // namespace

bool is_high_contrast(const Theme& theme) { return &theme == &high_contrast_theme(); }

void paint_pin_field(const PaintContext& p, int x, int y, int digits, bool large) {
    const int radius = p.px(large ? 13 : 11);
    const int spacing = p.px(large ? 50 : 44);
    const int inset = p.px(36);
    const Rect field = paint_field_box(p, x, y, p.px(kPinFieldWidth));
    const int max_dots = (field.w - 2 * inset) / spacing + 1;
    for (int i = 0; i < digits && i < max_dots; ++i) {
        p.canvas.fill_circle(x + inset + radius + i * spacing, y + field.h / 2, radius, p.theme.accent);
    }
}

Result<int> paint_amount_field(const PaintContext& p, int x, int y, int width) {
    const Language language = p.vm.language;
    const Rect field = paint_field_box(p, x, y, p.px(kPinFieldWidth));
    if (p.vm.amount) {
        KIOSK_TRY(paint_field_text(p, field, format_cash(*p.vm.amount, language), p.theme.title_text));
    } else {
        KIOSK_TRY(paint_field_text(p, field, {}, p.theme.title_text));
    }
    if (p.vm.amount_step) {
        // Beside the field, vertically centred: a notice (amount refused) may need the room below.
        const std::string step = fill(translate("enter_amount.step", language), format_cash(*p.vm.amount_step, language));
        const int step_x = field.right() + p.px(28);
        const int step_width = x + width - step_x;
        const int lines = static_cast<int>(wrap_text_lines(p, TextRole::Small, step, step_width));
        const int text_height = lines * line_height(p.fonts.font(TextRole::Small));
        if (text_height > field.h) return make_error("ui", "the amount step does not fit beside the amount field");
        auto after = paint_paragraph(p, TextRole::Small, step, p.theme.muted_text, step_x,
                                     field.y + (field.h - text_height) / 2, step_width);
        if (!after.ok()) return after;
    }
    return field.bottom();
}

Result<int> paint_amount(const PaintContext& p, int x, int y, int width) {
    if (!p.vm.amount) return y;
    auto below_label =
        paint_paragraph(p, TextRole::Small, translate("amount.label", p.vm.language), p.theme.muted_text, x, y, width);
    if (!below_label.ok()) return below_label;
    TTF_Font& display = p.fonts.font(TextRole::Display);
    const std::string amount = format_money(*p.vm.amount, p.vm.language);
    KIOSK_TRY(p.canvas.text(display, amount, p.theme.title_text, x, *below_label));
    if (p.text_width(display, amount) > width) return make_error("ui", "amount is wider than its card");
    return *below_label + line_height(display);
}

Result<int> paint_entry_field(const PaintContext& p, int x, int y, int width) {
    if (p.vm.entry_field == EntryField::OneTimeCode) {
        // The code is a secret like the PIN: the runtime sends only how many digits were typed.
        paint_pin_field(p, x, y, p.vm.pin_digits_entered, p.vm.accessibility.large_text);
        return y + field_height(p);
    }
    const Rect field = paint_field_box(p, x, y, std::min(width, p.px(kPinFieldWidth + 120)));
    std::string_view digits = p.vm.typed_digits;
    if (!all_digits(digits)) return make_error("ui", "the phone number to show holds something other than digits");
    const bool too_long = digits.size() > kMaxPhoneDigits;
    if (too_long) digits = digits.substr(0, kMaxPhoneDigits);
    KIOSK_TRY(paint_field_text(p, field, group_phone_digits(digits), p.theme.title_text));
    if (too_long) {
        return make_error("ui", "phone number has " + std::to_string(p.vm.typed_digits.size()) + " digits, at most " +
                                    std::to_string(kMaxPhoneDigits) + " are shown");
    }
    return field.bottom();
}

Result<int> paint_title_line_balance(const PaintContext& p, int right, int y) {
    if (!p.vm.balance) return right;
    const int baseline = y + TTF_FontAscent(&p.fonts.font(TextRole::Title));
    auto amount_left = text_right_aligned(p, TextRole::Body, format_money(*p.vm.balance, p.vm.language),
                                          p.theme.title_text, right, baseline);
    if (!amount_left.ok()) return amount_left;
    return text_right_aligned(p, TextRole::Small, translate("statement.balance", p.vm.language), p.theme.muted_text,
                              *amount_left - p.px(12), baseline);
}

// Rows at 1.25 × the font size rather than the CJK line box (1.45 ×): ten entries must fit under
// the title in large text too, and dates, short descriptions and amounts need no room for
// stacked accents.
Result<int> paint_statement(const PaintContext& p, int x, int y, int width) {
    const Language language = p.vm.language;
    TTF_Font& font = p.fonts.font(TextRole::Small);
    const int pitch = p.px(text_pixels(TextRole::Small, p.vm.accessibility.large_text) * 5 / 4);
    const int text_offset = (pitch - line_height(font)) / 2 - optical_offset(font);
    if (p.vm.statement.empty()) {
        return paint_paragraph(p, TextRole::Body, translate("statement.empty", language), p.theme.body_text, x, y, width);
    }
    const int date_width = p.text_width(font, "2026-12-31") + p.px(28);
    const int amount_width = p.text_width(font, "-CNY 999,999.00");
    const int description_x = x + date_width;
    const int description_width = width - date_width - amount_width - p.px(24);
    Status result = ok_status();
    std::size_t row = 0;
    for (; row < p.vm.statement.size() && row < kMaxStatementLines; ++row) {
        const StatementLine& line = p.vm.statement[row];
        const int row_y = y + static_cast<int>(row) * pitch;
        // Zebra rows guide the eye from date to amount; high contrast keeps a plain black card.
        if (row % 2 == 0 && !is_high_contrast(p.theme)) {
            p.canvas.fill(Rect{x - p.px(12), row_y, width + p.px(24), pitch}, p.theme.background);
        }
        const int text_y = row_y + text_offset;
        KIOSK_TRY(p.canvas.text(font, line.date, p.theme.body_text, x, text_y));
        const std::string_view description = translate(line.description_key, language);
        if (p.text_width(font, description) > description_width && result.ok()) {
            result = make_error("ui", "statement description \"" + line.description_key + "\" is too wide");
        }
        KIOSK_TRY(p.canvas.text(font, description, p.theme.body_text, description_x, text_y));
        const std::string amount = (line.amount.minor_units > 0 ? "+" : "") + format_money(line.amount, language);
        auto left = text_right_aligned(p, TextRole::Small, amount, p.theme.title_text, x + width,
                                       text_y + TTF_FontAscent(&font));
        if (!left.ok()) return left;
    }
    if (p.vm.statement.size() > kMaxStatementLines && result.ok()) {
        result = make_error("ui", std::to_string(p.vm.statement.size()) + " statement lines given, at most " +
                                      std::to_string(kMaxStatementLines) + " are shown");
    }
    if (!result.ok()) return result.error();
    return y + static_cast<int>(row) * pitch;
}

Status paint_qr(const PaintContext& p, const Rect& area) {
    auto matrix = encode_qr(p.vm.qr_text);
    if (!matrix.ok()) return matrix.error();
    const int modules = matrix->size + 2 * kQrQuietZone;
    const int scale = std::min(area.w, area.h) / modules;
    if (scale < 3) return make_error("ui", "receipt QR code needs more room than its area (modules under 3 px)");
    const int side = scale * modules;
    const int left = area.x + (area.w - side) / 2;
    const int top = area.y + (area.h - side) / 2;
    p.canvas.fill(Rect{left, top, side, side}, Color{0xFF, 0xFF, 0xFF});
    const int origin_x = left + kQrQuietZone * scale;
    const int origin_y = top + kQrQuietZone * scale;
    for (int row = 0; row < matrix->size; ++row) {
        for (int column = 0; column < matrix->size; ++column) {
            if (matrix->is_dark(column, row)) {
                p.canvas.fill(Rect{origin_x + column * scale, origin_y + row * scale, scale, scale}, Color{0, 0, 0});
            }
        }
    }
    return ok_status();
}

}  // namespace kiosk::ui
