// ReceiptRasterizer: draws a receipt line as printer dots, for printers that have no Chinese font
// (config `printer.chinese = "raster"`). It lays text out the way a printer's own fonts do — cells
// 12 × 24 dots for narrow characters and 24 × 24 for CJK ones, times the line's magnification — so
// a receipt looks the same in either mode, and so RasterTextReader can read it back cell by cell.
// Glyphs come from the screens' font (Noto Sans CJK SC), rendered without anti-aliasing.
// Not thread-safe: the printer worker owns one.
#pragma once

#include <map>
#include <tuple>

#include "drivers/printer/line_rasterizer.hpp"
#include "ui/font_set.hpp"
#include "ui/sdl_session.hpp"

namespace kiosk::ui {

inline constexpr std::size_t receipt_cell_height = 24;  // dots, at magnification 1
inline constexpr std::size_t receipt_narrow_cell = 12;

// What changes how a cell looks.
struct CellStyle {
    bool bold = false;
    bool underline = false;
    std::uint8_t width = 1;   // magnification 1–8
    std::uint8_t height = 1;

    friend auto operator<=>(const CellStyle&, const CellStyle&) = default;
};

class ReceiptRasterizer final : public drivers::LineRasterizer {
public:
    explicit ReceiptRasterizer(const FontPaths& fonts);  // throws naming a font that cannot open

    // The line's text in its style, as wide as the text; an error if wider than `paper_dots`.
    Result<drivers::MonoBitmap> rasterize(const drivers::ReceiptLine& line, std::size_t paper_dots) override;

    // One character's cell in `style`: (12 or 24) × width wide, 24 × height high.
    [[nodiscard]] const drivers::MonoBitmap& cell(char32_t c, const CellStyle& style);
    [[nodiscard]] static std::size_t cell_width(char32_t c, const CellStyle& style);

private:
    drivers::MonoBitmap draw_cell(char32_t c, const CellStyle& style);

    SdlSession session_{SdlSession::Video::Off};  // first: outlives the fonts
    UniqueFont regular_;
    UniqueFont bold_;
    std::map<std::tuple<char32_t, CellStyle>, drivers::MonoBitmap> cells_;
};

}  // namespace kiosk::ui
