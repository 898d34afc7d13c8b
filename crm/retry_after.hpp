// Reading an HTTP Retry-After header (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date,
// the latter measured against the injected clock rather than the system's.
#pragma once

#include <optional>
#include <string_view>

#include "common/clock.hpp"

namespace kiosk::crm {

// "120" → 120 s; "Wed, 21 Oct 2026 07:28:00 GMT" → that instant minus `now` (0 if past).
// Anything else → nullopt (the caller falls back to its own backoff).
std::optional<Millis> parse_retry_after(std::string_view value, TimePoint now);

}  // namespace kiosk::crm
