// FaultMode: how an injected fault fires — never, on the next occasion only, or every time.
// Every sim device's fault hooks take one (after PX4 SITL's named failure modes).
#pragma once

#include <cstdint>

namespace kiosk::sim {

enum class FaultMode : std::uint8_t { off, once, always };

// One armed fault. fire() answers "does the fault happen now?" and disarms a `once` fault.
class Fault {
public:
    void set(FaultMode mode) { mode_ = mode; }
    [[nodiscard]] FaultMode mode() const { return mode_; }
    bool fire() {
        if (mode_ == FaultMode::off) return false;
        if (mode_ == FaultMode::once) mode_ = FaultMode::off;
        return true;
    }

private:
    FaultMode mode_ = FaultMode::off;
};

}  // namespace kiosk::sim
