// A small copy of a screen for the gallery's index (docs/screens/README.md).
#pragma once

#include "common/result.hpp"
#include "ui/sdl_handles.hpp"

namespace kiosk::ui {

// `screen` scaled to `width` pixels wide, aspect kept, in the screen's own pixel format. Halved
// with SDL's linear stretch while at least twice as wide (each halving averages 2×2 pixels, so
// text stays legible instead of aliasing), then stretched to the exact width. An error for a
// width below 1 or above the screen's, or an SDL failure.
Result<UniqueSurface> make_thumbnail(const SDL_Surface& screen, int width);

}  // namespace kiosk::ui
