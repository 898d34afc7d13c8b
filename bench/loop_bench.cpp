// The kiosk loop on the simulator: what one Runtime::tick() costs while the bank holds an answer
// against an idle kiosk, and the worst turn of a whole withdrawal against the worst turn of an idle
// kiosk over as many turns. The loop never waits on a device or the host, so a request outstanding
// must not make a turn slower: these show it on the whole kiosk (rig, TLS bank, offscreen display,
// SQLite), not on a fake. Every turn advances the virtual clock by 16 ms, as a 60 Hz terminal
// would; only tick() itself is timed (manual time, steady_clock). Where work is outstanding
// between turns the workers are waited for untimed: in virtual time that wait stands in for the
// real time a terminal's 16 ms would give them (the loop itself never waits).
// Run: build/bin/kiosk_bench --benchmark_filter='Loop|Withdrawal' (docs/benchmarks.md). Set
// KIOSK_BENCH_NOTES=1 to see the runtime's notes, KIOSK_BENCH_SLOW_TURNS=1 for every turn over 1 ms.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/runtime/settled_turn.hpp"
#include "kiosk/simulator/simulator_rig.hpp"
#include "security/os_random.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/virtual_clock.hpp"
#include "ui/offscreen_display.hpp"

namespace {

using namespace kiosk;
using flow::StateId;
using SteadyClock = std::chrono::steady_clock;

constexpr Millis kFrame{16};  // one turn of a 60 Hz terminal
// Real time left to the workers after every turn, untimed. Without it a turn of a few µs would
// move virtual time far ahead of them (2 s, a poll's deadline, in about a millisecond) and routine
// polls would expire, which no terminal sees; with it a poll has at least 25 ms real.
constexpr std::chrono::microseconds kPace{200};
// Timed turns of the per-turn benchmarks: 24 s of virtual time, inside the host request's 30 s
// deadline and the MainMenu's 30 s timer, so the state measured is the state set up.
constexpr benchmark::IterationCount kTurns = 1'500;

// The real time of one tick(), in microseconds.
double timed_tick(Runtime& runtime) {
    const auto start = SteadyClock::now();
    runtime.tick();
    return std::chrono::duration<double, std::micro>(SteadyClock::now() - start).count();
}

// Turn times (µs) summarised as the counters every benchmark here reports.
struct TurnTimes {
    std::vector<double> us;

    [[nodiscard]] double median() const {
        std::vector<double> sorted = us;
        std::sort(sorted.begin(), sorted.end());
        return sorted.empty() ? 0.0 : sorted[sorted.size() / 2];
    }
    [[nodiscard]] double worst() const { return us.empty() ? 0.0 : *std::max_element(us.begin(), us.end()); }
    [[nodiscard]] double total() const {
        double sum = 0;
        for (const double t : us) sum += t;
        return sum;
    }
};

// The whole kiosk on the simulator over a fresh data directory, as tests/e2e/kiosk_on_simulator.hpp
// assembles it, started and settled in Attract.
class SimKiosk {
public:
    explicit SimKiosk(std::string_view name)
        : dir_(std::filesystem::temp_directory_path() /
               ("kiosk-bench-" + std::to_string(::getpid()) + "-" + std::string(name))) {
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        config_.data_dir = dir_ / "data";
        rig_ = std::make_unique<SimulatorRig>(config_, dir_ / "pki", sim::SimInstrumentOptions{}, &clock_);
        display_ = std::make_unique<ui::OffscreenDisplay>(ui::FontPaths::in_directory(config_.font_dir),
                                                          config_.bank_name);
        app_ = std::make_unique<KioskApp>(
            config_, KioskEnvironment{clock_, random_, rig_->devices(), rig_->host_link(), *display_, true});
        runtime().on_note = [this](const std::string& note) {
            if (note.find("failed") != std::string::npos) ++failure_notes_;
            if (std::getenv("KIOSK_BENCH_NOTES") != nullptr) std::fprintf(stderr, "note: %s\n", note.c_str());
        };
        rig_->serve_profiles(runtime(), app_->tokenizer());
        runtime().start();
        settle(Millis(500));
    }
    ~SimKiosk() {
        rig_->bank().bank().release_answers();  // a held answer must not outlive the kiosk
        app_.reset();
        rig_.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    SimKiosk(const SimKiosk&) = delete;
    SimKiosk& operator=(const SimKiosk&) = delete;

    Runtime& runtime() { return app_->runtime(); }
    SimulatorRig& rig() { return *rig_; }
    sim::VirtualClock& clock() { return clock_; }
    StateId state() { return runtime().context().state; }
    // The state the slowest turn() so far started in.
    [[nodiscard]] StateId worst_turn_state() const { return worst_state_; }
    // Runtime notes that report a failure (a request timed out or failed): none expected.
    [[nodiscard]] int failure_notes() const { return failure_notes_; }

    // Setting up, untimed: 100 ms steps, each a turn whose work is waited out (settled_turn).
    void settle(Millis duration) {
        for (Millis elapsed{0}; elapsed < duration; elapsed += Millis(100)) {
            clock_.advance(Millis(100));
            settled_turn(runtime());
        }
    }

    // Card in, session options accepted, PIN typed: true at the main menu.
    bool to_menu(const sim::VirtualCard& card) {
        if (!rig_->card_reader().insert(card).ok()) return false;
        settle(Millis(1'500));
        if (state() != StateId::SessionOptions) return false;
        runtime().touch("continue");
        settle(Millis(500));
        rig_->pin_pad().type_pin(card.pin);
        settle(Millis(1'000));
        return state() == StateId::MainMenu;
    }

    // One measured turn of a 60 Hz terminal: the clock moves 16 ms, tick() is timed, then the
    // workers are given the real time they would have had (untimed, bounded).
    double turn() {
        clock_.advance(kFrame);
        const StateId before = state();
        const double us = timed_tick(runtime());
        if (us > worst_us_) {
            worst_us_ = us;
            worst_state_ = before;
        }
        if (std::getenv("KIOSK_BENCH_SLOW_TURNS") != nullptr && us > 1'000) {
            std::fprintf(stderr, "slow turn: %.2f ms, %s -> %s\n", us / 1e3, std::string(flow::to_string(before)).c_str(),
                         std::string(flow::to_string(state())).c_str());
        }
        std::this_thread::sleep_for(kPace);
        if (runtime().work_outstanding() > 0) (void)runtime().wait_for_workers(std::chrono::milliseconds(2'000));
        return us;
    }

private:
    std::filesystem::path dir_;
    KioskConfig config_;
    sim::VirtualClock clock_;
    security::OsRandom random_;
    std::unique_ptr<SimulatorRig> rig_;
    std::unique_ptr<ui::OffscreenDisplay> display_;
    std::unique_ptr<KioskApp> app_;
    int failure_notes_ = 0;
    double worst_us_ = 0;
    StateId worst_state_ = StateId::Attract;
};

const sim::VirtualCard& customer() { return sim::card("visa-alice"); }

// Shared by a benchmark and the one after it that reports against it (registration order).
double idle_median_us = 0;
std::size_t withdrawal_turns = 0;

// The timed loop of the per-turn benchmarks: one tick() per iteration, the clock 16 ms on; no
// waiting on the workers between turns (a held answer would make wait_for_workers wait), only kPace.
void measure_turns(benchmark::State& state, SimKiosk& kiosk, TurnTimes& times) {
    Runtime& runtime = kiosk.runtime();
    const std::uint64_t frames_before = runtime.frames_drawn();
    times.us.reserve(static_cast<std::size_t>(state.max_iterations));
    for (auto _ : state) {
        kiosk.clock().advance(kFrame);
        const double us = timed_tick(runtime);
        state.SetIterationTime(us / 1e6);
        times.us.push_back(us);
        std::this_thread::sleep_for(kPace);
    }
    const double turns = static_cast<double>(times.us.size());
    state.counters["frames_per_turn"] = static_cast<double>(runtime.frames_drawn() - frames_before) / turns;
    state.counters["median_turn_us"] = times.median();
    state.counters["worst_turn_us"] = times.worst();
}

// The main menu, nothing outstanding but the routine polls: the floor of a turn.
void BM_LoopTurnIdle(benchmark::State& state) {
    SimKiosk kiosk("idle");
    if (!kiosk.to_menu(customer())) {
        state.SkipWithError("the kiosk did not reach the main menu");
        return;
    }
    TurnTimes times;
    measure_turns(state, kiosk, times);
    if (kiosk.state() != StateId::MainMenu) state.SkipWithError("left the main menu while measured");
    idle_median_us = times.median();
    state.counters["failure_notes"] = kiosk.failure_notes();
}
BENCHMARK(BM_LoopTurnIdle)->Iterations(kTurns)->UseManualTime()->Unit(benchmark::kMicrosecond);

// Authorizing a withdrawal with the bank holding its answer: the request is on the host worker
// (and in the TLS bank) for every timed turn; the Processing screen animates every 250 ms.
// median_vs_idle is this median turn over BM_LoopTurnIdle's (run just before): near 1 when the
// loop does not wait.
void BM_LoopTurnHostOutstanding(benchmark::State& state) {
    SimKiosk kiosk("outstanding");
    if (!kiosk.to_menu(customer())) {
        state.SkipWithError("the kiosk did not reach the main menu");
        return;
    }
    kiosk.runtime().touch("withdrawal");
    kiosk.settle(Millis(500));
    if (kiosk.state() != StateId::WithdrawalAmount || kiosk.runtime().payable_fast_cash().empty()) {
        state.SkipWithError("no fast-cash amount offered");
        return;
    }
    sim::SimBank& bank = kiosk.rig().bank().bank();
    bank.hold_answers(Millis(60'000));  // released by ~SimKiosk, whatever happens
    kiosk.runtime().touch("amount_0");
    // Turns (untimed) until the request has really reached the bank and its answer is held.
    const auto give_up = SteadyClock::now() + std::chrono::seconds(10);
    while (bank.held_requests() == 0 && SteadyClock::now() < give_up) {
        kiosk.clock().advance(kFrame);
        kiosk.runtime().tick();
        ::usleep(1'000);
    }
    if (bank.held_requests() != 1 || kiosk.state() != StateId::Authorizing) {
        state.SkipWithError("the authorization did not reach the bank");
        return;
    }
    TurnTimes times;
    measure_turns(state, kiosk, times);
    if (bank.held_requests() != 1 || kiosk.state() != StateId::Authorizing) {
        state.SkipWithError("the held request did not stay outstanding while measured");
    }
    if (idle_median_us > 0) state.counters["median_vs_idle"] = times.median() / idle_median_us;
    bank.release_answers();
    kiosk.settle(Millis(1'000));  // the answer lands; the kiosk returns the card
    state.counters["failure_notes"] = kiosk.failure_notes();
}
BENCHMARK(BM_LoopTurnHostOutstanding)->Iterations(kTurns)->UseManualTime()->Unit(benchmark::kMicrosecond);

// Turns until `reached` holds, at most `limit` of them; each turn's time goes into `times`.
bool turns_until(SimKiosk& kiosk, TurnTimes& times, const std::function<bool()>& reached, int limit = 2'000) {
    for (int turn = 0; turn < limit; ++turn) {
        if (reached()) return true;
        times.us.push_back(kiosk.turn());
    }
    return reached();
}

void report_gap(benchmark::State& state, const TurnTimes& times, std::uint64_t frames) {
    state.SetIterationTime(times.total() / 1e6);
    state.counters["turns"] = static_cast<double>(times.us.size());
    state.counters["frames"] = static_cast<double>(frames);
    state.counters["median_turn_ms"] = times.median() / 1e3;
    state.counters["worst_turn_ms"] = times.worst() / 1e3;
}

// One whole withdrawal driven turn by turn: card in, session options, PIN, withdrawal, the first
// fast-cash amount, card taken, cash taken, no receipt, back to Attract. Empty when it got through;
// else what did not happen.
std::string run_withdrawal(SimKiosk& kiosk, TurnTimes& times) {
    SimulatorRig& rig = kiosk.rig();
    Runtime& runtime = kiosk.runtime();
    const auto reach = [&](StateId wanted) {
        return turns_until(kiosk, times, [&kiosk, wanted] { return kiosk.state() == wanted; });
    };
    if (!rig.card_reader().insert(customer()).ok()) return "card not inserted";
    if (!reach(StateId::SessionOptions)) return "no session options";
    runtime.touch("continue");
    if (!reach(StateId::PinEntry)) return "no PIN entry";
    (void)turns_until(kiosk, times, [] { return false; }, 30);  // the customer reads the screen
    rig.pin_pad().type_pin(customer().pin);
    if (!reach(StateId::MainMenu)) return "PIN not accepted";
    runtime.touch("withdrawal");
    if (!reach(StateId::WithdrawalAmount)) return "no withdrawal amounts";
    if (runtime.payable_fast_cash().empty()) return "no fast-cash amount offered";
    runtime.touch("amount_0");
    if (!reach(StateId::ReturningCard)) return "not approved";
    if (!rig.card_reader().take_card().ok()) return "card not returned";
    if (!reach(StateId::TakeCash)) return "no cash presented";
    if (!rig.cash().take_notes().ok()) return "notes not taken";
    if (!reach(StateId::ReceiptChoice)) return "no receipt choice";
    runtime.touch("receipt_no");
    if (!reach(StateId::Attract)) return "not back in Attract";
    return {};
}

// The withdrawal's worst turn is the longest its screen could go without a repaint on a terminal.
void BM_WithdrawalWorstGap(benchmark::State& state) {
    SimKiosk kiosk("withdrawal");
    for (auto _ : state) {
        TurnTimes times;
        const std::uint64_t frames_before = kiosk.runtime().frames_drawn();
        if (const std::string failure = run_withdrawal(kiosk, times); !failure.empty()) {
            state.SkipWithError(failure.c_str());
            break;
        }
        withdrawal_turns = times.us.size();
        report_gap(state, times, kiosk.runtime().frames_drawn() - frames_before);
        state.SetLabel("worst turn began in " + std::string(flow::to_string(kiosk.worst_turn_state())));
    }
    state.counters["failure_notes"] = kiosk.failure_notes();
}
BENCHMARK(BM_WithdrawalWorstGap)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

// The baseline: an idle kiosk in Attract over as many turns as the withdrawal took (run just
// before; 700 when it was filtered out), driven the same way.
void Baseline_WithdrawalWorstGap_IdleAttract(benchmark::State& state) {
    SimKiosk kiosk("attract");
    const std::size_t turns = withdrawal_turns > 0 ? withdrawal_turns : 700;
    for (auto _ : state) {
        TurnTimes times;
        const std::uint64_t frames_before = kiosk.runtime().frames_drawn();
        for (std::size_t turn = 0; turn < turns; ++turn) times.us.push_back(kiosk.turn());
        if (kiosk.state() != StateId::Attract) state.SkipWithError("left Attract");
        report_gap(state, times, kiosk.runtime().frames_drawn() - frames_before);
    }
    state.counters["failure_notes"] = kiosk.failure_notes();
}
BENCHMARK(Baseline_WithdrawalWorstGap_IdleAttract)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace
