// Touch buttons: large rounded rectangles, label centred in at most two lines (or one line over a
// smaller note: "Your usual", an account's balance, a toggle's On/Off). Cancel gets the quieter
// outlined look so the way forward stands out; disabled buttons are grey and inert; the usual
// amount gets a ring; toggles draw a switch at their right; survey faces are drawn left of their label.
// Operation from the PIN pad (key_map.hpp): the focused button has a ring outside it, a pressed one
// sinks into its shadow in a darker fill, a digit that chooses a button is drawn in a disc in its
// top corner and a function key's name stands in the margin beside its button, facing the key.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "ui/i18n.hpp"
#include "ui/key_map.hpp"
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

constexpr int kFocusGap = 4;   // background between the button and its focus ring
constexpr int kFocusRing = 4;  // WCAG 2.4.13: at least 2 px, 3:1 against what is next to it
constexpr int kPressedSink = 4;  // a pressed button drops onto its shadow
constexpr int kKeyDisc = 15;       // radius of the digit's disc (large text: +3)
constexpr int kKeyDiscInset = 7;   // from the button's top and side

Rect grown(const Rect& r, int by) { return Rect{r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by}; }

Color darker(Color c) {
    return Color{static_cast<std::uint8_t>(c.r * 3 / 4), static_cast<std::uint8_t>(c.g * 3 / 4),
                 static_cast<std::uint8_t>(c.b * 3 / 4)};
}

// What the pad's keys do to this button: its digit (drawn in the button) and whether it is focused
// or pressed now.
struct KeyState {
    std::optional<std::string> corner;  // a digit, or a function key not beside the button ("F1")
    bool focused = false;
    bool pressed = false;
};

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

// A button labelled with its own number (the 0–10 survey) needs no disc: the label is the key.
std::optional<int> numbered_label(const ShownButton& shown) {
    if (!shown.button.label_key.empty() || shown.amount || shown.data.size() != 1) return std::nullopt;
    if (shown.data[0] < '0' || shown.data[0] > '9') return std::nullopt;
    return shown.data[0] - '0';
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

// A digit in a disc of the label's colour, in the button's top corner (the right one when a face
// fills the left), so it reads as the key's name and not as part of the label.
// A longer name ("F1") gets a pill of the same height.
Status paint_key_disc(const PaintContext& p, const Rect& r, const ButtonLook& look, const std::string& text,
                      bool right) {
    const int radius = p.px(kKeyDisc + (p.vm.accessibility.large_text ? 3 : 0));
    const int inset = p.px(kKeyDiscInset);
    TTF_Font& font = p.fonts.font(TextRole::Small);
    const int width = std::max(2 * radius, p.text_width(font, text) + radius);
    const int x = right ? r.right() - inset - width : r.x + inset;
    const int y = r.y + inset;
    p.canvas.fill_rounded(Rect{x, y, width, 2 * radius}, radius, look.text);
    return p.canvas.text(font, text, look.fill, x + (width - p.text_width(font, text)) / 2,
                         y + radius - line_height(font) / 2 - optical_offset(font));
}

Status paint_one(const PaintContext& p, const ShownButton& shown, const Rect& slot, const KeyState& keys) {
    ButtonLook look = look_for(shown, p.theme);
    const int radius = p.px(kButtonRadius);
    if (keys.focused) {
        const int gap = p.px(kFocusGap);
        const int ring = std::max(2, p.px(kFocusRing));
        p.canvas.fill_rounded_ring(grown(slot, gap + ring), radius + gap + ring, ring, p.theme.title_text);
        p.canvas.fill_rounded(grown(slot, gap), radius + gap, p.theme.background);
    }
    if (p.theme.shadow != p.theme.background && shown.button.enabled && !keys.pressed) {
        p.canvas.fill_rounded_shadow(slot, radius, p.px(4), p.theme.shadow);
    }
    const Rect r = keys.pressed ? Rect{slot.x, slot.y + p.px(kPressedSink), slot.w, slot.h} : slot;
    if (keys.pressed) {
        look.fill = darker(look.fill);
        if (!look.outlined) look.outline = look.fill;
    }
    const int ring = p.px(shown.marked ? kMarkRing : kOutline);
    if (look.outlined) {
        p.canvas.fill_rounded_ring(r, radius, ring, look.outline);
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
    if (keys.corner) {
        const Status drawn = paint_key_disc(p, r, look, *keys.corner, shown.face.has_value());
        if (!drawn.ok() && result.ok()) result = drawn;
    }
    return result;
}

// Whether the button is in the outer column on its function key's side (left keys F1–F4).
bool beside_its_key(const ScreenLayout& layout, const KeyBinding& binding, const Rect& target) {
    if (binding.key.number <= 4) return target.x < layout.card.x + target.w / 2;
    return target.right() > layout.card.right() - target.w / 2;
}

// A function key's name in the margin beside its button (or the header's control), centred
// between the screen's edge and the control, facing the physical key.
Status paint_function_key(const PaintContext& p, const KeyBinding& binding, const Rect& target, Color color) {
    TTF_Font& font = p.fonts.font(TextRole::Small);
    const std::string text = binding.key.label();
    const Rect& screen = p.layout.header;  // the header spans the screen's width
    const bool left = binding.key.number <= kReportProblemKey - 1;
    // Outside the focus ring's room, so a focused button's ring never touches the name.
    const int room = p.px(kFocusGap + kFocusRing);
    const int margin_left = left ? screen.x : target.right() + room;
    const int margin_right = left ? target.x - room : screen.right();
    return p.canvas.text(font, text, color, (margin_left + margin_right - p.text_width(font, text)) / 2,
                         target.y + (target.h - line_height(font)) / 2 - optical_offset(font));
}

}  // namespace

Status paint_buttons(const PaintContext& p) {
    Status result = ok_status();
    const std::vector<ShownButton> shown = shown_buttons(p.vm);
    const std::vector<KeyBinding> bindings = key_bindings(p.vm, p.viewport);
    for (const ButtonSlot& slot : p.layout.buttons) {
        KeyState keys;
        keys.focused = p.vm.focused == slot.index;
        keys.pressed = p.vm.pressed == slot.index;
        for (const KeyBinding& binding : bindings) {
            if (binding.button != slot.index) continue;
            if (binding.key.kind == ChoiceKey::Kind::Digit && binding.key.number != numbered_label(shown[slot.index])) {
                keys.corner = binding.key.label();
            }
            if (binding.key.kind == ChoiceKey::Kind::Function && !beside_its_key(p.layout, binding, slot.rect)) {
                keys.corner = binding.key.label();  // a spare key (the survey's "10"): named on the button
            } else if (binding.key.kind == ChoiceKey::Kind::Function) {
                const Status drawn = paint_function_key(p, binding, slot.rect, p.theme.body_text);
                if (!drawn.ok() && result.ok()) result = drawn;
            }
        }
        const Status painted = paint_one(p, shown[slot.index], slot.rect, keys);
        if (!painted.ok() && result.ok()) result = painted;
    }
    for (const KeyBinding& binding : bindings) {
        if (binding.button || !p.layout.report_problem) continue;  // the header's "Report a problem"
        const Status drawn = paint_function_key(p, binding, *p.layout.report_problem, p.theme.header_text);
        if (!drawn.ok() && result.ok()) result = drawn;
    }
    const std::size_t fit = max_buttons(p.vm.screen);
    if (shown.size() > fit && result.ok()) {
        result = make_error("ui", std::to_string(shown.size()) + " buttons given, at most " + std::to_string(fit) +
                                      " fit; the rest are not shown");
    }
    return result;
}

}  // namespace kiosk::ui
