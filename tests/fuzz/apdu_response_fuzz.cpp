// Fuzzes the APDU codec (drivers/chip/apdu.hpp) and, through it, the whole EMV read sequence: the
// input is a series of card responses (1 length byte + bytes each) that a channel plays back to
// EmvReader. Invariants: parse_response/parse_command round-trip exactly; the reader ends with a
// value or a typed error — never a crash, hang or read past a buffer.
#include <cstddef>
#include <algorithm>
#include <cstdint>

#include "drivers/chip/apdu.hpp"
#include "drivers/chip/emv_reader.hpp"
#include "fuzz_check.hpp"

namespace {

namespace chip = kiosk::drivers::chip;

// A card whose every answer comes from the fuzz input; silent (mute) once the input is used up.
class PlaybackChannel final : public chip::ChipChannel {
public:
    explicit PlaybackChannel(kiosk::ByteView script) : script_(script) {}
    kiosk::Result<kiosk::Bytes> power_on(kiosk::Millis) override { return kiosk::Bytes{0x3B, 0x00}; }
    kiosk::Result<kiosk::Bytes> transmit(kiosk::ByteView command, kiosk::Millis) override {
        FUZZ_CHECK(command.size() >= 4);
        if (at_ >= script_.size()) return chip::chip_error(chip::ChipFailure::mute, "script ended");
        const std::size_t length = std::min<std::size_t>(script_[at_], script_.size() - at_ - 1);
        kiosk::Bytes answer(script_.begin() + static_cast<std::ptrdiff_t>(at_ + 1),
                            script_.begin() + static_cast<std::ptrdiff_t>(at_ + 1 + length));
        at_ += 1 + length;
        return answer;
    }
    kiosk::Status power_off() override { return kiosk::ok_status(); }
    [[nodiscard]] chip::ChipPower power() const override { return chip::ChipPower::on; }
    [[nodiscard]] kiosk::drivers::DeviceStatus status() const override { return {}; }

private:
    kiosk::ByteView script_;
    std::size_t at_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const kiosk::ByteView input(data, size);

    if (auto response = chip::parse_response(input)) {
        FUZZ_CHECK(response->data.size() + 2 == size);
        const std::uint8_t high = response->sw1() & 0xF0;
        FUZZ_CHECK((high == 0x60 || high == 0x90) && response->sw1() != 0x60);
        FUZZ_CHECK(!chip::describe_sw(response->sw).empty());
    } else {
        FUZZ_CHECK(response.error().domain == chip::apdu_error_domain);
    }

    if (auto command = chip::parse_command(input)) {
        auto encoded = chip::encode_command(*command);
        FUZZ_CHECK(encoded.ok());
        FUZZ_CHECK(*encoded == kiosk::Bytes(input.begin(), input.end()));
    }

    PlaybackChannel channel(input);
    auto card = chip::EmvReader(channel).read();
    if (card) {
        FUZZ_CHECK(card->pan.size() >= 8 && card->pan.size() <= 19);
        FUZZ_CHECK(card->expiry_yymmdd.size() == 6);
    } else {
        const auto& error = card.error();
        FUZZ_CHECK(error.domain == chip::emv_error_domain || chip::chip_failure_of(error).has_value() ||
                   error.domain == chip::apdu_error_domain);
    }
    return 0;
}
