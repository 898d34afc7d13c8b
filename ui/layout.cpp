// The grid arithmetic behind layout.hpp.
#include "ui/layout.hpp"

#include <algorithm>

#include "ui/screens.hpp"
#include "ui/shown_buttons.hpp"

namespace kiosk::ui {

std::size_t max_buttons(ScreenId screen) {
    return static_cast<std::size_t>(screen_spec(screen).button_columns * kButtonRows);
}

ScreenLayout layout_screen(const ViewModel& vm) {
    ScreenLayout layout;
    layout.header = Rect{0, 0, kScreenWidth, kHeaderHeight};
    if (vm.report_problem != Offer::Hidden) {
        layout.report_problem = Rect{kScreenWidth - kMarginX - kReportProblemWidth, 0, kReportProblemWidth, kHeaderHeight};
    }

    const auto columns = static_cast<std::size_t>(screen_spec(vm.screen).button_columns);
    const std::size_t count = std::min(shown_buttons(vm).size(), max_buttons(vm.screen));
    const int rows = static_cast<int>((count + columns - 1) / columns);
    const int button_height = vm.accessibility.large_text ? kLargeButtonHeight : kButtonHeight;
    const int column_width =
        (kScreenWidth - 2 * kMarginX - static_cast<int>(columns - 1) * kButtonGap) / static_cast<int>(columns);
    const int grid_height = rows == 0 ? 0 : rows * button_height + (rows - 1) * kButtonGap;
    const int grid_top = kScreenHeight - kBottomMargin - grid_height;
    // Integer column widths may leave a pixel or two over: the grid keeps the right margin exact,
    // so bottom-right buttons line up on every screen.
    const int grid_left =
        kScreenWidth - kMarginX - static_cast<int>(columns) * column_width - static_cast<int>(columns - 1) * kButtonGap;
    const std::size_t last_row_start = count == 0 ? 0 : (count - 1) / columns * columns;
    const std::size_t empty_in_last_row = count == 0 ? 0 : columns - (count - last_row_start);

    for (std::size_t i = 0; i < count; ++i) {
        const int row = static_cast<int>(i / columns);
        const std::size_t shift = i >= last_row_start ? empty_in_last_row : 0;
        const int column = static_cast<int>(i % columns + shift);
        const Rect rect{grid_left + column * (column_width + kButtonGap), grid_top + row * (button_height + kButtonGap),
                        column_width, button_height};
        layout.buttons.push_back(ButtonSlot{rect, i});
    }

    const int card_top = kHeaderHeight + kHeaderRuleHeight + 24;
    const int card_bottom = rows == 0 ? kScreenHeight - kBottomMargin : grid_top - 24;
    layout.card = Rect{kMarginX, card_top, kScreenWidth - 2 * kMarginX, card_bottom - card_top};
    return layout;
}

std::optional<std::string> hit_test(const ViewModel& vm, int x, int y) {
    const std::vector<ShownButton> shown = shown_buttons(vm);
    const ScreenLayout layout = layout_screen(vm);
    if (layout.report_problem && vm.report_problem == Offer::Available && layout.report_problem->contains(x, y)) {
        return std::string(kReportProblemAction);
    }
    for (const ButtonSlot& slot : layout.buttons) {
        const Button& button = shown[slot.index].button;
        if (button.enabled && slot.rect.contains(x, y)) return button.action;
    }
    return std::nullopt;
}

std::optional<std::size_t> button_at(const ViewModel& vm, int x, int y) {
    const std::vector<ShownButton> shown = shown_buttons(vm);
    for (const ButtonSlot& slot : layout_screen(vm).buttons) {
        if (shown[slot.index].button.enabled && slot.rect.contains(x, y)) return slot.index;
    }
    return std::nullopt;
}

}  // namespace kiosk::ui
