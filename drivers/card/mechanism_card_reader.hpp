// MechanismCardReader: the CardReader driver for the framed card-reader mechanism protocol
// (card_mechanism_protocol.hpp) over any Transport — USB on the kiosk, a SimCardReader in tests.
#pragma once

#include "drivers/card/card_reader.hpp"
#include "drivers/frame/frame_channel.hpp"

namespace kiosk::drivers {

class MechanismCardReader final : public CardReader {
public:
    explicit MechanismCardReader(Transport& transport, Millis command_timeout = Millis{3000});

    Status enable_insertion(bool enabled) override;
    Result<std::vector<CardReaderEvent>> poll() override;
    Result<RawTracks> read_tracks() override;
    Status eject() override;
    Result<CaptureBin> retain() override;
    Status reset() override;
    CardReaderStatus status() override;

private:
    Result<Bytes> call(std::uint8_t command, std::string_view action, ByteView data = {});

    FrameChannel channel_;
};

}  // namespace kiosk::drivers
