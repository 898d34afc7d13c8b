// SimCardReader: the card-reader mechanism model (see sim_card_reader.hpp).
#include "sim/devices/sim_card_reader.hpp"

#include "drivers/card/card_mechanism_protocol.hpp"

namespace kiosk::sim {

using drivers::CardMediaState;
using drivers::DeviceState;
using drivers::ReplyCode;
namespace proto = drivers::card_mechanism;

SimCardReader::SimCardReader(std::uint16_t bin_capacity)
    : endpoint_(link_, [this](const drivers::Frame& frame) { handle(frame); }),
      bin_capacity_(bin_capacity) {}

std::optional<std::string> SimCardReader::card_inside() const {
    const auto guard = link_.lock();
    if (!card_) return std::nullopt;
    return card_->id;
}

drivers::CardMediaState SimCardReader::media() const {
    const auto guard = link_.lock();
    return media_;
}

bool SimCardReader::insertion_enabled() const {
    const auto guard = link_.lock();
    return shutter_open_;
}

std::vector<std::string> SimCardReader::retained_card_ids() const {
    const auto guard = link_.lock();
    return retained_;
}

void SimCardReader::jam_on_insert(FaultMode mode) {
    const auto guard = link_.lock();
    jam_on_insert_.set(mode);
}

void SimCardReader::jam_on_eject(FaultMode mode) {
    const auto guard = link_.lock();
    jam_on_eject_.set(mode);
}

void SimCardReader::unreadable_stripe(FaultMode mode) {
    const auto guard = link_.lock();
    unreadable_stripe_.set(mode);
}

void SimCardReader::empty_bin() {
    const auto guard = link_.lock();
    retained_.clear();
}

Status SimCardReader::insert(const VirtualCard& card) {
    const auto guard = link_.lock();
    if (card_) return make_error("sim card reader", "a card is already in the reader");
    if (!shutter_open_) return make_error("sim card reader", "shutter closed: insertion not enabled");
    card_ = card;
    shutter_open_ = false;  // the shutter closes behind the card
    if (jam_on_insert_.fire()) {
        fault(ReplyCode::mediaJam);
        media_ = CardMediaState::jammed;
        endpoint_.event(proto::evt_jammed);
        return ok_status();
    }
    media_ = CardMediaState::present;
    endpoint_.event(proto::evt_inserted);
    return ok_status();
}

Status SimCardReader::take_card() {
    const auto guard = link_.lock();
    if (!card_ || media_ != CardMediaState::entering) {
        return make_error("sim card reader", "no card waiting at the gate");
    }
    card_.reset();
    media_ = CardMediaState::notPresent;
    endpoint_.event(proto::evt_taken);
    return ok_status();
}

void SimCardReader::fault(ReplyCode code) {
    state_ = DeviceState::hardwareError;
    last_fault_ = code;
}

bool SimCardReader::capture() {
    if (retained_.size() >= bin_capacity_) return false;
    retained_.push_back(card_->id);
    card_.reset();
    media_ = CardMediaState::notPresent;
    return true;
}

// The handlers below run inside the driver's write(), with the link's lock held.
void SimCardReader::handle(const drivers::Frame& frame) {
    switch (frame.command) {
        case proto::cmd_status: on_status(frame.command); return;
        case proto::cmd_enable:
            if (frame.data.size() != 1 || frame.data[0] > 1) {
                endpoint_.reply(frame.command, ReplyCode::badParameter);
                return;
            }
            if (frame.data[0] == 1 && (card_ || state_ != DeviceState::online)) {
                endpoint_.reply(frame.command,
                                card_ ? ReplyCode::occupied : ReplyCode::hardwareError);
                return;
            }
            shutter_open_ = frame.data[0] == 1;
            endpoint_.reply(frame.command, ReplyCode::ok);
            return;
        case proto::cmd_read_tracks: on_read_tracks(frame.command); return;
        case proto::cmd_eject: on_eject(frame.command); return;
        case proto::cmd_retain: on_retain(frame.command); return;
        case proto::cmd_reset: on_reset(frame.command); return;
        default: endpoint_.reply(frame.command, ReplyCode::unknownCommand); return;
    }
}

void SimCardReader::on_status(std::uint8_t command) {
    const auto count = static_cast<std::uint16_t>(retained_.size());
    const Bytes body{static_cast<std::uint8_t>(state_),
                     static_cast<std::uint8_t>(media_),
                     static_cast<std::uint8_t>(count >> 8U),
                     static_cast<std::uint8_t>(count & 0xFFU),
                     static_cast<std::uint8_t>(bin_capacity_ >> 8U),
                     static_cast<std::uint8_t>(bin_capacity_ & 0xFFU),
                     static_cast<std::uint8_t>(last_fault_)};
    endpoint_.reply(command, ReplyCode::ok, body);
}

void SimCardReader::on_read_tracks(std::uint8_t command) {
    if (media_ == CardMediaState::jammed) {
        endpoint_.reply(command, ReplyCode::mediaJam);
        return;
    }
    if (!card_ || media_ != CardMediaState::present) {
        endpoint_.reply(command, ReplyCode::noMedia);
        return;
    }
    if (card_->stripe == StripeCondition::mute || unreadable_stripe_.fire()) {
        endpoint_.reply(command, ReplyCode::invalidMedia);
        return;
    }
    const std::string t1 = card_->track1();
    const std::string t2 = card_->track2();
    Bytes body;
    body.push_back(static_cast<std::uint8_t>(t1.size()));
    body.insert(body.end(), t1.begin(), t1.end());
    body.push_back(static_cast<std::uint8_t>(t2.size()));
    body.insert(body.end(), t2.begin(), t2.end());
    endpoint_.reply(command, ReplyCode::ok, body);
}

void SimCardReader::on_eject(std::uint8_t command) {
    if (media_ == CardMediaState::jammed) {
        endpoint_.reply(command, ReplyCode::mediaJam);
        return;
    }
    if (!card_ || media_ != CardMediaState::present) {
        endpoint_.reply(command, ReplyCode::noMedia);
        return;
    }
    if (jam_on_eject_.fire()) {
        fault(ReplyCode::mediaJam);
        media_ = CardMediaState::jammed;
        endpoint_.reply(command, ReplyCode::mediaJam);
        return;
    }
    media_ = CardMediaState::entering;
    endpoint_.reply(command, ReplyCode::ok);
}

void SimCardReader::on_retain(std::uint8_t command) {
    if (!card_ || (media_ != CardMediaState::present && media_ != CardMediaState::entering)) {
        endpoint_.reply(command, media_ == CardMediaState::jammed ? ReplyCode::mediaJam
                                                                   : ReplyCode::noMedia);
        return;
    }
    if (!capture()) {
        endpoint_.reply(command, ReplyCode::binFull);
        return;
    }
    const auto count = static_cast<std::uint16_t>(retained_.size());
    const Bytes body{static_cast<std::uint8_t>(count >> 8U), static_cast<std::uint8_t>(count & 0xFFU),
                     static_cast<std::uint8_t>(bin_capacity_ >> 8U),
                     static_cast<std::uint8_t>(bin_capacity_ & 0xFFU)};
    endpoint_.reply(command, ReplyCode::ok, body);
}

void SimCardReader::on_reset(std::uint8_t command) {
    // A jammed card is freed by capturing it; with the bin full the jam stays.
    if (media_ == CardMediaState::jammed && !capture()) {
        fault(ReplyCode::binFull);
        endpoint_.reply(command, ReplyCode::binFull);
        return;
    }
    shutter_open_ = false;
    state_ = DeviceState::online;
    last_fault_ = ReplyCode::ok;
    endpoint_.reply(command, ReplyCode::ok);
}

}  // namespace kiosk::sim
