// The JSON of an alert raise or clear (docs/cx-records.md, `alert`): the CRM record's payload and,
// with the terminal's id added, the MQTT alert message (docs/operations.md) — one shape for both.
#pragma once

#include <nlohmann/json.hpp>

#include "kiosk/health/alert_monitor.hpp"

namespace kiosk {

nlohmann::json alert_payload(const AlertChange& change);

}  // namespace kiosk
