// Fuzzes the ESC/POS real-time status decoders with whatever the printer (or a broken cable)
// answers to DLE EOT 4 and DLE EOT 2, and checks each verdict against the bits of the reply.
#include <cstddef>
#include <cstdint>

#include "drivers/printer/escpos_status.hpp"
#include "fuzz_check.hpp"

namespace {

using kiosk::ByteView;
using kiosk::drivers::EscPosStatusError;

// Bits 1 and 4 set, bits 0 and 7 clear: the fixed pattern of every status byte.
bool is_status_byte(ByteView reply) { return reply.size() == 1 && (reply[0] & 0x93U) == 0x12U; }

void check_refusal(const kiosk::Error& error, ByteView reply) {
    const auto kind = kiosk::drivers::escpos_status_error_of(error);
    FUZZ_CHECK(kind.has_value());
    FUZZ_CHECK(*kind == (reply.size() == 1 ? EscPosStatusError::badFixedBits : EscPosStatusError::wrongLength));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ByteView reply(data, size);

    const auto paper = kiosk::drivers::decode_roll_paper_status(reply);
    FUZZ_CHECK(paper.ok() == is_status_byte(reply));
    if (paper.ok()) {
        const std::uint8_t byte = reply[0];
        using kiosk::drivers::PaperState;
        const PaperState expected = (byte & 0x60U) != 0   ? PaperState::out
                                    : (byte & 0x0CU) != 0 ? PaperState::nearEnd
                                                          : PaperState::ok;
        FUZZ_CHECK(*paper == expected);
    } else {
        check_refusal(paper.error(), reply);
    }

    const auto cause = kiosk::drivers::decode_offline_cause(reply);
    FUZZ_CHECK(cause.ok() == is_status_byte(reply));
    if (cause.ok()) {
        const std::uint8_t byte = reply[0];
        FUZZ_CHECK(cause->cover_open == ((byte & 0x04U) != 0));
        FUZZ_CHECK(cause->feed_button == ((byte & 0x08U) != 0));
        FUZZ_CHECK(cause->stopped_for_paper_end == ((byte & 0x20U) != 0));
        FUZZ_CHECK(cause->error == ((byte & 0x40U) != 0));
    } else {
        check_refusal(cause.error(), reply);
    }
    return 0;
}
