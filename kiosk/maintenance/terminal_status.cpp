// TerminalStatus (see terminal_status.hpp).
#include "kiosk/maintenance/terminal_status.hpp"

#include <algorithm>

#include "kiosk/cx/cx_day.hpp"
#include "kiosk/cx/service_quality_record.hpp"
#include "store/statement.hpp"

namespace kiosk::maintenance {

namespace {

using Json = nlohmann::json;

template <class T>
Json optional_json(const std::optional<T>& value) {
    return value ? Json(*value) : Json(nullptr);
}

std::string_view priority_name(std::int64_t priority) {
    switch (priority) {
        case 0: return "first";
        case 1: return "normal";
        case 2: return "telemetry";
        default: return "other";
    }
}

Json to_json(const Reachability& reach) {
    return Json{{"reachable", optional_json(reach.reachable)},
                {"latency_ms", optional_json(reach.latency_ms)},
                {"detail", reach.detail}};
}

// Reads `json[key]` into `out` when present and not null; a wrong type is an Error naming the key.
class Reader {
public:
    explicit Reader(const Json& json) : json_(json) {}

    template <class T>
    void optional(const char* key, std::optional<T>& out) {
        if (!json_.contains(key) || json_[key].is_null()) return;
        take(key, [&] { out = json_[key].get<T>(); });
    }
    template <class T>
    void field(const char* key, T& out) {
        if (!json_.contains(key) || json_[key].is_null()) return;
        take(key, [&] { out = json_[key].get<T>(); });
    }
    [[nodiscard]] const std::optional<std::string>& problem() const { return problem_; }
    void fail(std::string text) {
        if (!problem_) problem_ = std::move(text);
    }

private:
    template <class F>
    void take(const char* key, F read) {
        try {
            read();
        } catch (const Json::exception&) {
            fail(std::string("status field '") + key + "' has the wrong type");
        }
    }
    const Json& json_;
    std::optional<std::string> problem_;
};

void read_reachability(const Json& json, const char* key, Reachability& out, Reader& parent) {
    if (!json.contains(key) || json[key].is_null()) return;
    if (!json[key].is_object()) return parent.fail(std::string("status field '") + key + "' is not an object");
    Reader reader(json[key]);
    reader.optional("reachable", out.reachable);
    reader.optional("latency_ms", out.latency_ms);
    reader.field("detail", out.detail);
    if (reader.problem()) parent.fail(*reader.problem());
}

}  // namespace

std::string_view to_string(ServiceState state) {
    switch (state) {
        case ServiceState::in_service: return "in_service";
        case ServiceState::degraded: return "degraded";
        case ServiceState::out_of_service: return "out_of_service";
        case ServiceState::not_running: return "not_running";
        case ServiceState::unknown: return "unknown";
    }
    return "unknown";
}

std::optional<ServiceState> service_state_from_string(std::string_view text) {
    for (ServiceState state : {ServiceState::in_service, ServiceState::degraded, ServiceState::out_of_service,
                               ServiceState::not_running, ServiceState::unknown}) {
        if (to_string(state) == text) return state;
    }
    return std::nullopt;
}

std::string_view describe(ServiceState state) {
    switch (state) {
        case ServiceState::in_service: return "in service";
        case ServiceState::degraded: return "degraded";
        case ServiceState::out_of_service: return "out of service";
        case ServiceState::not_running: return "not running";
        case ServiceState::unknown: return "unknown (first device round not finished)";
    }
    return "unknown";
}

int exit_code_of(ServiceState state) {
    switch (state) {
        case ServiceState::in_service: return kExitInService;
        case ServiceState::degraded: return kExitDegraded;
        case ServiceState::out_of_service: return kExitOutOfService;
        case ServiceState::not_running: return kExitNotRunning;
        case ServiceState::unknown: return kExitDegraded;  // up, but not yet known to serve
    }
    return kExitOutOfService;
}

Json to_json(const TerminalStatus& status) {
    Json devices = Json::array();
    for (const DeviceLine& device : status.devices) {
        devices.push_back(
            Json{{"name", device.name}, {"state", device.state}, {"cause", device.cause}, {"usable", device.usable}});
    }
    const OutboxStats& outbox = status.outbox;
    Json journal = nullptr;
    if (status.journal) {
        journal = Json{{"intact", status.journal->intact},
                       {"entries", status.journal->entries},
                       {"summary", status.journal->summary}};
    }
    Json sqi = nullptr;
    if (status.sqi) {
        sqi = Json{{"day", status.sqi->day},
                   {"sessions", status.sqi->sessions},
                   {"completion_rate", optional_json(status.sqi->completion_rate)},
                   {"availability", optional_json(status.sqi->availability)}};
    }
    return Json{
        {"kiosk_id", status.kiosk_id},
        {"version", status.version},
        {"state", to_string(status.state)},
        {"reason", status.reason},
        {"problems", status.problems},
        {"left_out", status.left_out},
        {"uptime_s", optional_json(status.uptime_s)},
        {"flow_state", optional_json(status.flow_state)},
        {"customer_in_session", status.customer_in_session},
        {"devices", devices},
        {"outbox",
         Json{{"pending", outbox.pending},
              {"pending_by_priority", outbox.pending_by_priority},
              {"oldest_age_ms", optional_json(outbox.oldest_age_ms)},
              {"dead_letters", outbox.dead_letters},
              {"last_success_unix_ms", optional_json(outbox.last_success_unix_ms)},
              {"last_error", optional_json(outbox.last_error)},
              {"last_error_unix_ms", optional_json(outbox.last_error_unix_ms)},
              {"consecutive_failures", optional_json(outbox.consecutive_failures)}}},
        {"journal", journal},
        {"certificate_notices", status.certificate_notices},
        {"data_key", optional_json(status.data_key)},
        {"host", to_json(status.host)},
        {"crm", to_json(status.crm)},
        {"sqi", sqi},
        {"time_unix_ms", status.time_unix_ms},
    };
}

Result<TerminalStatus> terminal_status_from_json(const Json& json) {
    if (!json.is_object()) return make_error("status", "the status is not a JSON object");
    TerminalStatus status;
    Reader reader(json);
    reader.field("kiosk_id", status.kiosk_id);
    reader.field("version", status.version);
    std::string state;
    reader.field("state", state);
    if (auto parsed = service_state_from_string(state)) {
        status.state = *parsed;
    } else {
        reader.fail("status field 'state' is not a known state: '" + state + "'");
    }
    reader.field("reason", status.reason);
    reader.field("problems", status.problems);
    reader.field("left_out", status.left_out);
    reader.optional("uptime_s", status.uptime_s);
    reader.optional("flow_state", status.flow_state);
    reader.field("customer_in_session", status.customer_in_session);
    if (json.contains("devices") && json["devices"].is_array()) {
        for (const Json& item : json["devices"]) {
            if (!item.is_object()) {
                reader.fail("status field 'devices' holds a non-object");
                break;
            }
            DeviceLine device;
            Reader line(item);
            line.field("name", device.name);
            line.field("state", device.state);
            line.field("cause", device.cause);
            line.field("usable", device.usable);
            if (line.problem()) reader.fail(*line.problem());
            status.devices.push_back(std::move(device));
        }
    }
    if (json.contains("outbox") && json["outbox"].is_object()) {
        Reader outbox(json["outbox"]);
        outbox.field("pending", status.outbox.pending);
        outbox.field("pending_by_priority", status.outbox.pending_by_priority);
        outbox.optional("oldest_age_ms", status.outbox.oldest_age_ms);
        outbox.field("dead_letters", status.outbox.dead_letters);
        outbox.optional("last_success_unix_ms", status.outbox.last_success_unix_ms);
        outbox.optional("last_error", status.outbox.last_error);
        outbox.optional("last_error_unix_ms", status.outbox.last_error_unix_ms);
        outbox.optional("consecutive_failures", status.outbox.consecutive_failures);
        if (outbox.problem()) reader.fail(*outbox.problem());
    }
    if (json.contains("journal") && json["journal"].is_object()) {
        JournalCheck check;
        Reader journal(json["journal"]);
        journal.field("intact", check.intact);
        journal.field("entries", check.entries);
        journal.field("summary", check.summary);
        if (journal.problem()) reader.fail(*journal.problem());
        status.journal = check;
    }
    reader.field("certificate_notices", status.certificate_notices);
    reader.optional("data_key", status.data_key);
    read_reachability(json, "host", status.host, reader);
    read_reachability(json, "crm", status.crm, reader);
    if (json.contains("sqi") && json["sqi"].is_object()) {
        SqiSummary sqi;
        Reader figures(json["sqi"]);
        figures.field("day", sqi.day);
        figures.field("sessions", sqi.sessions);
        figures.optional("completion_rate", sqi.completion_rate);
        figures.optional("availability", sqi.availability);
        if (figures.problem()) reader.fail(*figures.problem());
        status.sqi = sqi;
    }
    reader.field("time_unix_ms", status.time_unix_ms);
    if (reader.problem()) return make_error("status", *reader.problem());
    return status;
}

Result<OutboxStats> read_outbox_stats(store::Database& database, TimePoint now) {
    OutboxStats stats;
    auto by_priority = store::Statement::prepare(
        database, "SELECT priority, COUNT(*), MIN(created_unix_ms) FROM outbox GROUP BY priority ORDER BY priority");
    if (!by_priority) return by_priority.error();
    std::optional<std::int64_t> oldest;
    while (true) {
        auto row = by_priority->step();
        if (!row) return row.error();
        if (!*row) break;
        const std::int64_t count = by_priority->column_int64(1);
        stats.pending += count;
        stats.pending_by_priority[std::string(priority_name(by_priority->column_int64(0)))] += count;
        const std::int64_t created = by_priority->column_int64(2);
        if (!oldest || created < *oldest) oldest = created;
    }
    if (oldest) stats.oldest_age_ms = std::max<std::int64_t>(0, to_unix_millis(now) - *oldest);
    auto dead = store::Statement::prepare(database, "SELECT COUNT(*) FROM dead_letter");
    if (!dead) return dead.error();
    auto row = dead->step();
    if (!row) return row.error();
    if (*row) stats.dead_letters = dead->column_int64(0);
    return stats;
}

Result<SqiSummary> read_sqi_summary(store::Database& database, TimePoint now) {
    const std::string day = utc_day(now);
    auto quality = service_quality_from_store(database, day);
    if (!quality) return quality.error();
    SqiSummary summary;
    summary.day = day;
    summary.sessions = static_cast<std::int64_t>(quality->sessions);
    summary.completion_rate = quality->completion_rate;
    summary.availability = quality->availability;
    return summary;
}

}  // namespace kiosk::maintenance
