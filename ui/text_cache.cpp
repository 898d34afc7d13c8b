// LRU bookkeeping for TextCache: a list in use order, an index into it keyed by the entry's own
// key (string_views into the list nodes, which never move).
#include "ui/text_cache.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kiosk::ui {
namespace {

// The box of pixels with any coverage: blended text has alpha 0 outside its glyphs.
Rect ink_of(const SDL_Surface& surface) {
    int left = surface.w;
    int top = surface.h;
    int right = 0;
    int bottom = 0;
    for (int y = 0; y < surface.h; ++y) {
        const auto* row = static_cast<const std::uint8_t*>(surface.pixels) + static_cast<std::ptrdiff_t>(y) * surface.pitch;
        for (int x = 0; x < surface.w; ++x) {
            std::uint32_t pixel = 0;
            std::memcpy(&pixel, row + static_cast<std::ptrdiff_t>(x) * 4, 4);
            if ((pixel & surface.format->Amask) == 0) continue;
            left = std::min(left, x);
            right = std::max(right, x + 1);
            top = std::min(top, y);
            bottom = std::max(bottom, y + 1);
        }
    }
    if (right <= left) return Rect{};
    return Rect{left, top, right - left, bottom - top};
}

}  // namespace

std::string TextCache::key_of(const TTF_Font& font, std::string_view text, Color color) {
    // The font's address names face and size: each FontSet opens one TTF_Font per role and size,
    // and the fonts live as long as the Renderer that owns this cache.
    std::string key(sizeof(const TTF_Font*) + 3 + text.size(), '\0');
    const TTF_Font* address = &font;
    std::memcpy(key.data(), &address, sizeof address);
    key[sizeof address] = static_cast<char>(color.r);
    key[sizeof address + 1] = static_cast<char>(color.g);
    key[sizeof address + 2] = static_cast<char>(color.b);
    std::memcpy(key.data() + sizeof address + 3, text.data(), text.size());
    return key;
}

Result<const ShapedText*> TextCache::shaped(TTF_Font& font, std::string_view text, Color color) {
    std::string key = key_of(font, text, color);
    if (auto found = shaped_index_.find(key); found != shaped_index_.end()) {
        shaped_.splice(shaped_.begin(), shaped_, found->second);
        ++hits_;
        return &shaped_.front().text;
    }
    ++misses_;
    const std::string zero_terminated(text);
    UniqueSurface rendered(TTF_RenderUTF8_Blended(&font, zero_terminated.c_str(), SDL_Color{color.r, color.g, color.b, 255}));
    if (!rendered) return make_error("sdl_ttf", std::string("cannot render text: ") + TTF_GetError());
    const Rect ink = ink_of(*rendered);
    const std::size_t bytes = static_cast<std::size_t>(rendered->pitch) * static_cast<std::size_t>(rendered->h) + key.size();
    shaped_.push_front(Shaped{std::move(key), ShapedText{std::move(rendered), ink}, bytes});
    shaped_index_.emplace(shaped_.front().key, shaped_.begin());
    bytes_ += bytes;
    // Evict from the cold end, never the entry just made (a text larger than the budget still draws).
    while (bytes_ > max_bytes_ && shaped_.size() > 1) {
        bytes_ -= shaped_.back().bytes;
        shaped_index_.erase(shaped_.back().key);
        shaped_.pop_back();
    }
    return &shaped_.front().text;
}

int TextCache::width(TTF_Font& font, std::string_view text) {
    if (text.empty()) return 0;
    std::string key = key_of(font, text, Color{});
    if (auto found = width_index_.find(key); found != width_index_.end()) {
        widths_.splice(widths_.begin(), widths_, found->second);
        return widths_.front().width;
    }
    const std::string zero_terminated(text);
    int width = 0;
    int height = 0;
    if (TTF_SizeUTF8(&font, zero_terminated.c_str(), &width, &height) != 0) width = 0;
    widths_.push_front(Width{std::move(key), width});
    width_index_.emplace(widths_.front().key, widths_.begin());
    while (widths_.size() > max_widths_) {
        width_index_.erase(widths_.back().key);
        widths_.pop_back();
    }
    return width;
}

TextCache::Stats TextCache::stats() const {
    std::size_t width_bytes = 0;
    for (const Width& entry : widths_) width_bytes += entry.key.size() + sizeof(Width);
    return Stats{bytes_ + width_bytes, shaped_.size(), widths_.size(), hits_, misses_};
}

void TextCache::clear() {
    shaped_index_.clear();
    shaped_.clear();
    width_index_.clear();
    widths_.clear();
    bytes_ = 0;
}

}  // namespace kiosk::ui
