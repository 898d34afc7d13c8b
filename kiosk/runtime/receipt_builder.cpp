#include "kiosk/runtime/receipt_builder.hpp"

#include <cstdio>
#include <ctime>

#include "ui/i18n.hpp"
#include "ui/utf8.hpp"

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

std::string_view title_key(host::TransactionType type) {
    switch (type) {
        case host::TransactionType::BalanceInquiry: return "slip.balance";
        case host::TransactionType::Withdrawal: return "slip.withdrawal";
        case host::TransactionType::MiniStatement: return "slip.statement";
        case host::TransactionType::Transfer: return "slip.transfer";
        case host::TransactionType::PinChange: return "slip.pin_change";
        case host::TransactionType::CardlessWithdrawal: return "slip.cardless";
        case host::TransactionType::Reversal: return "slip.reversal";
    }
    return "slip.balance";
}

std::string_view account_key(host::AccountType type) {
    switch (type) {
        case host::AccountType::Savings: return "slip.account.savings";
        case host::AccountType::Checking: return "slip.account.checking";
        case host::AccountType::Default: break;
    }
    return "slip.account.default";
}

std::size_t cells_of(char32_t c) { return ui::is_cjk(c) ? 2 : 1; }

}  // namespace

std::string format_date(std::chrono::year_month_day date) {
    char text[24];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

std::vector<drivers::ReceiptLine> fit_to_paper(const drivers::ReceiptLine& line, std::size_t columns) {
    const std::size_t width = std::max<std::size_t>(columns / std::max<std::size_t>(line.style.width, 1), 1);
    std::vector<drivers::ReceiptLine> lines;
    std::string current;
    std::size_t used = 0;
    std::size_t last_space = std::string::npos;  // byte offset in `current` after a space
    for (std::size_t at = 0; at < line.text.size();) {
        const ui::CodePoint point = ui::next_code_point(line.text, at);
        at += point.bytes.size();
        const std::size_t cells = cells_of(point.value);
        if (used + cells > width && !current.empty()) {
            std::string rest;
            if (last_space != std::string::npos && last_space < current.size()) {
                rest = current.substr(last_space);
                current.resize(last_space);
            }
            while (!current.empty() && current.back() == ' ') current.pop_back();
            lines.push_back({current, line.style});
            current = rest;
            used = 0;
            for (const char32_t c : ui::decode_utf8(current)) used += cells_of(c);
            last_space = std::string::npos;
        }
        current += point.bytes;
        used += cells;
        if (point.value == U' ') last_space = current.size();
    }
    lines.push_back({current, line.style});
    return lines;
}

drivers::Receipt build_receipt(const ReceiptFacts& facts, const Session& session) {
    using drivers::Alignment;
    const drivers::LineStyle title{true, false, 2, 2, Alignment::center};
    const drivers::LineStyle centred{false, false, 1, 1, Alignment::center};
    const drivers::LineStyle bold{true, false, 1, 1, Alignment::left};
    const drivers::LineStyle plain{};
    const ui::Language language = facts.language;
    const auto text = [language](std::string_view key) { return std::string(ui::translate(key, language)); };
    const auto money = [language](const Money& amount) { return ui::format_money(amount, language); };

    std::vector<drivers::ReceiptLine> lines;
    lines.push_back({facts.bank_name, title});
    lines.push_back({text(title_key(facts.type)), centred});
    lines.push_back({ui::fill(text("slip.terminal"), facts.terminal_id), plain});
    lines.push_back({format_utc(facts.time), plain});
    if (!session.masked_pan.empty()) lines.push_back({ui::fill(text("slip.card"), session.masked_pan), plain});
    std::string stan = std::to_string(session.last_stan);
    stan.insert(0, stan.size() < 6 ? 6 - stan.size() : 0, '0');
    lines.push_back({ui::fill(ui::fill(text("slip.stan"), stan), session.last_authorization_id), plain});
    if (session.last_amount && facts.type != host::TransactionType::BalanceInquiry) {
        lines.push_back({ui::fill(text("slip.amount"), money(*session.last_amount)), bold});
    }
    if (facts.type == host::TransactionType::Transfer) {
        lines.push_back({ui::fill(ui::fill(text("slip.from_to"), text(account_key(facts.from))), text(account_key(facts.to))),
                         plain});
    }
    if (facts.type == host::TransactionType::PinChange) lines.push_back({text("slip.pin_changed"), plain});
    for (const host::StatementLine& line : session.statement) {
        lines.push_back({format_date(line.date) + " " + line.description, plain});
        lines.push_back({"    " + money(line.amount), plain});
    }
    if (session.last_balance) lines.push_back({ui::fill(text("slip.available"), money(*session.last_balance)), bold});
    lines.push_back({text("slip.thank_you"), centred});

    return fitted_receipt(lines);
}

drivers::Receipt fitted_receipt(const std::vector<drivers::ReceiptLine>& lines) {
    drivers::Receipt receipt;
    for (const drivers::ReceiptLine& line : lines) {
        for (drivers::ReceiptLine& fitted : fit_to_paper(line)) receipt.lines.push_back(std::move(fitted));
    }
    return receipt;
}

}  // namespace kiosk
