// The production RandomSource: OpenSSL's CSPRNG (RAND_bytes, seeded from the OS). Tests and the
// simulator inject SeededRandom instead.
#pragma once

#include "common/random_source.hpp"

namespace kiosk::security {

class OsRandom final : public RandomSource {
public:
    // Throws std::runtime_error at start-up when the generator cannot be seeded.
    OsRandom();
    // RandomSource::fill cannot report an error, and handing out predictable bytes for an IV or
    // a key would be worse than stopping: a RAND_bytes failure after start-up aborts the process.
    void fill(std::span<std::uint8_t> out) override;
};

}  // namespace kiosk::security
