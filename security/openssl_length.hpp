// OpenSSL's EVP calls take int lengths; this converts a size_t without silent truncation.
#pragma once

#include <climits>
#include <cstddef>
#include <optional>

namespace kiosk::security {

inline std::optional<int> openssl_length(std::size_t size) {
    if (size > static_cast<std::size_t>(INT_MAX)) return std::nullopt;
    return static_cast<int>(size);
}

}  // namespace kiosk::security
