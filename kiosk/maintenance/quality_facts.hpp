// The Quality page's facts: today's service-quality index so far (UTC day, from the kiosk's own
// CX statistics: kiosk/cx/service_quality.hpp) with its components, and the last day whose index
// the kiosk sealed for the CRM (kv cx.service_quality.last_day). Numbers come from the store only;
// a rate with nothing to divide by says "no data", never 0.
#pragma once

#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "kiosk/cx/service_quality.hpp"
#include "store/database.hpp"
#include "ui/view_model.hpp"

namespace kiosk::maintenance {

std::vector<ui::FactLine> quality_facts(const ServiceQuality& today, const std::optional<ServiceQuality>& sealed);

// Reads both days from `database` (the loop's connection: a few small queries).
Result<std::vector<ui::FactLine>> read_quality_facts(store::Database& database, TimePoint now);

}  // namespace kiosk::maintenance
