// The card: the white panel between header and buttons holding the screen's title, its
// instruction, a notice (decline reason, tries left, …), the screen's widget and the card
// number. Content that does not fit is clipped and reported, never drawn over buttons.
#include <algorithm>
#include <string>
#include <vector>

#include "ui/card_number.hpp"
#include "ui/i18n.hpp"
#include "ui/screen_painter.hpp"
#include "ui/screens.hpp"
#include "ui/text_wrap.hpp"

namespace kiosk::ui {
namespace {

constexpr int kTopPadding = 24;
constexpr int kBottomPadding = 12;  // descenders already leave air below the last line
constexpr int kNoticePadding = 18;
constexpr int kIllustrationWidth = 240;
constexpr int kIllustrationHeight = 170;
constexpr int kQrMaxSide = 280;

Result<int> paint_notice(const PaintContext& p, std::string_view text, int x, int y, int width) {
    TTF_Font& font = p.fonts.font(TextRole::Body);
    const int padding = p.px(kNoticePadding);
    const int inner_width = width - 2 * padding;
    const int line = p.px(2);
    // Measured and painted at the same width (the stripe's 4 units come out of the right padding),
    // so the box is always as tall as the lines in it.
    const auto lines = wrap_text_lines(p, TextRole::Body, text, inner_width);
    const int height = static_cast<int>(lines) * line_height(font) + 2 * padding - p.px(8);
    const Rect box{x, y, width, height};
    p.canvas.fill_rounded_ring(box, p.px(12), line, p.theme.notice_border);
    p.canvas.fill_rounded(Rect{x + line, y + line, width - 2 * line, height - 2 * line}, p.px(12) - line, p.theme.notice_background);
    // Left stripe: the notice reads as a message even without colour (high contrast, colour blindness).
    p.canvas.fill_rounded(Rect{x, y, p.px(8), height}, p.px(4), p.theme.notice_border);
    auto bottom = paint_paragraph(p, TextRole::Body, text, p.theme.notice_text, x + padding + p.px(4),
                                  y + padding - p.px(4), inner_width);
    if (!bottom.ok()) return bottom.error();
    return box.bottom();
}

// "Card" over the masked number, at (x, y): beside the PIN field, or as a line of its own.
Result<int> paint_card_number(const PaintContext& p, int x, int y) {
    TTF_Font& small = p.fonts.font(TextRole::Small);
    TTF_Font& body = p.fonts.font(TextRole::Body);
    KIOSK_TRY(p.canvas.text(small, translate("card.label", p.vm.language), p.theme.muted_text, x, y));
    y += line_height(small) - p.px(4);
    KIOSK_TRY(p.canvas.text(body, display_card_number(p.vm.masked_pan), p.theme.body_text, x, y));
    return y + line_height(body);
}

void paint_activity(const PaintContext& p, int x, int y) {
    // The largest dot walks from left to right, one step per activity frame.
    const int radius = p.px(12);
    for (int i = 0; i < 3; ++i) {
        const int step = (i + 3 - p.vm.activity_frame % 3) % 3;
        p.canvas.fill_circle(x + radius + i * p.px(40), y + radius, radius - p.px(2 * step), p.theme.accent);
    }
    p.notes.activity = Rect{x - 2, y - 2, 2 * radius + 2 * p.px(40) + 4, 2 * radius + 4};
}

// A bank card above its slot with an arrow: in (attract) or out (take card, unreadable card).
void paint_card_slot(const PaintContext& p, const Rect& area, bool card_goes_in) {
    const Color chip = is_high_contrast(p.theme) ? Color{0, 0, 0} : Color{0xE6, 0xB8, 0x4D};
    const auto px = [&p](int units) { return p.px(units); };
    const int centre = area.x + area.w / 2;
    const Rect card{centre - px(90), area.y + px(48), px(180), px(114)};
    p.canvas.fill_rounded(card, px(12), p.theme.accent);
    p.canvas.fill_rounded(Rect{card.x + px(22), card.y + px(34), px(36), px(28)}, px(5), chip);
    p.canvas.fill(Rect{card.x + px(22), card.y + px(80), px(110), px(6)}, p.theme.pin_field_background);
    p.canvas.fill_rounded(Rect{area.x, area.bottom() - px(22), area.w, px(22)}, px(11), p.theme.title_text);
    p.canvas.fill(Rect{centre - px(5), area.y + px(4), px(10), px(24)}, p.theme.title_text);
    if (card_goes_in) {
        p.canvas.fill_arrow_head(centre, area.y + px(42), px(16), px(16), true, p.theme.title_text);
    } else {
        p.canvas.fill_arrow_head(centre, area.y - px(10), px(16), px(16), false, p.theme.title_text);
    }
}

bool shows_card_number(const PaintContext& p, const ScreenSpec& spec) {
    return spec.shows_card_number && !p.vm.masked_pan.empty();
}

// A reference under its muted label, on one line, never wrapped: a reference split over two lines
// gets typed wrong at the counter. ReceiptQr: "Reference" in body type, left of the code;
// ComplaintDone: "Your reference" in title type.
Result<int> paint_labelled_reference(const PaintContext& p, std::string_view label_key, TextRole role, int x, int y,
                                     int width) {
    if (p.vm.receipt_reference.empty()) return y;
    auto below = paint_paragraph(p, TextRole::Small, translate(label_key, p.vm.language), p.theme.muted_text, x, y, width);
    if (!below.ok()) return below;
    TTF_Font& font = p.fonts.font(role);
    KIOSK_TRY(p.canvas.text(font, p.vm.receipt_reference, p.theme.title_text, x, *below));
    if (p.text_width(font, p.vm.receipt_reference) > width) {
        return make_error("ui", "reference \"" + p.vm.receipt_reference + "\" is too long for its line");
    }
    return *below + line_height(font);
}

Result<int> paint_reference(const PaintContext& p, int x, int y, int width) {
    return paint_labelled_reference(p, "receipt_qr.reference", TextRole::Body, x, y, width);
}

Result<int> paint_complaint_reference(const PaintContext& p, int x, int y, int width) {
    return paint_labelled_reference(p, "complaint_done.reference", TextRole::Title, x, y, width);
}

// ComplaintConfirm: what will be sent, a muted label and its value per line.
Result<int> paint_fact_lines(const PaintContext& p, int x, int y, int width) {
    TTF_Font& small = p.fonts.font(TextRole::Small);
    TTF_Font& body = p.fonts.font(TextRole::Body);
    int label_width = 0;
    for (const FactLine& fact : p.vm.facts) {
        label_width = std::max(label_width, p.text_width(small, translate(fact.label_key, p.vm.language)));
    }
    const auto value_of = [&p](const FactLine& fact) { return fact_value(fact, p.vm.language); };
    // Labels in a column left of their values; on a card too narrow for that (portrait, large
    // text) each label goes over its value instead, so no value is cut.
    bool stacked = false;
    for (const FactLine& fact : p.vm.facts) {
        if (label_width + p.px(24) + p.text_width(body, value_of(fact)) > width) stacked = true;
    }
    for (const FactLine& fact : p.vm.facts) {
        const int baseline = y + TTF_FontAscent(&body);
        KIOSK_TRY(p.canvas.text(small, translate(fact.label_key, p.vm.language), p.theme.muted_text, x,
                                baseline - TTF_FontAscent(&small)));
        const std::string value = value_of(fact);
        if (stacked) y += line_height(small) - p.px(4);
        const int value_x = stacked ? x : x + label_width + p.px(24);
        KIOSK_TRY(p.canvas.text(body, value, p.theme.title_text, value_x, y));
        if (value_x + p.text_width(body, value) > x + width) return make_error("ui", "a complaint fact is too long");
        y += line_height(body);
    }
    return y;
}

// Service pages: a muted label column and the value in small text, wrapped; lines that would pass
// the card's bottom are left out and the last one shown says "…".
Result<int> paint_service_lines(const PaintContext& p, int x, int y, int width) {
    TTF_Font& small = p.fonts.font(TextRole::Small);
    const int line = line_height(small);
    const int limit = p.layout.card.bottom() - p.px(kBottomPadding);  // as the card's own check
    int label_width = 0;
    for (const FactLine& fact : p.vm.facts) {
        label_width = std::max(label_width, p.text_width(small, translate(fact.label_key, p.vm.language)));
    }
    label_width = std::min(label_width, width / 3);
    const int value_x = x + label_width + p.px(20);
    const int value_width = x + width - value_x;
    for (std::size_t i = 0; i < p.vm.facts.size(); ++i) {
        const FactLine& fact = p.vm.facts[i];
        const std::string value = fact_value(fact, p.vm.language);
        const auto wrapped =
            wrap_text(value, value_width, [&](std::string_view piece) { return p.text_width(small, piece); });
        const int rows = std::max<int>(1, static_cast<int>(wrapped.size()));
        if (y + rows * line > limit) {
            if (y + line > limit) return std::min(y, limit);  // nothing more drawn here
            KIOSK_TRY(p.canvas.text(small, "…", p.theme.muted_text, x, y));
            return y + line;
        }
        KIOSK_TRY(p.canvas.text(small, translate(fact.label_key, p.vm.language), p.theme.muted_text, x, y));
        for (const std::string& piece : wrapped) {
            KIOSK_TRY(p.canvas.text(small, piece, p.theme.title_text, value_x, y));
            y += line;
        }
        if (wrapped.empty()) y += line;
    }
    return y;
}

Result<int> paint_widget(const PaintContext& p, const ScreenSpec& spec, int x, int y, int width) {
    const Language language = p.vm.language;
    switch (spec.widget) {
        case ScreenWidget::None:
        case ScreenWidget::CardSlot: return y;
        case ScreenWidget::AmountField: return paint_amount_field(p, x, y, width);
        case ScreenWidget::Amount: return paint_amount(p, x, y, width);
        case ScreenWidget::EntryField: return paint_entry_field(p, x, y, width);
        case ScreenWidget::Statement: return paint_statement(p, x, y, width);
        case ScreenWidget::QrCode:
            return p.vm.screen == ScreenId::ComplaintDone ? paint_complaint_reference(p, x, y, width)
                                                          : paint_reference(p, x, y, width);
        case ScreenWidget::Facts: return paint_fact_lines(p, x, y, width);
        case ScreenWidget::ServiceLines: return paint_service_lines(p, x, y, width);
        case ScreenWidget::PinField: {
            const int height = p.px(p.vm.accessibility.large_text ? 92 : 84);
            paint_pin_field(p, x, y, p.vm.pin_digits_entered, p.vm.accessibility.large_text);
            // The card number sits beside the field: the PIN screen is the most crowded one
            // (a wrong-PIN notice may be showing too), and the field leaves room to its right —
            // except on a narrow (portrait) card, whose height has room for it below.
            if (shows_card_number(p, spec)) {
                TTF_Font& body = p.fonts.font(TextRole::Body);
                const int text_height = line_height(p.fonts.font(TextRole::Small)) - p.px(4) + line_height(body);
                const int beside_x = x + p.px(kPinFieldWidth + 40);
                if (beside_x + p.text_width(body, display_card_number(p.vm.masked_pan)) <= x + width) {
                    auto below = paint_card_number(p, beside_x, y + (height - text_height) / 2);
                    if (!below.ok()) return below.error();
                } else {
                    return paint_card_number(p, x, y + height + p.px(20));
                }
            }
            return y + height;
        }
        case ScreenWidget::Activity: paint_activity(p, x, y); return y + p.px(24);
        case ScreenWidget::Balance: {
            if (!p.vm.balance) return y;
            auto below_label =
                paint_paragraph(p, TextRole::Small, translate("balance.label", language), p.theme.muted_text, x, y, width);
            if (!below_label.ok()) return below_label.error();
            TTF_Font& display = p.fonts.font(TextRole::Display);
            const std::string balance = format_money(*p.vm.balance, language);
            KIOSK_TRY(p.canvas.text(display, balance, p.theme.title_text, x, *below_label));
            if (p.text_width(display, balance) > width) return make_error("ui", "balance is wider than its card");
            return *below_label + line_height(display);
        }
        case ScreenWidget::Countdown: {
            if (!p.vm.seconds_left) return y;
            TTF_Font& display = p.fonts.font(TextRole::Display);
            TTF_Font& body = p.fonts.font(TextRole::Body);
            const std::string number = std::to_string(*p.vm.seconds_left);
            KIOSK_TRY(p.canvas.text(display, number, p.theme.accent, x, y));
            // Same baseline for the unit as for the number.
            const int unit_y = y + TTF_FontAscent(&display) - TTF_FontAscent(&body);
            const int unit_x = x + p.text_width(display, number) + p.px(14);
            const std::string_view unit = translate("time.seconds", language);
            KIOSK_TRY(p.canvas.text(body, unit, p.theme.body_text, unit_x, unit_y));
            // Room for any number of seconds a countdown shows (up to three digits), so the next
            // second repaints only this box.
            p.notes.countdown = Rect{x, y, std::max(p.text_width(display, "000") + p.px(14) + p.text_width(body, unit),
                                                    unit_x + p.text_width(body, unit) - x), line_height(display)};
            return y + line_height(display);
        }
    }
    return y;
}

// "Card 6228 48** **** 1234" on one line, label and number on one baseline: the main menu's six
// buttons leave the card room for the title and one more line in large text.
Result<int> paint_card_number_inline(const PaintContext& p, int x, int y) {
    TTF_Font& small = p.fonts.font(TextRole::Small);
    TTF_Font& body = p.fonts.font(TextRole::Body);
    const std::string_view label = translate("card.label", p.vm.language);
    const int baseline = y + TTF_FontAscent(&body);
    KIOSK_TRY(p.canvas.text(small, label, p.theme.muted_text, x, baseline - TTF_FontAscent(&small)));
    KIOSK_TRY(p.canvas.text(body, display_card_number(p.vm.masked_pan), p.theme.body_text,
                            x + p.text_width(small, label) + p.px(16), y));
    return y + line_height(body);
}

// The card number under everything else, unless it already sits beside the PIN field.
Result<int> paint_facts(const PaintContext& p, const ScreenSpec& spec, int x, int y) {
    if (shows_card_number(p, spec) && spec.widget != ScreenWidget::PinField) {
        return paint_card_number_inline(p, x, y + p.px(20));
    }
    return y;
}

}  // namespace

Rect card_inner(const PaintContext& p) {
    const Rect& card = p.layout.card;
    const int border = p.px(is_high_contrast(p.theme) ? 3 : 1);
    return Rect{card.x + border, card.y + border, card.w - 2 * border, card.h - 2 * border};
}

// Shadow, border and white of the card. The shadow shows only as a strip under the card and the
// border only as a ring, so each is drawn where it shows: at 1920×1080 three full card fills
// would cost more than all the text of a screen.
Rect paint_card_chrome(const PaintContext& p) {
    const Theme& t = p.theme;
    const Rect& card = p.layout.card;
    const int radius = p.px(kCardRadius);
    const Rect inner = card_inner(p);
    if (t.shadow != t.background) p.canvas.fill_rounded_shadow(card, radius, p.px(4), t.shadow);
    p.canvas.fill_rounded_ring(card, radius, inner.x - card.x, t.card_border);
    p.canvas.fill_rounded(inner, radius - (inner.x - card.x), t.card_background);
    return inner;
}

std::size_t wrap_text_lines(const PaintContext& p, TextRole role, std::string_view text, int width) {
    TTF_Font& font = p.fonts.font(role);
    return wrap_text(text, width, [&](std::string_view piece) { return p.text_width(font, piece); }).size();
}

Status paint_card(const PaintContext& p) {
    const Theme& t = p.theme;
    const Rect& card = p.layout.card;
    const ScreenSpec& spec = screen_spec(p.vm.screen);
    const Language language = p.vm.language;

    const Rect inner = paint_card_chrome(p);
    p.canvas.clip_to(inner);

    const int card_padding = p.px(kCardPadding);
    const int top_padding = p.px(kTopPadding);
    const int x = card.x + card_padding;
    int width = card.w - 2 * card_padding;
    Status side_picture = ok_status();
    // A complaint's reference goes on its printed slip; only without one is it a QR code too.
    const bool qr_shown = spec.widget == ScreenWidget::QrCode &&
                          !(p.vm.screen == ScreenId::ComplaintDone && p.vm.qr_text.empty());
    if (qr_shown) {
        // The code takes the right of the card, as large as the card allows; text keeps the left.
        const int side = std::min(card.h - 2 * top_padding, p.px(kQrMaxSide));
        const Rect area{card.right() - card_padding - side, card.y + (card.h - side) / 2, side, side};
        side_picture = paint_qr(p, area);
        width = area.x - p.px(40) - x;
    }
    if (spec.widget == ScreenWidget::CardSlot) {
        // The illustration takes the right of the card, vertically centred; text keeps the left.
        const int area_width = p.px(kIllustrationWidth);
        const int area_height = p.px(kIllustrationHeight);
        const Rect area{card.right() - card_padding - area_width, card.y + (card.h - area_height) / 2, area_width,
                        area_height};
        paint_card_slot(p, area, p.vm.screen == ScreenId::Attract);
        width = area.x - p.px(40) - x;
    }

    bool menu_card_number = true;  // MainMenu: false when the customer's lines took its room
    auto run = [&]() -> Result<int> {
        const int y = card.y + top_padding;
        const ScreenText text = screen_text(p.vm);
        int title_width = width;
        if (spec.widget == ScreenWidget::Statement) {
            auto balance_left = paint_title_line_balance(p, x + width, y);
            if (!balance_left.ok()) return balance_left;
            title_width = *balance_left - p.px(24) - x;
        }
        auto below = paint_paragraph(p, TextRole::Title, translate(text.title_key, language), t.title_text, x, y,
                                     title_width);
        if (!below.ok()) return below;
        if (!text.body_key.empty()) {
            below = paint_paragraph(p, TextRole::Body, translate(text.body_key, language), t.body_text, x, *below + p.px(10),
                                    width);
            if (!below.ok()) return below;
        }
        // The main menu's lines under the title, in the accent colour, one line each, never a screen
        // to dismiss: the customer's reports first, then the bank's offer, then the card number —
        // each only while it fits, so the transaction buttons never move (in large text the six
        // buttons leave room for one of them).
        if (p.vm.screen == ScreenId::MainMenu) {
            TTF_Font& font = p.fonts.font(TextRole::Body);
            int room = card.bottom() - p.px(kBottomPadding) - *below;
            const int line_gap = p.px(6);
            std::vector<std::string> lines;
            auto take = [&](std::string line) {
                if (line.empty() || room < line_gap + line_height(font)) return;
                room -= line_gap + line_height(font);
                lines.push_back(std::move(line));
            };
            for (const std::string& status : p.vm.status_lines) take(status);
            if (!p.vm.offer_line.empty()) {
                const auto wrapped =
                    wrap_text(p.vm.offer_line, width, [&](std::string_view piece) { return p.text_width(font, piece); });
                if (!wrapped.empty()) take(std::string(wrapped.front()));
            }
            menu_card_number = room >= p.px(20) + line_height(font);
            for (const std::string& line : lines) {
                KIOSK_TRY(p.canvas.text(font, line, t.accent, x, *below + line_gap));
                if (p.text_width(font, line) > width) return make_error("ui", "a main menu line is too long");
                below = *below + line_gap + line_height(font);
            }
        }
        // Tries left is a warning, so it goes in the notice box, after the message if there is one.
        const bool show_tries = spec.shows_tries_left && p.vm.tries_left.has_value();
        const bool show_message = !p.vm.message_key.empty() && p.vm.message_key != spec.implied_message_key &&
                                  !spec.title_from_message;
        std::string notice(show_message ? translate(p.vm.message_key, language) : std::string_view{});
        if (show_tries) {
            if (!notice.empty() && language == Language::English) notice += ' ';
            notice += fill(translate("wrong_pin.tries_left", language), std::to_string(*p.vm.tries_left));
        }
        if (!notice.empty()) {
            below = paint_notice(p, notice, x, *below + p.px(16), width);
            if (!below.ok()) return below;
        }
        if (spec.widget != ScreenWidget::None && spec.widget != ScreenWidget::CardSlot) {
            // The title's line box already leaves air under it; ten rows must fit in large text.
            const int gap = p.px(spec.widget == ScreenWidget::Statement ? 2 : 20);
            below = paint_widget(p, spec, x, *below + gap, width);
            if (!below.ok()) return below;
        }
        if (!menu_card_number) return *below;
        return paint_facts(p, spec, x, *below);
    };
    const Result<int> bottom = run();
    p.canvas.clear_clip();
    if (!bottom.ok()) return bottom.error();
    KIOSK_TRY(side_picture);
    const int limit = card.bottom() - p.px(kBottomPadding);
    if (*bottom > limit) {
        return make_error("ui", "screen \"" + std::string(spec.name) + "\" content is " +
                                    std::to_string(*bottom - limit) + " px taller than its card");
    }
    return ok_status();
}

}  // namespace kiosk::ui
