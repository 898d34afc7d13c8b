// A Display in an SDL window: full screen at the panel's native resolution (SDL's desktop display
// mode), or a development window (1024×768 unless the configuration says otherwise, shrunk to fit
// the desktop). The screens are drawn for that resolution, not scaled from 1024×768. Mouse clicks
// and touches become button actions through hit_test; keys become key events; close → Quit.
#pragma once

#include <optional>
#include <string>

#include "ui/display.hpp"
#include "ui/renderer.hpp"
#include "ui/sdl_session.hpp"

namespace kiosk::ui {

class WindowDisplay final : public Display {
public:
    // Throws std::runtime_error when SDL has no usable video driver or cannot make the window.
    WindowDisplay(const FontPaths& fonts, std::string bank_name, bool fullscreen, const DisplaySize& size = {});

    [[nodiscard]] Viewport viewport() const override { return renderer_.viewport(); }

    Status show(const ViewModel& vm) override;
    std::vector<InputEvent> poll_input() override;

private:
    SdlSession session_;  // first member: destroyed last
    Renderer renderer_;
    UniqueSurface surface_;
    UniqueWindow window_;
    UniqueRenderer presenter_;
    UniqueTexture texture_;
    std::optional<ViewModel> shown_;
    std::optional<std::string> pressed_;  // action under the finger at press time
    // Draws the shown screen again with button `index` (of shown_buttons) pressed, or none, and
    // presents it: the frame after a finger goes down, before its action is handled.
    Status present_pressed(std::optional<std::size_t> index);
    Status present();
    // A released button stays pressed until the screen its action leads to is shown; when the
    // action changed nothing (the next poll comes first), it is drawn up again then.
    bool lift_pending_ = false;
};

}  // namespace kiosk::ui
