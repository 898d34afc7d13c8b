// crm/waiter.hpp: SteadyWaiter times out, and interrupt() ends a wait at once and sticks.
#include "crm/waiter.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace kiosk::crm {
namespace {

using std::chrono::steady_clock;

TEST(SteadyWaiter, ShortWaitRunsToItsEnd) {
    SteadyWaiter waiter;
    const auto start = steady_clock::now();
    EXPECT_TRUE(waiter.wait_for(Millis{20}));
    EXPECT_GE(steady_clock::now() - start, Millis{20});
}

TEST(SteadyWaiter, InterruptEndsALongWaitPromptly) {
    SteadyWaiter waiter;
    const auto start = steady_clock::now();
    std::thread interrupter([&waiter] {
        std::this_thread::sleep_for(Millis{30});
        waiter.interrupt();
    });
    EXPECT_FALSE(waiter.wait_for(Millis{60'000}));
    interrupter.join();
    EXPECT_LT(steady_clock::now() - start, Millis{5'000});
}

TEST(SteadyWaiter, InterruptSticksUntilReset) {
    SteadyWaiter waiter;
    waiter.interrupt();
    EXPECT_FALSE(waiter.wait_for(Millis{60'000}));
    waiter.reset();
    EXPECT_TRUE(waiter.wait_for(Millis{1}));
}

}  // namespace
}  // namespace kiosk::crm
