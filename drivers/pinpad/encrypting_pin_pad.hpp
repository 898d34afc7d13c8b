// EncryptingPinPad: the PinPad driver for the framed PIN-pad protocol (pin_pad_protocol.hpp) over
// any Transport — USB on the kiosk, a SimPinPad in tests.
#pragma once

#include "drivers/frame/frame_channel.hpp"
#include "drivers/pinpad/pin_pad.hpp"

namespace kiosk::drivers {

class EncryptingPinPad final : public PinPad {
public:
    explicit EncryptingPinPad(Transport& transport, Millis command_timeout = Millis{2000});

    Status begin_pin_entry(const PinEntryRequest& request) override;
    Result<std::vector<PinPadEvent>> poll() override;
    Result<Bytes> get_pin_block() override;
    Status cancel_entry() override;
    PinPadStatus status() override;

private:
    Result<Bytes> call(std::uint8_t command, std::string_view action, ByteView data = {});
    // The events the pad has sent so far, read in mode_.
    Result<std::vector<PinPadEvent>> poll_frames();

    FrameChannel channel_;
    EntryMode mode_ = EntryMode::pin;        // of the last entry the pad accepted
    std::vector<PinPadEvent> held_events_;  // read before a begin, handed out by the next poll
};

}  // namespace kiosk::drivers
