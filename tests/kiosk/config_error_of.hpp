// For the config tests: the message parse_config throws for `text` (source "test.toml"), or
// "no error" when it parses.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/config/kiosk_config.hpp"

namespace kiosk::test {

inline std::string error_of(std::string_view text) {
    try {
        (void)parse_config(text, "test.toml");
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace kiosk::test
