// Fuzzes the BER-TLV parser (drivers/chip/ber_tlv.hpp) and the EMV element decoders built on it
// with what a chip card could answer. Invariants: a parse either fails with a typed error naming
// an offset, or every object lies inside the input and re-encodes to a buffer that parses back to
// the same tags and values.
#include <cstddef>
#include <cstdint>
#include <string>

#include "drivers/chip/ber_tlv.hpp"
#include "drivers/chip/emv_data.hpp"
#include "fuzz_check.hpp"

namespace {

namespace chip = kiosk::drivers::chip;

void check_objects(const std::vector<chip::TlvObject>& objects, std::size_t input_size, std::size_t depth) {
    FUZZ_CHECK(depth < chip::max_tlv_depth);
    for (const auto& object : objects) {
        FUZZ_CHECK(object.offset < input_size);
        FUZZ_CHECK(object.value.size() <= input_size - object.offset);
        FUZZ_CHECK(object.children.empty() || chip::is_constructed(object.tag));
        check_objects(object.children, input_size, depth + 1);

        // Shortest-form re-encoding parses back to the same object.
        const kiosk::Bytes encoded = chip::encode_tlv(object.tag, object.value);
        auto again = chip::parse_ber_tlv(encoded);
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again->size() == 1);
        FUZZ_CHECK(again->front().tag == object.tag);
        FUZZ_CHECK(again->front().value == object.value);
        FUZZ_CHECK(again->front().children.size() == object.children.size());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const kiosk::ByteView input(data, size);
    auto parsed = chip::parse_ber_tlv(input);
    if (parsed) {
        check_objects(*parsed, size, 0);
    } else {
        FUZZ_CHECK(chip::tlv_error_of(parsed.error()).has_value());
        FUZZ_CHECK(parsed.error().message.find(" at offset ") != std::string::npos);
    }

    // The decoders of the values the EMV reader takes from those objects.
    if (auto pan = chip::decode_pan(input)) FUZZ_CHECK(pan->size() >= 8 && pan->size() <= 19);
    if (auto expiry = chip::decode_expiry(input)) FUZZ_CHECK(expiry->size() == 6);
    if (auto track = chip::decode_track2_equivalent(input)) {
        FUZZ_CHECK(track->text.view().rfind(std::string(track->pan.view()) + "=", 0) == 0);
        FUZZ_CHECK(track->expiry_yymm.size() == 4 && track->service_code.size() == 3);
    }
    if (auto afl = chip::decode_afl(input)) {
        FUZZ_CHECK(afl->size() * 4 == size);
        for (const auto& entry : *afl) FUZZ_CHECK(entry.sfi >= 1 && entry.sfi <= 30 && entry.first_record <= entry.last_record);
    }
    if (auto dol = chip::decode_dol(input)) {
        std::size_t total = 0;
        for (const auto& entry : *dol) total += entry.length;
        FUZZ_CHECK(chip::build_dol_data(*dol, {}).size() == total);
    }
    return 0;
}
