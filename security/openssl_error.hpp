// Turns OpenSSL's thread-local error queue into a kiosk::Error, so a failure says what OpenSSL
// itself reported instead of a bare "operation failed".
#pragma once

#include <string_view>

#include "common/result.hpp"

namespace kiosk::security {

// Drains (and so clears) this thread's OpenSSL error queue. The message is `what` followed by
// every queued entry, oldest first, separated by "; ". native_code is the most recent packed
// error code (0 when the queue was empty). Domain "openssl".
Error openssl_error(std::string_view what);

}  // namespace kiosk::security
