// NoteMixer: bounded-knapsack dynamic programme over amounts in units of the denominations' gcd.
// The table only spans what one dispense can pay (max notes × largest note), so it stays small.
#include "drivers/cash/note_mixer.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>

namespace kiosk::drivers {
namespace {

constexpr std::uint32_t unreachable = std::numeric_limits<std::uint32_t>::max();

Error mix_error(MixFailure kind, std::string message) {
    return make_error(std::string(note_mixer_domain), std::move(message), static_cast<int>(kind));
}

}  // namespace

std::optional<MixFailure> mix_failure_of(const Error& error) {
    if (error.domain != note_mixer_domain) return std::nullopt;
    if (error.native_code < static_cast<int>(MixFailure::nonPositiveAmount) ||
        error.native_code > static_cast<int>(MixFailure::noCombination)) {
        return std::nullopt;
    }
    return static_cast<MixFailure>(error.native_code);
}

Result<NotePlan> NoteMixer::plan(const Money& amount, std::span<const CassetteInfo> cassettes) const {
    auto money = [&amount](std::int64_t minor) { return format_money(amount.with_minor_units(minor)); };
    if (amount.minor_units <= 0) {
        return mix_error(MixFailure::nonPositiveAmount, "amount must be positive, got " +
                                                            money(amount.minor_units));
    }

    // Usable cassettes of the amount's currency, smallest note first (see the tie rule below).
    std::vector<std::size_t> order;
    std::int64_t available = 0;
    std::uint64_t gcd = 0;
    std::uint32_t largest = 0;
    for (std::size_t i = 0; i < cassettes.size(); ++i) {
        const auto& c = cassettes[i];
        if (!c.usable() || c.currency != amount.currency || c.denomination == 0) continue;
        order.push_back(i);
        available += std::int64_t{c.denomination} * c.count;
        gcd = std::gcd(gcd, std::uint64_t{c.denomination});
        largest = std::max(largest, c.denomination);
    }
    if (order.empty()) {
        return mix_error(MixFailure::noNotesAvailable, "no usable " + amount.currency +
                                                           " notes in the dispenser");
    }
    if (amount.minor_units > available) {
        return mix_error(MixFailure::exceedsAvailable,
                         money(amount.minor_units) + " exceeds the " + money(available) +
                             " the dispenser holds");
    }
    const auto step = static_cast<std::int64_t>(gcd);
    if (amount.minor_units % step != 0) {
        return mix_error(MixFailure::notAMultiple,
                         money(amount.minor_units) + " is not a multiple of " + money(step) +
                             ", the smallest step the available notes allow");
    }
    const std::int64_t most_per_dispense = std::int64_t{largest} * max_notes_;
    if (amount.minor_units > most_per_dispense) {
        return mix_error(MixFailure::tooManyNotes,
                         money(amount.minor_units) + " needs more than " +
                             std::to_string(max_notes_) + " notes, the most one dispense holds (" +
                             money(most_per_dispense) + " at most)");
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return cassettes[a].denomination < cassettes[b].denomination;
    });

    // best[v]: fewest notes making v·step from the cassettes seen so far; taken[s][v]: notes from
    // stage s in that optimum. Searching k downwards and keeping only strict improvements makes
    // ties take more of the later (larger) notes.
    const auto top = static_cast<std::size_t>(std::min(available, most_per_dispense) / step);
    const auto target = static_cast<std::size_t>(amount.minor_units / step);
    std::vector<std::uint32_t> best(top + 1, unreachable);
    best[0] = 0;
    std::vector<std::vector<std::uint32_t>> taken(order.size(), std::vector<std::uint32_t>(top + 1, 0));
    for (std::size_t s = 0; s < order.size(); ++s) {
        const auto& c = cassettes[order[s]];
        const std::size_t unit = c.denomination / gcd;
        const std::uint32_t limit = c.count;  // not capped by max_notes_: "too many" must be told apart
        std::vector<std::uint32_t> next(top + 1, unreachable);
        for (std::size_t v = 0; v <= top; ++v) {
            const std::uint32_t most = static_cast<std::uint32_t>(std::min<std::size_t>(limit, v / unit));
            for (std::uint32_t k = most + 1; k-- > 0;) {
                const std::uint32_t before = best[v - k * unit];
                if (before == unreachable) continue;
                if (before + k < next[v]) {
                    next[v] = before + k;
                    taken[s][v] = k;
                }
            }
        }
        best.swap(next);
    }

    if (best[target] == unreachable || best[target] > max_notes_) {
        const bool payable = best[target] != unreachable;
        auto within = [&](std::size_t v) { return best[v] != unreachable && best[v] <= max_notes_; };
        std::string nearest;
        for (std::size_t v = target; v-- > 1;) {
            if (within(v)) {
                nearest = money(static_cast<std::int64_t>(v) * step);
                break;
            }
        }
        for (std::size_t v = target + 1; v <= top; ++v) {
            if (within(v)) {
                nearest += (nearest.empty() ? "" : " and ") + money(static_cast<std::int64_t>(v) * step);
                break;
            }
        }
        std::string message =
            payable ? money(amount.minor_units) + " needs " + std::to_string(best[target]) +
                          " notes, more than the " + std::to_string(max_notes_) +
                          " one dispense holds"
                    : "no combination of the available notes makes " + money(amount.minor_units);
        if (!nearest.empty()) message += "; nearest payable: " + nearest;
        return mix_error(payable ? MixFailure::tooManyNotes : MixFailure::noCombination, message);
    }

    NotePlan plan;
    plan.notes.assign(cassettes.size(), 0);
    plan.total_notes = best[target];
    std::size_t v = target;
    for (std::size_t s = order.size(); s-- > 0;) {
        const std::uint32_t k = taken[s][v];
        plan.notes[order[s]] = k;
        v -= k * (cassettes[order[s]].denomination / gcd);
    }
    return plan;
}

}  // namespace kiosk::drivers
