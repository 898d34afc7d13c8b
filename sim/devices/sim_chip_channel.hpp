// SimChipChannel: an in-process ChipChannel whose "reader" holds a SimChipCard. No threads, no
// waiting: a missing ATR or answer is reported at once as the timeout it would be on a real reader
// (ChipFailure::mute), an absent card as noCard, a card pulled while powered as cardRemoved.
// Threads: one mutex guards the channel (the card has its own); call from any thread, but a
// card() pointer lives only until the next insert() or remove().
// Run: build/h-drivers/bin/drivers_tests --gtest_filter='EmvReader*'
// Used by: tests/drivers/emv_reader_test.cpp, tests/sim/devices/sim_chip_card_test.cpp.
#pragma once

#include <mutex>
#include <optional>

#include "drivers/chip/chip_channel.hpp"
#include "sim/devices/sim_chip_card.hpp"

namespace kiosk::sim {

class SimChipChannel final : public drivers::chip::ChipChannel {
public:
    // Puts a card's chip under the contacts (replacing any other); the chip starts unpowered.
    SimChipCard& insert(const VirtualCard& card);
    // Takes the card away; a powered session sees cardRemoved on its next transmit.
    void remove();
    // The card under the contacts, for fault injection; nullptr when empty.
    SimChipCard* card();

    Result<Bytes> power_on(Millis timeout) override;
    Result<Bytes> transmit(ByteView command, Millis timeout) override;
    Status power_off() override;
    [[nodiscard]] drivers::chip::ChipPower power() const override;
    [[nodiscard]] drivers::DeviceStatus status() const override;

private:
    Error failed(Error error);

    mutable std::mutex mutex_;  // guards everything below
    std::optional<SimChipCard> card_;
    bool removed_while_powered_ = false;
    drivers::chip::ChipPower power_ = drivers::chip::ChipPower::off;
    drivers::DeviceStatus status_{drivers::DeviceState::online, std::nullopt};
};

}  // namespace kiosk::sim
