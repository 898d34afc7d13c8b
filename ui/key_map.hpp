// Which PIN-pad key chooses which control on a screen, so a customer can do everything without
// touching it (docs/ui.md, "Operation from the PIN pad"). Pure: derived from layout_screen()'s
// slots, so the key drawn on a button, the key the runtime acts on and the place a finger
// touches all agree, whatever the screen's size.
//
//   F1 ┃ header                          [Report a problem] ┃ F5
//      ┃ card                                               ┃
//   F2 ┃ [ top row, left ]           [ top row, right ]     ┃ F6
//   F3 ┃ [ middle row, left ]        [ middle row, right ]  ┃ F7
//   F4 ┃ [ bottom row, left ]        [ bottom row, right ]  ┃ F8
//
// Function keys (ATM "FDKs"): the outer columns' buttons, counted from the bottom row (the grid
// is anchored there: F4/F8 always sit beside the bottom row); F5 the header's "Report a problem".
// Digits 1–9 choose the n-th button in shown_buttons() order (the 3×3 amount grid reads like the
// pad's own 1–9 block); where buttons are numbered (the 0–10 survey) the digit is the number.
// On entry screens (PIN, amount, code, phone) digits type and never choose. A button left without
// a key (the survey's "10") gets the first spare function key. Disabled buttons get no key.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/view_model.hpp"
#include "ui/viewport.hpp"

namespace kiosk::ui {

// A key that chooses a control: a function key F1–F8 or a digit 0–9.
struct ChoiceKey {
    enum class Kind : std::uint8_t { Function, Digit };
    Kind kind = Kind::Function;
    int number = 0;

    [[nodiscard]] static ChoiceKey function(int n) { return ChoiceKey{Kind::Function, n}; }
    [[nodiscard]] static ChoiceKey digit(int n) { return ChoiceKey{Kind::Digit, n}; }
    [[nodiscard]] std::string label() const;  // "F3", "7"
    friend bool operator==(const ChoiceKey&, const ChoiceKey&) = default;
};

inline constexpr int kReportProblemKey = 5;  // F5: top right, beside the header's control

struct KeyBinding {
    ChoiceKey key;
    std::string action;                 // what a touch on the control gives
    std::optional<std::size_t> button;  // index into shown_buttons(vm); none: the header's "Report a problem"
};

// Entry screens: the pad collects digits there (a PIN never leaves it); no digit chooses a button.
[[nodiscard]] bool digits_type(ScreenId screen);

// Every key that chooses something on this screen as laid out for `viewport` (the panel the
// keys sit beside: a 1080p grid has other outer columns than 1024×768), function keys first.
// Keys are unique.
[[nodiscard]] std::vector<KeyBinding> key_bindings(const ViewModel& vm, const Viewport& viewport = {});
[[nodiscard]] std::optional<KeyBinding> binding_for(const ViewModel& vm, ChoiceKey key, const Viewport& viewport = {});

// Where the focus starts: the way forward — the pre-selected button (the usual amount, the known
// complaint category), else Continue / Yes / Try again / Done / Send / Report it. None on a
// pure choice (the menu, the survey's scores): Enter must never pick an answer for the customer.
[[nodiscard]] std::optional<std::size_t> default_focus(const ViewModel& vm);
// Enter: the focused button's action, when it is placed and enabled.
[[nodiscard]] std::optional<std::string> enter_action(const ViewModel& vm);
// Cancel: the screen's way out (Cancel, the survey's Skip), when it has one.
[[nodiscard]] std::optional<std::size_t> cancel_button(const ViewModel& vm);

}  // namespace kiosk::ui
