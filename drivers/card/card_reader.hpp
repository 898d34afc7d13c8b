// CardReader: the kiosk's view of a motorised card reader (after XFS4IoT CardReader). The runtime
// polls it every tick for events; commands return Result/Status and never block past a timeout.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "drivers/card/card_data.hpp"
#include "drivers/device_status.hpp"

namespace kiosk::drivers {

enum class CardMediaState : std::uint8_t {
    notPresent,
    present,   // inside the reader, under its control
    entering,  // at the gate: being inserted, or ejected and waiting to be taken
    jammed,
    latched,   // held by the latch (dip readers)
    unknown,   // the reader did not say (offline)
};

struct CaptureBin {
    std::uint16_t count = 0;
    std::uint16_t capacity = 0;

    [[nodiscard]] bool full() const { return count >= capacity; }
    friend bool operator==(const CaptureBin&, const CaptureBin&) = default;
};

struct CardReaderStatus {
    DeviceStatus device;
    CardMediaState media = CardMediaState::unknown;
    CaptureBin bin;
};

enum class CardReaderEvent : std::uint8_t {
    inserted,  // MediaInserted: a card was drawn in; read_tracks may follow
    taken,     // MediaTaken: the customer took the ejected card
    jammed,    // the card stuck in the transport
};

std::string_view to_string(CardMediaState state);
std::string_view to_string(CardReaderEvent event);

class CardReader {
public:
    virtual ~CardReader() = default;

    // Opens (true) or closes (false) the shutter for a card insertion.
    virtual Status enable_insertion(bool enabled) = 0;

    // Events reported since the last poll; does not wait.
    virtual Result<std::vector<CardReaderEvent>> poll() = 0;

    // Raw track 1 and 2 text of the card inside; parse with parse_tracks. Never log it.
    virtual Result<RawTracks> read_tracks() = 0;

    // Moves the card to the gate for the customer; a `taken` event follows.
    virtual Status eject() = 0;

    // Captures the card into the bin; returns the bin after the capture.
    virtual Result<CaptureBin> retain() = 0;

    // Clears a fault; a jammed card is captured.
    virtual Status reset() = 0;

    // Always answers: a reader that does not reply is reported offline.
    virtual CardReaderStatus status() = 0;
};

}  // namespace kiosk::drivers
