// A Display that renders into memory: for tests, the headless kiosk and screen snapshots.
// Touches are injected with touch(x, y) and go through the same hit-test as a real window.
#pragma once

#include <filesystem>
#include <optional>

#include "ui/display.hpp"
#include "ui/renderer.hpp"
#include "ui/sdl_session.hpp"

namespace kiosk::ui {

class OffscreenDisplay final : public Display {
public:
    // Draws for `viewport` (default: the 1024×768 reference panel); touches are in its pixels.
    OffscreenDisplay(const FontPaths& fonts, std::string bank_name, const Viewport& viewport = {});

    Status show(const ViewModel& vm) override;
    std::vector<InputEvent> poll_input() override;
    [[nodiscard]] Viewport viewport() const override { return renderer_.viewport(); }

    // Simulates a finger on the last shown screen; an enabled button there queues its action.
    void touch(int x, int y);
    // A finger goes down: an enabled button there is drawn pressed at once (the next frame), as
    // the window does; release() queues its action when it comes up on the same button.
    Status press(int x, int y);
    Status release(int x, int y);
    // Redraws the last shown screen with button `index` (of shown_buttons) pressed, or none.
    Status redraw_pressed(std::optional<std::size_t> index);
    // Writes the last shown screen as a PNG (IMG_SavePNG); creates missing parent directories.
    Status save_png(const std::filesystem::path& path) const;

    [[nodiscard]] const SDL_Surface& surface() const { return *surface_; }
    [[nodiscard]] const Renderer& renderer() const { return renderer_; }

private:
    SdlSession session_;  // first member: outlives the fonts and surface declared after it
    Renderer renderer_;
    UniqueSurface surface_;
    std::optional<ViewModel> shown_;
    std::vector<InputEvent> pending_;
    std::optional<std::size_t> pressed_;
};

}  // namespace kiosk::ui
