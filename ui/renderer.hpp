// Draws a ViewModel onto a software surface of any display size (ui/viewport.hpp): header bar,
// the screen's card (title, instructions, widget) and the touch buttons. It renders; it never
// decides. Shaped text is cached between frames, and a frame that differs from the last one drawn
// on the same surface only in its activity dots or countdown repaints just those.
#pragma once

#include <optional>
#include <string>

#include "common/result.hpp"
#include "ui/font_set.hpp"
#include "ui/screen_painter.hpp"
#include "ui/sdl_handles.hpp"
#include "ui/text_cache.hpp"
#include "ui/view_model.hpp"
#include "ui/viewport.hpp"

namespace kiosk::ui {

class Renderer {
public:
    // Loads the normal and large-text fonts up front, at `viewport`'s scale, so a missing font
    // stops start-up rather than the first customer who asks for large text. Needs an SdlSession
    // alive. Throws std::runtime_error (a missing font, or a viewport viewport_problem() refuses).
    Renderer(const FontPaths& fonts, std::string bank_name, const Viewport& viewport = {});
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;
    Renderer(Renderer&&) = delete;
    Renderer& operator=(Renderer&&) = delete;

    // Draws `vm` onto `target` (viewport().width × height, SDL_PIXELFORMAT_ARGB8888).
    // On error (text that does not fit its space, more buttons than fit, an SDL failure) the screen
    // is still drawn as far as possible, clipped to its areas, and the error returned. Not
    // thread-safe (caches); one Renderer per display, on the loop thread.
    Status render(const ViewModel& vm, SDL_Surface& target) const;
    // Draws every pixel of `vm` again, ignoring what the surface held (benchmarks, tests).
    Status render_full(const ViewModel& vm, SDL_Surface& target) const;

    [[nodiscard]] const Viewport& viewport() const { return viewport_; }

    // A blank surface of the viewport's size and the right format. Throws std::runtime_error when
    // SDL cannot allocate it (start-up only).
    static UniqueSurface make_surface(const Viewport& viewport = {});

    // What the caches hold: shaped text pixels and widths (docs/benchmarks.md, "Frames").
    [[nodiscard]] TextCache::Stats text_cache_stats() const { return text_cache_.stats(); }
    // Empties the text cache (benchmarks: what a frame costs without it).
    void forget_shaped_text() const { text_cache_.clear(); }

    // How many frames were drawn whole, in part (only what moved), or not at all (nothing moved).
    struct FrameCounts {
        std::size_t whole = 0;
        std::size_t partial = 0;
        std::size_t unchanged = 0;
    };
    [[nodiscard]] FrameCounts frame_counts() const { return counts_; }

private:
    // What the last frame drawn on a surface was, so the next can repaint only what moved.
    struct LastFrame {
        const SDL_Surface* target = nullptr;
        const void* pixels = nullptr;
        ViewModel vm;
        FrameNotes notes;
        Status status;
    };
    Status paint(const ViewModel& vm, SDL_Surface& target, std::optional<Rect> area) const;
    [[nodiscard]] std::optional<std::optional<Rect>> repaint_area(const ViewModel& vm, const SDL_Surface& target) const;

    Viewport viewport_;
    FontSet normal_fonts_;
    FontSet large_fonts_;
    std::string bank_name_;
    mutable TextCache text_cache_;
    mutable std::optional<LastFrame> last_;
    mutable FrameCounts counts_;
};

}  // namespace kiosk::ui
