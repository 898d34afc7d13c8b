// The slip a problem report's acknowledgement prints (docs/ui.md § Complaints): the bank, the
// terminal, the time, the reference in large type and what was reported. No card number, no
// name: whoever finds a lost slip learns nothing about the customer. In the customer's language,
// as the receipts (devices.printer_chinese says how a Chinese one is printed).
#pragma once

#include <string>

#include "common/clock.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "kiosk/cx/complaint_report.hpp"

namespace kiosk {

struct ComplaintSlipFacts {
    std::string bank_name;
    std::string terminal_id;
    TimePoint time;
    std::string reference;  // KB-YYYYMMDD-XXXX
    std::string qr_text;    // the reference's page at the bank, printed as a QR code
};

drivers::Receipt build_complaint_slip(const ComplaintSlipFacts& facts, const ComplaintReport& report);

}  // namespace kiosk
