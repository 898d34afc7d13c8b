// Fuzzes kiosk/config/kiosk_config.hpp parse_config with arbitrary TOML text. Bad input must end
// in ConfigError (an unknown key among it); any other exception escapes on purpose, and libFuzzer
// reports it as a crash. A config that is accepted holds only values inside the documented ranges.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "kiosk/config/kiosk_config.hpp"

namespace {

bool valid_kiosk_id(std::string_view id) {
    if (id.empty() || id.size() > 16) return false;
    for (char c : id) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

bool seconds_between(kiosk::Millis value, long low, long high) {
    return value >= std::chrono::seconds(low) && value <= std::chrono::seconds(high);
}

void check_config(const kiosk::KioskConfig& config) {
    FUZZ_CHECK(valid_kiosk_id(config.kiosk_id));
    FUZZ_CHECK(config.crm.url.empty() || config.crm.url.starts_with("https://"));
    for (const auto& pin : config.crm.pinned_keys) FUZZ_CHECK(pin.starts_with("sha256//"));
    FUZZ_CHECK(config.crm.batch_size >= 1 && config.crm.batch_size <= 200);
    FUZZ_CHECK(seconds_between(config.crm.upload_interval, 1, 3600));
    FUZZ_CHECK(seconds_between(config.crm.request_timeout, 1, 300));
    FUZZ_CHECK(config.flow.max_pin_tries >= 1 && config.flow.max_pin_tries <= 9);
    for (const auto& [state, timeout] : config.flow.state_timeouts) FUZZ_CHECK(seconds_between(timeout, 1, 3600));
    for (const auto& cassette : config.sim.cassettes) {
        FUZZ_CHECK(cassette.denomination_minor > 0 && cassette.low_threshold <= cassette.count);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        check_config(kiosk::parse_config(text, "fuzz.toml"));
    } catch (const kiosk::ConfigError& error) {
        FUZZ_CHECK(std::string_view(error.what()).starts_with("fuzz.toml"));
    }
    return 0;
}
