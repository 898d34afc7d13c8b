// Touch buttons: large rounded rectangles, label centred in at most two lines. Cancel gets the
// quieter outlined look so the way forward stands out; disabled buttons are grey and inert.
#include <string>

#include "ui/i18n.hpp"
#include "ui/screen_painter.hpp"
#include "ui/text_wrap.hpp"

namespace kiosk::ui {
namespace {

constexpr int kLabelPaddingX = 24;
constexpr int kOutline = 3;

struct ButtonLook {
    Color fill;
    Color text;
    bool outlined;
    Color outline;
};

ButtonLook look_for(const Button& button, const Theme& t) {
    if (!button.enabled) return {t.disabled_button, t.disabled_button_text, false, t.disabled_button};
    if (button.action == "cancel") return {t.secondary_button, t.secondary_button_text, true, t.secondary_button_border};
    return {t.primary_button, t.primary_button_text, false, t.primary_button};
}

}  // namespace

Status paint_buttons(const PaintContext& p) {
    Status result = ok_status();
    TTF_Font& font = p.fonts.font(TextRole::Button);
    const int line = line_height(font);
    for (const ButtonSlot& slot : p.layout.buttons) {
        const Button& button = p.vm.buttons[slot.index];
        const ButtonLook look = look_for(button, p.theme);
        const Rect& r = slot.rect;
        if (p.theme.shadow != p.theme.background && button.enabled) {
            p.canvas.fill_rounded(Rect{r.x, r.y + 4, r.w, r.h}, kButtonRadius, p.theme.shadow);
        }
        if (look.outlined) {
            p.canvas.fill_rounded(r, kButtonRadius, look.outline);
            p.canvas.fill_rounded(Rect{r.x + kOutline, r.y + kOutline, r.w - 2 * kOutline, r.h - 2 * kOutline},
                                  kButtonRadius - kOutline, look.fill);
        } else {
            p.canvas.fill_rounded(r, kButtonRadius, look.fill);
        }

        const auto label = translate(button.label_key, p.vm.language);
        const auto lines = wrap_text(label, r.w - 2 * kLabelPaddingX,
                                     [&](std::string_view text) { return text_width(font, text); });
        const int shown = lines.size() > 2 ? 2 : static_cast<int>(lines.size());
        if (lines.size() > 2 && result.ok()) {
            result = make_error("ui", "button label \"" + std::string(button.label_key) + "\" needs more than two lines");
        }
        int y = r.y + (r.h - shown * line) / 2 - optical_offset(font);
        p.canvas.clip_to(r);
        for (int i = 0; i < shown; ++i) {
            const std::string& text = lines[static_cast<std::size_t>(i)];
            const Status drawn = p.canvas.text(font, text, look.text, r.x + (r.w - text_width(font, text)) / 2, y);
            if (!drawn.ok() && result.ok()) result = drawn;
            y += line;
        }
        p.canvas.clear_clip();
    }
    if (p.vm.buttons.size() > kMaxButtons && result.ok()) {
        result = make_error("ui", std::to_string(p.vm.buttons.size()) + " buttons given, at most " +
                                      std::to_string(kMaxButtons) + " fit; the rest are not shown");
    }
    return result;
}

}  // namespace kiosk::ui
