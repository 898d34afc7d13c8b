// Where screens go: a Display shows view-models and reports what the customer touched. The
// offscreen display renders to memory (tests, headless runs, PNG snapshots); the window display
// puts the same pixels in an SDL window. make_display() is the one place that chooses.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "ui/font_set.hpp"
#include "ui/view_model.hpp"
#include "ui/viewport.hpp"

namespace kiosk::ui {

struct InputEvent {
    enum class Kind {
        Action,  // an enabled button was touched (pressed and released on the same button)
        Key,     // a keyboard key (development and maintenance keyboards; the PIN pad is separate)
        Quit,    // the window was closed
    };
    Kind kind = Kind::Action;
    std::string action;  // Kind::Action: the button's action id, as given in the view-model
    std::string key;     // Kind::Key: SDL's key name: "Return", "Escape", "Backspace", "5", "F1", …
    // Kind::Action: the generation of the view-model the touch was made on (ViewModel::generation),
    // so the runtime can drop a touch made on a screen that has since been replaced.
    std::uint64_t generation = 0;

    friend bool operator==(const InputEvent&, const InputEvent&) = default;
};

class Display {
public:
    virtual ~Display() = default;
    Display() = default;
    Display(const Display&) = delete;
    Display& operator=(const Display&) = delete;
    Display(Display&&) = delete;
    Display& operator=(Display&&) = delete;

    // Renders and shows `vm`. An error still leaves the best possible screen on display.
    virtual Status show(const ViewModel& vm) = 0;
    // Everything that happened since the last call; never blocks.
    virtual std::vector<InputEvent> poll_input() = 0;
    // The panel it draws for: the key map beside it follows the same layout (ui/key_map.hpp).
    [[nodiscard]] virtual Viewport viewport() const { return {}; }
};

enum class DisplayKind { Window, Offscreen };

// The configuration's display.width / display.height / display.dpi: each unset means "the
// panel's own" (full screen: the desktop mode's size; a window or offscreen: 1024×768) and the
// DPI assumed for that size (viewport.hpp, assumed_dpi()).
struct DisplaySize {
    std::optional<int> width;
    std::optional<int> height;
    std::optional<double> dpi;

    friend bool operator==(const DisplaySize&, const DisplaySize&) = default;
};

// The viewport for `size` on a panel whose own size is native_width × native_height.
[[nodiscard]] Viewport resolve_viewport(const DisplaySize& size, int native_width, int native_height);

struct DisplayOptions {
    DisplayKind kind = DisplayKind::Offscreen;
    FontPaths fonts = FontPaths::debian_default();
    std::string bank_name = "Kiosk Bank";
    bool fullscreen = false;  // Window only: cover the panel at its native resolution (kiosk); otherwise a window
    DisplaySize size;
};

// Builds the display `options` ask for. Throws std::runtime_error at start-up (no video driver,
// missing font, …) with a one-line message naming what failed.
std::unique_ptr<Display> make_display(const DisplayOptions& options);

}  // namespace kiosk::ui
