// Fuzzes drivers/trace/trace_record.hpp parse_trace_line with arbitrary lines: a trace file comes
// from a field kiosk and is replayed on a developer's PC, so it is outside input. A line either
// parses, and then writes itself back to a line that parses to the same record, or is refused
// with a "trace" error naming the field.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "drivers/trace/trace_record.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    const auto record = kiosk::drivers::parse_trace_line(line);
    if (!record) {
        FUZZ_CHECK(record.error().domain == "trace");
        FUZZ_CHECK(!record.error().message.empty());
        return 0;
    }
    const std::string written = kiosk::drivers::to_json_line(*record);
    FUZZ_CHECK(written.find('\n') == std::string::npos);
    const auto again = kiosk::drivers::parse_trace_line(written);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == *record);
    FUZZ_CHECK(again->outcome() == record->outcome());
    return 0;
}
