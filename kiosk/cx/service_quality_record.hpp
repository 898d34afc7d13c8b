// The daily `service_quality` record: the index of a day computed from the kiosk's own statistics
// (store/cx_stats.hpp), sealed and added to a business step. The first session end after midnight
// (UTC, the kiosk's Clock) adds the previous day's record to its own business step, and remembers
// the day in kv in that same step, so the record is committed exactly once even across a crash;
// `kioskctl cx upload` adds one for any day on demand (the CRM keeps the newest per kiosk and day).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "kiosk/cx/service_quality.hpp"
#include "security/sealed_record.hpp"
#include "store/business_step.hpp"
#include "store/database.hpp"

namespace kiosk {

// kv key: the last day whose record the kiosk committed by itself ("YYYY-MM-DD").
inline constexpr std::string_view kServiceQualityLastDayKey = "cx.service_quality.last_day";
inline constexpr std::string_view kServiceQualityKind = "service_quality";

// Seals one CX record (kind, payload JSON) under the writer's header (record id, kiosk, time).
using SealCxRecord = std::function<Result<security::SealedRecord>(std::string_view kind, const std::string& payload)>;

// The day's index from the database's cx_stats and service_availability rows.
Result<ServiceQuality> service_quality_from_store(store::Database& database, std::string_view day);

// Adds the day's sealed record to `step`; returns its record id.
Result<std::string> add_service_quality_record(store::BusinessStep& step, store::Database& database,
                                               std::string_view day, const SealCxRecord& seal);

// At a session end at `now`: when the previous UTC day's record was not committed yet (kv) and the
// kiosk has statistics or availability for that day, adds the record and the kv change to `step`
// and returns its record id; otherwise returns "" and leaves `step` alone. Only the previous day:
// a kiosk switched off for days sends nothing for the days before (kioskctl cx upload can).
Result<std::string> add_daily_service_quality_if_due(store::BusinessStep& step, store::Database& database,
                                                     TimePoint now, const SealCxRecord& seal);

}  // namespace kiosk
