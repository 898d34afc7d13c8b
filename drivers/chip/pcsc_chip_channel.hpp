// PcscChipChannel: ChipChannel over PC/SC (pcsc-lite + pcscd), which already speaks CCID, T=0/T=1
// and ATRs for every common reader. Waits for a card with SCardGetStatusChange (bounded by the
// timeout), connects shared with T=0 or T=1, transmits, and disconnects with the chip unpowered.
// Every SCARD_* failure becomes a ChipFailure and a device state (pcsc_error.hpp).
// Known limit: SCardTransmit takes no timeout — the reader driver bounds it (CCID BWT/WTX; for
// vsmartcard-vpcd, the virtual card's socket).
// Used by: tests/drivers/pcsc_integration_test.cpp (pcscd + vsmartcard-vpcd + sim chip card).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "drivers/chip/chip_channel.hpp"
#include "drivers/chip/pcsc_handles.hpp"

namespace kiosk::drivers::chip {

// The names of the readers pcscd knows; an error (serviceUnavailable, readerUnavailable) when none.
Result<std::vector<std::string>> list_pcsc_readers();

class PcscChipChannel final : public ChipChannel {
public:
    // Connects to pcscd and takes the first reader whose name contains `reader_match` (the empty
    // string takes the first reader).
    static Result<std::unique_ptr<PcscChipChannel>> open(const std::string& reader_match);

    Result<Bytes> power_on(Millis timeout) override;
    Result<Bytes> transmit(ByteView command, Millis timeout) override;
    Status power_off() override;
    [[nodiscard]] ChipPower power() const override;
    [[nodiscard]] DeviceStatus status() const override { return status_; }

    [[nodiscard]] const std::string& reader_name() const { return reader_; }

private:
    PcscChipChannel(PcscContext context, std::string reader);
    Status wait_for_card(Millis timeout);
    Error failed(Error error);  // records the failure's device state, then returns it

    PcscContext context_;
    std::string reader_;
    PcscCardHandle card_;
    DeviceStatus status_{DeviceState::online, std::nullopt};
};

}  // namespace kiosk::drivers::chip
