#include "kiosk/app/headless_demo.hpp"

#include <iomanip>
#include <sstream>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/runtime/screen_names.hpp"
#include "kiosk/simulator/demo_scenario.hpp"
#include "security/os_random.hpp"
#include "ui/offscreen_display.hpp"

namespace kiosk {

namespace {

void clear_old_screens(const std::filesystem::path& directory) {
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error) throw std::runtime_error(directory.string() + ": cannot create: " + error.message());
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() == ".png") std::filesystem::remove(entry.path());
    }
}

}  // namespace

int run_headless_demo(KioskConfig config, const sim::SimInstrumentOptions& instruments, std::ostream& out) {
    // Speech goes to out/speech.wav and its text log (speech.wav_path, speech.log_path): no sound card.
    config.speech.output = SpeechOutputKind::Wav;
    sim::VirtualClock clock;
    security::OsRandom random;
    SimulatorRig rig(config, config.data_dir / "sim-pki", instruments, &clock);
    ui::OffscreenDisplay display(ui::FontPaths::in_directory(config.font_dir), config.bank_name);
    KioskEnvironment environment{clock, random, rig.devices(), rig.host_link(), display, true};
    environment.one_device_thread = instruments.trace_file.has_value();  // a trace keeps one order across devices
    KioskApp app(config, environment);
    rig.instrument(app.runtime());
    rig.serve_profiles(app.runtime(), app.tokenizer());

    clear_old_screens(config.screens_dir);
    int saved = 0;
    DemoScenario demo(app, rig, clock, out);
    std::vector<std::string> save_errors;
    demo.on_screen = [&](const ui::ViewModel& vm) {
        std::ostringstream name;
        name << std::setw(2) << std::setfill('0') << ++saved << "-" << screen_name(vm.screen) << "-"
             << (vm.language == ui::Language::English ? "en" : "zh") << ".png";
        if (auto status = display.save_png(config.screens_dir / name.str()); !status.ok()) {
            save_errors.push_back(status.error().to_string());
        }
    };

    out << "kiosk " << config.kiosk_id << " on the simulator (headless demo), CRM at " << config.crm.url << "\n";
    out << (rig.bank_server() != nullptr
                ? "bank host at " + config.host.address + ":" + std::to_string(config.host.port) +
                      " (ISO 8583 over mutual TLS, " + std::to_string(config.host.pinned_keys.size()) + " pinned keys)"
                : std::string("bank host in process"))
        << "\n";
    for (const std::string& notice : app.host_certificate_notices()) out << "bank host certificate: " << notice << "\n";
    // Alice reads large text and is pleased; Li then withdraws the second fast-cash amount the
    // cassettes can pay, and says it took too long (a low score and its reason).
    DemoCustomer alice{"visa-alice", ui::Language::English, true, true, std::nullopt};
    alice.survey_score = 5;
    DemoCustomer li{"unionpay-li", ui::Language::SimplifiedChinese, true, false, 1};
    li.survey_score = 2;
    li.headset = true;  // Li listens: the visit is spoken in Chinese (out/speech.log)
    const DemoResult result = demo.run({alice, li});
    out << saved << " screens saved to " << config.screens_dir.string() << "\n";
    if (app.speech() != nullptr) {
        app.speech()->wait_idle(std::chrono::seconds(30));  // the last screens are still being synthesized
        out << "speech: " << config.speech.log_path.string() << ", " << config.speech.wav_path.string()
            << (app.speech()->problem() ? " (not written: " + *app.speech()->problem() + ")" : std::string()) << "\n";
    }
    if (sim::SimBankServer* server = rig.bank_server(); server != nullptr) {
        out << "bank host: " << rig.bank().log().size() << " requests answered over " << server->connections_accepted()
            << " TLS connection(s)\n";
    }

    for (const std::string& error : save_errors) out << "error: " << error << "\n";
    for (const std::string& error : result.errors) out << "error: " << error << "\n";
    const bool ok = save_errors.empty() && result.errors.empty() && result.records_pending == 0;
    out << (ok ? "demo completed" : "demo FAILED") << "\n";
    return ok ? 0 : 1;
}

}  // namespace kiosk
