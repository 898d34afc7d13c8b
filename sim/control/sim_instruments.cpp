// SimInstruments (see sim_instruments.hpp).
#include "sim/control/sim_instruments.hpp"

#include <stdexcept>

namespace kiosk::sim {

SimInstruments::SimInstruments(const SimInstrumentOptions& options, SimDeviceSet sims, DriverSet drivers,
                               const Clock& clock)
    : card_reader_(drivers.card_reader),
      pin_pad_(drivers.pin_pad),
      printer_(drivers.printer),
      dispenser_(drivers.dispenser),
      sensors_(drivers.sensors) {
    if (card_reader_ == nullptr || pin_pad_ == nullptr || printer_ == nullptr) {
        throw std::invalid_argument("SimInstruments needs a card reader, a PIN pad and a printer");
    }
    if (options.replay_file) {
        auto trace = drivers::read_trace_file(*options.replay_file);
        if (!trace) throw std::runtime_error("replay: " + trace.error().message);
        replayer_ = std::make_unique<TraceReplayer>(std::move(*trace), sims, options.replay);
    }
    if (options.trace_file || replayer_) {
        drivers::TraceSink* sink = nullptr;
        if (options.trace_file) {
            auto writer = drivers::TraceFileWriter::create(*options.trace_file);
            if (!writer) throw std::runtime_error("trace: " + writer.error().message);
            trace_writer_ = std::move(*writer);
            sink = trace_writer_.get();
        } else {
            discard_ = std::make_unique<drivers::TraceLog>();
            sink = discard_.get();
        }
        tracer_ = std::make_unique<drivers::Tracer>(clock, *sink, replayer_.get());
        traced_reader_ = std::make_unique<drivers::TracingCardReader>(*card_reader_, *tracer_);
        traced_pin_pad_ = std::make_unique<drivers::TracingPinPad>(*pin_pad_, *tracer_);
        traced_printer_ = std::make_unique<drivers::TracingReceiptPrinter>(*printer_, *tracer_);
        card_reader_ = traced_reader_.get();
        pin_pad_ = traced_pin_pad_.get();
        printer_ = traced_printer_.get();
        if (dispenser_ != nullptr) {
            traced_dispenser_ = std::make_unique<drivers::TracingCashDispenser>(*dispenser_, *tracer_);
            dispenser_ = traced_dispenser_.get();
        }
        if (sensors_ != nullptr) {
            traced_sensors_ = std::make_unique<drivers::TracingSensors>(*sensors_, *tracer_);
            sensors_ = traced_sensors_.get();
        }
    }
    if (options.control_socket) {
        // The control socket asks the bare drivers for status: a developer's probe is not part of
        // the kiosk's behaviour, so it stays out of the trace.
        auto service = ControlService::start(*options.control_socket, sims, drivers);
        if (!service) throw std::runtime_error(service.error().message);
        control_ = std::move(*service);
    }
}

void SimInstruments::record_touch(std::string_view action, std::string_view state) {
    if (tracer_ == nullptr) return;
    tracer_->event("touchscreen", tracer_->next_id(), "touch",
                   nlohmann::json{{"action", std::string(action)}, {"state", std::string(state)}});
}

}  // namespace kiosk::sim
