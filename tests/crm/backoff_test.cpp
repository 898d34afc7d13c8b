// crm/backoff.hpp: full jitter stays inside min(cap, base·2^attempt), resets, honours Retry-After.
#include "crm/backoff.hpp"

#include <gtest/gtest.h>

namespace kiosk::crm {
namespace {

const BackoffPolicy policy{Millis{100}, Millis{1'000}, Millis{10'000}};

TEST(Backoff, CeilingDoublesUpToTheCap) {
    SeededRandom random(1);
    const Backoff backoff(policy, random);
    EXPECT_EQ(backoff.ceiling_for(0), Millis{100});
    EXPECT_EQ(backoff.ceiling_for(1), Millis{200});
    EXPECT_EQ(backoff.ceiling_for(3), Millis{800});
    EXPECT_EQ(backoff.ceiling_for(4), Millis{1'000});
    EXPECT_EQ(backoff.ceiling_for(1'000), Millis{1'000});  // no overflow for absurd attempt counts
}

TEST(Backoff, DelaysAreJitteredWithinTheCeilingOfTheirAttempt) {
    SeededRandom random(42);
    Backoff backoff(policy, random);
    bool saw_different_values = false;
    Millis previous{-1};
    for (unsigned attempt = 0; attempt < 50; ++attempt) {
        const Millis ceiling = backoff.ceiling_for(attempt);
        const Millis delay = backoff.next_delay();
        EXPECT_GE(delay, Millis{0});
        EXPECT_LE(delay, ceiling) << "attempt " << attempt;
        if (previous.count() >= 0 && delay != previous) saw_different_values = true;
        previous = delay;
    }
    EXPECT_TRUE(saw_different_values) << "full jitter must not be a constant";
}

TEST(Backoff, SameSeedSameDelays) {
    SeededRandom first_random(7);
    SeededRandom second_random(7);
    Backoff first(policy, first_random);
    Backoff second(policy, second_random);
    for (int i = 0; i < 10; ++i) EXPECT_EQ(first.next_delay(), second.next_delay());
}

TEST(Backoff, ResetStartsAgainFromBase) {
    SeededRandom random(3);
    Backoff backoff(policy, random);
    for (int i = 0; i < 5; ++i) static_cast<void>(backoff.next_delay());
    EXPECT_EQ(backoff.attempt(), 5U);
    backoff.reset();
    EXPECT_EQ(backoff.attempt(), 0U);
    EXPECT_LE(backoff.next_delay(), Millis{100});
}

TEST(Backoff, RetryAfterIsAFloorAndIsClamped) {
    SeededRandom random(5);
    Backoff backoff(policy, random);
    EXPECT_GE(backoff.next_delay(Millis{5'000}), Millis{5'000});        // beyond the cap: still honoured
    EXPECT_EQ(backoff.next_delay(Millis{3'600'000}), Millis{10'000});  // clamped to max_retry_after
}

}  // namespace
}  // namespace kiosk::crm
