// The one place that chooses window or offscreen (LVGL's lesson: pick the HAL in one spot).
#include "ui/offscreen_display.hpp"
#include "ui/window_display.hpp"

namespace kiosk::ui {

std::unique_ptr<Display> make_display(const DisplayOptions& options) {
    switch (options.kind) {
        case DisplayKind::Window:
            return std::make_unique<WindowDisplay>(options.fonts, options.bank_name, options.fullscreen);
        case DisplayKind::Offscreen: break;
    }
    return std::make_unique<OffscreenDisplay>(options.fonts, options.bank_name);
}

}  // namespace kiosk::ui
