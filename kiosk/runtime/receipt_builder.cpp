#include "kiosk/runtime/receipt_builder.hpp"

#include <ctime>

#include "ui/i18n.hpp"

namespace kiosk {

std::string format_utc(TimePoint time) {
    const std::time_t seconds = static_cast<std::time_t>(to_unix_millis(time) / 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &parts);
    return text;
}

drivers::Receipt build_receipt(const ReceiptFacts& facts, const Session& session) {
    using drivers::Alignment;
    const drivers::LineStyle title{true, false, 2, 2, Alignment::center};
    const drivers::LineStyle centred{false, false, 1, 1, Alignment::center};
    const drivers::LineStyle bold{true, false, 1, 1, Alignment::left};
    const drivers::LineStyle plain{};

    drivers::Receipt receipt;
    receipt.lines.push_back({facts.bank_name, title});
    receipt.lines.push_back({facts.type == host::TransactionType::BalanceInquiry ? "BALANCE INQUIRY"
                                                                                : std::string(host::to_string(facts.type)),
                             centred});
    receipt.lines.push_back({"TERMINAL " + facts.terminal_id, plain});
    receipt.lines.push_back({format_utc(facts.time), plain});
    receipt.lines.push_back({"CARD " + session.masked_pan, plain});
    std::string stan = std::to_string(session.last_stan);
    stan.insert(0, stan.size() < 6 ? 6 - stan.size() : 0, '0');
    receipt.lines.push_back({"STAN " + stan + "  AUTH " + session.last_authorization_id, plain});
    if (session.last_balance) {
        // The English form is pure ASCII, which every ESC/POS code page prints.
        receipt.lines.push_back({"AVAILABLE " + ui::format_money(*session.last_balance, ui::Language::English), bold});
    }
    receipt.lines.push_back({"THANK YOU", centred});
    return receipt;
}

}  // namespace kiosk
