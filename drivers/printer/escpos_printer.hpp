// EscPosPrinter: the ReceiptPrinter driver for ESC/POS thermal printers over any Transport — USB
// on the kiosk, a SimPrinter in tests. It checks the roll-paper sensor (DLE EOT 4) before the job
// and after every line, so paper running out mid-receipt is reported, not swallowed.
#pragma once

#include "drivers/printer/receipt_printer.hpp"
#include "drivers/transport.hpp"

namespace kiosk::drivers {

class EscPosPrinter final : public ReceiptPrinter {
public:
    explicit EscPosPrinter(Transport& transport, Millis timeout = Millis{2000});

    Status print(const Receipt& receipt) override;
    PrinterStatus status() override;

private:
    Result<PaperState> paper_state();
    Result<OfflineCause> offline_cause();
    Result<std::uint8_t> real_time_request(const Bytes& request, std::string_view name);
    Status send(const Bytes& bytes, std::string_view what);
    Status check_paper_after(std::size_t printed, std::size_t total);

    Transport& transport_;
    Millis timeout_;
};

// The ESC/POS bytes for one styled line, ending with LF and with the styles reset after it.
Result<Bytes> encode_line(const ReceiptLine& line);

}  // namespace kiosk::drivers
