#include "kiosk/app/headless_replay.hpp"

#include "kiosk/runtime/settled_turn.hpp"

#include <deque>
#include <string>
#include <vector>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/simulator/simulator_rig.hpp"
#include "security/os_random.hpp"
#include "sim/virtual_clock.hpp"
#include "ui/offscreen_display.hpp"

namespace kiosk {

namespace {

constexpr Millis tick_step{100};
// How long a recorded touch waits for the kiosk to reach the state it was made in: longer than
// any host or device timeout, so only a real divergence runs out of it.
constexpr Millis touch_patience{120'000};
// After the last record, the kiosk runs on a little (timers, the return to Attract).
constexpr Millis settle_time{10'000};
// A bound on the whole replay, in virtual time: a trace that never completes still ends.
constexpr Millis replay_limit{6 * 60 * 60 * 1000};

struct RecordedTouch {
    std::string action;
    std::string state;
};

}  // namespace

int run_headless_replay(KioskConfig config, sim::SimInstrumentOptions instruments, std::ostream& out) {
    if (!instruments.replay_file) throw std::invalid_argument("run_headless_replay needs a trace to replay");
    std::deque<RecordedTouch> touches;
    instruments.replay.touch = [&touches](const std::string& action, const std::string& state) {
        touches.push_back({action, state});
    };
    sim::VirtualClock clock;
    security::OsRandom random;
    SimulatorRig rig(config, config.data_dir / "sim-pki", instruments, &clock);
    ui::OffscreenDisplay display(ui::FontPaths::in_directory(config.font_dir), config.bank_name);
    KioskEnvironment environment{clock, random, rig.devices(), rig.host_link(), display, true};
    environment.one_device_thread = true;  // the trace's one order across devices
    KioskApp app(config, environment);
    Runtime& runtime = app.runtime();
    rig.instrument(runtime);  // when the replay is itself recorded (--trace)
    rig.serve_profiles(runtime, app.tokenizer());
    sim::TraceReplayer& replayer = *rig.instruments().replayer();

    out << "kiosk " << config.kiosk_id << " replaying " << instruments.replay_file->string() << ": "
        << replayer.remaining() << " records, card " << instruments.replay.card_id << "\n";
    std::vector<std::string> problems;
    runtime.start();
    Millis touch_waited{0};
    Millis settled{0};
    for (Millis elapsed{0}; elapsed < replay_limit && settled < settle_time; elapsed += tick_step) {
        if (!touches.empty()) {
            const RecordedTouch& touch = touches.front();
            const std::string_view now = flow::to_string(runtime.context().state);
            if (now == touch.state) {
                runtime.touch(touch.action);
                touches.pop_front();
                touch_waited = Millis{0};
                replayer.touch_delivered();
            } else if ((touch_waited += tick_step) > touch_patience) {
                problems.push_back("touch '" + touch.action + "' was made in " + touch.state + "; the kiosk stayed in " +
                                   std::string(now));
                touches.pop_front();
                touch_waited = Millis{0};
                replayer.touch_delivered();
            }
        }
        settled_turn(runtime);
        clock.advance(tick_step);
        if (replayer.finished() && touches.empty()) settled += tick_step;
    }

    for (const std::string& divergence : replayer.divergences()) out << "divergence: " << divergence << "\n";
    for (const std::string& problem : problems) out << "divergence: " << problem << "\n";
    if (!replayer.finished()) out << "not reached: " << replayer.remaining() << " recorded records\n";
    out << "devices after the replay:\n";
    for (const sim::DeviceReport& report : rig.device_reports()) out << "  " << sim::describe(report) << "\n";
    const bool reproduced = replayer.finished() && replayer.divergences().empty() && problems.empty();
    out << (reproduced ? "replay reproduced the trace" : "replay DIVERGED from the trace") << "\n";
    return reproduced ? 0 : 1;
}

}  // namespace kiosk
