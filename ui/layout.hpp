// Where things go on the screen, for any display (ui/viewport.hpp). Drawing and hit-testing both
// call layout_screen(), so a button is touchable exactly where it is drawn. Pure geometry: no
// fonts, no SDL. The constants below are design units (pixels of the 1024×768 reference panel);
// layout_screen() returns display pixels.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ui/view_model.hpp"
#include "ui/viewport.hpp"

namespace kiosk::ui {

// The reference panel's size: the default Viewport's (tests and tools that draw for it).
inline constexpr int kScreenWidth = 1024;
inline constexpr int kScreenHeight = 768;
inline constexpr int kHeaderHeight = 88;
inline constexpr int kHeaderRuleHeight = 4;    // accent line under the header
inline constexpr int kMarginX = 40;
inline constexpr int kBottomMargin = 32;
inline constexpr int kButtonGap = 20;
inline constexpr int kButtonHeight = 96;       // ≥ 80 px: an easy target for any finger
inline constexpr int kLargeButtonHeight = 112; // large-text mode
inline constexpr int kButtonRadius = 18;
inline constexpr int kCardRadius = 20;
inline constexpr int kCardPadding = 36;
inline constexpr int kButtonRows = 3;          // more rows would crowd the card
inline constexpr std::size_t kMaxButtons = 6;  // three rows of two: every screen but the amount grid
inline constexpr std::size_t kMaxGridButtons = 9;  // three rows of three (WithdrawalAmount)

struct Rect {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;
    [[nodiscard]] bool contains(int px, int py) const { return px >= x && px < x + w && py >= y && py < y + h; }
    [[nodiscard]] int right() const { return x + w; }
    [[nodiscard]] int bottom() const { return y + h; }
    friend bool operator==(const Rect&, const Rect&) = default;
};

struct ButtonSlot {
    Rect rect;
    std::size_t index = 0;  // into shown_buttons(vm) (ui/shown_buttons.hpp)
};

// The header's "Report a problem" control: always the right end of the header, its whole height
// (a target as tall as the header, 88 units, and wider than any label it carries): the pill drawn
// 280 px wide against the right margin, the target 16 px more to its left.
inline constexpr int kReportProblemWidth = 296;
inline constexpr const char* kReportProblemAction = "report_problem";

struct ScreenLayout {
    Rect header;
    std::optional<Rect> report_problem;  // when the view-model shows the control (Available or Unavailable)
    Rect card;                       // title, instructions and the screen's widget
    std::vector<ButtonSlot> buttons; // at most max_buttons(); extra buttons are not placed
};

// How many buttons a screen takes, on every display: three rows of its screen's column count at
// the reference size (two, three for the amount grid and the survey, four for the 0–10 question).
[[nodiscard]] std::size_t max_buttons(ScreenId screen);

// The grid's column count on `viewport`: the screen's own at the reference width, more on a
// wide display (1920×1080: three for two, so six buttons take two rows and the card grows), fewer
// in portrait (1080×1920: one column of full-width buttons stacked up to six rows under a tall
// card). Buttons keep roughly their reference width in millimetres either way.
[[nodiscard]] int grid_columns(ScreenId screen, const Viewport& viewport);

// Buttons fill the grid row by row, anchored to the bottom of the screen. A short last row is
// pushed to the right, so a lone "Continue" or "Cancel" always sits bottom right. The card fills
// the space between the header and the grid. Rectangles are in `viewport`'s pixels.
[[nodiscard]] ScreenLayout layout_screen(const ViewModel& vm, const Viewport& viewport = {});

// The action of the enabled button under (x, y) — `viewport` pixels — if any.
[[nodiscard]] std::optional<std::string> hit_test(const ViewModel& vm, int x, int y, const Viewport& viewport = {});
// The enabled button under (x, y) as an index into shown_buttons(vm): what a finger down presses.
[[nodiscard]] std::optional<std::size_t> button_at(const ViewModel& vm, int x, int y, const Viewport& viewport = {});

}  // namespace kiosk::ui
