// The Quality page's facts (see quality_facts.hpp).
#include "kiosk/maintenance/quality_facts.hpp"

#include <cstdio>
#include <string>

#include "kiosk/cx/cx_day.hpp"
#include "kiosk/cx/service_quality_record.hpp"
#include "kiosk/maintenance/service_facts.hpp"
#include "store/kv_store.hpp"

namespace kiosk::maintenance {
namespace {

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

ui::FactLine percent_fact(std::string label_key, const std::optional<double>& rate) {
    if (!rate) return keyed_fact(std::move(label_key), "service.value.no_data");
    return text_fact(std::move(label_key), one_decimal(*rate * 100.0) + " %");  // the same in both languages
}

std::string seconds(std::int64_t ms) { return one_decimal(static_cast<double>(ms) / 1000.0); }

}  // namespace

std::vector<ui::FactLine> quality_facts(const ServiceQuality& today, const std::optional<ServiceQuality>& sealed) {
    std::vector<ui::FactLine> facts;
    facts.push_back(keyed_fact("service.fact.day", "service.value.today", {today.day}));
    facts.push_back(count_fact("service.fact.sessions", today.sessions, "sessions"));
    facts.push_back(percent_fact("service.fact.completion", today.completion_rate));
    facts.push_back(percent_fact("service.fact.availability", today.availability));
    if (today.task_time_median_ms && today.task_time_p95_ms) {
        facts.push_back(keyed_fact("service.fact.task_time", "service.value.task_time",
                                   {seconds(*today.task_time_median_ms), seconds(*today.task_time_p95_ms)}));
    } else {
        facts.push_back(keyed_fact("service.fact.task_time", "service.value.no_data"));
    }
    facts.push_back(percent_fact("service.fact.errors", today.error_rate));
    if (today.csat_mean) {
        facts.push_back(keyed_fact("service.fact.csat", "service.value.csat",
                                   {one_decimal(*today.csat_mean), std::to_string(today.csat_responses)}));
    } else {
        facts.push_back(keyed_fact("service.fact.csat", "service.value.no_data"));
    }
    if (today.nps) {
        facts.push_back(keyed_fact("service.fact.nps", "service.value.nps",
                                   {one_decimal(*today.nps), std::to_string(today.nps_responses)}));
    } else {
        facts.push_back(keyed_fact("service.fact.nps", "service.value.no_data"));
    }
    if (!sealed) {
        facts.push_back(keyed_fact("service.fact.sealed_day", "service.value.none_yet"));
        return facts;
    }
    const auto rate = [](const std::optional<double>& r) { return r ? one_decimal(*r * 100.0) + "%" : std::string("-"); };
    facts.push_back(keyed_fact("service.fact.sealed_day", "service.value.sealed_day",
                               {sealed->day, std::to_string(sealed->sessions), rate(sealed->completion_rate),
                                rate(sealed->availability)}));
    return facts;
}

Result<std::vector<ui::FactLine>> read_quality_facts(store::Database& database, TimePoint now) {
    auto today = service_quality_from_store(database, utc_day(now));
    if (!today) return today.error();
    std::optional<ServiceQuality> sealed;
    auto last = store::KvStore(database).get(std::string(kServiceQualityLastDayKey));
    if (!last) return last.error();
    if (last->has_value()) {
        auto day = service_quality_from_store(database, **last);
        if (!day) return day.error();
        sealed = std::move(*day);
    }
    return quality_facts(*today, sealed);
}

}  // namespace kiosk::maintenance
