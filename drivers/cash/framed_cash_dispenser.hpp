// FramedCashDispenser: the CashDispenser driver for the framed dispenser protocol
// (cash_dispenser_protocol.hpp) over any Transport — USB on the kiosk, a SimCashDispenser in tests.
#pragma once

#include "drivers/cash/cash_dispenser.hpp"
#include "drivers/frame/frame_channel.hpp"

namespace kiosk::drivers {

class FramedCashDispenser final : public CashDispenser {
public:
    // Dispensing moves notes mechanically; the default timeout allows for a full bundle.
    explicit FramedCashDispenser(Transport& transport, Millis command_timeout = Millis{30000});

    Result<DispenseReport> dispense(const NotePlan& plan) override;
    Result<std::uint16_t> present() override;
    Result<RetractReport> retract() override;
    Status reset() override;
    Result<std::vector<std::uint32_t>> set_counts(const std::vector<std::uint32_t>& counts) override;
    Result<std::vector<CashDispenserEvent>> poll() override;
    DispenserStatus status() override;

private:
    Result<Bytes> call(std::uint8_t command, std::string_view action, ByteView data = {});

    FrameChannel channel_;
};

// Decodes a STATUS reply body; exposed for tests.
Result<DispenserStatus> decode_dispenser_status(ByteView body);

// Decodes a SET COUNTS reply body against the counts sent: n, n × count(4), each equal to the one
// sent. The error names what was wrong (length, cassette number, which count differs); exposed
// for tests.
Result<std::vector<std::uint32_t>> decode_set_counts_reply(ByteView body, const std::vector<std::uint32_t>& sent);

}  // namespace kiosk::drivers
