// TraceReplayer (see trace_replayer.hpp).
#include "sim/control/trace_replayer.hpp"

#include "drivers/frame/reply_code.hpp"
#include "sim/devices/card_deck.hpp"

namespace kiosk::sim {

namespace {

using drivers::ReplyCode;
using drivers::TraceKind;
using drivers::TraceRecord;

bool failed_with(const TraceRecord& r, ReplyCode code) { return !r.ok && r.error_code == static_cast<int>(code); }

bool mentions(const TraceRecord& r, std::string_view text) {
    if (r.error.find(text) != std::string::npos) return true;
    auto description = r.detail.find("description");
    return description != r.detail.end() && description->is_string() &&
           description->get_ref<const std::string&>().find(text) != std::string::npos;
}

std::string detail_string(const TraceRecord& r, const char* key) {
    auto it = r.detail.find(key);
    return it != r.detail.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "paper ran out after line 3 of 12" → 3.
std::optional<std::size_t> lines_before_paper_out(const std::string& error) {
    constexpr std::string_view marker = "paper ran out after line ";
    const auto at = error.find(marker);
    if (at == std::string::npos) return std::nullopt;
    std::size_t lines = 0;
    std::size_t i = at + marker.size();
    if (i >= error.size() || error[i] < '0' || error[i] > '9') return std::nullopt;
    for (; i < error.size() && error[i] >= '0' && error[i] <= '9'; ++i) lines = lines * 10 + static_cast<std::size_t>(error[i] - '0');
    return lines;
}

}  // namespace

TraceReplayer::TraceReplayer(std::vector<TraceRecord> trace, SimDeviceSet sims, ReplayOptions options)
    : pending_(trace.begin(), trace.end()), sims_(sims), options_(std::move(options)) {}

LoopbackPair* TraceReplayer::link_of(std::string_view device) {
    if (device == "card-reader" && sims_.card_reader) return &sims_.card_reader->link();
    if (device == "pin-pad" && sims_.pin_pad) return &sims_.pin_pad->link();
    if (device == "printer" && sims_.printer) return &sims_.printer->link();
    if (device == "dispenser" && sims_.dispenser) return &sims_.dispenser->link();
    if (device == "sensors" && sims_.sensors) return &sims_.sensors->link();
    return nullptr;
}

void TraceReplayer::touch_delivered() {
    std::lock_guard lock(mutex_);
    awaiting_touch_ = false;
}

bool TraceReplayer::finished() const {
    std::lock_guard lock(mutex_);
    return pending_.empty();
}

std::size_t TraceReplayer::remaining() const {
    std::lock_guard lock(mutex_);
    return pending_.size();
}

std::vector<std::string> TraceReplayer::divergences() const {
    std::lock_guard lock(mutex_);
    return divergences_;
}

void TraceReplayer::before(std::string_view device, std::string_view command) {
    std::lock_guard lock(mutex_);
    play_events();
    const bool monitoring = is_monitoring(device, command);
    if (!monitoring) pass_recorded_monitoring(device, command);
    if (pending_.empty()) return;
    const TraceRecord& next = pending_.front();
    if (next.device == device && next.name == command) {
        arm(next);
        pending_.pop_front();
        return;
    }
    if (command == "poll" || monitoring) return;  // empty polls are not recorded; monitoring need not line up
    divergences_.push_back("kiosk issued " + std::string(device) + " " + std::string(command) + " where the trace has " +
                           next.device + " " + next.name + " (request " + std::to_string(next.request_id) + ")");
}

// Status reads are monitoring: the runtime's fitness check polls every device on a timer, so the
// recording's and the replay's need not line up one for one. A recorded one still describes the
// world (paper near end, …): when the kiosk's next real command is further on, it is applied and
// passed, not counted as a divergence.
bool TraceReplayer::is_monitoring(std::string_view device, std::string_view command) {
    return command == "status" || (device == "sensors" && command == "read");
}

void TraceReplayer::pass_recorded_monitoring(std::string_view device, std::string_view command) {
    while (!pending_.empty() && pending_.front().kind == TraceKind::command &&
           is_monitoring(pending_.front().device, pending_.front().name) &&
           !(pending_.front().device == device && pending_.front().name == command)) {
        arm(pending_.front());
        if (disconnected_ != nullptr) {
            // A link cut is armed for the call that matches the record; this one is passed over,
            // so nothing may run on a cut link because of it.
            disconnected_->set_disconnected(false);
            disconnected_ = nullptr;
        }
        pending_.pop_front();
        play_events();
    }
}

void TraceReplayer::after(std::string_view /*device*/, std::string_view /*command*/) {
    std::lock_guard lock(mutex_);
    if (disconnected_ != nullptr) {
        disconnected_->set_disconnected(false);
        disconnected_ = nullptr;
    }
    play_events();  // what the world did after this command, before the kiosk's next poll
}

void TraceReplayer::play_events() {
    while (!awaiting_touch_ && !pending_.empty() && pending_.front().kind == TraceKind::event) {
        play(pending_.front());
        pending_.pop_front();
    }
}

void TraceReplayer::play(const TraceRecord& event) {
    const std::string& d = event.device;
    const std::string& e = event.name;
    if (d == "card-reader" && sims_.card_reader) {
        if (e == "inserted") {
            (void)sims_.card_reader->insert(card(options_.card_id));
        } else if (e == "jammed" && !sims_.card_reader->card_inside()) {
            sims_.card_reader->jam_on_insert(FaultMode::once);  // jammed while being drawn in
            (void)sims_.card_reader->insert(card(options_.card_id));
        } else if (e == "taken") {
            (void)sims_.card_reader->take_card();
        }
    } else if (d == "pin-pad" && sims_.pin_pad && e == "keyPressed") {
        const std::string key = detail_string(event, "key");
        const std::string& pin = card(options_.card_id).pin;
        if (key == "digit") sims_.pin_pad->press_digit(pin.empty() ? '0' : pin[pin_digit_++ % pin.size()]);
        else if (key == "enter") sims_.pin_pad->press_enter();
        else if (key == "clear") sims_.pin_pad->press_clear();
        else if (key == "backspace") sims_.pin_pad->press_backspace();
        else if (key == "cancel") sims_.pin_pad->press_cancel();
        else if (key.size() == 2 && key[0] == 'F' && key[1] >= '1' && key[1] <= '8') sims_.pin_pad->press_function(key[1] - '0');
    } else if (d == "touchscreen" && e == "touch" && options_.touch) {
        awaiting_touch_ = true;
        options_.touch(detail_string(event, "action"), detail_string(event, "state"));
    } else if (d == "dispenser" && sims_.dispenser && e == "itemsTaken") {
        (void)sims_.dispenser->take_notes();
    } else if (d == "sensors" && sims_.sensors && e == "changed") {
        const std::string sensor = detail_string(event, "sensor");
        auto active = event.detail.find("active");
        const bool on = active != event.detail.end() && active->is_boolean() && active->get<bool>();
        if (sensor == "safeDoor") sims_.sensors->set_safe_door_open(on);
        else if (sensor == "operatorKey") sims_.sensors->set_operator_key(on);
        else if (sensor == "proximity") sims_.sensors->set_person_present(on);
        else if (sensor == "headset") sims_.sensors->set_headset_plugged(on);
        else if (sensor == "tamper" && on) {
            sims_.sensors->set_tamper_switch(true);
            sims_.sensors->set_tamper_switch(false);  // the latch holds; clear_tamper below decides
        }
    }
    // Everything else (entryComplete, entryCancelled, cashUnitThreshold, tamper released) follows
    // from an action already played or a command already armed.
}

void TraceReplayer::link_fault_during(const TraceRecord& command) {
    if (!mentions(command, "disconnected")) return;
    if (LoopbackPair* link = link_of(command.device)) {
        link->set_disconnected(true);
        disconnected_ = link;
    }
}

void TraceReplayer::arm(const TraceRecord& command) {
    link_fault_during(command);
    const std::string& d = command.device;
    const std::string& c = command.name;
    if (d == "card-reader" && sims_.card_reader) {
        if (c == "read_tracks" && failed_with(command, ReplyCode::invalidMedia)) sims_.card_reader->unreadable_stripe(FaultMode::once);
        if (c == "eject" && failed_with(command, ReplyCode::mediaJam)) sims_.card_reader->jam_on_eject(FaultMode::once);
    } else if (d == "pin-pad" && sims_.pin_pad) {
        if (c == "begin_pin_entry") pin_digit_ = 0;
        if (c == "get_pin_block" && failed_with(command, ReplyCode::cryptoError)) sims_.pin_pad->fail_crypto(FaultMode::once);
    } else if (d == "printer" && sims_.printer) {
        SimPrinter& printer = *sims_.printer;
        if (c == "print") {
            if (printer.paper() == drivers::PaperState::out && (command.ok || command.error.find("after line") != std::string::npos)) {
                printer.load_paper();  // somebody loaded paper between the two jobs
            }
            if (auto lines = lines_before_paper_out(command.error)) printer.paper_out_mid_receipt(FaultMode::once, *lines);
            else if (command.error.find("paper out; nothing printed") != std::string::npos) printer.set_paper(drivers::PaperState::out);
        } else if (c == "status") {
            const std::string paper = detail_string(command, "paper");
            if (paper == "nearEnd" && printer.paper() != drivers::PaperState::nearEnd) printer.set_paper(drivers::PaperState::nearEnd);
            else if (paper == "out" && printer.paper() != drivers::PaperState::out) printer.set_paper(drivers::PaperState::out);
            else if (paper == "ok" && printer.paper() != drivers::PaperState::ok) printer.load_paper();
        }
    } else if (d == "dispenser" && sims_.dispenser) {
        if (c == "present" && failed_with(command, ReplyCode::shutterFail)) sims_.dispenser->shutter_jam(FaultMode::once);
        if (c == "dispense" && command.ok && command.detail.value("complete", true) == false) {
            const auto plan = command.detail.value("plan", std::vector<std::uint32_t>{});
            const auto dispensed = command.detail.value("dispensed", std::vector<std::uint32_t>{});
            const std::string failure = command.detail.value("failure", std::string());
            for (std::size_t i = 0; i < plan.size() && i < dispensed.size(); ++i) {
                if (dispensed[i] >= plan[i]) continue;
                if (failure.find("jam") != std::string::npos) sims_.dispenser->jam_on_pick(i, FaultMode::once, dispensed[i]);
                else sims_.dispenser->pick_failure(i, FaultMode::once, dispensed[i]);
                break;
            }
        }
    } else if (d == "sensors" && sims_.sensors && c == "clear_tamper") {
        // Refused in the recording: the switch was still open.
        sims_.sensors->set_tamper_switch(failed_with(command, ReplyCode::sequenceError));
    }
}

}  // namespace kiosk::sim
