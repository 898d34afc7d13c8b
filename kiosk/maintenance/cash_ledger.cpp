// The cash ledger over store counters (see cash_ledger.hpp).
#include "kiosk/maintenance/cash_ledger.hpp"

#include <array>
#include <charconv>
#include <limits>

#include "common/money.hpp"
#include "store/business_step.hpp"
#include "store/database.hpp"
#include "store/kv_store.hpp"
#include "store/transaction.hpp"

namespace kiosk::maintenance {

namespace {

constexpr std::array<std::string_view, 4> kFields{"loaded", "dispensed", "rejected", "retracted"};

Error refused(std::string message) { return make_error("cash", std::move(message)); }

std::string denomination_key(std::size_t cassette) {
    return "cash.cassette." + std::to_string(cassette) + ".denomination";
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// Splits on commas, semicolons and blanks; empty pieces dropped ("200, 150" is two).
std::vector<std::string_view> split_counts(std::string_view text) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        if (end || text[i] == ',' || text[i] == ';' || text[i] == ' ' || text[i] == '\t') {
            if (i > start) pieces.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return pieces;
}

// A whole non-negative number that fits in 32 bits, digits only (no sign, no blanks).
std::optional<std::uint32_t> whole_number(std::string_view text) {
    if (text.empty()) return std::nullopt;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    std::uint32_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string money_text(std::int64_t minor, std::string_view currency, int exponent) {
    return format_money(Money{minor, std::string(currency), exponent});
}

}  // namespace

std::string cash_counter_name(std::size_t cassette, std::string_view field) {
    return "cash.cassette." + std::to_string(cassette) + "." + std::string(field);
}

std::vector<store::CounterDelta> cash_counter_deltas(const CashMovement& movement) {
    std::vector<store::CounterDelta> deltas;
    const auto add = [&](const std::vector<std::uint32_t>& notes, std::string_view field) {
        for (std::size_t i = 0; i < notes.size(); ++i) {
            if (notes[i] > 0) deltas.push_back({cash_counter_name(i + 1, field), static_cast<std::int64_t>(notes[i])});
        }
    };
    add(movement.dispensed, "dispensed");
    add(movement.rejected, "rejected");
    add(movement.retracted, "retracted");
    return deltas;
}

Status validate_loads(const std::vector<CassetteLoad>& loads) {
    if (loads.empty()) return refused("no cassettes given: expected one count per cassette");
    for (std::size_t i = 0; i < loads.size(); ++i) {
        const CassetteLoad& load = loads[i];
        const std::string name = "cassette " + std::to_string(i + 1);
        if (load.capacity == 0) return refused(name + ": its capacity is not known (expected a capacity above 0)");
        if (load.notes > load.capacity) {
            return refused(name + ": " + std::to_string(load.notes) + " notes is more than its capacity of " +
                           std::to_string(load.capacity) + " (expected 0 to " + std::to_string(load.capacity) + ")");
        }
        if (load.denomination == 0) return refused(name + ": its denomination is not known (expected above 0)");
    }
    return ok_status();
}

Result<std::vector<std::uint32_t>> parse_counts(std::string_view text, std::size_t cassettes) {
    const std::vector<std::string_view> pieces = split_counts(trim(text));
    const std::string expected = "expected " + std::to_string(cassettes) + " counts such as \"200,150\" or \"1=200,2=150\"";
    if (pieces.empty()) return refused("no counts given: " + expected);
    const bool named = pieces.front().find('=') != std::string_view::npos;
    std::vector<std::optional<std::uint32_t>> counts(cassettes);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        std::string_view piece = pieces[i];
        std::size_t cassette = i + 1;
        const std::size_t equals = piece.find('=');
        if ((equals != std::string_view::npos) != named) {
            return refused("count " + std::to_string(i + 1) + ": " + quoted(piece) +
                           " mixes plain and cassette=notes counts; " + expected);
        }
        if (named) {
            const auto number = whole_number(trim(piece.substr(0, equals)));
            if (!number || *number == 0 || *number > cassettes) {
                return refused("count " + std::to_string(i + 1) + ": " + quoted(piece.substr(0, equals)) +
                               " is not a cassette number (expected 1 to " + std::to_string(cassettes) + ")");
            }
            cassette = *number;
            piece = trim(piece.substr(equals + 1));
        }
        const std::string name = "cassette " + std::to_string(cassette);
        if (cassette > cassettes) return refused("more counts than cassettes: " + expected);
        if (counts[cassette - 1]) return refused(name + ": given twice; " + expected);
        const auto notes = whole_number(piece);
        if (!notes) {
            return refused(name + ": " + quoted(piece) + " is not a whole number of notes (expected digits only, 0 or more)");
        }
        counts[cassette - 1] = *notes;
    }
    std::vector<std::uint32_t> result;
    for (std::size_t i = 0; i < cassettes; ++i) {
        if (!counts[i]) return refused("cassette " + std::to_string(i + 1) + ": no count given; " + expected);
        result.push_back(*counts[i]);
    }
    return result;
}

bool BalanceReport::balanced() const {
    for (const BalanceLine& line : cassettes) {
        if (line.ledger.remaining() < 0) return false;
        if (line.device_difference().value_or(0) != 0) return false;
    }
    return host_difference().value_or(0) == 0;
}

BalanceReport balance(const std::vector<CassetteLedger>& ledgers, const std::vector<std::uint32_t>& device_counts,
                      std::optional<HostTotals> host) {
    BalanceReport report;
    report.host = host;
    for (std::size_t i = 0; i < ledgers.size(); ++i) {
        const CassetteLedger& ledger = ledgers[i];
        BalanceLine line{ledger, std::nullopt};
        if (i < device_counts.size()) line.device_count = device_counts[i];
        const auto value = static_cast<std::int64_t>(ledger.denomination);
        report.dispensed_minor += ledger.dispensed * value;
        report.loaded_minor += ledger.loaded * value;
        report.remaining_minor += ledger.remaining() * value;
        report.cassettes.push_back(line);
    }
    return report;
}

std::vector<std::string> balance_lines(const BalanceReport& report, std::string_view currency, int exponent) {
    std::vector<std::string> lines;
    for (const BalanceLine& line : report.cassettes) {
        const CassetteLedger& l = line.ledger;
        lines.push_back("Cassette " + std::to_string(l.cassette) + " (" +
                        money_text(static_cast<std::int64_t>(l.denomination), currency, exponent) + ")");
        lines.push_back("  loaded " + std::to_string(l.loaded) + " - dispensed " + std::to_string(l.dispensed) +
                        " - rejected " + std::to_string(l.rejected) + " - retracted " + std::to_string(l.retracted));
        lines.push_back("  = remaining " + std::to_string(l.remaining()));
        if (line.device_count) {
            lines.push_back("  dispenser counts " + std::to_string(*line.device_count) + ", difference " +
                            std::to_string(*line.device_difference()));
        }
    }
    lines.push_back("Dispensed " + money_text(report.dispensed_minor, currency, exponent));
    lines.push_back("Remaining " + money_text(report.remaining_minor, currency, exponent));
    if (report.host) {
        lines.push_back("Host: " + std::to_string(report.host->withdrawals) + " withdrawals, " +
                        money_text(report.host->amount_minor, currency, exponent));
        lines.push_back("Difference " + money_text(*report.host_difference(), currency, exponent));
    } else {
        lines.push_back("Host totals: not available");
    }
    lines.push_back(report.balanced() ? "BALANCED" : "NOT BALANCED");
    return lines;
}

Result<std::vector<CassetteLedger>> CashLedger::read(std::size_t cassettes) {
    store::Counters counters(database_);
    store::KvStore kv(database_);
    std::vector<CassetteLedger> ledgers;
    for (std::size_t cassette = 1; cassette <= cassettes; ++cassette) {
        CassetteLedger ledger;
        ledger.cassette = cassette;
        std::array<std::int64_t*, 4> slots{&ledger.loaded, &ledger.dispensed, &ledger.rejected, &ledger.retracted};
        for (std::size_t f = 0; f < kFields.size(); ++f) {
            auto value = counters.get(cash_counter_name(cassette, kFields[f]));
            if (!value) return value.error();
            *slots[f] = *value;
        }
        auto denomination = kv.get(denomination_key(cassette));
        if (!denomination) return denomination.error();
        if (*denomination) ledger.denomination = whole_number(**denomination).value_or(0);
        ledgers.push_back(ledger);
    }
    return ledgers;
}

Status CashLedger::replenish(const std::vector<CassetteLoad>& loads, store::JournalLine line,
                             const security::JournalChain* chain) {
    KIOSK_TRY(validate_loads(loads));
    // Read and write under one write lock: a dispense cannot slip between the read and the deltas.
    auto transaction = store::Transaction::begin(database_);
    if (!transaction) return transaction.error();
    auto before = read(loads.size());
    if (!before) return before.error();

    store::BusinessStep step;
    std::string counts;
    for (std::size_t i = 0; i < loads.size(); ++i) {
        const CassetteLedger& old = (*before)[i];
        const std::size_t cassette = i + 1;
        const std::array<std::int64_t, 4> now{static_cast<std::int64_t>(loads[i].notes), 0, 0, 0};
        const std::array<std::int64_t, 4> was{old.loaded, old.dispensed, old.rejected, old.retracted};
        for (std::size_t f = 0; f < kFields.size(); ++f) {
            if (now[f] != was[f]) step.counters.push_back({cash_counter_name(cassette, kFields[f]), now[f] - was[f]});
        }
        step.kv.push_back({denomination_key(cassette), std::to_string(loads[i].denomination)});
        if (!counts.empty()) counts += ", ";
        counts += std::to_string(cassette) + "=" + std::to_string(loads[i].notes) + " (was " +
                  std::to_string(old.remaining()) + " left)";
    }
    line.detail = line.detail.empty() ? "loaded " + counts : line.detail + "; loaded " + counts;
    step.journal.push_back(std::move(line));
    KIOSK_TRY(chain != nullptr ? store::commit(database_, step, *chain) : store::commit(database_, step));
    return transaction->commit();
}

}  // namespace kiosk::maintenance
