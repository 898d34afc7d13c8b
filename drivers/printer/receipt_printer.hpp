// ReceiptPrinter: the kiosk's view of the receipt printer (after XFS4IoT Printer), and the Receipt
// it prints: styled lines, an optional QR code, then a cut.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "drivers/device_status.hpp"
#include "drivers/printer/escpos_encoder.hpp"
#include "drivers/printer/escpos_status.hpp"

namespace kiosk::drivers {

struct LineStyle {
    bool bold = false;
    bool underline = false;
    std::uint8_t width = 1;   // character magnification 1–8
    std::uint8_t height = 1;
    Alignment align = Alignment::left;

    friend bool operator==(const LineStyle&, const LineStyle&) = default;
};

struct ReceiptLine {
    std::string text;  // UTF-8 (ASCII prints everywhere, the rest per ChineseTextMode); never a full PAN
    LineStyle style;
};

struct Receipt {
    std::vector<ReceiptLine> lines;
    std::optional<std::string> qr_code;  // printed after the lines, centred
};

struct PrinterStatus {
    DeviceStatus device;
    std::optional<PaperState> paper;  // nullopt when the printer did not answer
};

class ReceiptPrinter {
public:
    virtual ~ReceiptPrinter() = default;

    // Prints and cuts `receipt`. Refuses to start without paper; if paper runs out or the printer
    // stops mid-job, fails saying how many lines made it onto paper.
    virtual Status print(const Receipt& receipt) = 0;

    // Always answers: a printer that does not reply is reported offline.
    virtual PrinterStatus status() = 0;
};

}  // namespace kiosk::drivers
