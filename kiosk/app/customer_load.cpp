#include "kiosk/app/customer_load.hpp"

#include <atomic>
#include <csignal>
#include <thread>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/stop_signals.hpp"
#include "kiosk/simulator/demo_scenario.hpp"
#include "security/os_random.hpp"
#include "ui/offscreen_display.hpp"

namespace kiosk {

namespace {

// The visit mix: Alice checks her balance with a receipt, Chen without, Li also withdraws.
DemoCustomer customer_for(std::size_t visit) {
    switch (visit % 3) {
        case 0: return {"visa-alice", ui::Language::English, true, false, std::nullopt};
        case 1: return {"mc-chen", ui::Language::English, false, false, std::nullopt};
        default: return {"unionpay-li", ui::Language::SimplifiedChinese, false, false, 0};
    }
}

int drain(KioskApp& app, const CustomerLoad& load, std::ostream& out) {
    const auto deadline = std::chrono::steady_clock::now() + load.drain_bound;
    std::size_t delivered = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        const crm::UploadSummary round = app.uploader().upload_once();
        delivered += round.acknowledged;
        if (round.error) out << "drain: " << round.error->to_string() << "\n";
        if (round.ok() && round.sent == 0) {
            out << "drained: " << delivered << " records delivered, outbox empty\n";
            return 0;
        }
        if (!round.ok()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    out << "drain FAILED: " << app.uploader().status().pending << " records still pending after "
        << load.drain_bound.count() << " s\n";
    return 1;
}

}  // namespace

int run_customer_load(KioskConfig config, const CustomerLoad& load, std::ostream& out) {
    sim::VirtualClock clock;
    security::OsRandom random;
    SimulatorRig rig(config, config.data_dir / "sim-pki", {}, &clock);
    ui::OffscreenDisplay display(ui::FontPaths::in_directory(config.font_dir), config.bank_name);
    KioskEnvironment environment{clock, random, rig.devices(), rig.host_link(), display, true};
    KioskApp app(config, environment);
    rig.instrument(app.runtime());
    rig.serve_profiles(app.runtime(), app.tokenizer());
    out << "kiosk " << config.kiosk_id << " under load, CRM at " << config.crm.url << "\n" << std::flush;
    if (load.drain) return drain(app, load, out);

    const StopSignals stop;
    DemoScenario scenario(app, rig, clock, out);
    DemoResult result;
    scenario.start(result);
    app.uploader().start();
    for (std::size_t visit = 0; (load.visits == 0 || visit < load.visits) && !stop.requested(); ++visit) {
        result.errors.clear();
        scenario.visit(customer_for(visit), result);
        for (const std::string& error : result.errors) out << "visit " << visit << ": " << error << "\n";
        out << "visit " << visit << " done\n" << std::flush;
    }
    app.uploader().stop();
    return 0;
}

}  // namespace kiosk
