// The service mode's settings (`[maintenance]`, docs/configuration.md).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"

namespace kiosk {

struct MaintenanceConfig {
    // Service mode open longer than this raises `service_mode_left_open` (maintenance.open_alert_after_s).
    Millis open_alert_after{std::chrono::minutes(30)};
    // A card whose PAN starts with one of these is a technician card (maintenance.technician_card_prefixes):
    // read, it asks for the service mode instead of starting a visit. The PAN is compared in memory only.
    std::vector<std::string> technician_card_prefixes{"6799990"};
    // The most notes one cassette holds (maintenance.cassette_capacity): a replenishment above it is refused.
    std::uint32_t cassette_capacity = 2500;
};

}  // namespace kiosk
