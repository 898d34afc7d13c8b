// RasterTextReader: reads text back from a receipt line that ReceiptRasterizer drew, for the
// simulated printer (and so for tests: "a Chinese receipt decodes back to the same text"). It
// knows the cell grid: it undoes the magnification, strips an underline, and looks each cell's dots
// up in an atlas of every candidate character drawn by the same rasterizer — exact, because the
// dots come from the same font file and code. Candidates: printable ASCII, GB2312's hanzi (every
// character of simplified Chinese in common use) and punctuation, and ¥. A cell that matches
// none, or a line no magnification explains, is an error naming where: never a guess.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "drivers/printer/mono_bitmap.hpp"
#include "ui/receipt_rasterizer.hpp"

namespace kiosk::ui {

class RasterTextReader {
public:
    explicit RasterTextReader(const FontPaths& fonts);  // draws the atlas: about 15,000 glyphs

    // The line's text without the blank right edge of its image.
    Result<std::string> read(const drivers::MonoBitmap& line);

    // Candidates drawn exactly like an earlier one (that one is read; these never are).
    [[nodiscard]] const std::vector<std::pair<char32_t, char32_t>>& ambiguous_glyphs() const { return ambiguous_; }

private:
    struct Atlas {
        std::unordered_map<std::string, char32_t> whole;      // the cell's dots → character
        std::unordered_map<std::string, char32_t> above_underline;  // rows above an underline
    };
    void add(Atlas& atlas, char32_t c, bool bold);
    Result<std::string> read_cells(const drivers::MonoBitmap& line, const Atlas& atlas, bool underlined);

    ReceiptRasterizer rasterizer_;
    Atlas regular_;
    Atlas bold_;
    std::vector<std::pair<char32_t, char32_t>> ambiguous_;
};

}  // namespace kiosk::ui
