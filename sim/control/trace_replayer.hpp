// TraceReplayer: feeds a recorded device trace back into the simulator, so the devices behave as
// they did in the recorded session — a field incident reproduced on a developer's PC. It is the
// TraceHook of the tracing decorators (drivers/trace/tracing_drivers.hpp) around the replaying
// kiosk's drivers: before each command or poll it
//   * plays the customer's and the world's recorded actions that come next in the trace (insert
//     the card, press the keys, take the card or the notes, open the tamper switch), and
//   * when the kiosk issues the command the trace has next, arms the sim fault that makes that
//     command end as recorded: paper out after line k, a jam at eject, an unreadable stripe, a
//     note jam after n notes, a pick failure, a shutter jam, a crypto failure, an unplugged link.
// Events that are consequences of earlier actions (entry complete, cash-unit threshold, …) are
// expected, not played. Traces carry no card data, so the card inserted is the deck card named in
// ReplayOptions and digits come from its PIN. A command the trace does not have at that point is a
// divergence: recorded, and the replay goes on.
// Threads: one mutex serializes the hooks (every device's worker calls them) and the getters;
// it is taken before any sim device's lock, never while one is held.
// Run: build/h-ctl/bin/trace_tests --gtest_filter='TraceReplay*'.
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "drivers/trace/tracer.hpp"
#include "sim/control/sim_device_set.hpp"

namespace kiosk::sim {

struct ReplayOptions {
    std::string card_id = "visa-alice";  // the deck card inserted for each recorded insertion
    // Receives each recorded touch (action id, flow state it was made in). The replayer runs
    // inside a device call of the kiosk's tick, so the receiver queues the touch and the replay
    // loop delivers it once the kiosk is in that state (kiosk/app/headless_replay.hpp).
    std::function<void(const std::string& action, const std::string& state)> touch;
};

class TraceReplayer final : public drivers::TraceHook {
public:
    TraceReplayer(std::vector<drivers::TraceRecord> trace, SimDeviceSet sims, ReplayOptions options = {});

    void before(std::string_view device, std::string_view command) override;
    void after(std::string_view device, std::string_view command) override;

    // The replay loop made the touch last handed to ReplayOptions::touch (or gave up on it): the
    // records after it may be played. Until then none are, so the world cannot run ahead of a
    // touch still waiting for its screen (a card inserted before the language was chosen).
    void touch_delivered();

    // Every recorded record has been matched or played.
    [[nodiscard]] bool finished() const;
    [[nodiscard]] std::size_t remaining() const;
    // "kiosk issued printer print where the trace has card-reader eject", … (a copy)
    [[nodiscard]] std::vector<std::string> divergences() const;

private:
    static bool is_monitoring(std::string_view device, std::string_view command);
    void pass_recorded_monitoring(std::string_view device, std::string_view command);
    void play_events();
    void play(const drivers::TraceRecord& event);
    void arm(const drivers::TraceRecord& command);
    void link_fault_during(const drivers::TraceRecord& command);
    LoopbackPair* link_of(std::string_view device);

    // Recursive: ReplayOptions::touch is called with it held and may call touch_delivered().
    mutable std::recursive_mutex mutex_;
    std::deque<drivers::TraceRecord> pending_;
    SimDeviceSet sims_;
    ReplayOptions options_;
    std::size_t pin_digit_ = 0;
    bool awaiting_touch_ = false;
    LoopbackPair* disconnected_ = nullptr;  // a link cut for one command, restored after it
    std::vector<std::string> divergences_;
};

}  // namespace kiosk::sim
