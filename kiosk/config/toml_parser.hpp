#pragma once
// The one place toml++ is included (only kiosk_config.cpp includes this file).
//
// Debian 12 ships toml++ 3.3, whose parser states some preconditions on its input with
// TOML_ASSERT_ASSUME, and malformed text can break them (`q=[}`, `[=`: marzer/tomlplusplus#294,
// fixed upstream after 3.3). In Debian's shared library, built with NDEBUG, a broken one is a
// __builtin_assume: undefined behaviour on a bad config file. With plain asserts it is an abort.
// So toml++ is compiled here header-only, with its checks on and turned into a thrown
// TomlCheckFailed, which parse_config reports as a config error like any other.
#include <stdexcept>

namespace kiosk::config_detail {

struct TomlCheckFailed : std::logic_error {
    using std::logic_error::logic_error;
};

}  // namespace kiosk::config_detail

#pragma push_macro("NDEBUG")
#undef NDEBUG
#define TOML_HEADER_ONLY 1
#define TOML_ASSERT(expr) \
    ((expr) ? static_cast<void>(0) : throw ::kiosk::config_detail::TomlCheckFailed("toml++ check failed: " #expr))
#include <toml++/toml.h>
#pragma pop_macro("NDEBUG")
