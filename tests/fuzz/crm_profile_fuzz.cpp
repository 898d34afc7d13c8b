// Fuzzes crm/profile_format.hpp decode_profile with what the CRM (or anything posing as it) answers
// to a profile request. An accepted profile meets the documented checks and survives
// encode_profile → decode_profile unchanged; a refused one is an Error of domain "crm".
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "crm/profile_format.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);

    const auto profile = kiosk::crm::decode_profile(json);
    if (!profile) {
        FUZZ_CHECK(profile.error().domain == "crm");
        FUZZ_CHECK(!profile.error().message.empty());
        return 0;
    }
    FUZZ_CHECK(size <= kiosk::crm::max_profile_bytes);
    if (profile->favourite_withdrawal) {
        FUZZ_CHECK(profile->favourite_withdrawal->minor_units > 0);
        FUZZ_CHECK(kiosk::check_money(*profile->favourite_withdrawal).ok());
    }
    if (profile->offer) FUZZ_CHECK(!profile->offer->id.empty());
    for (const auto& complaint : profile->complaints) FUZZ_CHECK(!complaint.reference.empty());

    // Re-encoding may be longer than the input (defaults written out), so no size limit here.
    const std::string encoded = kiosk::crm::encode_profile(*profile, "token");
    const auto again = kiosk::crm::decode_profile(encoded, std::numeric_limits<std::size_t>::max());
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(kiosk::crm::encode_profile(*again, "token") == encoded);
    return 0;
}
