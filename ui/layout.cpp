// The grid arithmetic behind layout.hpp.
#include "ui/layout.hpp"

#include <algorithm>

namespace kiosk::ui {

ScreenLayout layout_screen(const ViewModel& vm) {
    ScreenLayout layout;
    layout.header = Rect{0, 0, kScreenWidth, kHeaderHeight};

    const std::size_t count = std::min(vm.buttons.size(), kMaxButtons);
    const int rows = static_cast<int>((count + 1) / 2);
    const int button_height = vm.accessibility.large_text ? kLargeButtonHeight : kButtonHeight;
    const int column_width = (kScreenWidth - 2 * kMarginX - kButtonGap) / 2;
    const int grid_height = rows == 0 ? 0 : rows * button_height + (rows - 1) * kButtonGap;
    const int grid_top = kScreenHeight - kBottomMargin - grid_height;

    for (std::size_t i = 0; i < count; ++i) {
        const bool lone_last = (count % 2 == 1) && (i == count - 1);
        const int row = static_cast<int>(i / 2);
        const int column = lone_last ? 1 : static_cast<int>(i % 2);
        const Rect rect{kMarginX + column * (column_width + kButtonGap), grid_top + row * (button_height + kButtonGap),
                        column_width, button_height};
        layout.buttons.push_back(ButtonSlot{rect, i});
    }

    const int card_top = kHeaderHeight + kHeaderRuleHeight + 24;
    const int card_bottom = rows == 0 ? kScreenHeight - kBottomMargin : grid_top - 24;
    layout.card = Rect{kMarginX, card_top, kScreenWidth - 2 * kMarginX, card_bottom - card_top};
    return layout;
}

std::optional<std::string> hit_test(const ViewModel& vm, int x, int y) {
    for (const ButtonSlot& slot : layout_screen(vm).buttons) {
        const Button& button = vm.buttons[slot.index];
        if (button.enabled && slot.rect.contains(x, y)) return button.action;
    }
    return std::nullopt;
}

}  // namespace kiosk::ui
