// NoteMixer: which notes to pick for an amount. Pays any feasible amount with the fewest notes
// (ties: more of the larger notes) and, when it cannot, says exactly why — so the customer screen
// can offer the nearest amounts that can be paid.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "common/money.hpp"
#include "common/result.hpp"
#include "drivers/cash/cassette.hpp"

namespace kiosk::drivers {

struct NotePlan {
    std::vector<std::uint32_t> notes;  // per cassette, in the order the cassettes were given
    std::uint32_t total_notes = 0;

    friend bool operator==(const NotePlan&, const NotePlan&) = default;
};

// Carried in Error::native_code with domain "note mixer".
enum class MixFailure : std::uint8_t {
    nonPositiveAmount = 1,
    noNotesAvailable,  // no usable cassette holds the amount's currency
    exceedsAvailable,  // more than all usable notes together
    notAMultiple,      // not a multiple of the gcd of the usable denominations
    tooManyNotes,      // payable, but only with more notes than one dispense may hold
    noCombination,     // the counts left cannot make it (e.g. 30 from 20s and 50s)
};

inline constexpr std::string_view note_mixer_domain = "note mixer";
std::optional<MixFailure> mix_failure_of(const Error& error);

class NoteMixer {
public:
    explicit NoteMixer(std::uint32_t max_notes_per_dispense = 40)
        : max_notes_(max_notes_per_dispense) {}

    Result<NotePlan> plan(const Money& amount, std::span<const CassetteInfo> cassettes) const;
    // For a customer who prefers small notes: the plan with the most notes one dispense may hold.
    // Payable exactly when plan() is, with the same refusals (note_mixer_small_notes.cpp).
    Result<NotePlan> plan_small_notes(const Money& amount, std::span<const CassetteInfo> cassettes) const;

    [[nodiscard]] std::uint32_t max_notes() const { return max_notes_; }

private:
    std::uint32_t max_notes_;
};

}  // namespace kiosk::drivers
