// Fuzzes kiosk/control/kiosk_control_protocol.hpp parse_kiosk_request with arbitrary lines, as any
// member of the kiosk group may write them to the kiosk's control socket. A request either
// parses, and then writes itself back as JSON that parses to the same request, or is refused with
// a message naming the problem, sent back as one JSON line.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "kiosk/control/kiosk_control_protocol.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    const auto request = kiosk::control::parse_kiosk_request(line);
    if (!request) {
        FUZZ_CHECK(request.error().domain == "control request");
        FUZZ_CHECK(!request.error().message.empty());
        const std::string reply = kiosk::control::kiosk_error_reply(request.error().message);
        FUZZ_CHECK(reply.find('\n') == std::string::npos);
        return 0;
    }
    FUZZ_CHECK(size <= kiosk::control::max_kiosk_control_line);
    const nlohmann::json written = kiosk::control::to_json(*request);
    const auto again = kiosk::control::parse_kiosk_request(written.dump());
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(kiosk::control::to_json(*again) == written);
    return 0;
}
