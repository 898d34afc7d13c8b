// PNG writing and reading through SDL_image (IMG_SavePNG / IMG_Load).
#include "ui/png_file.hpp"

#include <SDL_image.h>

#include <system_error>

namespace kiosk::ui {

Status save_png(const SDL_Surface& surface, const std::filesystem::path& path) {
    std::error_code error;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
    if (error) return make_error("filesystem", "cannot create " + path.parent_path().string() + ": " + error.message());
    // Screens are opaque: RGB without the alpha channel makes the files a quarter smaller.
    UniqueSurface rgb(SDL_ConvertSurfaceFormat(const_cast<SDL_Surface*>(&surface), SDL_PIXELFORMAT_RGB24, 0));
    if (!rgb) return make_error("sdl", "cannot convert for " + path.string() + ": " + SDL_GetError());
    if (IMG_SavePNG(rgb.get(), path.c_str()) != 0) {
        return make_error("sdl_image", "cannot write " + path.string() + ": " + IMG_GetError());
    }
    return ok_status();
}

Result<UniqueSurface> load_png(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return make_error("png", "no such file: " + path.string());
    UniqueSurface loaded(IMG_Load(path.c_str()));
    if (!loaded) return make_error("png", "cannot read " + path.string() + ": " + IMG_GetError());
    UniqueSurface converted(SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    if (!converted) return make_error("sdl", "cannot convert " + path.string() + ": " + SDL_GetError());
    return converted;
}

}  // namespace kiosk::ui
