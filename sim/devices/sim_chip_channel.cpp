// In-process chip channel (see sim_chip_channel.hpp).
#include "sim/devices/sim_chip_channel.hpp"

#include <string>

namespace kiosk::sim {

using drivers::chip::ChipFailure;
using drivers::chip::ChipPower;
using drivers::chip::chip_error;

SimChipCard& SimChipChannel::insert(const VirtualCard& card) {
    std::lock_guard lock(mutex_);
    card_.emplace(card);
    power_ = ChipPower::off;
    removed_while_powered_ = false;
    return *card_;
}

void SimChipChannel::remove() {
    std::lock_guard lock(mutex_);
    removed_while_powered_ = power_ == ChipPower::on;
    card_.reset();
}

SimChipCard* SimChipChannel::card() {
    std::lock_guard lock(mutex_);
    return card_ ? &*card_ : nullptr;
}

ChipPower SimChipChannel::power() const {
    std::lock_guard lock(mutex_);
    return power_;
}

drivers::DeviceStatus SimChipChannel::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

Error SimChipChannel::failed(Error error) {
    if (auto failure = drivers::chip::chip_failure_of(error)) {
        status_ = drivers::chip::chip_device_status(*failure, error.message);
    }
    return error;
}

Result<Bytes> SimChipChannel::power_on(Millis timeout) {
    std::lock_guard lock(mutex_);
    power_ = ChipPower::off;
    removed_while_powered_ = false;
    if (!card_) return failed(chip_error(ChipFailure::noCard, "no card in the simulated reader"));
    auto atr = card_->power_on();
    if (!atr) {
        return failed(chip_error(ChipFailure::mute, "no ATR within " + std::to_string(timeout.count()) + " ms"));
    }
    power_ = ChipPower::on;
    status_ = {drivers::DeviceState::online, std::nullopt};
    return std::move(*atr);
}

Result<Bytes> SimChipChannel::transmit(ByteView command, Millis timeout) {
    std::lock_guard lock(mutex_);
    if (removed_while_powered_) {  // reported once; after that the chip is simply unpowered
        power_ = ChipPower::off;
        removed_while_powered_ = false;
        return failed(chip_error(ChipFailure::cardRemoved, "card removed while powered"));
    }
    if (!card_ || power_ != ChipPower::on) {
        return failed(chip_error(ChipFailure::notPowered, "transmit with the chip powered off"));
    }
    auto answer = card_->answer(command);
    if (!answer) {
        return failed(chip_error(ChipFailure::mute, "no answer within " + std::to_string(timeout.count()) + " ms"));
    }
    status_ = {drivers::DeviceState::online, std::nullopt};
    return std::move(*answer);
}

Status SimChipChannel::power_off() {
    std::lock_guard lock(mutex_);
    if (card_) card_->power_off();
    power_ = ChipPower::off;
    removed_while_powered_ = false;
    return ok_status();
}

}  // namespace kiosk::sim
