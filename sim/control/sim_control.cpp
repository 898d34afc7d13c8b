// SimControl (see sim_control.hpp).
#include "sim/control/sim_control.hpp"

#include <cctype>
#include <stdexcept>

namespace kiosk::sim {

namespace {

// "CNY 100.00": the denomination is in minor units; the exponent is the currency's own.
std::string cassette_denomination_text(const drivers::CassetteInfo& cassette) {
    auto money = make_money(cassette.denomination, cassette.currency);
    return money.ok() ? format_money(*money) : cassette.currency + " " + std::to_string(cassette.denomination) + " (minor units)";
}

Error no_device(std::string_view device) { return make_error("sim control", "this simulator has no " + std::string(device)); }

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == ',' || c == '\t') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

bool all_digits(std::string_view word) {
    for (char c : word) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

bool is_function_key(std::string_view word) { return word.size() == 2 && word[0] == 'f' && word[1] >= '1' && word[1] <= '8'; }

bool is_named_key(std::string_view word) {
    return word == "enter" || word == "clear" || word == "backspace" || word == "cancel" || is_function_key(word) ||
           word == "repeat" || word == "volume-up" || word == "volume-down";
}

}  // namespace

std::vector<DeviceReport> SimControl::status() {
    if (status_source_) return device_reports(status_source_());
    DeviceSnapshot snapshot;
    if (drivers_.card_reader != nullptr) snapshot.card_reader = drivers_.card_reader->status();
    if (drivers_.pin_pad != nullptr) snapshot.pin_pad = drivers_.pin_pad->status();
    if (drivers_.printer != nullptr) snapshot.printer = drivers_.printer->status();
    if (drivers_.dispenser != nullptr) snapshot.dispenser = drivers_.dispenser->status();
    if (drivers_.sensors != nullptr) snapshot.sensors = drivers_.sensors->read();
    return device_reports(snapshot);
}

std::vector<DeviceReport> device_reports(const DeviceSnapshot& snapshot) {
    std::vector<DeviceReport> reports;
    if (snapshot.card_reader) {
        const auto& s = *snapshot.card_reader;
        reports.push_back({"card-reader", s.device,
                           {{"media", std::string(drivers::to_string(s.media))},
                            {"capture bin", std::to_string(s.bin.count) + "/" + std::to_string(s.bin.capacity)}}});
    }
    if (snapshot.pin_pad) {
        const auto& s = *snapshot.pin_pad;
        reports.push_back({"pin-pad", s.device,
                           {{"entry", std::string(drivers::to_string(s.entry))},
                            {"digits", std::to_string(s.digits_entered)}}});
    }
    if (snapshot.printer) {
        const auto& s = *snapshot.printer;
        reports.push_back({"printer", s.device,
                           {{"paper", s.paper ? std::string(drivers::to_string(*s.paper)) : "unknown"}}});
    }
    if (snapshot.dispenser) {
        const auto& s = *snapshot.dispenser;
        DeviceReport report{"dispenser", s.device,
                            {{"dispenser", std::string(drivers::to_string(s.dispenser))},
                             {"shutter", std::string(drivers::to_string(s.shutter))},
                             {"reject bin", std::to_string(s.reject_count)}}};
        for (std::size_t i = 0; i < s.cassettes.size(); ++i) {
            const auto& c = s.cassettes[i];
            report.details.emplace_back("cassette " + std::to_string(i),
                                        cassette_denomination_text(c) + " x" +
                                            std::to_string(c.count) + " (low at " + std::to_string(c.low_threshold) +
                                            ") " + std::string(drivers::to_string(c.state)));
        }
        reports.push_back(std::move(report));
    }
    if (snapshot.sensors) {
        const auto& readings = *snapshot.sensors;
        if (!readings.ok()) {
            reports.push_back({"sensors", drivers::unreachable_status(readings.error()), {}});
        } else {
            const auto flag = [](bool b) { return std::string(b ? "yes" : "no"); };
            reports.push_back({"sensors", drivers::sensors_device_status(readings.value()),
                               {{"safe door open", flag(readings.value().safe_door_open)},
                                {"tampered", flag(readings.value().tampered)},
                                {"operator key", flag(readings.value().operator_key_maintenance)},
                                {"person present", flag(readings.value().person_present)},
                                {"headset", flag(readings.value().headset_plugged)}}});
        }
    }
    return reports;
}

Status SimControl::insert_card(std::string_view deck_id) {
    if (sims_.card_reader == nullptr) return no_device("card-reader");
    for (const VirtualCard& card : card_deck()) {
        if (card.id == deck_id) return sims_.card_reader->insert(card);
    }
    std::string ids;
    for (const VirtualCard& card : card_deck()) ids += (ids.empty() ? "" : ", ") + card.id;
    return make_error("sim control", "no deck card '" + std::string(deck_id) + "'; the deck has: " + ids);
}

Result<std::size_t> SimControl::press(std::string_view keys) {
    if (sims_.pin_pad == nullptr) return no_device("pin-pad");
    const auto words = words_of(keys);
    if (words.empty()) return make_error("sim control", "no keys given");
    for (std::size_t i = 0; i < words.size(); ++i) {
        // The word's position, not the word: it could be digits of a PIN.
        if (!all_digits(words[i]) && !is_named_key(words[i])) {
            return make_error("sim control", "key word " + std::to_string(i + 1) +
                                                 " is neither digits nor one of enter, clear, backspace, cancel, f1-f8, repeat, "
                                                 "volume-up, volume-down");
        }
    }
    std::size_t pressed = 0;
    for (const std::string& word : words) {
        if (all_digits(word)) {
            for (char digit : word) sims_.pin_pad->press_digit(digit);
            pressed += word.size();
            continue;
        }
        if (word == "enter") sims_.pin_pad->press_enter();
        else if (word == "clear") sims_.pin_pad->press_clear();
        else if (word == "backspace") sims_.pin_pad->press_backspace();
        else if (word == "cancel") sims_.pin_pad->press_cancel();
        else if (word == "repeat") sims_.pin_pad->press_audio(drivers::PinKey::audio_repeat);
        else if (word == "volume-up") sims_.pin_pad->press_audio(drivers::PinKey::audio_volume_up);
        else if (word == "volume-down") sims_.pin_pad->press_audio(drivers::PinKey::audio_volume_down);
        else sims_.pin_pad->press_function(word[1] - '0');
        ++pressed;
    }
    return pressed;
}

Status SimControl::set_headset(bool plugged) {
    if (sims_.sensors == nullptr) return no_device("sensors");
    sims_.sensors->set_headset_plugged(plugged);
    return ok_status();
}

Status SimControl::take_card() {
    if (sims_.card_reader == nullptr) return no_device("card-reader");
    return sims_.card_reader->take_card();
}

Result<std::int64_t> SimControl::take_cash() {
    if (sims_.dispenser == nullptr) return no_device("dispenser");
    const std::int64_t before = sims_.dispenser->value_taken();
    KIOSK_TRY(sims_.dispenser->take_notes());
    return sims_.dispenser->value_taken() - before;
}

Result<std::string> SimControl::take_receipt() {
    if (sims_.printer == nullptr) return no_device("printer");
    const auto& receipts = sims_.printer->receipts();
    if (receipts_taken_ >= receipts.size()) return make_error("sim control", "no receipt waiting in the printer's slot");
    return receipts[receipts_taken_++].text();
}

Status SimControl::fault(std::string_view device, std::string_view fault, FaultMode mode, const FaultOptions& options) {
    return apply_fault(sims_, device, fault, mode, options);
}

void SimControl::clear_faults() { sim::clear_faults(sims_); }

std::string describe(const DeviceReport& report) {
    std::string details;
    for (const auto& [name, value] : report.details) details += (details.empty() ? "" : ", ") + name + " " + value;
    const std::string line = report.device + ": " + drivers::describe(report.status);
    return details.empty() ? line : line + "; " + details;
}

}  // namespace kiosk::sim
