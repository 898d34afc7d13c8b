// The one place that chooses window or offscreen (LVGL's lesson: pick the HAL in one spot).
#include "ui/offscreen_display.hpp"
#include "ui/window_display.hpp"
#include "ui/layout.hpp"

namespace kiosk::ui {

Viewport resolve_viewport(const DisplaySize& size, int native_width, int native_height) {
    return viewport_for(size.width.value_or(native_width), size.height.value_or(native_height), size.dpi);
}

std::unique_ptr<Display> make_display(const DisplayOptions& options) {
    switch (options.kind) {
        case DisplayKind::Window:
            return std::make_unique<WindowDisplay>(options.fonts, options.bank_name, options.fullscreen, options.size);
        case DisplayKind::Offscreen: break;
    }
    return std::make_unique<OffscreenDisplay>(options.fonts, options.bank_name,
                                              resolve_viewport(options.size, kScreenWidth, kScreenHeight));
}

}  // namespace kiosk::ui
