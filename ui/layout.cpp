// The grid arithmetic behind layout.hpp: design units in, display pixels out.
#include "ui/layout.hpp"

#include <algorithm>
#include <cmath>

#include "ui/screens.hpp"
#include "ui/shown_buttons.hpp"

namespace kiosk::ui {

std::size_t max_buttons(ScreenId screen) {
    return static_cast<std::size_t>(screen_spec(screen).button_columns * kButtonRows);
}

int grid_columns(ScreenId screen, const Viewport& viewport) {
    const int base = screen_spec(screen).button_columns;
    // The small epsilon keeps an exact multiple (1366 units: 3 → 4) from flooring one short.
    const double columns = base * static_cast<double>(viewport.design_width()) / kScreenWidth + 1e-6;
    return std::max(1, static_cast<int>(std::floor(columns)));
}

ScreenLayout layout_screen(const ViewModel& vm, const Viewport& viewport) {
    const auto px = [&viewport](int units) { return viewport.px(units); };
    const int width = viewport.width;
    const int height = viewport.height;
    const int header_height = px(kHeaderHeight);
    const int margin = px(kMarginX);
    const int gap = px(kButtonGap);

    ScreenLayout layout;
    layout.header = Rect{0, 0, width, header_height};
    if (vm.report_problem != Offer::Hidden) {
        const int target = px(kReportProblemWidth);
        layout.report_problem = Rect{width - margin - target, 0, target, header_height};
    }

    const auto columns = static_cast<std::size_t>(grid_columns(vm.screen, viewport));
    const std::size_t count = std::min(shown_buttons(vm).size(), max_buttons(vm.screen));
    const int rows = static_cast<int>((count + columns - 1) / columns);
    const int button_height = px(vm.accessibility.large_text ? kLargeButtonHeight : kButtonHeight);
    const int column_width = (width - 2 * margin - static_cast<int>(columns - 1) * gap) / static_cast<int>(columns);
    const int grid_height = rows == 0 ? 0 : rows * button_height + (rows - 1) * gap;
    const int grid_top = height - px(kBottomMargin) - grid_height;
    // Integer column widths may leave a pixel or two over: the grid keeps the right margin exact,
    // so bottom-right buttons line up on every screen.
    const int grid_left = width - margin - static_cast<int>(columns) * column_width - static_cast<int>(columns - 1) * gap;
    const std::size_t last_row_start = count == 0 ? 0 : (count - 1) / columns * columns;
    const std::size_t empty_in_last_row = count == 0 ? 0 : columns - (count - last_row_start);

    for (std::size_t i = 0; i < count; ++i) {
        const int row = static_cast<int>(i / columns);
        const std::size_t shift = i >= last_row_start ? empty_in_last_row : 0;
        const int column = static_cast<int>(i % columns + shift);
        const Rect rect{grid_left + column * (column_width + gap), grid_top + row * (button_height + gap),
                        column_width, button_height};
        layout.buttons.push_back(ButtonSlot{rect, i});
    }

    const int card_top = header_height + px(kHeaderRuleHeight) + px(24);
    const int card_bottom = rows == 0 ? height - px(kBottomMargin) : grid_top - px(24);
    layout.card = Rect{margin, card_top, width - 2 * margin, card_bottom - card_top};
    return layout;
}

std::optional<std::string> hit_test(const ViewModel& vm, int x, int y, const Viewport& viewport) {
    const std::vector<ShownButton> shown = shown_buttons(vm);
    const ScreenLayout layout = layout_screen(vm, viewport);
    if (layout.report_problem && vm.report_problem == Offer::Available && layout.report_problem->contains(x, y)) {
        return std::string(kReportProblemAction);
    }
    for (const ButtonSlot& slot : layout.buttons) {
        const Button& button = shown[slot.index].button;
        if (button.enabled && slot.rect.contains(x, y)) return button.action;
    }
    return std::nullopt;
}

std::optional<std::size_t> button_at(const ViewModel& vm, int x, int y, const Viewport& viewport) {
    const std::vector<ShownButton> shown = shown_buttons(vm);
    for (const ButtonSlot& slot : layout_screen(vm, viewport).buttons) {
        if (shown[slot.index].button.enabled && slot.rect.contains(x, y)) return slot.index;
    }
    return std::nullopt;
}

}  // namespace kiosk::ui
