// RasterTextReader (see raster_text_reader.hpp).
#include "ui/raster_text_reader.hpp"

#include <algorithm>
#include <set>

#include "drivers/printer/gb18030.hpp"
#include "ui/utf8.hpp"

namespace kiosk::ui {
namespace {

// The rows an underline (two dots at magnification 1) leaves readable.
constexpr std::size_t underline_rows = 2;
constexpr std::size_t rows_above_underline = receipt_cell_height - underline_rows;

// Printable ASCII, GB2312's punctuation, symbols and kana (rows A1–A5) and all its 6,763 hanzi (B0–F7) and ¥ (U+00A5, which
// format_money writes and GB2312 lacks). Spaces other than U+0020 are left out: they would read as
// blanks, indistinguishable from it.
std::set<char32_t> candidate_characters() {
    std::set<char32_t> characters;
    for (char32_t c = 0x20; c <= 0x7E; ++c) characters.insert(c);
    characters.insert(U'¥');
    for (std::uint8_t row = 0xA1; row <= 0xF7; ++row) {
        // Rows A6–A9 are left out: Greek and Cyrillic drawn in narrow cells are Latin letters (Α, О),
        // pinyin tone marks squeezed into them merge (ǘ, ǜ), bopomofo ㄧ is the full-width －, and a
        // box-drawing line draws outside a text cell. No bank receipt needs them.
        if (row >= 0xA6 && row < 0xB0) continue;
        for (std::uint8_t cell = 0xA1; cell <= 0xFE; ++cell) {
            const Bytes code{row, cell};
            auto text = drivers::gb18030_to_utf8(code);
            if (!text || text->empty()) continue;
            const char32_t c = next_code_point(*text, 0).value;
            const bool private_use = c >= 0xE000 && c <= 0xF8FF;  // GB18030's home for unassigned codes
            if (c != 0x3000 && !private_use) characters.insert(c);
        }
    }
    return characters;
}

// Columns [x, x + width) and rows [0, rows) of `image` as a key.
std::string cell_key(const drivers::MonoBitmap& image, std::size_t x, std::size_t width, std::size_t rows) {
    std::string key((width + 7) / 8 * rows, '\0');
    for (std::size_t y = 0; y < rows; ++y) {
        for (std::size_t dx = 0; dx < width; ++dx) {
            if (image.dot(x + dx, y)) key[y * ((width + 7) / 8) + dx / 8] |= static_cast<char>(0x80U >> (dx % 8));
        }
    }
    return key;
}

// The image shrunk by (width, height) if every block of that size is all ink or all paper.
std::optional<drivers::MonoBitmap> unmagnify(const drivers::MonoBitmap& image, std::size_t width, std::size_t height) {
    const std::size_t columns = image.width / width;
    drivers::MonoBitmap small(columns, image.height / height);
    for (std::size_t y = 0; y < image.height; ++y) {
        for (std::size_t x = 0; x < image.width; ++x) {
            const bool ink = image.dot(x, y);
            if (x >= columns * width) {
                if (ink) return std::nullopt;
                continue;
            }
            const bool block = image.dot(x / width * width, y / height * height);
            if (ink != block) return std::nullopt;
            if (ink && x % width == 0 && y % height == 0) small.set(x / width, y / height);
        }
    }
    return small;
}

bool blank(const drivers::MonoBitmap& image) {
    return std::all_of(image.rows.begin(), image.rows.end(), [](std::uint8_t byte) { return byte == 0; });
}

// An underline: the last two rows inked from the first column to the last inked one.
bool underlined(const drivers::MonoBitmap& image) {
    std::size_t last = 0;
    for (std::size_t x = 0; x < image.width; ++x) {
        if (image.dot(x, image.height - 1)) last = x + 1;
    }
    if (last == 0) return false;
    for (std::size_t y = image.height - underline_rows; y < image.height; ++y) {
        for (std::size_t x = 0; x < last; ++x) {
            if (!image.dot(x, y)) return false;
        }
    }
    return true;
}

}  // namespace

RasterTextReader::RasterTextReader(const FontPaths& fonts) : rasterizer_(fonts) {
    for (const char32_t c : candidate_characters()) {
        add(regular_, c, false);
        add(bold_, c, true);
    }
}

void RasterTextReader::add(Atlas& atlas, char32_t c, bool bold) {
    const drivers::MonoBitmap& glyph = rasterizer_.cell(c, CellStyle{bold, false, 1, 1});
    const std::string whole = cell_key(glyph, 0, glyph.width, glyph.height);
    if (const auto [at, added] = atlas.whole.emplace(whole, c); !added) {
        ambiguous_.push_back({at->second, c});
        return;
    }
    // Under an underline a glyph drawn only in the last rows (＿) would read as blanks: it is left
    // out there, so underlined spaces stay spaces.
    const std::string above = cell_key(glyph, 0, glyph.width, rows_above_underline);
    const bool blank_above = std::all_of(above.begin(), above.end(), [](char byte) { return byte == 0; });
    if (!blank_above || c == U' ') atlas.above_underline.emplace(above, c);
}

Result<std::string> RasterTextReader::read_cells(const drivers::MonoBitmap& line, const Atlas& atlas,
                                                 bool has_underline) {
    const auto& table = has_underline ? atlas.above_underline : atlas.whole;
    const std::size_t rows = has_underline ? rows_above_underline : receipt_cell_height;
    std::string text;
    std::size_t x = 0;
    while (x + receipt_narrow_cell <= line.width) {
        std::optional<char32_t> found;
        for (const std::size_t width : {2 * receipt_narrow_cell, receipt_narrow_cell}) {
            if (x + width > line.width) continue;
            if (auto hit = table.find(cell_key(line, x, width, rows)); hit != table.end()) {
                found = hit->second;
                x += width;
                break;
            }
        }
        if (!found) return make_error("raster reader", "no character matches the cell at dot " + std::to_string(x));
        text += encode_utf8(*found);
    }
    for (std::size_t y = 0; y < line.height; ++y) {
        for (std::size_t column = x; column < line.width; ++column) {
            if (line.dot(column, y)) {
                return make_error("raster reader", "ink after the last whole cell at dot " + std::to_string(x));
            }
        }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();  // the image's blank right edge
    return text;
}

Result<std::string> RasterTextReader::read(const drivers::MonoBitmap& line) {
    if (blank(line)) return std::string();
    if (line.height == 0 || line.height % receipt_cell_height != 0 || line.height / receipt_cell_height > 8) {
        return make_error("raster reader", "an image " + std::to_string(line.height) +
                                               " dots high is not a line of 24-dot cells");
    }
    const std::size_t height = line.height / receipt_cell_height;
    std::optional<Error> first_error;
    // A magnified image also shrinks by any divisor of its magnification: try the largest first.
    for (std::size_t width = 8; width >= 1; --width) {
        const auto small = unmagnify(line, width, height);
        if (!small) continue;
        const bool has_underline = underlined(*small);
        for (const Atlas* atlas : {&regular_, &bold_}) {
            auto text = read_cells(*small, *atlas, has_underline);
            if (text) return text;
            if (!first_error) first_error = text.error();
        }
    }
    if (!first_error) return make_error("raster reader", "no magnification of 1–8 explains the image");
    return *first_error;
}

}  // namespace kiosk::ui
