#include "kiosk/runtime/complaint_slip.hpp"

#include <cctype>

#include "kiosk/runtime/receipt_builder.hpp"
#include "ui/i18n.hpp"

namespace kiosk {

namespace {

// "cash_not_dispensed" → "CASH NOT DISPENSED"
std::string slip_category(flow::ComplaintCategory category) {
    std::string text(flow::to_string(category));
    for (char& c : text) c = c == '_' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace

drivers::Receipt build_complaint_slip(const ComplaintSlipFacts& facts, const ComplaintReport& report) {
    using drivers::Alignment;
    const drivers::LineStyle title{true, false, 2, 2, Alignment::center};
    const drivers::LineStyle centred{false, false, 1, 1, Alignment::center};
    const drivers::LineStyle large{true, false, 2, 2, Alignment::center};
    const drivers::LineStyle plain{};

    drivers::Receipt slip;
    slip.lines.push_back({facts.bank_name, title});
    slip.lines.push_back({"PROBLEM REPORT RECEIVED", centred});
    slip.lines.push_back({"TERMINAL " + facts.terminal_id, plain});
    slip.lines.push_back({format_utc(facts.time), plain});
    slip.lines.push_back({"YOUR REFERENCE", centred});
    slip.lines.push_back({facts.reference, large});
    slip.lines.push_back({"PROBLEM " + slip_category(report.category), plain});
    if (!report.transaction_reference.empty()) {
        slip.lines.push_back({"TRANSACTION " + report.transaction_reference, plain});
    }
    if (report.amount) slip.lines.push_back({"AMOUNT " + ui::format_money(*report.amount, ui::Language::English), plain});
    slip.lines.push_back({"QUOTE THE REFERENCE WHEN YOU CALL US.", plain});
    slip.lines.push_back({"YOU WILL SEE ITS STATUS ON YOUR NEXT VISIT.", plain});
    if (!facts.qr_text.empty()) slip.qr_code = facts.qr_text;
    return slip;
}

}  // namespace kiosk
