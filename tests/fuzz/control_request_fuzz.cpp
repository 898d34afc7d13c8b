// Fuzzes sim/control/control_protocol.hpp parse_control_request with arbitrary lines, as any local
// process may write them to the control socket. A request either parses, and then writes itself
// back as JSON that parses to the same request, or is refused with a message naming the problem.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "sim/control/control_protocol.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    const auto request = kiosk::sim::parse_control_request(line);
    if (!request) {
        FUZZ_CHECK(request.error().domain == "control request");
        FUZZ_CHECK(!request.error().message.empty());
        // The refusal goes back over the socket as one JSON line, whatever bytes were in the request.
        const std::string reply = kiosk::sim::error_reply(request.error().message);
        FUZZ_CHECK(reply.find('\n') == std::string::npos);
        return 0;
    }
    FUZZ_CHECK(size <= kiosk::sim::max_control_line);
    const nlohmann::json written = kiosk::sim::to_json(*request);
    const auto again = kiosk::sim::parse_control_request(written.dump());
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(kiosk::sim::to_json(*again) == written);
    return 0;
}
