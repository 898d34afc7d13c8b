// TerminalStatus: one snapshot of how the terminal is, for a technician — `kioskctl status` (from
// the running kiosk over its control socket, or from the database when the kiosk is not running)
// and the service-mode information pages. Plain data, no UI: device states and causes, what the
// kiosk offers, the outbox's backlog per priority, the uploader's last success and error, the
// journal's chain check, certificate and key notices, host and CRM reachability, today's SQI
// figures, version and uptime. Gathered off the loop (kiosk/control/status_gatherer.hpp reads the
// loop's last device round through the loop, everything else from its own database connection).
// Never card data: states, reasons in words, counts and times.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "store/database.hpp"

namespace kiosk::maintenance {

// What a monitoring script needs first; kioskctl status's exit code follows it.
enum class ServiceState : std::uint8_t {
    in_service,      // everything offered
    degraded,        // serving, with something left out (receipts, withdrawals, cards) or a problem noted
    out_of_service,  // serving nobody (tamper, devices, storage full, host unreachable)
    not_running,     // no kiosk answered its control socket: what is shown comes from the database
    unknown,         // running, but its first device round has not finished yet
};
std::string_view to_string(ServiceState state);
std::optional<ServiceState> service_state_from_string(std::string_view text);

struct DeviceLine {
    std::string name;   // card_reader, pin_pad, printer, dispenser, sensors
    std::string state;  // XFS4IoT-style: online, noDevice, hardwareError, …
    std::string cause;  // empty when usable; else the driver's description ("paper out", "no answer")
    bool usable = false;
};

struct OutboxStats {
    std::int64_t pending = 0;
    std::map<std::string, std::int64_t> pending_by_priority;  // "first", "normal", "telemetry"
    std::optional<std::int64_t> oldest_age_ms;                // the oldest pending record's age
    std::int64_t dead_letters = 0;
    // The uploader's view (only while the kiosk runs).
    std::optional<std::int64_t> last_success_unix_ms;
    std::optional<std::string> last_error;
    std::optional<std::int64_t> last_error_unix_ms;
    std::optional<std::int64_t> consecutive_failures;
};

struct Reachability {
    std::optional<bool> reachable;     // nullopt: not known (kiosk not running, no round yet)
    std::optional<std::int64_t> latency_ms;  // nullopt: not measured
    std::string detail;                // "last answered 12 s ago", the last error, …
};

struct JournalCheck {
    bool intact = false;
    std::size_t entries = 0;
    std::string summary;  // store::describe(verdict), or why it could not be checked
};

struct SqiSummary {
    std::string day;  // YYYY-MM-DD (UTC)
    std::int64_t sessions = 0;
    std::optional<double> completion_rate;
    std::optional<double> availability;
};

struct TerminalStatus {
    std::string kiosk_id;
    std::string version;
    ServiceState state = ServiceState::unknown;
    std::string reason;                 // out of service: the reason's name ("tamper", "devices", …)
    std::vector<std::string> problems;  // one line each: "printer: paper out"
    std::vector<std::string> left_out;  // what a degraded kiosk does not offer: receipts, withdrawals, cards
    std::optional<std::int64_t> uptime_s;
    std::optional<std::string> flow_state;  // the flow's state name now
    bool customer_in_session = false;
    std::vector<DeviceLine> devices;
    OutboxStats outbox;
    std::optional<JournalCheck> journal;
    std::vector<std::string> certificate_notices;  // certificates expired or expiring within 30 days, TLS notices
    std::optional<std::string> data_key;           // the key ring's current data key id
    Reachability host;
    Reachability crm;
    std::optional<SqiSummary> sqi;
    std::int64_t time_unix_ms = 0;
};

nlohmann::json to_json(const TerminalStatus& status);
// The reverse, for kioskctl reading the kiosk's reply; an Error names the first field that is wrong.
Result<TerminalStatus> terminal_status_from_json(const nlohmann::json& json);

// The outbox's backlog from the database (per priority, oldest age, dead letters).
Result<OutboxStats> read_outbox_stats(store::Database& database, TimePoint now);
// Today's (UTC) service-quality figures from the kiosk's own CX statistics (kiosk/cx/).
Result<SqiSummary> read_sqi_summary(store::Database& database, TimePoint now);

// `kioskctl status` exit codes (docs/kioskctl.md, "Exit codes").
inline constexpr int kExitInService = 0;
inline constexpr int kExitDegraded = 1;
inline constexpr int kExitOutOfService = 2;
inline constexpr int kExitNotRunning = 69;  // EX_UNAVAILABLE: the status came from the database
int exit_code_of(ServiceState state);

// "in service", "degraded", "out of service", "not running", "unknown" (human words).
std::string_view describe(ServiceState state);

}  // namespace kiosk::maintenance
