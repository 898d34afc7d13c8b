#include "kiosk/cx/service_quality.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

using nlohmann::json;

// A row field read strictly: absent or null is "not there"; any other type, or an integer out of
// [low, high], makes the whole row malformed (Bad).
enum class Read { Absent, Ok, Bad };

Read read_int(const json& row, const char* name, std::int64_t& value, std::int64_t low = 0,
              std::int64_t high = INT64_MAX) {
    const auto found = row.find(name);
    if (found == row.end() || found->is_null()) return Read::Absent;
    if (!found->is_number_integer()) return Read::Bad;
    value = found->get<std::int64_t>();
    return value < low || value > high ? Read::Bad : Read::Ok;
}

Read read_text(const json& row, const char* name, std::string& value) {
    const auto found = row.find(name);
    if (found == row.end() || found->is_null()) return Read::Absent;
    if (!found->is_string()) return Read::Bad;
    value = found->get<std::string>();
    return Read::Ok;
}

std::optional<double> ratio(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return std::nullopt;
    return static_cast<double>(part) / static_cast<double>(whole);
}

struct Tally {
    std::int64_t sessions = 0, completed = 0, with_errors = 0, with_timeouts = 0;
    std::vector<std::int64_t> task_times;
    std::map<std::string, std::int64_t> abandonment;
    std::int64_t shown = 0, answered = 0, csat_sum = 0, csat_count = 0;
    std::int64_t promoters = 0, detractors = 0, nps_count = 0;
    std::int64_t complaints = 0, malformed = 0;
};

// false: malformed (nothing of it counted).
bool add_journey(const json& row, Tally& tally) {
    std::string outcome, abandoned_at;
    std::int64_t total_ms = 0, errors = 0, timeouts = 0;
    if (read_text(row, "outcome", outcome) != Read::Ok) return false;
    const Read total = read_int(row, "total_ms", total_ms);
    const Read error = read_int(row, "error_count", errors);
    const Read timeout = read_int(row, "timeout_count", timeouts);
    const Read abandoned = read_text(row, "abandoned_at", abandoned_at);
    if (total == Read::Bad || error == Read::Bad || timeout == Read::Bad || abandoned == Read::Bad) return false;
    ++tally.sessions;
    if (outcome == "completed") {
        ++tally.completed;
        if (total == Read::Ok) tally.task_times.push_back(total_ms);
    }
    if (errors > 0) ++tally.with_errors;
    if (timeouts > 0) ++tally.with_timeouts;
    if (abandoned == Read::Ok) ++tally.abandonment[abandoned_at];
    return true;
}

bool add_survey(const json& row, Tally& tally) {
    std::string status;
    std::int64_t csat = 0, nps = 0;
    if (read_text(row, "status", status) != Read::Ok) return false;
    if (status != "answered" && status != "skipped" && status != "timed_out") return false;
    const Read has_csat = read_int(row, "csat", csat, 1, 5);
    const Read has_nps = read_int(row, "nps", nps, 0, 10);
    if (has_csat == Read::Bad || has_nps == Read::Bad) return false;
    ++tally.shown;
    if (status == "answered") {
        ++tally.answered;
        if (has_csat == Read::Ok) {
            tally.csat_sum += csat;
            ++tally.csat_count;
        }
    }
    if (has_nps == Read::Ok) {
        ++tally.nps_count;
        if (nps >= 9) ++tally.promoters;
        if (nps <= 6) ++tally.detractors;
    }
    return true;
}

double rounded(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

json optional_number(const std::optional<double>& value, int decimals) {
    return value ? json(rounded(*value, decimals)) : json(nullptr);
}

json optional_integer(const std::optional<std::int64_t>& value) { return value ? json(*value) : json(nullptr); }

}  // namespace

std::optional<std::int64_t> nearest_rank_percentile(std::vector<std::int64_t> samples, double percent) {
    if (samples.empty()) return std::nullopt;
    std::sort(samples.begin(), samples.end());
    const auto n = static_cast<double>(samples.size());
    auto rank = static_cast<std::size_t>(std::ceil(percent / 100.0 * n - 1e-9));
    rank = std::clamp<std::size_t>(rank, 1, samples.size());
    return samples[rank - 1];
}

std::optional<std::int64_t> median_of(std::vector<std::int64_t> samples) {
    if (samples.empty()) return std::nullopt;
    std::sort(samples.begin(), samples.end());
    const std::size_t middle = samples.size() / 2;
    if (samples.size() % 2 == 1) return samples[middle];
    return (samples[middle - 1] + samples[middle]) / 2;
}

ServiceQuality compute_service_quality(std::string_view day, const std::vector<store::CxStat>& rows,
                                       const std::optional<store::DayAvailability>& availability) {
    Tally tally;
    for (const store::CxStat& row : rows) {
        if (row.day != day) continue;
        if (row.kind != "journey" && row.kind != "survey" && row.kind != "complaint") continue;
        const json payload = json::parse(row.summary_json, nullptr, false);
        bool readable = payload.is_object();
        if (readable && row.kind == "journey") readable = add_journey(payload, tally);
        if (readable && row.kind == "survey") readable = add_survey(payload, tally);
        if (readable && row.kind == "complaint") ++tally.complaints;
        if (!readable) ++tally.malformed;
    }
    ServiceQuality quality;
    quality.day = std::string(day);
    quality.sessions = tally.sessions;
    quality.tasks_completed = tally.completed;
    quality.completion_rate = ratio(tally.completed, tally.sessions);
    quality.task_time_median_ms = median_of(tally.task_times);
    quality.task_time_p95_ms = nearest_rank_percentile(tally.task_times, 95.0);
    quality.error_rate = ratio(tally.with_errors, tally.sessions);
    quality.timeout_rate = ratio(tally.with_timeouts, tally.sessions);
    quality.abandonment = std::move(tally.abandonment);
    if (tally.csat_count > 0) quality.csat_mean = static_cast<double>(tally.csat_sum) / static_cast<double>(tally.csat_count);
    quality.csat_responses = tally.csat_count;
    quality.surveys_shown = tally.shown;
    quality.response_rate = ratio(tally.answered, tally.shown);
    if (tally.nps_count > 0) {
        quality.nps = 100.0 * static_cast<double>(tally.promoters - tally.detractors) / static_cast<double>(tally.nps_count);
    }
    quality.nps_responses = tally.nps_count;
    quality.complaints = tally.complaints;
    if (tally.sessions > 0) {
        quality.complaints_per_1000 = 1000.0 * static_cast<double>(tally.complaints) / static_cast<double>(tally.sessions);
    }
    if (availability) {
        quality.availability = ratio(availability->in_service_ms, availability->in_service_ms + availability->out_of_service_ms);
    }
    quality.malformed_rows = tally.malformed;
    return quality;
}

json to_json(const ServiceQuality& quality) {
    json abandonment = json::object();
    for (const auto& [screen, count] : quality.abandonment) abandonment[screen] = count;
    return json{{"day", quality.day},
                {"sessions", quality.sessions},
                {"tasks_completed", quality.tasks_completed},
                {"completion_rate", optional_number(quality.completion_rate, 4)},
                {"task_time_median_ms", optional_integer(quality.task_time_median_ms)},
                {"task_time_p95_ms", optional_integer(quality.task_time_p95_ms)},
                {"error_rate", optional_number(quality.error_rate, 4)},
                {"timeout_rate", optional_number(quality.timeout_rate, 4)},
                {"abandonment", std::move(abandonment)},
                {"csat_mean", optional_number(quality.csat_mean, 2)},
                {"csat_responses", quality.csat_responses},
                {"surveys_shown", quality.surveys_shown},
                {"response_rate", optional_number(quality.response_rate, 4)},
                {"nps", optional_number(quality.nps, 1)},
                {"nps_responses", quality.nps_responses},
                {"complaints", quality.complaints},
                {"complaints_per_1000", optional_number(quality.complaints_per_1000, 1)},
                {"availability", optional_number(quality.availability, 4)}};
}

namespace {

// Reads one field of a service_quality payload into `out`; an Error names it when it is missing
// or of the wrong type. `nullable`: null is allowed (and leaves an optional empty).
struct FieldReader {
    const json& payload;
    std::string problem;

    const json* field(const char* name, bool nullable) {
        if (!problem.empty()) return nullptr;
        const auto found = payload.find(name);
        if (found == payload.end()) {
            problem = std::string("no field ") + name;
            return nullptr;
        }
        if (found->is_null()) {
            if (!nullable) problem = std::string("field ") + name + " is null";
            return nullptr;
        }
        return &*found;
    }
    void count(const char* name, std::int64_t& out) {
        if (const json* value = field(name, false)) {
            if (value->is_number_integer() && value->get<std::int64_t>() >= 0) {
                out = value->get<std::int64_t>();
            } else {
                problem = std::string("field ") + name + " is not a count";
            }
        }
    }
    void integer(const char* name, std::optional<std::int64_t>& out) {
        if (const json* value = field(name, true)) {
            if (value->is_number_integer()) {
                out = value->get<std::int64_t>();
            } else {
                problem = std::string("field ") + name + " is not an integer";
            }
        }
    }
    void number(const char* name, std::optional<double>& out) {
        if (const json* value = field(name, true)) {
            if (value->is_number() && std::isfinite(value->get<double>())) {
                out = value->get<double>();
            } else {
                problem = std::string("field ") + name + " is not a number";
            }
        }
    }
};

}  // namespace

Result<ServiceQuality> service_quality_from_json(const json& payload) {
    if (!payload.is_object()) return make_error("service_quality", "the payload is not a JSON object");
    ServiceQuality quality;
    FieldReader read{payload, {}};
    if (const json* day = read.field("day", false)) {
        if (day->is_string()) {
            quality.day = day->get<std::string>();
        } else {
            read.problem = "field day is not text";
        }
    }
    read.count("sessions", quality.sessions);
    read.count("tasks_completed", quality.tasks_completed);
    read.number("completion_rate", quality.completion_rate);
    read.integer("task_time_median_ms", quality.task_time_median_ms);
    read.integer("task_time_p95_ms", quality.task_time_p95_ms);
    read.number("error_rate", quality.error_rate);
    read.number("timeout_rate", quality.timeout_rate);
    if (const json* abandonment = read.field("abandonment", false)) {
        if (!abandonment->is_object()) read.problem = "field abandonment is not an object";
        for (auto it = abandonment->begin(); read.problem.empty() && it != abandonment->end(); ++it) {
            if (!it->is_number_integer() || it->get<std::int64_t>() < 0) {
                read.problem = "abandonment count of " + it.key() + " is not a count";
            } else {
                quality.abandonment[it.key()] = it->get<std::int64_t>();
            }
        }
    }
    read.number("csat_mean", quality.csat_mean);
    read.count("csat_responses", quality.csat_responses);
    read.count("surveys_shown", quality.surveys_shown);
    read.number("response_rate", quality.response_rate);
    read.number("nps", quality.nps);
    read.count("nps_responses", quality.nps_responses);
    read.count("complaints", quality.complaints);
    read.number("complaints_per_1000", quality.complaints_per_1000);
    read.number("availability", quality.availability);
    if (!read.problem.empty()) return make_error("service_quality", read.problem);
    return quality;
}

}  // namespace kiosk
