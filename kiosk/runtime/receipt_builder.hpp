// What a receipt says. Built from the session and host answer; shows only the masked PAN.
#pragma once

#include <chrono>
#include <string>

#include "common/clock.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "host/host_messages.hpp"
#include "kiosk/runtime/session.hpp"

namespace kiosk {

struct ReceiptFacts {
    std::string bank_name;
    std::string terminal_id;
    TimePoint time;
    host::TransactionType type = host::TransactionType::BalanceInquiry;
    host::AccountType from = host::AccountType::Default;  // transfers
    host::AccountType to = host::AccountType::Default;
};

drivers::Receipt build_receipt(const ReceiptFacts& facts, const Session& session);

// "2026-01-05 09:00:12 UTC"
std::string format_utc(TimePoint time);
// "2026-01-05"
std::string format_date(std::chrono::year_month_day date);

}  // namespace kiosk
