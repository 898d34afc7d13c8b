// Randomness is injected: production uses the OS CSPRNG (security/os_random.hpp), tests and the
// simulator use a seeded generator so that every run is reproducible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>

namespace kiosk {

class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::span<std::uint8_t> out) = 0;

    // Uniform in [0, bound); bound must be > 0.
    std::uint64_t below(std::uint64_t bound) {
        std::uint64_t value = 0;
        fill(std::span(reinterpret_cast<std::uint8_t*>(&value), sizeof value));  // NOLINT
        return value % bound;  // bias is < 2^-40 for the small bounds we use (jitter, pads)
    }
};

// Deterministic, NOT cryptographic: for tests and the simulator only.
class SeededRandom final : public RandomSource {
public:
    explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}
    void fill(std::span<std::uint8_t> out) override {
        for (auto& byte : out) byte = static_cast<std::uint8_t>(engine_() & 0xFFU);
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace kiosk
