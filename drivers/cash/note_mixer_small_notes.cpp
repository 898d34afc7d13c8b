// NoteMixer::plan_small_notes: the customer asked for small notes, so the plan with the MOST notes
// one dispense may hold, instead of the fewest. Reachability over (value, notes) stage by stage,
// smallest denomination first; the same gcd units and per-dispense limit as plan().
#include <algorithm>
#include <numeric>

#include "drivers/cash/note_mixer.hpp"

namespace kiosk::drivers {

Result<NotePlan> NoteMixer::plan_small_notes(const Money& amount, std::span<const CassetteInfo> cassettes) const {
    // plan() decides whether the amount can be paid at all, with its precise refusals.
    auto fewest = plan(amount, cassettes);
    if (!fewest) return fewest;

    std::vector<std::size_t> order;
    std::uint64_t gcd = 0;
    for (std::size_t i = 0; i < cassettes.size(); ++i) {
        const auto& c = cassettes[i];
        if (!c.usable() || c.currency != amount.currency || c.denomination == 0) continue;
        order.push_back(i);
        gcd = std::gcd(gcd, std::uint64_t{c.denomination});
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return cassettes[a].denomination < cassettes[b].denomination;
    });
    const auto target = static_cast<std::size_t>(static_cast<std::uint64_t>(amount.minor_units) / gcd);
    const std::size_t cap = max_notes_;
    const std::size_t width = cap + 1;
    // reach[s][v * width + n]: the first s stages can make v units with exactly n notes.
    std::vector<std::vector<std::uint8_t>> reach(order.size() + 1, std::vector<std::uint8_t>((target + 1) * width, 0));
    reach[0][0] = 1;
    for (std::size_t s = 0; s < order.size(); ++s) {
        const auto& c = cassettes[order[s]];
        const std::size_t unit = c.denomination / gcd;
        const std::size_t limit = std::min<std::size_t>(c.count, cap);
        for (std::size_t v = 0; v <= target; ++v) {
            for (std::size_t n = 0; n <= cap; ++n) {
                if (reach[s][v * width + n] == 0) continue;
                for (std::size_t k = 0; k <= limit && v + k * unit <= target && n + k <= cap; ++k) {
                    reach[s + 1][(v + k * unit) * width + n + k] = 1;
                }
            }
        }
    }
    std::size_t notes = cap;
    while (reach[order.size()][target * width + notes] == 0) --notes;  // plan() found at least one

    // Walk back from the largest note, taking as few of each large note as still completes the plan.
    NotePlan plan;
    plan.notes.assign(cassettes.size(), 0);
    plan.total_notes = static_cast<std::uint32_t>(notes);
    std::size_t v = target;
    for (std::size_t s = order.size(); s-- > 0;) {
        const std::size_t unit = cassettes[order[s]].denomination / gcd;
        for (std::size_t k = 0; k <= notes && k * unit <= v; ++k) {
            if (reach[s][(v - k * unit) * width + notes - k] != 0) {
                plan.notes[order[s]] = static_cast<std::uint32_t>(k);
                v -= k * unit;
                notes -= k;
                break;
            }
        }
    }
    return plan;
}

}  // namespace kiosk::drivers
