// Draws a ViewModel onto a 1024×768 software surface: header bar, the screen's card (title,
// instructions, widget) and the touch buttons. It renders; it never decides.
#pragma once

#include <string>

#include "common/result.hpp"
#include "ui/font_set.hpp"
#include "ui/sdl_handles.hpp"
#include "ui/view_model.hpp"

namespace kiosk::ui {

class Renderer {
public:
    // Loads the normal and large-text fonts up front, so a missing font stops start-up rather
    // than the first customer who asks for large text. Needs an SdlSession alive; throws.
    Renderer(const FontPaths& fonts, std::string bank_name);

    // Draws `vm` onto `target` (must be kScreenWidth×kScreenHeight, SDL_PIXELFORMAT_ARGB8888).
    // On error (text that does not fit its space, more than kMaxButtons buttons, an SDL failure)
    // the screen is still drawn as far as possible, clipped to its areas, and the error returned.
    Status render(const ViewModel& vm, SDL_Surface& target) const;

    // A blank surface of the right size and format. Throws std::runtime_error when SDL cannot
    // allocate it (start-up only).
    static UniqueSurface make_surface();

private:
    FontSet normal_fonts_;
    FontSet large_fonts_;
    std::string bank_name_;
};

}  // namespace kiosk::ui
