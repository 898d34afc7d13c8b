// The reference a customer quotes for a problem report: KB-YYYYMMDD-XXXX (docs/cx-records.md
// § complaint) — the kiosk's UTC day, then four characters drawn from an alphabet without the
// look-alikes (no 0/O, 1/I/L), so it can be read off a slip or a screen and typed back without
// doubt. Random from the injected source; unique at this kiosk (the caller says which are taken).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"

namespace kiosk {

inline constexpr std::string_view kComplaintReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kComplaintReferenceSuffix = 4;

// One draw: "KB-" + the UTC day of `now` as YYYYMMDD + "-" + four characters of the alphabet.
[[nodiscard]] std::string draw_complaint_reference(TimePoint now, RandomSource& random);

// A reference `taken` says is free, after at most `tries` draws (31^4 ≈ 923,521 a day: a kiosk
// exhausting them is broken); `taken`'s error is passed on. The error names the tries.
using ReferenceTaken = std::function<Result<bool>(const std::string& reference)>;
Result<std::string> unique_complaint_reference(TimePoint now, RandomSource& random, const ReferenceTaken& taken,
                                               int tries = 32);

// True for text of the form above (any day, the alphabet's characters only).
[[nodiscard]] bool is_complaint_reference(std::string_view text);

}  // namespace kiosk
