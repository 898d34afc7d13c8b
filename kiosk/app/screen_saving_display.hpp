// `kiosk --save-screens` without a display: the offscreen display, saving every screen shown as
// PNG (0001-attract-en.png, 0002-out_of_service-en.png, …) in [ui] screens_dir, so a terminal
// without a panel — a bench or a test — shows what a customer would have seen. Asked for only:
// a production kiosk saves nothing by default.
#pragma once

#include <filesystem>

#include "ui/offscreen_display.hpp"

namespace kiosk {

class ScreenSavingDisplay final : public ui::Display {
public:
    // Creates `directory` when missing; throws std::runtime_error naming it when it cannot.
    ScreenSavingDisplay(ui::OffscreenDisplay& inner, std::filesystem::path directory);

    Status show(const ui::ViewModel& vm) override;
    std::vector<ui::InputEvent> poll_input() override { return inner_.poll_input(); }
    [[nodiscard]] ui::Viewport viewport() const override { return inner_.viewport(); }

private:
    ui::OffscreenDisplay& inner_;
    std::filesystem::path directory_;
    int saved_ = 0;
};

}  // namespace kiosk
