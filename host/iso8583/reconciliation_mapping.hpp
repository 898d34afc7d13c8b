// The terminal's reconciliation totals over ISO 8583:1987: request 0500, response 0510 (the service
// mode's balancing asks the bank what it holds for this terminal). The 0500 names the terminal
// (41) and carries its own STAN (11), transmission time (7) and processing code 900000 (3, tt 90:
// private use, "terminal totals since the last cut-over"). The 0510 echoes 3, 7, 11 and 41, answers
// 39 and, when approved, the totals in the standard fields: 74 credits number, 76 debits number
// (withdrawals), 77 debits reversal number, 86 credits amount, 88 debits amount (what the
// withdrawals took), 89 debits reversal amount (what reversals gave back), 97 net settlement
// amount (x+n 16: C/D + 16 digits, = 86 − 88 + 89). docs/host.md, "Reconciliation".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "host/host_messages.hpp"
#include "host/iso8583/iso8583_message.hpp"

namespace kiosk::host::iso8583 {

inline constexpr std::string_view kReconciliationProcessingCode = "900000";

// Kiosk side ------------------------------------------------------------------------------------
// Fails (nothing to send) for a STAN outside 1–999999 or a terminal id that is not 1–8 characters.
Result<Message> reconciliation_request(std::uint32_t stan, std::string_view terminal_id, TimePoint now);

// The totals of a 0510 that answers `request`. An Error, naming the field and what was wrong, for
// a reply that does not answer it (MTI, STAN, terminal, processing code), a refusal (39 ≠ 00),
// a missing or non-numeric total, a malformed or inconsistent net amount (97 ≠ 86 − 88 + 89), more
// reversals than debits, or credits (this terminal takes no deposits).
Result<ReconciliationTotals> reconciliation_totals_from_iso(const Message& reply, const Message& request);

// Host side -------------------------------------------------------------------------------------
struct ReconciliationQuery {
    std::uint32_t stan = 0;
    std::string terminal_id;  // trimmed
    TimePoint transmission_time;
};

Result<ReconciliationQuery> reconciliation_request_from_iso(const Message& message, TimePoint reference);

// The 0510 to `request`: the echoed fields and `code`; the totals only when `code` is Approved.
// Fails for negative totals or totals too large for their fields.
Result<Message> reconciliation_response(const Message& request, ResponseCode code, const ReconciliationTotals& totals);

}  // namespace kiosk::host::iso8583
