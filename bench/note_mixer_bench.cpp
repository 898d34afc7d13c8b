// Planning a dispense with the fewest notes over four cassettes, against the floor of a greedy
// largest-note-first pass over the same cassettes (fast, but not always feasible or optimal —
// which is why the mixer exists). The mixer runs once per withdrawal; this shows its headroom.
#include <vector>

#include <benchmark/benchmark.h>

#include "drivers/cash/note_mixer.hpp"

namespace {

using namespace kiosk;

std::vector<drivers::CassetteInfo> cassettes() {
    return {{"CNY", 10000, 2000, 100, drivers::CassetteState::ok},
            {"CNY", 5000, 2000, 100, drivers::CassetteState::ok},
            {"CNY", 2000, 2000, 100, drivers::CassetteState::ok},
            {"CNY", 1000, 2000, 100, drivers::CassetteState::ok}};
}

void Mix_FewestNotes(benchmark::State& state) {
    const auto units = cassettes();
    const drivers::NoteMixer mixer;
    const Money amount{state.range(0), "CNY", 2};
    for (auto _ : state) {
        auto plan = mixer.plan(amount, units);
        if (!plan) state.SkipWithError("no plan");
        benchmark::DoNotOptimize(plan);
    }
}
BENCHMARK(Mix_FewestNotes)->Arg(38'000)->Arg(298'000);

void Baseline_GreedyLargestFirst(benchmark::State& state) {
    const auto units = cassettes();
    for (auto _ : state) {
        std::int64_t left = state.range(0);
        std::vector<std::uint32_t> notes(units.size());
        for (std::size_t i = 0; i < units.size(); ++i) {
            const auto take = std::min<std::int64_t>(left / units[i].denomination, units[i].count);
            notes[i] = static_cast<std::uint32_t>(take);
            left -= take * units[i].denomination;
        }
        benchmark::DoNotOptimize(notes);
        benchmark::DoNotOptimize(left);
    }
}
BENCHMARK(Baseline_GreedyLargestFirst)->Arg(38'000)->Arg(298'000);

}  // namespace
