// Full-jitter exponential backoff (sleep = random(0, min(cap, base·2^attempt))) so a fleet of
// kiosks coming back online does not hammer the CRM in lockstep; a server's Retry-After is a floor.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>

#include "common/clock.hpp"
#include "common/random_source.hpp"

namespace kiosk::crm {

struct BackoffPolicy {
    Millis base{1'000};
    Millis cap{5 * 60'000};
    // A Retry-After longer than this is clamped: a misconfigured CRM must not silence a kiosk
    // for days.
    Millis max_retry_after{60 * 60'000};
};

class Backoff {
public:
    Backoff(BackoffPolicy policy, RandomSource& random) : policy_(policy), random_(random) {}

    // The wait before the next attempt, after a failed one. Counts the failure.
    Millis next_delay(std::optional<Millis> retry_after = std::nullopt) {
        const Millis ceiling = ceiling_for(attempt_);
        if (attempt_ < max_exponent) ++attempt_;
        const auto span = static_cast<std::uint64_t>(std::max<Millis::rep>(ceiling.count(), 0)) + 1;
        Millis delay{static_cast<Millis::rep>(random_.below(span))};
        if (retry_after) delay = std::max(delay, std::clamp(*retry_after, Millis{0}, policy_.max_retry_after));
        return delay;
    }

    // After a success: the next failure starts again from `base`.
    void reset() { attempt_ = 0; }

    [[nodiscard]] unsigned attempt() const { return attempt_; }

    // min(cap, base·2^attempt) without overflowing for large attempt counts.
    [[nodiscard]] Millis ceiling_for(unsigned attempt) const {
        Millis ceiling = policy_.base;
        for (unsigned i = 0; i < attempt && ceiling < policy_.cap; ++i) ceiling *= 2;
        return std::min(ceiling, policy_.cap);
    }

private:
    static constexpr unsigned max_exponent = 64;

    BackoffPolicy policy_;
    RandomSource& random_;
    unsigned attempt_ = 0;
};

}  // namespace kiosk::crm
