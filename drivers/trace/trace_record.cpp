// TraceRecord ⇄ JSON line (see trace_record.hpp).
#include "drivers/trace/trace_record.hpp"

#include <cctype>

namespace kiosk::drivers {

namespace {

constexpr std::size_t max_line = 64 * 1024;

Error field_error(std::string_view field, std::string_view want) {
    return make_error("trace", "field '" + std::string(field) + "' missing or not " + std::string(want));
}

}  // namespace

std::string_view to_string(TraceKind kind) { return kind == TraceKind::command ? "command" : "event"; }

nlohmann::json TraceRecord::outcome() const {
    nlohmann::json j{{"kind", to_string(kind)}, {"device", device}, {"name", name}, {"ok", ok}, {"detail", detail}};
    if (!ok) {
        j["error_domain"] = error_domain;
        j["error_code"] = error_code;
        j["error"] = error;
    }
    return j;
}

std::string to_json_line(const TraceRecord& record) {
    nlohmann::json j = record.outcome();
    j["request_id"] = record.request_id;
    j["start_ms"] = record.start_ms;
    j["end_ms"] = record.end_ms;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<TraceRecord> parse_trace_line(std::string_view line) {
    if (line.size() > max_line) return make_error("trace", "line longer than " + std::to_string(max_line) + " bytes");
    const nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return make_error("trace", "line is not a JSON object");
    TraceRecord r;
    const auto string_field = [&](const char* key, std::string& out) -> bool {
        auto it = j.find(key);
        if (it == j.end() || !it->is_string()) return false;
        out = it->get<std::string>();
        return true;
    };
    const auto int_field = [&](const char* key, std::int64_t& out) -> bool {
        auto it = j.find(key);
        if (it == j.end() || !it->is_number_integer()) return false;
        out = it->get<std::int64_t>();
        return true;
    };
    std::string kind;
    if (!string_field("kind", kind) || (kind != "command" && kind != "event")) {
        return field_error("kind", "\"command\" or \"event\"");
    }
    r.kind = kind == "command" ? TraceKind::command : TraceKind::event;
    if (!string_field("device", r.device)) return field_error("device", "a string");
    if (!string_field("name", r.name)) return field_error("name", "a string");
    std::int64_t id = 0;
    if (!int_field("request_id", id) || id < 0) return field_error("request_id", "a non-negative integer");
    r.request_id = static_cast<std::uint64_t>(id);
    if (!int_field("start_ms", r.start_ms)) return field_error("start_ms", "an integer");
    if (!int_field("end_ms", r.end_ms)) return field_error("end_ms", "an integer");
    auto ok = j.find("ok");
    if (ok == j.end() || !ok->is_boolean()) return field_error("ok", "a boolean");
    r.ok = ok->get<bool>();
    if (!r.ok) {
        std::int64_t code = 0;
        if (!string_field("error_domain", r.error_domain)) return field_error("error_domain", "a string");
        if (!int_field("error_code", code) || code < 0 || code > 0xFFFF) return field_error("error_code", "an integer 0-65535");
        r.error_code = static_cast<int>(code);
        if (!string_field("error", r.error)) return field_error("error", "a string");
    }
    auto detail = j.find("detail");
    if (detail == j.end() || !detail->is_object()) return field_error("detail", "an object");
    r.detail = *detail;
    return r;
}

std::string scrub_digits(std::string_view text) {
    std::string out(text);
    std::size_t i = 0;
    while (i < out.size()) {
        if (std::isdigit(static_cast<unsigned char>(out[i])) == 0) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < out.size() && std::isdigit(static_cast<unsigned char>(out[end])) != 0) ++end;
        if (end - i >= 6) {
            for (std::size_t k = i; k < end; ++k) out[k] = '#';
        }
        i = end;
    }
    return out;
}

}  // namespace kiosk::drivers
