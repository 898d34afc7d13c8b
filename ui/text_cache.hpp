// Shaped text kept between frames: TTF_RenderUTF8_Blended results keyed by font (face + size),
// colour and text, and text widths keyed by font and text. Shaping CJK text with FreeType is
// most of a frame's cost; a screen that only moves its activity dots or counts down its seconds
// shapes nothing new. Both caches are LRU and bounded (bytes of pixels, number of widths), and
// count what they hold, so the memory they cost is a known figure (docs/benchmarks.md, "Frames").
// Not thread-safe: one per Renderer, used on the loop thread.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.hpp"
#include "ui/layout.hpp"
#include "ui/sdl_handles.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

// One rendered piece of text and where its ink is (alpha > 0), relative to its top-left corner:
// what a clip check compares with the box the text must stay in.
struct ShapedText {
    UniqueSurface surface;
    Rect ink;
};

class TextCache {
public:
    static constexpr std::size_t kDefaultMaxBytes = std::size_t{8} << 20;  // 8 MiB of text pixels
    static constexpr std::size_t kDefaultMaxWidths = 8192;

    explicit TextCache(std::size_t max_bytes = kDefaultMaxBytes, std::size_t max_widths = kDefaultMaxWidths)
        : max_bytes_(max_bytes), max_widths_(max_widths) {}

    // The text rendered in `font` and `color`, shaped on first use. The pointer stays valid until
    // the next call (a later insertion may evict it). Error: SDL_ttf could not render it.
    Result<const ShapedText*> shaped(TTF_Font& font, std::string_view text, Color color);
    // TTF_SizeUTF8's width (0 for empty text or a font that cannot measure it).
    int width(TTF_Font& font, std::string_view text);

    struct Stats {
        std::size_t bytes = 0;        // pixels held (surface pitch × height, plus keys)
        std::size_t surfaces = 0;
        std::size_t widths = 0;
        std::size_t hits = 0;         // shaped() answered from the cache
        std::size_t misses = 0;       // shaped() rendered
    };
    [[nodiscard]] Stats stats() const;
    void clear();

private:
    struct Shaped {
        std::string key;
        ShapedText text;
        std::size_t bytes;
    };
    struct Width {
        std::string key;
        int width;
    };
    static std::string key_of(const TTF_Font& font, std::string_view text, Color color);

    std::size_t max_bytes_;
    std::size_t max_widths_;
    std::size_t bytes_ = 0;
    std::size_t hits_ = 0;
    std::size_t misses_ = 0;
    std::list<Shaped> shaped_;  // most recently used first
    std::unordered_map<std::string_view, std::list<Shaped>::iterator> shaped_index_;
    std::list<Width> widths_;
    std::unordered_map<std::string_view, std::list<Width>::iterator> width_index_;
};

}  // namespace kiosk::ui
