#include "sim/crm/crm_report_data.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "kiosk/cx/cx_day.hpp"
#include "sim/crm/html_text.hpp"

namespace kiosk::sim {

namespace {

using nlohmann::json;

// "" when `payload[name]` is absent or of the expected shape, else why not.
std::string check_text(const json& payload, const char* name, bool required = false) {
    const auto found = payload.find(name);
    if (found == payload.end() || found->is_null()) return required ? std::string("no ") + name : std::string();
    return found->is_string() ? std::string() : std::string(name) + " is not text";
}

std::string check_count(const json& payload, const char* name, std::int64_t low = 0, std::int64_t high = INT64_MAX) {
    const auto found = payload.find(name);
    if (found == payload.end() || found->is_null()) return {};
    if (!found->is_number_integer()) return std::string(name) + " is not an integer";
    const auto value = found->get<std::int64_t>();
    return value < low || value > high ? std::string(name) + " is out of range" : std::string();
}

std::string first_problem(std::initializer_list<std::string> problems) {
    for (const std::string& problem : problems) {
        if (!problem.empty()) return problem;
    }
    return {};
}

// A step's dwell time: dwell_ms (the contract), duration_ms (schema 1), or left − entered.
std::optional<std::int64_t> dwell_of(const json& step) {
    for (const char* name : {"dwell_ms", "duration_ms"}) {
        const auto found = step.find(name);
        if (found != step.end() && found->is_number_integer()) return found->get<std::int64_t>();
    }
    const auto entered = step.find("entered_unix_ms");
    const auto left = step.find("left_unix_ms");
    if (entered != step.end() && left != step.end() && entered->is_number_integer() && left->is_number_integer()) {
        return left->get<std::int64_t>() - entered->get<std::int64_t>();
    }
    return std::nullopt;
}

std::string check_journey(const json& payload) {
    std::string problem = first_problem({check_text(payload, "outcome", true), check_text(payload, "abandoned_at"),
                                         check_text(payload, "language"), check_text(payload, "segment"),
                                         check_count(payload, "total_ms"), check_count(payload, "error_count"),
                                         check_count(payload, "timeout_count")});
    if (!problem.empty()) return problem;
    const auto steps = payload.find("steps");
    if (steps == payload.end() || steps->is_null()) return {};
    if (!steps->is_array()) return "steps is not a list";
    for (const json& step : *steps) {
        if (!step.is_object()) return "a step is not an object";
        problem = first_problem({check_text(step, "screen", true), check_count(step, "dwell_ms"),
                                 check_count(step, "duration_ms")});
        if (!problem.empty()) return "a step: " + problem;
    }
    return {};
}

std::string check_survey(const json& payload) {
    std::string problem = first_problem({check_text(payload, "status", true), check_count(payload, "csat", 1, 5),
                                         check_count(payload, "nps", 0, 10), check_text(payload, "language"),
                                         check_text(payload, "segment")});
    if (!problem.empty()) return problem;
    const std::string status = payload["status"].get<std::string>();
    if (status != "answered" && status != "skipped" && status != "timed_out") return "unknown status";
    return {};
}

std::string check_complaint(const json& payload) {
    return first_problem({check_text(payload, "reference", true), check_text(payload, "category", true),
                          check_text(payload, "language"), check_text(payload, "detail"), check_text(payload, "currency"),
                          check_count(payload, "amount_minor")});
}

std::string check_payload(const std::string& kind, const json& payload) {
    if (!payload.is_object()) return "the payload is not a JSON object";
    if (kind == "journey") return check_journey(payload);
    if (kind == "survey") return check_survey(payload);
    if (kind == "complaint") return check_complaint(payload);
    if (kind == "service_quality") {
        auto quality = service_quality_from_json(payload);
        return quality.ok() ? std::string() : quality.error().message;
    }
    return {};
}

std::string text_or(const json& payload, const char* name, const std::string& otherwise) {
    const auto found = payload.find(name);
    return found != payload.end() && found->is_string() ? found->get<std::string>() : otherwise;
}

struct Opened {
    const OpenedCrmRecord* record;
    json payload;
    std::string day;
};

// Survey groups through the index's own CSAT/NPS definitions (compute_service_quality).
std::vector<Satisfaction> satisfaction_by(const std::vector<Opened>& surveys,
                                          const std::function<std::string(const Opened&)>& group_of) {
    std::map<std::string, std::vector<store::CxStat>> groups;
    for (const Opened& survey : surveys) groups[group_of(survey)].push_back({"", "survey", survey.record->payload_json});
    std::vector<Satisfaction> out;
    for (const auto& [group, rows] : groups) {
        const ServiceQuality quality = compute_service_quality("", rows, std::nullopt);
        out.push_back(Satisfaction{group, quality.surveys_shown, quality.response_rate, quality.csat_mean,
                                   quality.csat_responses, quality.nps, quality.nps_responses});
    }
    return out;
}

std::string amount_text(const json& payload) {
    const auto amount = payload.find("amount_minor");
    if (amount == payload.end() || !amount->is_number_integer()) return {};
    const auto minor = amount->get<std::int64_t>();
    return fixed_number(static_cast<double>(minor) / 100.0, 2) + " " + text_or(payload, "currency", "");
}

}  // namespace

ReportData gather_report_data(const std::vector<OpenedCrmRecord>& records,
                              const std::map<std::string, std::string>& complaint_statuses) {
    ReportData data;
    data.records = records.size();
    std::set<std::string> kiosks, days;
    std::vector<Opened> journeys, surveys, complaints, indexes;
    for (const OpenedCrmRecord& record : records) {
        ++data.by_kind[record.kind];
        Opened opened{&record, json::parse(record.payload_json, nullptr, false), utc_day_of_unix_ms(record.created_unix_ms)};
        const std::string problem =
            opened.payload.is_discarded() ? std::string("the payload is not JSON") : check_payload(record.kind, opened.payload);
        if (!problem.empty()) {
            data.malformed.push_back({record.record_id, record.kind, record.kiosk_id, problem});
            continue;
        }
        kiosks.insert(record.kiosk_id);
        days.insert(opened.day);
        if (record.kind == "journey") journeys.push_back(std::move(opened));
        if (record.kind == "survey") surveys.push_back(std::move(opened));
        if (record.kind == "complaint") complaints.push_back(std::move(opened));
        if (record.kind == "service_quality") indexes.push_back(std::move(opened));
    }
    data.kiosks.assign(kiosks.begin(), kiosks.end());
    data.days.assign(days.begin(), days.end());
    data.journeys = static_cast<std::int64_t>(journeys.size());

    // Funnel and time per step: each journey counts a screen once however often it came back.
    std::map<std::string, FunnelStep> funnel;
    std::map<std::string, std::vector<std::int64_t>> dwell;
    for (const Opened& journey : journeys) {
        std::set<std::string> seen;
        const auto steps = journey.payload.find("steps");
        if (steps != journey.payload.end() && steps->is_array()) {
            std::size_t position = 0;
            for (const json& step : *steps) {
                const std::string screen = step["screen"].get<std::string>();
                if (const auto ms = dwell_of(step); ms && *ms >= 0) dwell[screen].push_back(*ms);
                if (seen.insert(screen).second) {
                    FunnelStep& entry = funnel[screen];
                    entry.screen = screen;
                    entry.mean_position += static_cast<double>(position);
                    ++entry.reached;
                }
                ++position;
            }
        }
        const std::string abandoned = text_or(journey.payload, "abandoned_at", "");
        if (!abandoned.empty()) {
            FunnelStep& entry = funnel[abandoned];
            entry.screen = abandoned;
            ++entry.abandoned;
        }
    }
    for (auto& [screen, step] : funnel) {
        step.mean_position = step.reached > 0 ? step.mean_position / static_cast<double>(step.reached) : 1e9;
        data.funnel.push_back(step);
    }
    // A funnel narrows: most-reached first; screens reached as often (one path) in journey order.
    std::stable_sort(data.funnel.begin(), data.funnel.end(), [](const FunnelStep& a, const FunnelStep& b) {
        if (a.reached != b.reached) return a.reached > b.reached;
        return a.mean_position < b.mean_position;
    });
    for (const FunnelStep& step : data.funnel) {
        const auto found = dwell.find(step.screen);
        if (found == dwell.end() || found->second.empty()) continue;
        data.step_times.push_back(StepTime{step.screen, static_cast<std::int64_t>(found->second.size()),
                                           *median_of(found->second), *nearest_rank_percentile(found->second, 95)});
    }

    data.by_day = satisfaction_by(surveys, [](const Opened& survey) { return survey.day; });
    data.by_segment = satisfaction_by(surveys, [](const Opened& survey) { return text_or(survey.payload, "segment", "(none)"); });
    data.by_language = satisfaction_by(surveys, [](const Opened& survey) { return text_or(survey.payload, "language", "(none)"); });

    for (const Opened& complaint : complaints) {
        ComplaintRow row;
        row.reference = complaint.payload["reference"].get<std::string>();
        row.kiosk_id = complaint.record->kiosk_id;
        row.day = complaint.day;
        row.category = complaint.payload["category"].get<std::string>();
        row.language = text_or(complaint.payload, "language", "");
        const auto status = complaint_statuses.find(row.reference);
        row.status = status == complaint_statuses.end() ? std::string() : status->second;
        row.amount = amount_text(complaint.payload);
        const auto offered = complaint.payload.find("offered_after_failure");
        row.offered_after_failure = offered != complaint.payload.end() && offered->is_boolean() && offered->get<bool>();
        row.detail = text_or(complaint.payload, "detail", "");
        ++data.complaints_by_status[row.status.empty() ? "not known" : row.status];
        data.complaints.push_back(std::move(row));
    }

    // The index per kiosk and day: the kiosk's own record when the CRM has one (the newest), else
    // computed from that kiosk's journeys, surveys and complaints of the day (no availability).
    std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, ServiceQuality>> recorded;
    for (const Opened& index : indexes) {
        ServiceQuality quality = *service_quality_from_json(index.payload);
        auto key = std::make_pair(index.record->kiosk_id, quality.day);
        const auto found = recorded.find(key);
        if (found == recorded.end() || found->second.first <= index.record->created_unix_ms) {
            recorded[key] = {index.record->created_unix_ms, std::move(quality)};
        }
    }
    std::map<std::pair<std::string, std::string>, std::vector<store::CxStat>> rows;
    for (const auto* group : {&journeys, &surveys, &complaints}) {
        for (const Opened& opened : *group) {
            rows[{opened.record->kiosk_id, opened.day}].push_back({opened.day, opened.record->kind, opened.record->payload_json});
        }
    }
    std::set<std::pair<std::string, std::string>> keys;
    for (const auto& entry : recorded) keys.insert(entry.first);
    for (const auto& entry : rows) keys.insert(entry.first);
    for (const auto& key : keys) {
        const auto found = recorded.find(key);
        if (found != recorded.end()) {
            data.quality.push_back({key.first, key.second, true, found->second.second});
        } else {
            data.quality.push_back({key.first, key.second, false, compute_service_quality(key.second, rows[key], std::nullopt)});
        }
    }
    return data;
}

}  // namespace kiosk::sim
