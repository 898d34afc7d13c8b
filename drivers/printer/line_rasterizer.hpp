// LineRasterizer: turns one receipt line into dots, for printers without a Chinese font, which
// print such lines as `GS v 0` images. The drivers do not draw text themselves; the kiosk plugs in
// ui/'s ReceiptRasterizer (the screens' fonts).
#pragma once

#include "common/result.hpp"
#include "drivers/printer/mono_bitmap.hpp"
#include "drivers/printer/receipt_printer.hpp"

namespace kiosk::drivers {

class LineRasterizer {
public:
    virtual ~LineRasterizer() = default;
    // The line's text in its style (bold, underline, magnification) as an image at most
    // `paper_dots` wide; the printer aligns the image (ESC a), as it would text.
    virtual Result<MonoBitmap> rasterize(const ReceiptLine& line, std::size_t paper_dots) = 0;
};

}  // namespace kiosk::drivers
