// ReceiptService: the customer's receipt — printed on the printer's worker (PrintDone / PrintFailed
// follow), or, with the printer down, named as a QR e-receipt whose reference (terminal, UTC date,
// STAN) lets the bank's receipt service find the transaction; the QR carries no card data.
#pragma once

#include <string>

#include "common/async/request_worker.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "kiosk/flow/flow_types.hpp"
#include "kiosk/runtime/receipt_builder.hpp"
#include "kiosk/runtime/runtime_ports.hpp"
#include "kiosk/runtime/session.hpp"

namespace kiosk {

using PrinterWorker = RequestWorker<drivers::ReceiptPrinter>;

class ReceiptService {
public:
    ReceiptService(RuntimePorts ports, PrinterWorker& printer, Session& session, std::string bank_name,
                   std::string terminal_id, std::string e_receipt_url, DeviceTimeouts timeouts = {});

    // Returns the printed lines' text (masked card number only), for speech guidance to read aloud.
    std::vector<std::string> print(const flow::Context& context);
    void issue_e_receipt(host::TransactionType type);
    // The QR's text for the session's e-receipt: "{reference}" in the configured URL replaced.
    // The configured e-receipt URL with {reference} and {lang} ("en", "zh-CN") filled in.
    [[nodiscard]] std::string e_receipt_text(ui::Language language) const;

private:
    RuntimePorts ports_;
    PrinterWorker& printer_;
    Session& session_;
    std::string bank_name_;
    std::string terminal_id_;
    std::string e_receipt_url_;
    DeviceTimeouts timeouts_;
};

}  // namespace kiosk
