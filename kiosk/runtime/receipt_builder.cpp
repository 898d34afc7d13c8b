#include "kiosk/runtime/receipt_builder.hpp"

#include <cstdio>
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

namespace {

std::string receipt_title(host::TransactionType type) {
    switch (type) {
        case host::TransactionType::BalanceInquiry: return "BALANCE INQUIRY";
        case host::TransactionType::Withdrawal: return "CASH WITHDRAWAL";
        case host::TransactionType::MiniStatement: return "MINI STATEMENT";
        case host::TransactionType::Transfer: return "TRANSFER";
        case host::TransactionType::PinChange: return "PIN CHANGE";
        case host::TransactionType::CardlessWithdrawal: return "CARDLESS WITHDRAWAL";
        case host::TransactionType::Reversal: return "REVERSAL";
    }
    return "TRANSACTION";
}

// The English forms are pure ASCII, which every ESC/POS code page prints.
std::string money_text(const Money& amount) { return ui::format_money(amount, ui::Language::English); }

}  // namespace

std::string format_date(std::chrono::year_month_day date) {
    char text[24];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
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
    receipt.lines.push_back({receipt_title(facts.type), centred});
    receipt.lines.push_back({"TERMINAL " + facts.terminal_id, plain});
    receipt.lines.push_back({format_utc(facts.time), plain});
    if (!session.masked_pan.empty()) receipt.lines.push_back({"CARD " + session.masked_pan, plain});
    std::string stan = std::to_string(session.last_stan);
    stan.insert(0, stan.size() < 6 ? 6 - stan.size() : 0, '0');
    receipt.lines.push_back({"STAN " + stan + "  AUTH " + session.last_authorization_id, plain});
    if (session.last_amount && facts.type != host::TransactionType::BalanceInquiry) {
        receipt.lines.push_back({"AMOUNT " + money_text(*session.last_amount), bold});
    }
    if (facts.type == host::TransactionType::Transfer) {
        receipt.lines.push_back({"FROM " + std::string(host::to_string(facts.from)) + "  TO " +
                                     std::string(host::to_string(facts.to)),
                                 plain});
    }
    if (facts.type == host::TransactionType::PinChange) receipt.lines.push_back({"YOUR PIN HAS BEEN CHANGED", plain});
    for (const host::StatementLine& line : session.statement) {
        receipt.lines.push_back({format_date(line.date) + " " + line.description, plain});
        receipt.lines.push_back({"    " + money_text(line.amount), plain});
    }
    if (session.last_balance) receipt.lines.push_back({"AVAILABLE " + money_text(*session.last_balance), bold});
    receipt.lines.push_back({"THANK YOU", centred});
    return receipt;
}

}  // namespace kiosk
