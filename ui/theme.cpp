// The two themes' values. Normal: deep bank blue header, light grey body, white card, blue buttons.
// High contrast: black body, white text, yellow buttons with black text (AAA everywhere).
#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

constexpr Color rgb(std::uint32_t hex) {
    return Color{static_cast<std::uint8_t>((hex >> 16) & 0xFFU), static_cast<std::uint8_t>((hex >> 8) & 0xFFU),
                 static_cast<std::uint8_t>(hex & 0xFFU)};
}

const Theme kNormal{
    .name = "normal",
    .background = rgb(0xEEF2F7),
    .header_background = rgb(0x0B3B73),
    .header_text = rgb(0xFFFFFF),
    .header_accent = rgb(0x2E9BD6),
    .header_pill = rgb(0x164C8C),
    .card_background = rgb(0xFFFFFF),
    .card_border = rgb(0xD3DBE6),
    .shadow = rgb(0xD5DDE8),
    .title_text = rgb(0x0B2545),
    .body_text = rgb(0x1F2A37),
    .muted_text = rgb(0x4B5768),
    .primary_button = rgb(0x0B5CAD),
    .primary_button_text = rgb(0xFFFFFF),
    .secondary_button = rgb(0xFFFFFF),
    .secondary_button_text = rgb(0x0B4A8F),
    .secondary_button_border = rgb(0x0B5CAD),
    .disabled_button = rgb(0xDDE3EA),
    .disabled_button_text = rgb(0x4B5563),
    .notice_background = rgb(0xFFF4E0),
    .notice_text = rgb(0x5A3300),
    .notice_border = rgb(0xF0B44C),
    .accent = rgb(0x0B5CAD),
    .pin_field_background = rgb(0xF3F6FA),
};

const Theme kHighContrast{
    .name = "high contrast",
    .background = rgb(0x000000),
    .header_background = rgb(0x000000),
    .header_text = rgb(0xFFFFFF),
    .header_accent = rgb(0xFFD400),
    .header_pill = rgb(0x1A1A1A),
    .card_background = rgb(0x000000),
    .card_border = rgb(0xFFFFFF),
    .shadow = rgb(0x000000),
    .title_text = rgb(0xFFFFFF),
    .body_text = rgb(0xFFFFFF),
    .muted_text = rgb(0xE6E6E6),
    .primary_button = rgb(0xFFD400),
    .primary_button_text = rgb(0x000000),
    .secondary_button = rgb(0x000000),
    .secondary_button_text = rgb(0xFFD400),
    .secondary_button_border = rgb(0xFFD400),
    .disabled_button = rgb(0x333333),
    .disabled_button_text = rgb(0xE0E0E0),
    .notice_background = rgb(0x000000),
    .notice_text = rgb(0xFFD400),
    .notice_border = rgb(0xFFD400),
    .accent = rgb(0xFFD400),
    .pin_field_background = rgb(0x1A1A1A),
};

double channel_luminance(std::uint8_t channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

const Theme& normal_theme() { return kNormal; }
const Theme& high_contrast_theme() { return kHighContrast; }

double relative_luminance(Color color) {
    return 0.2126 * channel_luminance(color.r) + 0.7152 * channel_luminance(color.g) +
           0.0722 * channel_luminance(color.b);
}

double contrast_ratio(Color a, Color b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<TextPair> text_pairs(const Theme& t) {
    return {
        {"header text on header", t.header_text, t.header_background},
        {"header text on pill", t.header_text, t.header_pill},
        {"title on card", t.title_text, t.card_background},
        {"body on card", t.body_text, t.card_background},
        {"muted on card", t.muted_text, t.card_background},
        {"body on background", t.body_text, t.background},
        {"primary button label", t.primary_button_text, t.primary_button},
        {"secondary button label", t.secondary_button_text, t.secondary_button},
        // Inactive controls are exempt in WCAG 1.4.3; we hold them to the same bar anyway.
        {"disabled button label", t.disabled_button_text, t.disabled_button},
        {"notice text", t.notice_text, t.notice_background},
        {"PIN dots on field", t.accent, t.pin_field_background},
    };
}

double required_contrast(const Theme& theme) { return &theme == &kHighContrast ? 7.0 : 4.5; }

int text_pixels(TextRole role, bool large_text) {
    int pixels = 28;
    switch (role) {
        case TextRole::Header: pixels = 26; break;
        case TextRole::Title: pixels = 40; break;
        case TextRole::Body: pixels = 28; break;
        case TextRole::Button: pixels = 30; break;
        case TextRole::Small: pixels = kMinimumTextPixels; break;
        case TextRole::Display: pixels = 64; break;
    }
    return large_text ? pixels * kLargeTextPercent / 100 : pixels;
}

}  // namespace kiosk::ui
