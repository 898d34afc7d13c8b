// Runtime: degraded modes (issue 4). Every fitness_interval, and on each return to Attract, the
// runtime reads every device's status, assesses what it can offer (service_fitness.hpp) and
// routes the flow: Attract ⇄ OutOfService with the reason on screen, a session ended at once on
// tamper, receipts and withdrawals left out while their device is down. An unreachable host is
// probed with an 0800 echo until it answers.
#include "kiosk/runtime/runtime.hpp"

namespace kiosk {

namespace {

namespace events = flow::events;
using flow::StateId;

bool in_session(StateId state) {
    return state != StateId::Attract && state != StateId::OutOfService && state != StateId::ThankYou &&
           state != StateId::CardRetained;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += (text.empty() ? "" : "; ") + line;
    return text;
}

}  // namespace

DeviceHealth Runtime::gather_health() {
    // A status read is a command to the device with its own timeout: while a customer is served
    // only the sensors are read (a break-in must end the session), so a silent printer cannot
    // stall the screen every round. The other devices are read again between customers.
    if (!health_ || !in_session(context_.state)) {
        health_ = DeviceHealth{parts_.devices.card_reader.status(), parts_.devices.pin_pad.status(),
                               parts_.devices.printer.status(), std::nullopt, std::nullopt, host_reachable_};
        if (cash_) health_->dispenser = cash_->dispenser.status();
    }
    health_->host_reachable = host_reachable_;
    if (parts_.devices.sensors != nullptr) health_->sensors = parts_.devices.sensors->read();
    return *health_;
}

void Runtime::check_fitness() {
    const TimePoint now = parts_.clock.now();
    next_fitness_check_ = now + fitness_interval;
    if (!host_reachable_ && (!next_host_probe_ || now >= *next_host_probe_)) {
        next_host_probe_ = now + host_probe_interval;
        const Status echo = parts_.host.echo(take_stan(), parts_.terminal_id, now);
        if (echo.ok()) {
            host_reachable_ = true;
            note("host answers the echo test again");
        }
    }
    const ServiceFitness previous = fitness_;
    fitness_ = assess(gather_health());
    if (fitness_.problems != previous.problems) {
        note(fitness_.problems.empty() ? "devices: all fit" : "devices: " + joined(fitness_.problems));
    }
    route_by_fitness(previous);
}

void Runtime::route_by_fitness(const ServiceFitness& previous) {
    const StateId state = context_.state;
    if (state == StateId::Attract) breach_ended_session_ = false;
    if (fitness_.security_breach() && in_session(state) && !breach_ended_session_) {
        // Cancel is safe in every interactive state; where money moves the flow has no Cancel
        // row and finishes (returning the card) before Attract takes the kiosk out of service.
        breach_ended_session_ = true;
        note("security: ending the session (" + joined(fitness_.problems) + ")");
        post(events::Cancel{});
    }
    if (state == StateId::Attract && fitness_.cards != previous.cards) {
        // Card reader down or back: shut or open the slot and say so on the attract screen.
        if (auto status = parts_.devices.card_reader.enable_insertion(fitness_.cards); !status.ok()) {
            note("card reader slot: " + status.error().to_string());
        }
        journal("system", fitness_.cards ? "cards_accepted" : "cardless_only", "success", parts_.terminal_id,
                joined(fitness_.problems));
    }
    // What the attract screen offers follows the devices (cards, cardless withdrawal).
    const bool offer_changed = fitness_.cards != previous.cards || fitness_.cardless != previous.cardless;
    if (state == StateId::Attract && offer_changed && current_screen_) show(*current_screen_);
    const bool reason_changed = fitness_.out_of_service != previous.out_of_service;
    if (fitness_.out_of_service && (state == StateId::Attract || (state == StateId::OutOfService && reason_changed))) {
        post(events::DevicesFailed(*fitness_.out_of_service));
        journal("system", "out_of_service", "success", parts_.terminal_id,
                flow::i18n_key(*fitness_.out_of_service) + ": " + joined(fitness_.problems));
    } else if (!fitness_.out_of_service && state == StateId::OutOfService) {
        post(events::DevicesRestored{});
        journal("system", "back_in_service", "success", parts_.terminal_id, joined(fitness_.problems));
    }
}

}  // namespace kiosk
