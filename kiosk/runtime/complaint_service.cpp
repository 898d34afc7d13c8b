#include "kiosk/runtime/complaint_service.hpp"

#include "kiosk/runtime/complaint_slip.hpp"
#include "kiosk/runtime/recorder.hpp"

namespace kiosk {

namespace {

// What the kiosk saw, in the record's words (never anything the customer typed).
std::string detail_of(const flow::Context& context) {
    if (!context.reason) return "reported by the customer";
    switch (context.reason->kind()) {
        case flow::CloseReason::DispenseFailed: return "dispense failed after approval";
        case flow::CloseReason::ReceiptFailed: return "receipt not printed";
        case flow::CloseReason::CardJammed: return "card jammed, kept by the machine";
        case flow::CloseReason::CardNotTaken: return "card not taken, kept by the machine";
        case flow::CloseReason::PinTriesExceeded: return "PIN tries exceeded, card kept";
        default: return "reported by the customer after: " + flow::i18n_key(*context.reason);
    }
}

std::string twelve_digits(std::uint32_t stan) {
    std::string text = std::to_string(stan);
    return std::string(text.size() < 12 ? 12 - text.size() : 0, '0') + text;
}

}  // namespace

ComplaintReport complaint_report_of(flow::ComplaintCategory category, const flow::Context& context,
                                    const Session& session) {
    ComplaintReport report;
    report.category = category;
    // The last request of the visit: the host's reference when it approved, else its STAN.
    if (!session.last_retrieval_reference.empty()) {
        report.transaction_reference = session.last_retrieval_reference;
    } else if (session.last_stan != 0) {
        report.transaction_reference = twelve_digits(session.last_stan);
    }
    report.amount = context.amount ? context.amount : session.last_amount;
    report.detail = detail_of(context);
    report.language = context.language;
    report.offered_after_failure = context.complaint_offered;
    return report;
}

ComplaintService::ComplaintService(RuntimePorts ports, Parts parts, Session& session)
    : ports_(std::move(ports)), parts_(std::move(parts)), session_(session) {}

void ComplaintService::file(const flow::effects::FileComplaint& filed, const flow::Context& context, bool printer_fit) {
    ComplaintReport report = complaint_report_of(filed.category, context, session_);
    report.offered_after_failure = filed.offered_after_failure;
    const std::optional<std::string> reference = ports_.recorder.complaint(session_, report);
    if (!reference) {
        slip_ = Slip::NotRecorded;
        reference_.clear();
        return;
    }
    reference_ = *reference;
    if (session_.number != 0) session_.journey.complaint(flow::to_string(filed.category), ports_.clock.now());
    if (!printer_fit) {
        slip_ = Slip::ShownAsQr;
        return;
    }
    slip_ = Slip::Printing;
    const ComplaintSlipFacts facts{parts_.bank_name, parts_.terminal_id, ports_.clock.now(), reference_, reference_url()};
    drivers::Receipt slip = build_complaint_slip(facts, report);
    const std::string filed_reference = reference_;
    parts_.printer.submit<Done>(
        "print complaint slip", parts_.print_timeout,
        [slip = std::move(slip)](drivers::ReceiptPrinter& printer) { return printer.print(slip); },
        [this, filed_reference](const Completion<Done>& done) {
            if (reference_ != filed_reference) return;  // a later visit's report: this slip's screen is gone
            if (done.ok()) {
                slip_ = Slip::Printed;
            } else {
                ports_.note("complaint slip: " + done.describe() + "; reference shown as a QR code");
                slip_ = Slip::ShownAsQr;
            }
            if (parts_.refresh_screen) parts_.refresh_screen();
        });
}

void ComplaintService::reset() {
    slip_ = Slip::None;
    reference_.clear();
}

std::string ComplaintService::reference_url() const {
    std::string text = parts_.complaint_url;
    const std::string placeholder = "{reference}";
    if (const auto at = text.find(placeholder); at != std::string::npos) text.replace(at, placeholder.size(), reference_);
    return text;
}

std::string ComplaintService::qr_text() const { return slip_ == Slip::ShownAsQr ? reference_url() : std::string(); }

}  // namespace kiosk
