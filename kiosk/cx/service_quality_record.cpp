#include "kiosk/cx/service_quality_record.hpp"

#include "kiosk/cx/cx_day.hpp"
#include "store/kv_store.hpp"

namespace kiosk {

Result<ServiceQuality> service_quality_from_store(store::Database& database, std::string_view day) {
    store::CxStats stats(database);
    auto rows = stats.of_day(day);
    if (!rows) return rows.error();
    auto availability = stats.availability_of(day);
    if (!availability) return availability.error();
    return compute_service_quality(day, *rows, *availability);
}

Result<std::string> add_service_quality_record(store::BusinessStep& step, store::Database& database,
                                               std::string_view day, const SealCxRecord& seal) {
    auto quality = service_quality_from_store(database, day);
    if (!quality) return quality.error();
    auto record = seal(kServiceQualityKind, to_json(*quality).dump());
    if (!record) return record.error();
    std::string id = record->header.record_id;
    step.outbox.push_back(std::move(*record));
    return id;
}

Result<std::string> add_daily_service_quality_if_due(store::BusinessStep& step, store::Database& database,
                                                     TimePoint now, const SealCxRecord& seal) {
    const std::string day = previous_utc_day(now);
    auto last = store::KvStore(database).get(std::string(kServiceQualityLastDayKey));
    if (!last) return last.error();
    // ISO dates compare as text; a last day after `day` means the clock went back: nothing is due.
    if (last->has_value() && **last >= day) return std::string();
    store::CxStats stats(database);
    auto rows = stats.of_day(day);
    if (!rows) return rows.error();
    auto availability = stats.availability_of(day);
    if (!availability) return availability.error();
    if (rows->empty() && !availability->has_value()) return std::string();  // the kiosk did not run that day
    auto record = seal(kServiceQualityKind, to_json(compute_service_quality(day, *rows, *availability)).dump());
    if (!record) return record.error();
    std::string id = record->header.record_id;
    step.outbox.push_back(std::move(*record));
    step.kv.push_back(store::KvChange{std::string(kServiceQualityLastDayKey), day});
    return id;
}

}  // namespace kiosk
