#include "kiosk/app/window_session.hpp"

#include <spdlog/spdlog.h>

#include <time.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/kiosk_control_binding.hpp"
#include "kiosk/app/stop_signals.hpp"
#include "kiosk/simulator/simulator_rig.hpp"
#include "security/os_random.hpp"
#include "sim/devices/card_deck.hpp"
#include "ui/display.hpp"

namespace kiosk {

namespace {

// How long ago this process started (exec of `kiosk` included: `kiosk --sim` execs kiosk-sim in
// the same process), from /proc/self/stat's start time; -1 if it cannot be read.
long long milliseconds_since_process_start() {
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto after_name = text.rfind(')');  // the command name may hold spaces
    if (after_name == std::string::npos) return -1;
    std::istringstream fields(text.substr(after_name + 2));
    std::string field;
    for (int i = 3; i < 22 && fields >> field; ++i) {
    }
    unsigned long long start_ticks = 0;
    if (!(fields >> start_ticks)) return -1;
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const long long ticks_per_second = sysconf(_SC_CLK_TCK);
    const long long now_ms = static_cast<long long>(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
    return now_ms - static_cast<long long>(start_ticks) * 1000 / ticks_per_second;
}

// The simulator's keyboard: the keys a developer uses to play the customer at the machine.
class SimulatorKeys {
public:
    explicit SimulatorKeys(SimulatorRig& rig) : rig_(rig) {}

    void press(const std::string& key) {
        if (key.size() == 1 && key[0] >= '0' && key[0] <= '9') {
            rig_.pin_pad().press_digit(key[0]);
        } else if (key == "Return" || key == "Keypad Enter") {
            rig_.pin_pad().press_enter();
        } else if (key == "Backspace") {
            rig_.pin_pad().press_backspace();
        } else if (key == "Delete") {
            rig_.pin_pad().press_clear();
        } else if (key == "Escape") {
            rig_.pin_pad().press_cancel();
        } else if (key.size() == 2 && key[0] == 'F' && key[1] >= '1' && key[1] <= '8') {
            rig_.pin_pad().press_function(key[1] - '0');  // the keys beside the screen
        } else if (key.size() == 8 && key.rfind("Keypad ", 0) == 0 && key[7] >= '0' && key[7] <= '9') {
            rig_.pin_pad().press_digit(key[7]);
        } else if (key == "I") {
            insert_next_card();
        } else if (key == "H") {
            headset_ = !headset_;
            rig_.sensor_board().set_headset_plugged(headset_);
            spdlog::info("sim: headset {}", headset_ ? "plugged in" : "unplugged");
        } else if (key == "R") {
            rig_.pin_pad().press_audio(drivers::PinKey::audio_repeat);
        } else if (key == "=" || key == "Keypad +") {
            rig_.pin_pad().press_audio(drivers::PinKey::audio_volume_up);
        } else if (key == "-" || key == "Keypad -") {
            rig_.pin_pad().press_audio(drivers::PinKey::audio_volume_down);
        } else if (key == "T") {
            if (auto taken = rig_.card_reader().take_card(); !taken.ok()) spdlog::info("sim: {}", taken.error().message);
        }
    }

private:
    void insert_next_card() {
        const auto& deck = sim::card_deck();
        const sim::VirtualCard& card = deck[next_card_++ % deck.size()];
        if (auto inserted = rig_.card_reader().insert(card); inserted.ok()) {
            spdlog::info("sim: inserted card {} (PIN on the card's sleeve: see sim/devices/card_deck.cpp)", card.id);
        } else {
            spdlog::info("sim: {}", inserted.error().message);
        }
    }

    SimulatorRig& rig_;
    std::size_t next_card_ = 0;
    bool headset_ = false;
};

}  // namespace

int run_window_session(KioskConfig config, const sim::SimInstrumentOptions& instruments) {
    // Before SDL starts: SIGINT/SIGTERM stop the kiosk as in production (Ctrl-C in a terminal,
    // `kill` from a script), also under video drivers that never deliver a window-close event.
    const StopSignals stop;
    SystemClock clock;
    security::OsRandom random;
    SimulatorRig rig(config, config.data_dir / "sim-pki", instruments, &clock);
    ui::DisplayOptions options;
    options.kind = ui::DisplayKind::Window;
    options.fonts = ui::FontPaths::in_directory(config.font_dir);
    options.bank_name = config.bank_name;
    options.size = ui::DisplaySize{config.display.width, config.display.height, config.display.dpi};
    auto display = ui::make_display(options);
    KioskEnvironment environment{clock, random, rig.devices(), rig.host_link(), *display, true};
    environment.one_device_thread = instruments.trace_file.has_value();  // a trace keeps one order across devices
    KioskApp app(config, environment);

    SimulatorKeys keys(rig);
    Runtime& runtime = app.runtime();
    rig.instrument(runtime);
    rig.serve_profiles(runtime, app.tokenizer());
    runtime.on_key = [&](const std::string& key) { keys.press(key); };
    runtime.on_note = [](const std::string& note) { spdlog::warn("{}", note); };
    KioskControlBinding control(app, config, clock);  // kioskctl status & co.; after instrument()
    spdlog::info("kiosk {} on the simulator; keys: I insert card, 0-9/Enter/Backspace/Delete/Esc/F1-F8 PIN pad, T take card, "
                 "H headset, R repeat, =/- volume",
                 config.kiosk_id);
    app.uploader().start();
    runtime.start();
    // scripts/measure-start-memory reads this line (docs/benchmarks.md, "Start time and memory").
    spdlog::info("first screen shown {} ms after the process started", milliseconds_since_process_start());
    while (!runtime.quit_requested && !stop.requested()) {
        runtime.tick();
        std::this_thread::sleep_for(std::chrono::milliseconds(16));  // ~60 Hz: touch feels immediate
    }
    app.uploader().stop();
    return 0;
}

}  // namespace kiosk
