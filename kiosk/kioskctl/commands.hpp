// The kioskctl command groups. Each group has a run function that writes to the given streams and
// returns an exit code (so tests call it in-process), and a register function that adds its
// subcommands to the parser. The run functions print record headers, names and counts only:
// never a payload, key bytes, PAN, track data, PIN or PIN block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/kioskctl/tool_context.hpp"
#include "sim/control/control_protocol.hpp"
#include "security/access/technician_access.hpp"
#include "security/key_ring.hpp"

namespace CLI {
class App;
}

namespace kiosk::kioskctl {

// flow dot: one diagram of the transition table as Graphviz DOT (flow::diagrams() names them); an
// unknown name is one error line naming the known ones and kExitUsage.
inline constexpr std::string_view kDefaultFlowDiagram = "overview";
int run_flow_dot(std::string_view diagram, Streams io);
// flow diagrams: each diagram's name and title, one a line.
int run_flow_diagrams(std::ostream& out);
void register_flow_commands(CLI::App& app, ToolContext& tool);

// outbox status: pending and dead-letter counts, and the oldest pending record's header.
// With as_json: {"pending", "dead_letters", "by_priority", "oldest": {kind, record_id, age_ms, …} | null}.
int run_outbox_status(const KioskConfig& config, const Clock& clock, Streams io, bool as_json = false);
void register_outbox_commands(CLI::App& app, ToolContext& tool);

// journal show: the last `last` electronic-journal lines, oldest first.
inline constexpr std::size_t kDefaultJournalLines = 20;
int run_journal_show(const KioskConfig& config, std::size_t last, Streams io);
// journal verify: walks the HMAC chain (key derived from the keys file's kek) of the database, or
// of an export file when `export_file` is not empty. Prints "journal ok: N entries" and returns
// kExitOk; names the first broken entry and returns kExitFailure; for an export whose only fault
// is a torn last line, says so and returns kExitJournalTorn.
inline constexpr int kExitJournalTorn = 3;
int run_journal_verify(const KioskConfig& config, const std::filesystem::path& export_file, Streams io);
// journal export: every entry to a new file (mode 0600, never overwrites), fsynced.
int run_journal_export(const KioskConfig& config, const std::filesystem::path& out_file, Streams io);
void register_journal_commands(CLI::App& app, ToolContext& tool);
// journal search [--event E]… [--actor A] [--failures] [--since T] [--until T] [--text S] [--last N]
// [--json]: the newest matching lines (store::Journal::search), printed as `journal show` prints
// them, newest first. Times as the journal shows them (2026-01-05T10:15:30.123Z, seconds and
// milliseconds optional, or a day 2026-01-05), "today" (since UTC midnight) or "24h" (any Nh).
// Exit 0 with matches and with none ("no journal lines match"), kExitUsage for a bad option.
struct JournalSearchOptions {
    std::vector<std::string> events;  // "dispense" exactly or "cash_*" a prefix
    std::optional<std::string> actor;
    bool failures = false;
    std::string since;
    std::string until;
    std::optional<std::string> text;  // given but empty: refused
    std::size_t last = 50;
};
int run_journal_search(const KioskConfig& config, const JournalSearchOptions& options, std::int64_t now_unix_ms,
                       bool as_json, Streams io);
// A --since/--until value as Unix milliseconds, or why not (naming the expected forms).
Result<std::int64_t> parse_journal_time(std::string_view text, std::int64_t now_unix_ms);
void register_journal_search_command(CLI::App& journal, ToolContext& tool);

// devices: each [devices] peripheral looked for on the USB bus by vendor:product; exit 1 when a
// configured one is not connected or the bus cannot be read.
int run_devices(const KioskConfig& config, Streams io);
// devices --udev-rules: the udev rule line for each configured peripheral, commented with its key,
// for /etc/udev/rules.d/ (docs/deployment.md, "USB devices"); reads no bus. Exit 1 when [devices]
// names none.
int run_devices_udev_rules(const KioskConfig& config, Streams io);
void register_devices_command(CLI::App& app, ToolContext& tool);

// counters: every persistent counter, by name.
int run_counters(const KioskConfig& config, Streams io, bool as_json = false);  // as_json: {"name": value, …}
void register_counters_command(CLI::App& app, ToolContext& tool);

// keys status: the keys file's mode and the names of the keys in it, then the key ring's backend,
// KEK location, mode, current and retired data key ids.
int run_keys_status(const KioskConfig& config, Streams io);
// keys init: a new key ring with its first data key, under the keys file's KEK or a PKCS#11 one.
int run_keys_init(const KioskConfig& config, const security::KekSpec& kek, RandomSource& random, Streams io);
// A technician's id and PIN/password, as read from standard input by the command.
struct TechnicianCredentials {
    std::string id;
    std::string secret;
};

// keys rotate: a new current data key in the key ring (`random` makes the key: OsRandom in the tool),
// only for a signed-in supervisor. Journals the rotation (actor "technician:<id>") in the kiosk's
// database: exit 1 when the sign-in is refused or the line cannot be written.
int run_keys_rotate(const KioskConfig& config, const TechnicianCredentials& supervisor, RandomSource& random,
                    const Clock& clock, Streams io, const security::AccessPolicy& policy = {});
void register_keys_commands(CLI::App& app, ToolContext& tool);

// users bootstrap: the first supervisor of a kiosk with no technician account yet.
int run_users_bootstrap(const KioskConfig& config, const TechnicianCredentials& first, const Clock& clock, Streams io,
                        const security::AccessPolicy& policy = {});
// users add: a supervisor adds (or replaces) a technician or supervisor account.
int run_users_add(const KioskConfig& config, const TechnicianCredentials& supervisor, const TechnicianCredentials& user,
                  security::TechnicianRole role, const Clock& clock, Streams io,
                  const security::AccessPolicy& policy = {});
void register_users_commands(CLI::App& app, ToolContext& tool);

// sim status|insert-card|press|take-card|take-cash|take-receipt|fault|clear-faults: a running
// `kiosk --sim` over its control socket (<data_dir>/control.sock, docs/simulator.md). No kiosk
// answering → kExitUnavailable with "… not found: is `kiosk --sim` running?"; a request the kiosk
// refuses → its error and kExitFailure. PIN digits sent with `press` are never printed.
int run_sim_request(const std::filesystem::path& socket, const sim::ControlRequest& request, Streams io);
int run_sim_status(const std::filesystem::path& socket, Streams io);
void register_sim_commands(CLI::App& app, ToolContext& tool);

// cx [--day D] [--json]: the service-quality index of the UTC day D (YYYY-MM-DD) from the kiosk's
// own CX statistics, as lines or as the service_quality record's JSON. A day that is not a date
// is kExitUsage.
int run_cx_show(const KioskConfig& config, std::string_view day, bool as_json, Streams io);
// cx upload --day D --as ID: a signed-in technician (Permission::Service) queues D's
// service_quality record in the outbox, sealed with the kiosk's key ring, journaled in the same
// business step (event "service_quality", actor "technician:<ID>").
int run_cx_upload(const KioskConfig& config, std::string_view day, const TechnicianCredentials& technician,
                  RandomSource& random, const Clock& clock, Streams io, const security::AccessPolicy& policy = {});
void register_cx_commands(CLI::App& app, ToolContext& tool);

// status [--json]: the running kiosk's TerminalStatus over its control socket; when no kiosk
// answers, what the database tells (outbox, journal) and "kiosk not running". Exit codes:
// maintenance::exit_code_of (0 in service, 1 degraded, 2 out of service, 69 not running), 78
// when the config cannot be read.
int run_status(const KioskConfig& config, bool as_json, const Clock& clock, Streams io);
// selftest [DEVICE] [--as ID] [--json]: every (or one) device tested by the running kiosk with the
// service mode's own tests (a test ticket, one note per cassette to the reject bin, the reader's
// reset and status, the pad, the sensors, the speech phrase), out of service meanwhile; refused
// while a customer is in session. With a technician, signed in first and journaled as the caller.
// 0 all passed, 1 a test failed or the kiosk refused, 2 out of service after the tests, 69 not running.
int run_selftest(const KioskConfig& config, const std::string& device,
                 const std::optional<TechnicianCredentials>& technician, bool as_json, const Clock& clock, Streams io,
                 const security::AccessPolicy& policy = {});
// upload-now --as ID [--json]: a signed-in technician (Permission::Service) has the running kiosk
// send one batch to the CRM now; prints what was sent and acknowledged.
int run_upload_now(const KioskConfig& config, const TechnicianCredentials& technician, bool as_json,
                   const Clock& clock, Streams io, const security::AccessPolicy& policy = {});
void register_status_commands(CLI::App& app, ToolContext& tool);

// replenish COUNTS --as ID [--capacity N] [--json]: a signed-in technician (Permission::Service)
// records the notes loaded in each cassette (maintenance::CashLedger::replenish, journaled); a
// malformed count, a negative one, or more than a cassette holds is kExitUsage with what was
// expected, and nothing is written.
inline constexpr std::uint32_t kDefaultCassetteCapacity = 2500;
int run_replenish(const KioskConfig& config, std::string_view counts, std::uint32_t capacity,
                  const TechnicianCredentials& technician, bool as_json, const Clock& clock, Streams io,
                  const security::AccessPolicy& policy = {});
// balance [--json]: the cash ledger per cassette beside the running kiosk's dispenser counts.
int run_balance(const KioskConfig& config, bool as_json, Streams io);
void register_cash_commands(CLI::App& app, ToolContext& tool);

// logs [--lines N] [--grep TEXT] [--level L] [--json]: the kiosk's recent log lines — its
// JSON-lines file ([log] dir), or the journal (journalctl -u kiosk) when there is no file —
// filtered, with card-number-like text masked.
int run_logs(const KioskConfig& config, std::size_t lines, const std::string& grep, const std::string& level,
             bool as_json, Streams io);
void register_logs_command(CLI::App& app, ToolContext& tool);

}  // namespace kiosk::kioskctl
