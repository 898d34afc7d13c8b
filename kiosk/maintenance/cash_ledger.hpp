// The cash ledger: what the kiosk believes is in each cassette, kept as store counters
// (`cash.cassette.<n>.loaded|dispensed|rejected|retracted`, n from 1) changed only by business
// steps, so a dispense's notes and its journal line are written in one SQLite transaction.
// remaining = loaded − dispensed − rejected − retracted. A replenishment starts a new cycle: the
// new counts become `loaded` and the other three go back to zero. Used by the service pages on the
// terminal (kiosk/maintenance/) and by `kioskctl replenish` / `kioskctl balance`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "store/counters.hpp"
#include "store/journal.hpp"

namespace kiosk::security {
class JournalChain;
}
namespace kiosk::store {
class Database;
}

namespace kiosk::maintenance {

// One cassette's counters for the current cycle (since its last replenishment).
struct CassetteLedger {
    std::size_t cassette = 1;        // 1-based, as the technician reads it on the dispenser
    std::uint32_t denomination = 0;  // minor units per note, as loaded (0: never replenished)
    std::int64_t loaded = 0;
    std::int64_t dispensed = 0;  // presented and taken
    std::int64_t rejected = 0;   // picked and diverted to the reject bin
    std::int64_t retracted = 0;  // presented, not taken, pulled back into the bin
    [[nodiscard]] std::int64_t remaining() const { return loaded - dispensed - rejected - retracted; }
    friend bool operator==(const CassetteLedger&, const CassetteLedger&) = default;
};

// Notes moved by one business step, per cassette (index 0 = cassette 1); shorter vectors mean
// nothing moved from the cassettes past their end.
struct CashMovement {
    std::vector<std::uint32_t> dispensed;
    std::vector<std::uint32_t> rejected;
    std::vector<std::uint32_t> retracted;
};

// "cash.cassette.<cassette>.<field>": the counter's name (cassette 1-based).
std::string cash_counter_name(std::size_t cassette, std::string_view field);
// The counter deltas of `movement`, to add to the business step that journals it.
std::vector<store::CounterDelta> cash_counter_deltas(const CashMovement& movement);

// One cassette as loaded by a replenishment.
struct CassetteLoad {
    std::uint32_t notes = 0;
    std::uint32_t denomination = 0;  // minor units per note
    std::uint32_t capacity = 0;      // the most notes the cassette holds
};

// Why a count was refused, naming the cassette and what was expected.
Status validate_loads(const std::vector<CassetteLoad>& loads);

// Counts typed as text: "200,150", "200 150" or "1=200,2=150" (cassette=notes, any order, each
// cassette once). Exactly `cassettes` counts; each a whole non-negative number of notes. The error
// names the field: "cassette 2: \"1x0\" is not a whole number of notes".
Result<std::vector<std::uint32_t>> parse_counts(std::string_view text, std::size_t cassettes);

// The bank host's totals for the same period (what it authorized and did not reverse).
struct HostTotals {
    std::int64_t withdrawals = 0;       // approved, not reversed
    std::int64_t amount_minor = 0;      // their sum
    std::int64_t reversals = 0;
    std::int64_t reversed_minor = 0;
};

struct BalanceLine {
    CassetteLedger ledger;
    std::optional<std::int64_t> device_count;  // what the dispenser reports, when it answered
    [[nodiscard]] std::optional<std::int64_t> device_difference() const {
        if (!device_count) return std::nullopt;
        return *device_count - ledger.remaining();
    }
};

struct BalanceReport {
    std::vector<BalanceLine> cassettes;
    std::int64_t dispensed_minor = 0;  // Σ dispensed × denomination: what customers took
    std::int64_t loaded_minor = 0;
    std::int64_t remaining_minor = 0;
    std::optional<HostTotals> host;     // none when the host did not answer
    // host amount − dispensed value; none without host totals. 0 is "balanced".
    [[nodiscard]] std::optional<std::int64_t> host_difference() const {
        if (!host) return std::nullopt;
        return host->amount_minor - dispensed_minor;
    }
    // Every cassette agrees with the dispenser's count (where it answered) and with the host.
    [[nodiscard]] bool balanced() const;
};

// The report over `ledgers`, beside the dispenser's counts (index 0 = cassette 1; empty: none)
// and the host's totals.
BalanceReport balance(const std::vector<CassetteLedger>& ledgers, const std::vector<std::uint32_t>& device_counts,
                      std::optional<HostTotals> host);

// The report as printed lines (the balancing receipt, kioskctl's output): plain text, no card data.
std::vector<std::string> balance_lines(const BalanceReport& report, std::string_view currency, int exponent);

class CashLedger {
public:
    explicit CashLedger(store::Database& database) : database_(database) {}

    // The counters of cassettes 1..`cassettes` (zeros for any never written).
    Result<std::vector<CassetteLedger>> read(std::size_t cassettes);

    // A replenishment: validated first (validate_loads; nothing is written on a refusal), then in
    // one transaction `loaded` set to the new counts, the other counters zeroed, the denomination
    // kept (kv `cash.cassette.<n>.denomination`) and `line` journaled — under `chain` when given
    // (the kiosk, kioskctl), unchained otherwise (tests). The detail of `line` gets the counts.
    Status replenish(const std::vector<CassetteLoad>& loads, store::JournalLine line,
                     const security::JournalChain* chain);

private:
    store::Database& database_;
};

}  // namespace kiosk::maintenance
