// The key map's rules (key_map.hpp), from the slots layout_screen() places.
#include "ui/key_map.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "ui/layout.hpp"
#include "ui/shown_buttons.hpp"

namespace kiosk::ui {
namespace {

constexpr int kKeysPerSide = 4;  // F1–F4 left, F5–F8 right; the lowest three beside the button rows

// The survey's 0–10 buttons are labelled with their number: the digit is that number.
std::optional<int> numbered(const ShownButton& shown) {
    if (!shown.button.label_key.empty() || shown.amount || shown.data.size() != 1) return std::nullopt;
    const char c = shown.data[0];
    if (c < '0' || c > '9') return std::nullopt;
    return c - '0';
}

bool taken(const std::vector<KeyBinding>& bindings, ChoiceKey key) {
    return std::any_of(bindings.begin(), bindings.end(), [&](const KeyBinding& b) { return b.key == key; });
}

bool bound(const std::vector<KeyBinding>& bindings, std::size_t button) {
    return std::any_of(bindings.begin(), bindings.end(), [&](const KeyBinding& b) { return b.button == button; });
}

// The function keys beside the outer columns: rows counted from the bottom (F4/F8 the bottom row).
void add_function_keys(const ScreenLayout& layout, const std::vector<ShownButton>& shown,
                       std::vector<KeyBinding>& out) {
    std::vector<int> rows;  // distinct tops, bottom row first
    for (const ButtonSlot& slot : layout.buttons) rows.push_back(slot.rect.y);
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const Rect& card = layout.card;  // spans the grid's outer edges
    for (const ButtonSlot& slot : layout.buttons) {
        const Button& button = shown[slot.index].button;
        if (!button.enabled) continue;
        const bool left = slot.rect.x < card.x + slot.rect.w / 2;
        const bool right = slot.rect.right() > card.right() - slot.rect.w / 2;
        if (!left && !right) continue;  // a middle column: digits only
        const auto from_bottom = static_cast<int>(std::find(rows.begin(), rows.end(), slot.rect.y) - rows.begin());
        if (from_bottom >= kKeysPerSide - 1) continue;  // beside the card, not a row
        const int number = (left ? kKeysPerSide : 2 * kKeysPerSide) - from_bottom;
        out.push_back(KeyBinding{ChoiceKey::function(number), button.action, slot.index});
    }
}

void add_digits(const ScreenLayout& layout, const std::vector<ShownButton>& shown, std::vector<KeyBinding>& out) {
    const bool labelled_by_number =
        std::any_of(shown.begin(), shown.end(), [](const ShownButton& s) { return numbered(s).has_value(); });
    for (const ButtonSlot& slot : layout.buttons) {
        const ShownButton& button = shown[slot.index];
        if (!button.button.enabled) continue;
        std::optional<int> digit;
        if (labelled_by_number) {
            digit = numbered(button);
        } else if (slot.index < 9) {
            digit = static_cast<int>(slot.index) + 1;  // disabled buttons keep their number, unbound
        }
        if (digit) out.push_back(KeyBinding{ChoiceKey::digit(*digit), button.button.action, slot.index});
    }
}

}  // namespace

std::string ChoiceKey::label() const {
    return (kind == Kind::Function ? "F" : "") + std::to_string(number);
}

bool digits_type(ScreenId screen) {
    switch (screen) {
        case ScreenId::EnterPin:
        case ScreenId::EnterNewPin:
        case ScreenId::ConfirmNewPin:
        case ScreenId::EnterAmount:
        case ScreenId::CardlessEntry:
        case ScreenId::ServiceSignIn:      // the technician's id and PIN
        case ScreenId::ServiceEnterCount:  // a cassette's new count
            return true;
        default: return false;
    }
}

std::vector<KeyBinding> key_bindings(const ViewModel& vm, const Viewport& viewport) {
    const ScreenLayout layout = layout_screen(vm, viewport);
    const std::vector<ShownButton> shown = shown_buttons(vm);
    std::vector<KeyBinding> out;
    add_function_keys(layout, shown, out);
    if (layout.report_problem && vm.report_problem == Offer::Available) {
        out.push_back(KeyBinding{ChoiceKey::function(kReportProblemKey), kReportProblemAction, std::nullopt});
    }
    std::vector<KeyBinding> digits;
    if (!digits_type(vm.screen)) add_digits(layout, shown, digits);
    // A button no rule reached (the survey's "10", a middle column on an entry screen): the spare
    // top keys, in order.
    for (const ButtonSlot& slot : layout.buttons) {
        const Button& button = shown[slot.index].button;
        if (!button.enabled || bound(out, slot.index) || bound(digits, slot.index)) continue;
        for (const int spare : {1, kKeysPerSide + 1}) {
            if (taken(out, ChoiceKey::function(spare))) continue;
            out.push_back(KeyBinding{ChoiceKey::function(spare), button.action, slot.index});
            break;
        }
    }
    std::sort(out.begin(), out.end(), [](const KeyBinding& l, const KeyBinding& r) { return l.key.number < r.key.number; });
    out.insert(out.end(), digits.begin(), digits.end());
    return out;
}

std::optional<KeyBinding> binding_for(const ViewModel& vm, ChoiceKey key, const Viewport& viewport) {
    for (KeyBinding& binding : key_bindings(vm, viewport)) {
        if (binding.key == key) return std::move(binding);
    }
    return std::nullopt;
}

std::optional<std::size_t> default_focus(const ViewModel& vm) {
    const std::vector<ShownButton> shown = shown_buttons(vm);
    const std::size_t placed = std::min(shown.size(), max_buttons(vm.screen));
    for (std::size_t i = 0; i < placed; ++i) {
        if (shown[i].button.enabled && (shown[i].marked || shown[i].button.marked)) return i;
    }
    // In order of preference: a confirm screen offers both "Change" (report_problem) and "Send".
    static constexpr std::array<std::string_view, 8> kForward = {
        "continue", "receipt_yes", "try_again", "more_time_yes", "another_yes", "survey_done", "complaint_send",
        "report_problem"};
    for (const std::string_view forward : kForward) {
        for (std::size_t i = 0; i < placed; ++i) {
            if (shown[i].button.enabled && shown[i].button.action == forward) return i;
        }
    }
    return std::nullopt;
}

std::optional<std::string> enter_action(const ViewModel& vm) {
    if (!vm.focused) return std::nullopt;
    const std::vector<ShownButton> shown = shown_buttons(vm);
    if (*vm.focused >= std::min(shown.size(), max_buttons(vm.screen))) return std::nullopt;
    const Button& button = shown[*vm.focused].button;
    if (!button.enabled) return std::nullopt;
    return button.action;
}

std::optional<std::size_t> cancel_button(const ViewModel& vm) {
    const std::vector<ShownButton> shown = shown_buttons(vm);
    const std::size_t placed = std::min(shown.size(), max_buttons(vm.screen));
    for (std::size_t i = 0; i < placed; ++i) {
        if (shown[i].button.enabled && is_way_out(shown[i].button.action)) return i;
    }
    return std::nullopt;
}

}  // namespace kiosk::ui
