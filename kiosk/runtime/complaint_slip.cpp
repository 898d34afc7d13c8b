#include "kiosk/runtime/complaint_slip.hpp"

#include "kiosk/runtime/receipt_builder.hpp"
#include "ui/i18n.hpp"

namespace kiosk {


drivers::Receipt build_complaint_slip(const ComplaintSlipFacts& facts, const ComplaintReport& report) {
    using drivers::Alignment;
    const drivers::LineStyle title{true, false, 2, 2, Alignment::center};
    const drivers::LineStyle centred{false, false, 1, 1, Alignment::center};
    const drivers::LineStyle large{true, false, 2, 2, Alignment::center};
    const drivers::LineStyle plain{};

    const ui::Language language = report.language;
    const auto text = [language](std::string_view key) { return std::string(ui::translate(key, language)); };
    const std::string category_key = "slip.complaint." + std::string(flow::to_string(report.category));

    std::vector<drivers::ReceiptLine> lines;
    lines.push_back({facts.bank_name, title});
    lines.push_back({text("slip.complaint.received"), centred});
    lines.push_back({ui::fill(text("slip.terminal"), facts.terminal_id), plain});
    lines.push_back({format_utc(facts.time), plain});
    lines.push_back({text("slip.complaint.reference"), centred});
    lines.push_back({facts.reference, large});
    lines.push_back({ui::fill(text("slip.complaint.problem"), text(category_key)), plain});
    if (!report.transaction_reference.empty()) {
        lines.push_back({ui::fill(text("slip.complaint.transaction"), report.transaction_reference), plain});
    }
    if (report.amount) lines.push_back({ui::fill(text("slip.amount"), ui::format_money(*report.amount, language)), plain});
    lines.push_back({text("slip.complaint.quote"), plain});
    lines.push_back({text("slip.complaint.status"), plain});

    drivers::Receipt slip = fitted_receipt(lines);
    if (!facts.qr_text.empty()) slip.qr_code = facts.qr_text;
    return slip;
}

}  // namespace kiosk
