// The headless demo `make run` shows without a display: customers on the simulator in virtual
// time — one in English with large text, one in 简体中文 who also withdraws cash — check their
// balance while every screen is saved as a PNG and the journey, the receipts and the CRM upload
// are printed. Also the backbone of the e2e
// test (tests/e2e/balance_inquiry_e2e_test.cpp).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/simulator/simulator_rig.hpp"
#include "sim/virtual_clock.hpp"

namespace kiosk {

struct DemoCustomer {
    DemoCustomer(std::string card, ui::Language language_ = ui::Language::English, bool receipt = true,
                 bool large = false, std::optional<std::size_t> withdraw = std::nullopt)
        : card_id(std::move(card)), language(language_), wants_receipt(receipt), large_text(large),
          withdraw_button(withdraw) {}

    std::string card_id;  // a card of sim/devices/card_deck.cpp
    ui::Language language = ui::Language::English;
    bool wants_receipt = true;
    bool large_text = false;  // switched on in the session options before the PIN
    // After the balance, "another transaction? yes" and a fast-cash withdrawal of the amount button
    // with this index (amount_0 …); none: "no", and the card comes back.
    std::optional<std::size_t> withdraw_button;
    // Headphones into the audio jack before the visit and out after it: the visit is spoken
    // (docs/ui.md § Speech); a headless run's out/speech.log holds what was said.
    bool headset = false;
    // When the survey is asked at the end (docs/flow.md, "The survey"): the face touched, 1–5 (a
    // low score also chooses "waiting"), and 8 on the 0–10 question when it follows; none: Skip.
    std::optional<int> survey_score;
};

struct DemoResult {
    std::vector<ui::ScreenId> screens;      // every screen shown, in order (repeats collapsed)
    std::vector<std::string> receipts;      // text of each receipt the sim printer cut
    std::size_t records_uploaded = 0;
    std::size_t records_pending = 0;
    std::vector<std::string> errors;        // runtime notes and upload errors
};

class DemoScenario {
public:
    DemoScenario(KioskApp& app, SimulatorRig& rig, sim::VirtualClock& clock, std::ostream& log)
        : app_(app), rig_(rig), clock_(clock), log_(log) {}

    // Runs each customer's visit from attract back to attract, then uploads to the CRM.
    DemoResult run(const std::vector<DemoCustomer>& customers);

    // The parts of run() for a longer load (kiosk/app/customer_load.hpp): start() ties the
    // runtime's screens and notes to `result` (which must outlive the scenario) and starts it;
    // visit() plays one customer from attract back to attract.
    void start(DemoResult& result);
    void visit(const DemoCustomer& customer, DemoResult& result);

    // Called for every screen shown (the demo saves PNGs through it).
    std::function<void(const ui::ViewModel&)> on_screen;

private:
    // Lets virtual time pass in small steps, ticking the runtime, so timers and devices act.
    void pass(Millis duration);
    void expect_state(flow::StateId state, DemoResult& result);
    void withdraw(std::size_t amount_button, DemoResult& result);
    void take_card(DemoResult& result);
    // The survey if the gate asked it (a card asked within the period is not: no error).
    void answer_survey(const DemoCustomer& customer);

    KioskApp& app_;
    SimulatorRig& rig_;
    sim::VirtualClock& clock_;
    std::ostream& log_;
};

}  // namespace kiosk
