// The tracing decorators (see tracing_drivers.hpp). Each call: hook before, forward, record the
// outcome, hook after.
#include "drivers/trace/tracing_drivers.hpp"

#include <utility>

namespace kiosk::drivers {

namespace {

using nlohmann::json;
namespace dev = trace_device;

template <typename Call>
auto traced(Tracer& tracer, std::string_view device, std::string_view name, json detail, Call&& call) {
    tracer.before(device, name);
    TraceRecord record = tracer.begin(device, name, std::move(detail));
    auto result = call(record.detail);
    tracer.finish(record, result.ok() ? nullptr : &result.error());
    tracer.after(device, name);
    return result;
}

// Status calls always answer; they are recorded as ok commands whose detail is the status.
template <typename Call>
auto traced_status(Tracer& tracer, std::string_view device, Call&& call) {
    tracer.before(device, "status");
    TraceRecord record = tracer.begin(device, "status");
    auto status = call(record.detail);
    tracer.finish(record, nullptr);
    tracer.after(device, "status");
    return status;
}

template <typename Event, typename Poll, typename Describe>
Result<std::vector<Event>> traced_poll(Tracer& tracer, std::string_view device, Poll&& poll, Describe&& describe) {
    tracer.before(device, "poll");
    auto events = poll();
    if (!events.ok()) {
        TraceRecord record = tracer.begin(device, "poll");
        tracer.finish(record, &events.error());
    } else if (!events->empty()) {
        const std::uint64_t id = tracer.next_id();
        for (const Event& event : *events) {
            auto [name, detail] = describe(event);
            tracer.event(device, id, name, std::move(detail));
        }
    }
    tracer.after(device, "poll");
    return events;
}

}  // namespace

json status_detail(const DeviceStatus& status) {
    json detail{{"state", to_string(status.state)}};
    if (status.error) {
        detail["error_type"] = to_string(status.error->type);
        detail["action"] = to_string(status.error->action);
        detail["description"] = scrub_digits(status.error->description);
    }
    return detail;
}

// --- card reader ---

Status TracingCardReader::enable_insertion(bool enabled) {
    return traced(tracer_, dev::card_reader, "enable_insertion", json{{"enabled", enabled}},
                  [&](json&) { return inner_.enable_insertion(enabled); });
}

Result<std::vector<CardReaderEvent>> TracingCardReader::poll() {
    return traced_poll<CardReaderEvent>(tracer_, dev::card_reader, [&] { return inner_.poll(); },
                                        [](CardReaderEvent e) { return std::pair{to_string(e), json::object()}; });
}

Result<RawTracks> TracingCardReader::read_tracks() {
    // Only the outcome: the tracks never reach the trace.
    return traced(tracer_, dev::card_reader, "read_tracks", json::object(), [&](json&) { return inner_.read_tracks(); });
}

Status TracingCardReader::eject() {
    return traced(tracer_, dev::card_reader, "eject", json::object(), [&](json&) { return inner_.eject(); });
}

Result<CaptureBin> TracingCardReader::retain() {
    return traced(tracer_, dev::card_reader, "retain", json::object(), [&](json& detail) {
        auto bin = inner_.retain();
        if (bin) detail = json{{"bin_count", bin->count}, {"bin_capacity", bin->capacity}};
        return bin;
    });
}

Status TracingCardReader::reset() {
    return traced(tracer_, dev::card_reader, "reset", json::object(), [&](json&) { return inner_.reset(); });
}

CardReaderStatus TracingCardReader::status() {
    return traced_status(tracer_, dev::card_reader, [&](json& detail) {
        CardReaderStatus s = inner_.status();
        detail = status_detail(s.device);
        detail["media"] = to_string(s.media);
        detail["bin_count"] = s.bin.count;
        detail["bin_capacity"] = s.bin.capacity;
        return s;
    });
}

// --- PIN pad ---

Status TracingPinPad::begin_pin_entry(const PinEntryRequest& request) {
    // The mode and length limits only: the PAN is the format-4 block's input, never trace material.
    return traced(tracer_, dev::pin_pad, "begin_pin_entry",
                  json{{"mode", to_string(request.mode)},
                       {"min_length", request.min_length},
                       {"max_length", request.max_length}},
                  [&](json&) { return inner_.begin_pin_entry(request); });
}

Result<std::vector<PinPadEvent>> TracingPinPad::poll() {
    return traced_poll<PinPadEvent>(tracer_, dev::pin_pad, [&] { return inner_.poll(); }, [](const PinPadEvent& e) {
        switch (e.kind) {
            case PinPadEvent::Kind::keyPressed:
                // Never e.digit, not even a data-mode one: a one-time code or a phone number is
                // not trace material either.
                return std::pair{std::string_view("keyPressed"),
                                 json{{"key", to_string(e.key)}, {"digits", e.digits_entered}}};
            case PinPadEvent::Kind::entryMismatch:
                return std::pair{std::string_view("entryMismatch"), json{{"digits", e.digits_entered}}};
            case PinPadEvent::Kind::entryComplete:
                return std::pair{std::string_view("entryComplete"), json{{"digits", e.digits_entered}}};
            case PinPadEvent::Kind::entryCancelled: break;
        }
        return std::pair{std::string_view("entryCancelled"), json{{"digits", e.digits_entered}}};
    });
}

Result<Bytes> TracingPinPad::get_pin_block() {
    return traced(tracer_, dev::pin_pad, "get_pin_block", json::object(), [&](json&) { return inner_.get_pin_block(); });
}

Status TracingPinPad::cancel_entry() {
    return traced(tracer_, dev::pin_pad, "cancel_entry", json::object(), [&](json&) { return inner_.cancel_entry(); });
}

PinPadStatus TracingPinPad::status() {
    return traced_status(tracer_, dev::pin_pad, [&](json& detail) {
        PinPadStatus s = inner_.status();
        detail = status_detail(s.device);
        detail["entry"] = to_string(s.entry);
        detail["digits"] = s.digits_entered;
        return s;
    });
}

// --- printer ---

Status TracingReceiptPrinter::print(const Receipt& receipt) {
    return traced(tracer_, dev::printer, "print",
                  json{{"lines", receipt.lines.size()}, {"qr_code", receipt.qr_code.has_value()}},
                  [&](json&) { return inner_.print(receipt); });
}

PrinterStatus TracingReceiptPrinter::status() {
    return traced_status(tracer_, dev::printer, [&](json& detail) {
        PrinterStatus s = inner_.status();
        detail = status_detail(s.device);
        detail["paper"] = s.paper ? json(to_string(*s.paper)) : json(nullptr);
        return s;
    });
}

// --- cash dispenser ---

Result<DispenseReport> TracingCashDispenser::dispense(const NotePlan& plan) {
    return traced(tracer_, dev::dispenser, "dispense", json{{"plan", plan.notes}}, [&](json& detail) {
        auto report = inner_.dispense(plan);
        if (report) {
            detail["complete"] = report->complete;
            detail["failure"] = report->failure;
            detail["dispensed"] = report->dispensed;
            detail["rejected"] = report->rejected;
        }
        return report;
    });
}

Result<std::uint16_t> TracingCashDispenser::present() {
    return traced(tracer_, dev::dispenser, "present", json::object(), [&](json& detail) {
        auto notes = inner_.present();
        if (notes) detail["notes"] = *notes;
        return notes;
    });
}

Result<RetractReport> TracingCashDispenser::retract() {
    return traced(tracer_, dev::dispenser, "retract", json::object(), [&](json& detail) {
        auto report = inner_.retract();
        if (report) detail = json{{"retracted", report->retracted}, {"reject_count", report->reject_count}};
        return report;
    });
}

Status TracingCashDispenser::reset() {
    return traced(tracer_, dev::dispenser, "reset", json::object(), [&](json&) { return inner_.reset(); });
}

Result<std::vector<std::uint32_t>> TracingCashDispenser::set_counts(const std::vector<std::uint32_t>& counts) {
    return traced(tracer_, dev::dispenser, "set_counts", json{{"counts", counts}}, [&](json& detail) {
        auto held = inner_.set_counts(counts);
        if (held) detail["held"] = *held;
        return held;
    });
}

Result<std::vector<CashDispenserEvent>> TracingCashDispenser::poll() {
    return traced_poll<CashDispenserEvent>(tracer_, dev::dispenser, [&] { return inner_.poll(); },
                                           [](CashDispenserEvent e) { return std::pair{to_string(e), json::object()}; });
}

DispenserStatus TracingCashDispenser::status() {
    return traced_status(tracer_, dev::dispenser, [&](json& detail) {
        DispenserStatus s = inner_.status();
        detail = status_detail(s.device);
        detail["dispenser"] = to_string(s.dispenser);
        detail["shutter"] = to_string(s.shutter);
        detail["reject_count"] = s.reject_count;
        json cassettes = json::array();
        for (const CassetteInfo& c : s.cassettes) {
            cassettes.push_back(json{{"currency", c.currency}, {"denomination", c.denomination},
                                     {"count", c.count}, {"state", to_string(c.state)}});
        }
        detail["cassettes"] = std::move(cassettes);
        return s;
    });
}

// --- sensors ---

Result<SensorReadings> TracingSensors::read() {
    return traced(tracer_, dev::sensors, "read", json::object(), [&](json& detail) {
        auto r = inner_.read();
        if (r) {
            detail = json{{"safe_door_open", r->safe_door_open}, {"tampered", r->tampered},
                          {"operator_key_maintenance", r->operator_key_maintenance},
                          {"person_present", r->person_present}, {"headset_plugged", r->headset_plugged}};
        }
        return r;
    });
}

Result<std::vector<SensorChange>> TracingSensors::poll() {
    return traced_poll<SensorChange>(tracer_, dev::sensors, [&] { return inner_.poll(); }, [](const SensorChange& c) {
        return std::pair{std::string_view("changed"), json{{"sensor", to_string(c.sensor)}, {"active", c.active}}};
    });
}

Status TracingSensors::clear_tamper() {
    return traced(tracer_, dev::sensors, "clear_tamper", json::object(), [&](json&) { return inner_.clear_tamper(); });
}

}  // namespace kiosk::drivers
