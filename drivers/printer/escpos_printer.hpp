// EscPosPrinter: the ReceiptPrinter driver for ESC/POS thermal printers over any Transport — USB
// on the kiosk, a SimPrinter in tests. It checks the roll-paper sensor (DLE EOT 4) before the job
// and after every line, so paper running out mid-receipt is reported, not swallowed. A line that
// is not plain ASCII (a Chinese receipt) goes out in the way the printer was configured for: its
// GB18030 Chinese mode, or as a raster image drawn by a LineRasterizer.
#pragma once

#include "drivers/printer/chinese_text_mode.hpp"
#include "drivers/printer/line_rasterizer.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "drivers/transport.hpp"

namespace kiosk::drivers {

struct EscPosPrinterOptions {
    Millis timeout{2000};
    ChineseTextMode chinese = ChineseTextMode::gb18030;
    LineRasterizer* rasterizer = nullptr;  // required for raster; not owned
    std::size_t paper_dots = 576;          // 80 mm at 203 dpi
};

class EscPosPrinter final : public ReceiptPrinter {
public:
    explicit EscPosPrinter(Transport& transport, Millis timeout = Millis{2000});
    EscPosPrinter(Transport& transport, EscPosPrinterOptions options);

    Status print(const Receipt& receipt) override;
    PrinterStatus status() override;

private:
    Result<PaperState> paper_state();
    Result<OfflineCause> offline_cause();
    Result<std::uint8_t> real_time_request(const Bytes& request, std::string_view name);
    Status send(const Bytes& bytes, std::string_view what);
    Status check_paper_after(std::size_t printed, std::size_t total);
    Result<Bytes> encode(const ReceiptLine& line);

    Transport& transport_;
    EscPosPrinterOptions options_;
    Millis timeout_;
};

// The ESC/POS bytes for one styled line, ending with LF and with the styles reset after it.
// `chinese`: how text beyond ASCII goes out (text mode only; raster lines are the printer's).
Result<Bytes> encode_line(const ReceiptLine& line, bool chinese_mode = false);
// One line as a GS v 0 image (styles are in its dots), aligned by ESC a, ending with LF.
Result<Bytes> encode_raster_line(const MonoBitmap& image, Alignment align);
// True when every byte of `text` is below 0x80.
[[nodiscard]] bool is_ascii(std::string_view text);

}  // namespace kiosk::drivers
