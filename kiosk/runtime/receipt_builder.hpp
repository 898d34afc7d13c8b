// What a receipt says, in the customer's language. Built from the session and host answer; shows
// only the masked PAN. Lines longer than the paper are wrapped on the printer's cell grid.
#pragma once

#include <chrono>
#include <string>

#include "common/clock.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "host/host_messages.hpp"
#include "kiosk/runtime/session.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

struct ReceiptFacts {
    std::string bank_name;
    std::string terminal_id;
    TimePoint time;
    host::TransactionType type = host::TransactionType::BalanceInquiry;
    host::AccountType from = host::AccountType::Default;  // transfers
    host::AccountType to = host::AccountType::Default;
    ui::Language language = ui::Language::English;
};

// Characters per line on 80 mm paper in the printer's font: 48 narrow cells (a CJK character is two).
inline constexpr std::size_t receipt_columns = 48;

drivers::Receipt build_receipt(const ReceiptFacts& facts, const Session& session);

// `line` split into lines of at most `columns` cells (a CJK character two, times the width
// magnification); breaks after a space when there is one.
std::vector<drivers::ReceiptLine> fit_to_paper(const drivers::ReceiptLine& line, std::size_t columns = receipt_columns);
// A receipt of `lines`, each fitted to the paper.
drivers::Receipt fitted_receipt(const std::vector<drivers::ReceiptLine>& lines);

// "2026-01-05 09:00:12 UTC"
std::string format_utc(TimePoint time);
// "2026-01-05"
std::string format_date(std::chrono::year_month_day date);

}  // namespace kiosk
