#include "kiosk/runtime/fitness_monitor.hpp"

#include "kiosk/flow/flow_service_rows.hpp"

#include "kiosk/runtime/recorder.hpp"

namespace kiosk {

namespace {

using flow::StateId;

bool in_session(StateId state) {
    // The service mode reads every device too: its pages show them and leaving checks them all.
    return state != StateId::Attract && state != StateId::OutOfService && state != StateId::ThankYou &&
           state != StateId::CardRetained && !flow::is_service_state(state);
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += (text.empty() ? "" : "; ") + line;
    return text;
}

// A device that did not answer its status read (or is marked in error after a command timed out).
drivers::DeviceStatus silent(const std::string& why) {
    return drivers::DeviceStatus{drivers::DeviceState::hardwareError,
                                 drivers::DeviceError{drivers::ErrorType::hardware, drivers::RecommendedAction::reset, why}};
}

}  // namespace

FitnessMonitor::FitnessMonitor(RuntimePorts ports, DeviceWorkers workers, std::string terminal_id, Hooks hooks,
                               DeviceTimeouts timeouts)
    : ports_(std::move(ports)), workers_(workers), terminal_id_(std::move(terminal_id)), hooks_(std::move(hooks)),
      timeouts_(timeouts) {}

void FitnessMonitor::on_turn(TimePoint now) {
    if (awaiting_ > 0) return;  // the last round is still being answered (or timing out)
    if (next_round_ && now < *next_round_) return;
    next_round_ = now + interval;
    // While a customer is served only the sensors are read (a break-in must end the session), so
    // a silent printer cannot hold a customer's commands up behind its status reads.
    start_round(!health_ || !in_session(hooks_.state()));
}

template <class Status, class Device>
void FitnessMonitor::read(RequestWorker<Device>& worker, std::function<Status(Device&)> read_status,
                          std::function<void(Status)> keep, std::function<Status(const std::string& why)> when_silent) {
    ++awaiting_;
    worker.template submit<Status>(
        "status", timeouts_.status, [read_status](Device& device) { return Result<Status>(read_status(device)); },
        [this, keep, when_silent, name = worker.name()](const Completion<Status>& done) {
            keep(done.ok() ? *done.payload : when_silent(name + ": " + done.describe()));
            answered();
        });
}

void FitnessMonitor::start_round(bool full) {
    reading_ = health_.value_or(DeviceHealth{});
    if (full) ++full_rounds_started_;
    reading_full_ = full;
    if (full) {
        read<drivers::CardReaderStatus, drivers::CardReader>(
            workers_.card_reader, [](drivers::CardReader& device) { return device.status(); },
            [this](drivers::CardReaderStatus status) { reading_.card_reader = std::move(status); },
            [](const std::string& why) { return drivers::CardReaderStatus{silent(why), drivers::CardMediaState::unknown, {}}; });
        read<drivers::PinPadStatus, drivers::PinPad>(
            workers_.pin_pad, [](drivers::PinPad& device) { return device.status(); },
            [this](drivers::PinPadStatus status) { reading_.pin_pad = std::move(status); },
            [](const std::string& why) { return drivers::PinPadStatus{silent(why), {}, 0}; });
        read<drivers::PrinterStatus, drivers::ReceiptPrinter>(
            workers_.printer, [](drivers::ReceiptPrinter& device) { return device.status(); },
            [this](drivers::PrinterStatus status) { reading_.printer = std::move(status); },
            [](const std::string& why) {
                drivers::PrinterStatus status;
                status.device = silent(why);
                return status;
            });
        if (workers_.dispenser != nullptr) {
            read<drivers::DispenserStatus, drivers::CashDispenser>(
                *workers_.dispenser, [](drivers::CashDispenser& device) { return device.status(); },
                [this](drivers::DispenserStatus status) {
                    if (hooks_.dispenser_read) hooks_.dispenser_read(status);
                    reading_.dispenser = std::move(status);
                },
                [](const std::string& why) {
                    drivers::DispenserStatus status;
                    status.device = silent(why);
                    return status;
                });
        }
    }
    if (workers_.sensors != nullptr) {
        using Reading = Result<drivers::SensorReadings>;
        ++awaiting_;
        workers_.sensors->submit<drivers::SensorReadings>(
            "read", timeouts_.status, [](drivers::Sensors& sensors) { return sensors.read(); },
            [this, name = workers_.sensors->name()](const Completion<drivers::SensorReadings>& done) {
                reading_.sensors = done.ok() ? Reading(*done.payload) : Reading(make_error(name, done.describe()));
                answered();
            });
    }
    if (awaiting_ == 0) assess_round();
}

void FitnessMonitor::answered() {
    if (--awaiting_ == 0) assess_round();
}

void FitnessMonitor::assess_round() {
    if (reading_full_) full_rounds_assessed_ = full_rounds_started_;
    reading_.host_reachable = hooks_.host_reachable();
    reading_.storage_problem = hooks_.storage_problem ? hooks_.storage_problem() : std::nullopt;
    health_ = reading_;
    const ServiceFitness previous = fitness_;
    fitness_ = assess(*health_);
    if (fitness_.problems != previous.problems) {
        ports_.note(fitness_.problems.empty() ? "devices: all fit" : "devices: " + joined(fitness_.problems));
    }
    route(previous);
    if (hooks_.assessed) hooks_.assessed();
}

void FitnessMonitor::route(const ServiceFitness& previous) {
    const StateId state = hooks_.state();
    if (state == StateId::Attract) breach_ended_session_ = false;
    if (fitness_.security_breach() && in_session(state) && !breach_ended_session_) {
        // Cancel is safe in every interactive state; where money moves the flow has no Cancel
        // row and finishes (returning the card) before Attract takes the kiosk out of service.
        breach_ended_session_ = true;
        ports_.note("security: ending the session (" + joined(fitness_.problems) + ")");
        ports_.post(flow::events::Cancel{});
    }
    if (state == StateId::Attract && fitness_.cards != previous.cards) {
        // Card reader down or back: shut or open the slot and say so on the attract screen.
        hooks_.set_card_slot(fitness_.cards);
        ports_.recorder.journal("system", fitness_.cards ? "cards_accepted" : "cardless_only", "success", terminal_id_,
                                joined(fitness_.problems));
    }
    // What the attract screen offers follows the devices (cards, cardless withdrawal).
    const bool offer_changed = fitness_.cards != previous.cards || fitness_.cardless != previous.cardless;
    if (state == StateId::Attract && offer_changed) hooks_.refresh_screen();
    const bool reason_changed = fitness_.out_of_service != previous.out_of_service;
    if (fitness_.out_of_service && (state == StateId::Attract || (state == StateId::OutOfService && reason_changed))) {
        ports_.post(flow::events::DevicesFailed(*fitness_.out_of_service));
        ports_.recorder.journal("system", "out_of_service", "success", terminal_id_,
                                flow::i18n_key(*fitness_.out_of_service) + ": " + joined(fitness_.problems));
    } else if (!fitness_.out_of_service && state == StateId::OutOfService) {
        ports_.post(flow::events::DevicesRestored{});
        ports_.recorder.journal("system", "back_in_service", "success", terminal_id_, joined(fitness_.problems));
    }
}

}  // namespace kiosk
