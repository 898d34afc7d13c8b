// The fonts the screens draw with: Noto Sans CJK (regular + bold; covers Latin and 简体中文),
// opened once per text role at that role's size. Missing font → std::runtime_error naming the path.
#pragma once

#include <array>
#include <filesystem>

#include "ui/sdl_handles.hpp"
#include "ui/theme.hpp"
#include "ui/viewport.hpp"

namespace kiosk::ui {

struct FontPaths {
    std::filesystem::path regular;
    std::filesystem::path bold;
    // Face inside the .ttc collection. Noto Sans CJK orders JP, KR, SC, TC, HK: index 2 is the
    // Simplified Chinese face, so shared Han code points get their mainland glyph shapes.
    int face_index = 2;

    // The Debian fonts-noto-cjk layout: <dir>/NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc.
    static FontPaths in_directory(const std::filesystem::path& directory);
    static FontPaths debian_default();  // /usr/share/fonts/opentype/noto
};

// One face of `path` at `pixels` size, light hinting. Throws std::runtime_error naming the file.
UniqueFont open_font(const std::filesystem::path& path, int face_index, int pixels);

class FontSet {
public:
    // Each role at text_pixels(role, large_text) design units, in `viewport`'s pixels. Needs an
    // SdlSession alive. Throws std::runtime_error naming the file that failed to open.
    FontSet(const FontPaths& paths, bool large_text, const Viewport& viewport = {});

    [[nodiscard]] TTF_Font& font(TextRole role) const;
    [[nodiscard]] bool large_text() const { return large_text_; }

private:
    static constexpr std::size_t kRoles = 6;
    std::array<UniqueFont, kRoles> fonts_;
    bool large_text_;
};

}  // namespace kiosk::ui
