// Touch buttons: large rounded rectangles, label centred in at most two lines (or one line over a
// smaller note: "Your usual", an account's balance, a toggle's On/Off). Cancel gets the quieter
// outlined look so the way forward stands out; disabled buttons are grey and inert; the usual
// amount gets a ring; toggles draw a switch at their right; survey faces are drawn left of their label.
#include <algorithm>
#include <string>
#include <vector>

#include "ui/i18n.hpp"
#include "ui/screen_painter.hpp"
#include "ui/shown_buttons.hpp"
#include "ui/text_wrap.hpp"

namespace kiosk::ui {
namespace {

constexpr int kLabelPaddingX = 24;
constexpr int kOutline = 3;

constexpr int kSwitchWidth = 76;
constexpr int kSwitchHeight = 40;
constexpr int kSwitchRoom = kSwitchWidth + 20;  // the switch plus air between it and the label
constexpr int kMarkRing = 5;

constexpr int kFaceRadius = 28;
constexpr int kLargeFaceRadius = 32;
constexpr int kFaceRoom = 16;  // air between the face and its label

struct ButtonLook {
    Color fill;
    Color text;
    bool outlined;
    Color outline;
};

ButtonLook look_for(const ShownButton& shown, const Theme& t) {
    const Button& button = shown.button;
    if (!button.enabled) return {t.disabled_button, t.disabled_button_text, false, t.disabled_button};
    if (is_way_out(button.action)) return {t.secondary_button, t.secondary_button_text, true, t.secondary_button_border};
    if (shown.marked) {
        // "Your usual": a ring in the notice colour (white in high contrast, where buttons are yellow).
        return {t.primary_button, t.primary_button_text, true, is_high_contrast(t) ? t.body_text : t.notice_border};
    }
    return {t.primary_button, t.primary_button_text, false, t.primary_button};
}

// Line one: the amount, or the translated label (+ literal data such as a masked account number).
std::string main_label(const ShownButton& shown, Language language) {
    if (shown.amount) return format_cash(*shown.amount, language);
    if (shown.button.label_key.empty()) return shown.data;  // a literal label: the NPS numbers
    std::string label(translate(shown.button.label_key, language));
    if (!shown.data.empty()) label += " " + shown.data;
    return label;
}

// Line two, smaller: the label under an amount ("Your usual"), a balance, or a toggle's state.
std::string note_label(const ShownButton& shown, Language language) {
    if (shown.amount && !shown.button.label_key.empty()) return std::string(translate(shown.button.label_key, language));
    if (shown.note_amount) return format_money(*shown.note_amount, language);
    if (shown.on && !shown.chip) return std::string(translate(*shown.on ? "toggle.on" : "toggle.off", language));
    return {};
}

// A switch at the right of a toggle button: knob right and filled track when on, knob left and
// outlined track when off — readable without colour.
void paint_switch(const PaintContext& p, const Rect& r, const ButtonLook& look, bool on) {
    const int width = p.px(kSwitchWidth);
    const int height = p.px(kSwitchHeight);
    const Rect track{r.right() - p.px(kLabelPaddingX) - width, r.y + (r.h - height) / 2, width, height};
    const int knob_radius = height / 2 - p.px(6);
    const int knob_y = track.y + height / 2;
    const int inset = p.px(3);
    p.canvas.fill_rounded(track, height / 2, look.text);
    if (on) {
        p.canvas.fill_circle(track.right() - height / 2, knob_y, knob_radius, look.fill);
    } else {
        p.canvas.fill_rounded(Rect{track.x + inset, track.y + inset, track.w - 2 * inset, track.h - 2 * inset},
                              height / 2 - inset, look.fill);
        p.canvas.fill_circle(track.x + height / 2, knob_y, knob_radius, look.text);
    }
}

int face_radius(const PaintContext& p) { return p.px(p.vm.accessibility.large_text ? kLargeFaceRadius : kFaceRadius); }

// A face for satisfaction score 1–5: ring, two eyes and a mouth that curves from a deep frown (1)
// through a straight line (3) to a broad smile (5). In the label's colour on the button's fill, so
// the scores differ by shape as well as by label, never by colour alone.
void paint_face(const PaintContext& p, const Rect& r, const ButtonLook& look, int score) {
    const int radius = face_radius(p);
    const int cx = r.x + p.px(kLabelPaddingX) + radius;
    const int cy = r.y + r.h / 2;
    p.canvas.fill_circle(cx, cy, radius, look.text);
    p.canvas.fill_circle(cx, cy, radius - p.px(4), look.fill);
    const int eye = std::max(p.px(3), radius / 8);
    p.canvas.fill_circle(cx - radius * 35 / 100, cy - radius * 28 / 100, eye, look.text);
    p.canvas.fill_circle(cx + radius * 35 / 100, cy - radius * 28 / 100, eye, look.text);
    // The mouth: y = middle - bend·(t² − ½) for t in [−1, 1]; the bend's sign makes smile or frown.
    const double bend = (score - 3) * 0.22 * radius;
    const double half_width = 0.5 * radius;
    const double middle = cy + 0.34 * radius;
    constexpr int kSteps = 24;
    const int pen = p.px(3);
    for (int i = 0; i <= kSteps; ++i) {
        const double t = -1.0 + 2.0 * i / kSteps;
        const double x = cx + t * half_width;
        const double y = middle - bend * (t * t - 0.5);
        p.canvas.fill_circle(static_cast<int>(x + 0.5), static_cast<int>(y + 0.5), pen, look.text);
    }
}

// The label's lines in button type, or — when they need more lines than the button has — in the
// smaller type, which is still above the legibility floor (theme.hpp): shrunk, never cut off.
struct FittedLabel {
    TextRole role = TextRole::Button;
    std::vector<std::string> lines;
};

FittedLabel fit_label(const PaintContext& p, const std::string& label, int width, std::size_t max_lines) {
    FittedLabel fitted;
    for (const TextRole role : {TextRole::Button, TextRole::Small}) {
        TTF_Font& font = p.fonts.font(role);
        fitted.role = role;
        fitted.lines = wrap_text(label, width, [&](std::string_view text) { return p.text_width(font, text); });
        if (fitted.lines.size() <= max_lines) break;
    }
    return fitted;
}

Status paint_one(const PaintContext& p, const ShownButton& shown, const Rect& r) {
    const ButtonLook look = look_for(shown, p.theme);
    const int radius = p.px(kButtonRadius);
    if (p.theme.shadow != p.theme.background && shown.button.enabled) {
        p.canvas.fill_rounded(Rect{r.x, r.y + p.px(4), r.w, r.h}, radius, p.theme.shadow);
    }
    const int ring = p.px(shown.marked ? kMarkRing : kOutline);
    if (look.outlined) {
        p.canvas.fill_rounded(r, radius, look.outline);
        p.canvas.fill_rounded(Rect{r.x + ring, r.y + ring, r.w - 2 * ring, r.h - 2 * ring}, radius - ring, look.fill);
    } else {
        p.canvas.fill_rounded(r, radius, look.fill);
    }
    if (shown.on) paint_switch(p, r, look, *shown.on);
    int face_room = 0;
    if (shown.face) {
        paint_face(p, r, look, *shown.face);
        face_room = 2 * face_radius(p) + p.px(kFaceRoom);
    }

    const int padding = p.px(kLabelPaddingX);
    TTF_Font& note_font = p.fonts.font(TextRole::Small);
    const int text_left = r.x + padding + face_room;
    const int text_width_max = r.w - 2 * padding - (shown.on ? p.px(kSwitchRoom) : 0) - face_room;
    const std::string note = note_label(shown, p.vm.language);
    const std::size_t max_lines = note.empty() ? 2 : 1;
    const FittedLabel label = fit_label(p, main_label(shown, p.vm.language), text_width_max, max_lines);
    TTF_Font& font = p.fonts.font(label.role);
    const std::size_t shown_lines = std::min(label.lines.size(), max_lines);
    Status result = ok_status();
    if (label.lines.size() > max_lines) {
        result = make_error("ui", "button label \"" + main_label(shown, Language::English) + "\" needs more than " +
                                      std::to_string(max_lines) + (max_lines == 1 ? " line" : " lines"));
    }
    if (p.text_width(note_font, note) > text_width_max && result.ok()) {
        result = make_error("ui", "button note \"" + note + "\" is wider than its button");
    }
    const int block = static_cast<int>(shown_lines) * line_height(font) + (note.empty() ? 0 : line_height(note_font) - p.px(6));
    int y = r.y + (r.h - block) / 2 - optical_offset(font);
    p.canvas.clip_to(r);
    for (std::size_t i = 0; i < shown_lines; ++i) {
        const std::string& text = label.lines[i];
        const Status drawn =
            p.canvas.text(font, text, look.text, text_left + (text_width_max - p.text_width(font, text)) / 2, y);
        if (!drawn.ok() && result.ok()) result = drawn;
        y += line_height(font);
    }
    if (!note.empty()) {
        y += optical_offset(font) - optical_offset(note_font) - p.px(6);
        const Status drawn = p.canvas.text(note_font, note, look.text,
                                           text_left + (text_width_max - p.text_width(note_font, note)) / 2, y);
        if (!drawn.ok() && result.ok()) result = drawn;
    }
    p.canvas.clear_clip();
    return result;
}

}  // namespace

Status paint_buttons(const PaintContext& p) {
    Status result = ok_status();
    const std::vector<ShownButton> shown = shown_buttons(p.vm);
    for (const ButtonSlot& slot : p.layout.buttons) {
        const Status painted = paint_one(p, shown[slot.index], slot.rect);
        if (!painted.ok() && result.ok()) result = painted;
    }
    const std::size_t fit = max_buttons(p.vm.screen);
    if (shown.size() > fit && result.ok()) {
        result = make_error("ui", std::to_string(shown.size()) + " buttons given, at most " + std::to_string(fit) +
                                      " fit; the rest are not shown");
    }
    return result;
}

}  // namespace kiosk::ui
