// The simulated EMV chip (see sim_chip_card.hpp).
#include "sim/devices/sim_chip_card.hpp"

#include <algorithm>
#include <string>

#include "drivers/chip/apdu.hpp"
#include "drivers/chip/ber_tlv.hpp"

namespace kiosk::sim {
namespace {

namespace chip = drivers::chip;

constexpr std::uint8_t sfi_track_data = 1;  // record 1: 57 track 2 equivalent, 5F20 name
constexpr std::uint8_t sfi_card_data = 2;   // record 1: 5A PAN, 5F24 expiry

Bytes status_only(std::uint16_t sw) {
    return {static_cast<std::uint8_t>(sw >> 8U), static_cast<std::uint8_t>(sw & 0xFFU)};
}

Bytes with_sw(Bytes data, std::uint16_t sw) {
    const Bytes tail = status_only(sw);
    data.insert(data.end(), tail.begin(), tail.end());
    return data;
}

Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
    return out;
}

Bytes hex(const std::string& text) { return from_hex(text).value(); }

// Digits (and 'D' separators) as packed nibbles, padded with one F when odd.
Bytes packed_nibbles(std::string digits) {
    if (digits.size() % 2 != 0) digits.push_back('F');
    return hex(digits);
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && year % 4 == 0) return 29;
    return days[(month - 1) % 12];
}

// The card is valid through the last day of its YYMM month.
std::string expiry_yymmdd(const std::string& yymm) {
    const int year = std::stoi(yymm.substr(0, 2));
    const int month = std::clamp(std::stoi(yymm.substr(2, 2)), 1, 12);
    return yymm + std::to_string(days_in_month(year, month));
}

}  // namespace

SimChipCard::SimChipCard(VirtualCard card) : card_(std::move(card)) {}

std::optional<Bytes> SimChipCard::atr() const {
    if (card_.chip == ChipProfile::none || card_.chip == ChipProfile::mute) return std::nullopt;
    return hex("3B021450");  // T=0, two historical bytes: the simplest ATR every stack accepts
}

std::optional<Bytes> SimChipCard::power_on() {
    std::lock_guard lock(mutex_);
    auto answer = atr();
    if (!answer) return std::nullopt;
    powered_ = true;
    selected_ = Selected::nothing;
    pending_response_.clear();
    return answer;
}

void SimChipCard::power_off() {
    std::lock_guard lock(mutex_);
    powered_ = false;
    selected_ = Selected::nothing;
}

bool SimChipCard::powered() const {
    std::lock_guard lock(mutex_);
    return powered_;
}

void SimChipCard::mute(FaultMode mode, std::optional<std::uint8_t> on_ins) {
    std::lock_guard lock(mutex_);
    mute_.set(mode);
    mute_ins_ = on_ins;
}

void SimChipCard::answer_with_status(std::uint16_t sw, FaultMode mode, std::optional<std::uint8_t> on_ins) {
    std::lock_guard lock(mutex_);
    wrong_sw_ = sw;
    wrong_status_.set(mode);
    wrong_status_ins_ = on_ins;
}

bool SimChipCard::fault_fires(Fault& fault, std::optional<std::uint8_t> on_ins, ByteView command) {
    if (on_ins && (command.size() < 2 || command[1] != *on_ins)) return false;
    return fault.fire();
}

std::size_t SimChipCard::commands_answered() const {
    std::lock_guard lock(mutex_);
    return answered_;
}

std::optional<Bytes> SimChipCard::answer(ByteView command) {
    std::lock_guard lock(mutex_);
    if (!powered_ || fault_fires(mute_, mute_ins_, command)) return std::nullopt;
    ++answered_;
    if (fault_fires(wrong_status_, wrong_status_ins_, command)) return status_only(wrong_sw_);
    return respond(command);
}

Bytes SimChipCard::respond(ByteView bytes) {
    auto command = chip::parse_command(bytes);
    if (!command) return status_only(chip::sw::wrong_length);
    const std::uint8_t cla = command->cla;
    const std::uint8_t ins = command->ins;
    if (cla == 0x00 && ins == 0xC0) {  // GET RESPONSE
        if (pending_response_.empty()) return status_only(chip::sw::conditions_not_satisfied);
        const std::size_t take = std::min(command->le.value_or(256), pending_response_.size());
        Bytes data(pending_response_.begin(), pending_response_.begin() + static_cast<std::ptrdiff_t>(take));
        pending_response_.erase(pending_response_.begin(), pending_response_.begin() + static_cast<std::ptrdiff_t>(take));
        if (pending_response_.empty()) return with_sw(std::move(data), chip::sw::ok);
        return with_sw(std::move(data), static_cast<std::uint16_t>(0x6100U | std::min<std::size_t>(pending_response_.size(), 0xFF)));
    }
    pending_response_.clear();
    Bytes answer;
    if (cla == 0x00 && ins == 0xA4) {
        answer = (command->p1 == 0x04 && command->p2 == 0x00) ? select(command->data)
                                                             : status_only(chip::sw::function_not_supported);
    } else if (cla == 0x00 && ins == 0xB2) {
        answer = (command->p2 & 0x07U) == 0x04 ? read_record(static_cast<std::uint8_t>(command->p2 >> 3U), command->p1)
                                               : status_only(0x6A86);
    } else if (cla == 0x80 && ins == 0xA8) {
        answer = selected_ == Selected::application ? processing_options()
                                                    : status_only(chip::sw::conditions_not_satisfied);
        if (answer.size() > 2 && (command->data.size() < 2 || command->data[0] != 0x83)) {
            answer = status_only(chip::sw::wrong_length);  // GPO data must be the 83 template
        }
    } else if (cla != 0x00 && cla != 0x80) {
        answer = status_only(chip::sw::cla_not_supported);
    } else {
        answer = status_only(chip::sw::ins_not_supported);
    }
    return with_transport(std::move(answer), ins, command->le);
}

Bytes SimChipCard::with_transport(Bytes answer, std::uint8_t ins, std::optional<std::size_t> le) {
    const bool ok_with_data = answer.size() > 2 && answer[answer.size() - 2] == 0x90 && answer.back() == 0x00;
    if (!card_.chip_data.t0_transport || !ok_with_data) return answer;
    const std::size_t length = answer.size() - 2;
    if (ins == 0xB2) {  // case 2: a T=0 card wants the exact Le (ISO 7816-3 §12.2.2)
        if (le.value_or(0) != length) return status_only(static_cast<std::uint16_t>(0x6C00U | (length & 0xFFU)));
        return answer;
    }
    // Case 4: T=0 cannot send data back in the same exchange; the terminal asks with GET RESPONSE.
    pending_response_.assign(answer.begin(), answer.end() - 2);
    return status_only(static_cast<std::uint16_t>(0x6100U | std::min<std::size_t>(length, 0xFF)));
}

Bytes SimChipCard::select(ByteView name) {
    const auto& apps = card_.chip_data.applications;
    if (std::string(name.begin(), name.end()) == chip::pse_name) {
        if (!card_.chip_data.has_pse) return status_only(chip::sw::file_not_found);
        selected_ = Selected::pse;
        const Bytes proprietary = chip::encode_tlv(0x88, Bytes{pse_directory_sfi});
        const Bytes fci = concat({chip::encode_tlv(0x84, name), chip::encode_tlv(0xA5, proprietary)});
        return with_sw(chip::encode_tlv(0x6F, fci), chip::sw::ok);
    }
    for (std::size_t i = 0; i < apps.size(); ++i) {
        if (hex(apps[i].aid_hex) == Bytes(name.begin(), name.end())) {
            selected_ = Selected::application;
            selected_application_ = i;
            return with_sw(application_fci(apps[i]), chip::sw::ok);
        }
    }
    return status_only(chip::sw::file_not_found);
}

Bytes SimChipCard::application_fci(const ChipApplication& application) const {
    Bytes proprietary = concat({chip::encode_tlv(0x50, to_bytes(application.label)),
                                chip::encode_tlv(0x87, Bytes{application.priority})});
    if (!card_.chip_data.pdol_hex.empty()) {
        const Bytes pdol = chip::encode_tlv(0x9F38, hex(card_.chip_data.pdol_hex));
        proprietary.insert(proprietary.end(), pdol.begin(), pdol.end());
    }
    const Bytes fci = concat({chip::encode_tlv(0x84, hex(application.aid_hex)), chip::encode_tlv(0xA5, proprietary)});
    return chip::encode_tlv(0x6F, fci);
}

Bytes SimChipCard::read_record(std::uint8_t sfi, std::uint8_t record) const {
    if (selected_ == Selected::pse) {
        if (sfi != pse_directory_sfi) return status_only(chip::sw::file_not_found);
        if (record != 1) return status_only(chip::sw::record_not_found);
        Bytes entries;
        for (const auto& app : card_.chip_data.applications) {
            const Bytes entry = chip::encode_tlv(0x61, concat({chip::encode_tlv(0x4F, hex(app.aid_hex)),
                                                               chip::encode_tlv(0x50, to_bytes(app.label)),
                                                               chip::encode_tlv(0x87, Bytes{app.priority})}));
            entries.insert(entries.end(), entry.begin(), entry.end());
        }
        return with_sw(chip::encode_tlv(0x70, entries), chip::sw::ok);
    }
    if (selected_ != Selected::application) return status_only(chip::sw::conditions_not_satisfied);
    if (card_.chip == ChipProfile::unreadable) return status_only(chip::sw::no_precise_diagnosis);
    if (record != 1) return status_only(chip::sw::record_not_found);
    if (sfi == sfi_track_data) {
        const std::string track2 = card_.pan + "D" + card_.expiry_yymm + card_.service_code + "00000000";
        return with_sw(chip::encode_tlv(0x70, concat({chip::encode_tlv(0x57, packed_nibbles(track2)),
                                                      chip::encode_tlv(0x5F20, to_bytes(card_.name))})),
                       chip::sw::ok);
    }
    if (sfi == sfi_card_data) {
        return with_sw(chip::encode_tlv(0x70, concat({chip::encode_tlv(0x5A, packed_nibbles(card_.pan)),
                                                      chip::encode_tlv(0x5F24, hex(expiry_yymmdd(card_.expiry_yymm)))})),
                       chip::sw::ok);
    }
    return status_only(chip::sw::file_not_found);
}

Bytes SimChipCard::processing_options() const {
    const Bytes aip = hex("1800");  // cardholder verification and terminal risk management supported
    const Bytes afl = {static_cast<std::uint8_t>(sfi_track_data << 3U), 1, 1, 0,
                       static_cast<std::uint8_t>(sfi_card_data << 3U), 1, 1, 1};
    if (card_.chip_data.gpo_format1) return with_sw(chip::encode_tlv(0x80, concat({aip, afl})), chip::sw::ok);
    return with_sw(chip::encode_tlv(0x77, concat({chip::encode_tlv(0x82, aip), chip::encode_tlv(0x94, afl)})),
                   chip::sw::ok);
}

}  // namespace kiosk::sim
