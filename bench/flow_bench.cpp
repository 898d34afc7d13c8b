// One step of the customer flow: the table is scanned row by row (about 150 rows since the
// complete flow), the context copied and the effects built. The baseline is copying the context
// alone, which every step must do; the gap is what the table lookup and the effects cost. A
// customer makes a few events a second, so this is headroom, not a throughput target.
#include <benchmark/benchmark.h>

#include "kiosk/flow/flow.hpp"

namespace {

using namespace kiosk::flow;

Context in_state(const Flow& flow, std::initializer_list<Event> path) {
    Context context = flow.start().context;
    for (const Event& event : path) context = flow.step(context, event).context;
    return context;
}

// A PIN key press: an internal row near the top of the table.
void Flow_Step_PinDigit(benchmark::State& state) {
    const Flow flow;
    const Context pin_entry =
        in_state(flow, {events::CardInserted{}, events::CardReadOk{}, events::Continue{}});
    for (auto _ : state) benchmark::DoNotOptimize(flow.step(pin_entry, Event(events::PinDigit{})));
}
BENCHMARK(Flow_Step_PinDigit);

// "More time? yes" back to the main menu: a guarded row near the end of the table.
void Flow_Step_MoreTimeYes(benchmark::State& state) {
    const Flow flow;
    const Context more_time = in_state(flow, {events::CardInserted{}, events::CardReadOk{}, events::Continue{},
                                              events::PinEnter{}, events::Timeout{}});
    for (auto _ : state) benchmark::DoNotOptimize(flow.step(more_time, Event(events::MoreTimeYes{})));
}
BENCHMARK(Flow_Step_MoreTimeYes);

void Baseline_CopyContext(benchmark::State& state) {
    const Flow flow;
    const Context context = in_state(flow, {events::CardInserted{}, events::CardReadOk{}, events::Continue{}});
    for (auto _ : state) {
        Context copy = context;
        benchmark::DoNotOptimize(copy);
    }
}
BENCHMARK(Baseline_CopyContext);

}  // namespace
