// ComplaintService: a customer's problem report (docs/flow.md § Complaints). On FileComplaint it
// records the report at once (the reference comes from the commit, so what the customer is shown
// is what the bank has), then prints the acknowledgement slip on the printer's worker — or, with
// the printer unable to print, or the slip failing, offers the reference as a QR code instead.
// What the kiosk pre-fills (complaint_report_of) is the same on the confirmation screen and in the
// record.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "common/async/request_worker.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "kiosk/cx/complaint_report.hpp"
#include "kiosk/flow/flow_types.hpp"
#include "kiosk/runtime/runtime_ports.hpp"
#include "kiosk/runtime/session.hpp"

namespace kiosk {

// What the kiosk knows of the visit for a report in `category`: the last transaction's reference
// and amount, what failed, the customer's language.
ComplaintReport complaint_report_of(flow::ComplaintCategory category, const flow::Context& context,
                                    const Session& session);

class ComplaintService {
public:
    // How the acknowledgement reaches the customer.
    enum class Slip {
        None,         // nothing filed on this visit
        Printing,     // on the printer's worker
        Printed,
        ShownAsQr,    // printer down, out of paper, or the slip failed: the reference as a QR code
        NotRecorded,  // the report could not be committed: no reference to give
    };

    struct Parts {
        RequestWorker<drivers::ReceiptPrinter>& printer;
        std::string bank_name;
        std::string terminal_id;
        // "{reference}" is replaced by the report's reference: the bank's page for it (QR, slip).
        std::string complaint_url;
        Millis print_timeout{30'000};
        std::function<void()> refresh_screen;  // the acknowledgement changed (printed, or QR instead)
    };

    ComplaintService(RuntimePorts ports, Parts parts, Session& session);

    // Records the report, then prints its slip when `printer_fit`, else shows the QR code.
    void file(const flow::effects::FileComplaint& filed, const flow::Context& context, bool printer_fit);
    // The visit is over: nothing of it is kept.
    void reset();

    [[nodiscard]] Slip slip() const { return slip_; }
    [[nodiscard]] const std::string& reference() const { return reference_; }
    // The QR code's text while the reference is shown as one; else empty.
    [[nodiscard]] std::string qr_text() const;

private:
    [[nodiscard]] std::string reference_url() const;

    RuntimePorts ports_;
    Parts parts_;
    Session& session_;
    Slip slip_ = Slip::None;
    std::string reference_;
};

}  // namespace kiosk
