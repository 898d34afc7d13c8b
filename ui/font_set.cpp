// Opens each text role's font. Titles, buttons, the header and big numbers use bold; body text
// and small labels use regular (bold body text reads heavier, not clearer, at these sizes).
#include "ui/font_set.hpp"

#include <stdexcept>
#include <string>
#include <system_error>

namespace kiosk::ui {
namespace {

bool is_bold(TextRole role) {
    switch (role) {
        case TextRole::Header:
        case TextRole::Title:
        case TextRole::Button:
        case TextRole::Display: return true;
        case TextRole::Body:
        case TextRole::Small: return false;
    }
    return false;
}

constexpr std::array kAllRoles{TextRole::Header, TextRole::Title,  TextRole::Body,
                               TextRole::Button, TextRole::Small,  TextRole::Display};

}  // namespace

UniqueFont open_font(const std::filesystem::path& path, int face_index, int pixels) {
    // Check first: SDL_ttf's own message for a missing file does not always carry the path.
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        throw std::runtime_error("font file not found: " + path.string());
    }
    UniqueFont font(TTF_OpenFontIndex(path.c_str(), pixels, face_index));
    if (!font) {
        throw std::runtime_error("cannot open font " + path.string() + " (face " + std::to_string(face_index) +
                                 "): " + TTF_GetError());
    }
    // Hinting "light" keeps CJK strokes crisp at 24–40 px without distorting Latin shapes.
    TTF_SetFontHinting(font.get(), TTF_HINTING_LIGHT);
    return font;
}

FontPaths FontPaths::in_directory(const std::filesystem::path& directory) {
    return FontPaths{directory / "NotoSansCJK-Regular.ttc", directory / "NotoSansCJK-Bold.ttc", 2};
}

FontPaths FontPaths::debian_default() { return in_directory("/usr/share/fonts/opentype/noto"); }

FontSet::FontSet(const FontPaths& paths, bool large_text, const Viewport& viewport) : large_text_(large_text) {
    if (TTF_WasInit() == 0) throw std::runtime_error("SDL_ttf is not initialised: create an SdlSession first");
    static_assert(kAllRoles.size() == kRoles);
    for (const TextRole role : kAllRoles) {
        const auto& path = is_bold(role) ? paths.bold : paths.regular;
        fonts_.at(static_cast<std::size_t>(role)) = open_font(path, paths.face_index, viewport.px(text_pixels(role, large_text)));
    }
}

TTF_Font& FontSet::font(TextRole role) const { return *fonts_.at(static_cast<std::size_t>(role)); }

}  // namespace kiosk::ui
