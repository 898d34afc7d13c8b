// Screens as PNG files: written for the gallery and snapshots, read back as references for the
// image tests. Both sides use SDL_image, so a file written here loads back pixel for pixel.
#pragma once

#include <filesystem>

#include "common/result.hpp"
#include "ui/sdl_handles.hpp"

namespace kiosk::ui {

// Writes `surface` to `path`, creating missing parent directories.
Status save_png(const SDL_Surface& surface, const std::filesystem::path& path);

// Reads a PNG as an SDL_PIXELFORMAT_ARGB8888 surface (the renderer's format), whatever its own
// format (palette, RGB, RGBA). The error names the file: missing, not a PNG, …
Result<UniqueSurface> load_png(const std::filesystem::path& path);

}  // namespace kiosk::ui
