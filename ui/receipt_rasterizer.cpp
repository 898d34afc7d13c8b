// ReceiptRasterizer (see receipt_rasterizer.hpp).
#include "ui/receipt_rasterizer.hpp"

#include <algorithm>

#include "ui/utf8.hpp"

namespace kiosk::ui {
namespace {

// A glyph's pixel size, and the row of the 24-dot cell its baseline sits on: ideographs (0.88 em
// above the baseline, 0.12 below) then fill rows 1–22, Latin descenders end at the cell's foot.
constexpr int glyph_pixels = 22;
constexpr int baseline_row = 20;

// Copies `source` (a TTF_RenderGlyph32_Solid surface: 8-bit palette, index 0 background) into a
// cell, squeezed horizontally if wider than the cell, magnified dot by dot, centred.
// `ascent`: the font's, so the source row of cell row y is y + ascent − baseline_row.
void blit_glyph(const SDL_Surface& source, int ascent, drivers::MonoBitmap& cell, const CellStyle& style,
                std::size_t base_width) {
    const auto glyph_width = static_cast<std::size_t>(source.w);
    const std::size_t drawn_width = std::min(glyph_width, base_width);
    const std::size_t left = (base_width - drawn_width) / 2;
    const auto* pixels = static_cast<const std::uint8_t*>(source.pixels);
    for (std::size_t y = 0; y < receipt_cell_height; ++y) {
        const int source_y = static_cast<int>(y) + ascent - baseline_row;
        if (source_y < 0 || source_y >= source.h) continue;
        for (std::size_t x = 0; x < drawn_width; ++x) {
            const std::size_t source_x = x * glyph_width / drawn_width;
            if (pixels[static_cast<std::size_t>(source_y) * static_cast<std::size_t>(source.pitch) + source_x] == 0) continue;
            for (std::size_t dy = 0; dy < style.height; ++dy) {
                for (std::size_t dx = 0; dx < style.width; ++dx) {
                    cell.set((left + x) * style.width + dx, y * style.height + dy);
                }
            }
        }
    }
}

}  // namespace

ReceiptRasterizer::ReceiptRasterizer(const FontPaths& fonts)
    : regular_(open_font(fonts.regular, fonts.face_index, glyph_pixels)),
      bold_(open_font(fonts.bold, fonts.face_index, glyph_pixels)) {
    // Hinting off: the same outline gives the same dots on every machine with this font file.
    TTF_SetFontHinting(regular_.get(), TTF_HINTING_MONO);
    TTF_SetFontHinting(bold_.get(), TTF_HINTING_MONO);
}

std::size_t ReceiptRasterizer::cell_width(char32_t c, const CellStyle& style) {
    return (is_cjk(c) ? 2 * receipt_narrow_cell : receipt_narrow_cell) * style.width;
}

drivers::MonoBitmap ReceiptRasterizer::draw_cell(char32_t c, const CellStyle& style) {
    const std::size_t base_width = cell_width(c, CellStyle{});
    drivers::MonoBitmap cell(base_width * style.width, receipt_cell_height * style.height);
    if (c != U' ') {
        TTF_Font& font = style.bold ? *bold_ : *regular_;
        const UniqueSurface glyph(TTF_RenderGlyph32_Solid(&font, static_cast<Uint32>(c), SDL_Color{0, 0, 0, 255}));
        if (glyph) {
            SDL_LockSurface(glyph.get());
            blit_glyph(*glyph, TTF_FontAscent(&font), cell, style, base_width);
            SDL_UnlockSurface(glyph.get());
        }
    }
    if (style.underline) {
        for (std::size_t y = cell.height - 2 * style.height; y < cell.height; ++y) {
            for (std::size_t x = 0; x < cell.width; ++x) cell.set(x, y);
        }
    }
    return cell;
}

const drivers::MonoBitmap& ReceiptRasterizer::cell(char32_t c, const CellStyle& style) {
    const auto key = std::make_tuple(c, style);
    auto found = cells_.find(key);
    if (found == cells_.end()) found = cells_.emplace(key, draw_cell(c, style)).first;
    return found->second;
}

Result<drivers::MonoBitmap> ReceiptRasterizer::rasterize(const drivers::ReceiptLine& line, std::size_t paper_dots) {
    const CellStyle style{line.style.bold, line.style.underline, line.style.width, line.style.height};
    const std::u32string text = decode_utf8(line.text);
    std::size_t text_width = 0;
    for (const char32_t c : text) text_width += cell_width(c, style);
    if (text_width > paper_dots) {
        return make_error("receipt raster", "line of " + std::to_string(text_width) + " dots is wider than the " +
                                                std::to_string(paper_dots) + "-dot paper: " +
                                                std::to_string(text.size()) + " characters");
    }
    // As wide as the text (whole bytes): the printer aligns the image as the line's ESC a says.
    drivers::MonoBitmap image(std::max<std::size_t>((text_width + 7) / 8 * 8, 8), receipt_cell_height * style.height);
    std::size_t x = 0;
    for (const char32_t c : text) {
        const drivers::MonoBitmap& glyph = cell(c, style);
        for (std::size_t y = 0; y < glyph.height; ++y) {
            for (std::size_t dx = 0; dx < glyph.width; ++dx) {
                if (glyph.dot(dx, y)) image.set(x + dx, y);
            }
        }
        x += glyph.width;
    }
    return image;
}

}  // namespace kiosk::ui
