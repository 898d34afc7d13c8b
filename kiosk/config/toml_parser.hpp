#pragma once
// The one place toml++ is included (only kiosk/config's reader and loader include this file).
//
// Debian 12 ships toml++ 3.3, whose parser states some preconditions on its input with
// TOML_ASSERT_ASSUME, and malformed text can break them (`q=[}`, `[=`: marzer/tomlplusplus#294,
// fixed upstream after 3.3). Built with NDEBUG, as Debian's shared library is, a broken one is a
// __builtin_assume: undefined behaviour on a bad config file; with asserts on, an abort. So
// toml++ is compiled here header-only, and TOML_ASSERT_ASSUME is redefined to throw
// TomlCheckFailed, which parse_config reports as a config error like any other. (Only the parser's
// own checks are input-driven; one inside a noexcept function would still end the program.)
#include <stdexcept>

namespace kiosk::config_detail {

struct TomlCheckFailed : std::logic_error {
    using std::logic_error::logic_error;
};

// A function rather than a throw-expression in the macro: toml++'s noexcept helpers use the same
// macro, and a call keeps them free of "throw will always call terminate".
[[noreturn]] void toml_check_failed(const char* expression);

}  // namespace kiosk::config_detail

#define TOML_HEADER_ONLY 1
#include <toml++/impl/preprocessor.h>
#undef TOML_ASSERT_ASSUME
#define TOML_ASSERT_ASSUME(expr) ((expr) ? static_cast<void>(0) : ::kiosk::config_detail::toml_check_failed(#expr))
#include <toml++/toml.h>
