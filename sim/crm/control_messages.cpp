// JSON of the simulated CRM's control endpoints (see control_messages.hpp), nlohmann::json parsed
// without exceptions.
#include "sim/crm/control_messages.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>

#include "crm/profile_format.hpp"

namespace kiosk::sim {
namespace {

using nlohmann::json;

Error control_error(const std::string& what) { return make_error("sim-crm", "control: " + what); }

Result<json> parse(std::string_view text, bool want_object) {
    json document = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) return control_error("not valid JSON");
    if (want_object && !document.is_object()) return control_error("top level is not a JSON object");
    if (!want_object && !document.is_array()) return control_error("top level is not a JSON array");
    return document;
}

Result<std::string> string_field(const json& object, const char* name) {
    const auto found = object.find(name);
    if (found == object.end()) return control_error(std::string(name) + " is missing");
    if (!found->is_string()) return control_error(std::string(name) + " is not a string");
    return found->get<std::string>();
}

Result<std::int64_t> integer_field(const json& object, const char* name) {
    const auto found = object.find(name);
    if (found == object.end()) return control_error(std::string(name) + " is missing");
    if (!found->is_number_integer() ||
        (found->is_number_unsigned() &&
         found->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))) {
        return control_error(std::string(name) + " is not an integer");
    }
    return found->get<std::int64_t>();
}

Result<std::size_t> count_field(const json& object, const char* name) {
    auto value = integer_field(object, name);
    if (!value) return value.error();
    if (*value < 0) return control_error(std::string(name) + " is negative");
    return static_cast<std::size_t>(*value);
}

json by_status(const std::map<int, std::size_t>& counts) {
    json object = json::object();
    for (const auto& [status, count] : counts) object[std::to_string(status)] = count;
    return object;
}

Result<std::map<int, std::size_t>> read_by_status(const json& document, const char* name) {
    const auto found = document.find(name);
    if (found == document.end() || !found->is_object()) return control_error(std::string(name) + " is not an object");
    std::map<int, std::size_t> counts;
    for (const auto& [key, value] : found->items()) {
        int status = 0;
        try {
            std::size_t used = 0;
            status = std::stoi(key, &used);
            if (used != key.size()) throw std::invalid_argument(key);
        } catch (const std::exception&) {
            return control_error(std::string(name) + " has a key that is not an HTTP status");
        }
        if (!value.is_number_unsigned()) return control_error(std::string(name) + "." + key + " is not a count");
        counts[status] = value.get<std::size_t>();
    }
    return counts;
}

std::string dump(const json& document) { return document.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string encode_fault_request(const FaultRequest& request) {
    json document = {{"fault", std::string(fault_name(request.fault))},
                     {"times", request.times},
                     {"endpoint", std::string(endpoint_name(request.endpoint))}};
    if (!request.retry_after.empty()) document["retry_after"] = request.retry_after;
    return dump(document);
}

Result<FaultRequest> decode_fault_request(std::string_view text) {
    auto document = parse(text, true);
    if (!document) return document.error();
    FaultRequest request;
    auto name = string_field(*document, "fault");
    if (!name) return name.error();
    auto fault = parse_fault(*name);
    if (!fault) return control_error(fault.error().message);
    request.fault = *fault;
    if (document->contains("times")) {
        auto times = integer_field(*document, "times");
        if (!times) return times.error();
        if (*times < 1 || *times > max_fault_times) {
            return control_error("times is not between 1 and " + std::to_string(max_fault_times));
        }
        request.times = static_cast<int>(*times);
    }
    if (document->contains("endpoint")) {
        auto endpoint_text = string_field(*document, "endpoint");
        if (!endpoint_text) return endpoint_text.error();
        auto endpoint = parse_endpoint(*endpoint_text);
        if (!endpoint) return control_error(endpoint.error().message);
        request.endpoint = *endpoint;
    }
    if (document->contains("retry_after")) {
        auto retry_after = string_field(*document, "retry_after");
        if (!retry_after) return retry_after.error();
        // It goes into a header: no line breaks, nothing a header cannot carry.
        if (retry_after->find_first_of("\r\n") != std::string::npos) return control_error("retry_after has a line break");
        request.retry_after = std::move(*retry_after);
    }
    return request;
}

std::string encode_complaint_update(ComplaintState state) {
    return dump(json{{"status", std::string(crm::complaint_state_name(state))}});
}

Result<ComplaintState> decode_complaint_update(std::string_view text) {
    auto document = parse(text, true);
    if (!document) return document.error();
    auto status = string_field(*document, "status");
    if (!status) return status.error();
    auto state = crm::parse_complaint_state(*status);
    if (!state) return control_error("status is not received, in_progress or resolved");
    return *state;
}

std::string encode_stats(const SimCrmStats& stats) {
    return dump(json{{"records_held", stats.records_held},
                     {"records_opened", stats.records_opened},
                     {"complaints", stats.complaints},
                     {"record_requests_by_status", by_status(stats.record_requests_by_status)},
                     {"profile_requests_by_status", by_status(stats.profile_requests_by_status)}});
}

Result<SimCrmStats> decode_stats(std::string_view text) {
    auto document = parse(text, true);
    if (!document) return document.error();
    SimCrmStats stats;
    auto held = count_field(*document, "records_held");
    if (!held) return held.error();
    auto opened = count_field(*document, "records_opened");
    if (!opened) return opened.error();
    auto complaints = count_field(*document, "complaints");
    if (!complaints) return complaints.error();
    auto records = read_by_status(*document, "record_requests_by_status");
    if (!records) return records.error();
    auto profiles = read_by_status(*document, "profile_requests_by_status");
    if (!profiles) return profiles.error();
    stats.records_held = *held;
    stats.records_opened = *opened;
    stats.complaints = *complaints;
    stats.record_requests_by_status = std::move(*records);
    stats.profile_requests_by_status = std::move(*profiles);
    return stats;
}

std::string encode_request_log(const std::vector<RequestLogEntry>& log) {
    json entries = json::array();
    for (const auto& entry : log) {
        entries.push_back({{"unix_ms", entry.unix_ms},
                           {"path", entry.path},
                           {"http_status", entry.http_status},
                           {"records_in_batch", entry.records_in_batch}});
    }
    return dump(entries);
}

Result<std::vector<RequestLogEntry>> decode_request_log(std::string_view text) {
    auto document = parse(text, false);
    if (!document) return document.error();
    std::vector<RequestLogEntry> log;
    for (const auto& item : *document) {
        if (!item.is_object()) return control_error("a request log entry is not an object");
        RequestLogEntry entry;
        auto unix_ms = integer_field(item, "unix_ms");
        if (!unix_ms) return unix_ms.error();
        auto path = string_field(item, "path");
        if (!path) return path.error();
        auto status = integer_field(item, "http_status");
        if (!status) return status.error();
        auto records = count_field(item, "records_in_batch");
        if (!records) return records.error();
        entry.unix_ms = *unix_ms;
        entry.path = std::move(*path);
        entry.http_status = static_cast<int>(*status);
        entry.records_in_batch = *records;
        log.push_back(std::move(entry));
    }
    return log;
}

std::string encode_error(std::string_view message) { return dump(json{{"error", std::string(message)}}); }

}  // namespace kiosk::sim
