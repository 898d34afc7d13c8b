// Colours and type sizes of the two looks (normal, high contrast), and the WCAG contrast maths
// that proves every text colour is readable on the background it is drawn on.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct Color {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    friend bool operator==(const Color&, const Color&) = default;
};

struct Theme {
    std::string_view name;
    Color background;         // screen body
    Color header_background;  // top bar with the bank name
    Color header_text;
    Color header_accent;      // thin rule under the header; decoration, carries no text
    Color header_pill;        // behind the language indicator and the countdown
    Color card_background;    // the panel holding title and instructions
    Color card_border;
    Color shadow;             // soft drop shadow under card and buttons (invisible in high contrast)
    Color title_text;
    Color body_text;
    Color muted_text;         // labels such as "Card" or "Available balance"
    Color primary_button;
    Color primary_button_text;
    Color secondary_button;   // cancel: same size, quieter look
    Color secondary_button_text;
    Color secondary_button_border;
    Color disabled_button;
    Color disabled_button_text;
    Color notice_background;  // decline reasons and other messages
    Color notice_text;
    Color notice_border;
    Color accent;             // PIN dots, activity dots, card illustration
    Color pin_field_background;
};

const Theme& normal_theme();
const Theme& high_contrast_theme();

// WCAG 2.x relative luminance and contrast ratio ((L1 + 0.05) / (L2 + 0.05), from 1 to 21).
double relative_luminance(Color color);
double contrast_ratio(Color a, Color b);

// Every (text, background) pair a theme actually draws, so a test can check each one.
struct TextPair {
    std::string_view what;
    Color text;
    Color background;
};
std::vector<TextPair> text_pairs(const Theme& theme);

// What each theme promises: WCAG AA (4.5:1) normally, AAA (7:1) in high contrast.
double required_contrast(const Theme& theme);

// Type sizes in pixels (font em size). Assumption stated once, here: the panel is a 15-inch 4:3
// 1024×768 touchscreen, 304.8 mm wide, so one pixel is 0.298 mm. ADA §707.7.1 asks for text at
// least 3/16 in (4.8 mm) high, measured on the capital letters: 16.1 px. Noto Sans capitals are
// 0.733 em tall, so the em must be at least 22 px; we never draw customer text below 24 px.
enum class TextRole { Header, Title, Body, Button, Small, Display };

inline constexpr double kPanelMillimetresPerPixel = 304.8 / 1024.0;
inline constexpr double kMinimumCapHeightMillimetres = 4.8;
inline constexpr int kMinimumTextPixels = 24;
inline constexpr int kLargeTextPercent = 125;  // large-text mode scales every role by 1.25

int text_pixels(TextRole role, bool large_text);

}  // namespace kiosk::ui
