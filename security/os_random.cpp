// OsRandom over RAND_bytes (see os_random.hpp).
#include "security/os_random.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include <openssl/rand.h>

#include "security/openssl_error.hpp"

namespace kiosk::security {

OsRandom::OsRandom() {
    if (RAND_status() != 1) {
        throw std::runtime_error(openssl_error("OS random generator is not seeded").to_string());
    }
}

void OsRandom::fill(std::span<std::uint8_t> out) {
    while (!out.empty()) {
        const std::size_t chunk = std::min<std::size_t>(out.size(), INT_MAX);
        if (RAND_bytes(out.data(), static_cast<int>(chunk)) != 1) {
            std::fprintf(stderr, "fatal: %s\n", openssl_error("RAND_bytes failed").to_string().c_str());
            std::abort();
        }
        out = out.subspan(chunk);
    }
}

}  // namespace kiosk::security
