// `kioskctl cx [--day D] [--json]`: the service-quality index of a day (today, UTC, by default)
// computed from the kiosk's own CX statistics (store/cx_stats.hpp) — the records themselves are
// sealed to the CRM. `kioskctl cx upload --day D --as ID`: a technician queues that day's
// `service_quality` record on demand, sealed like the kiosk's own records, journaled.
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>

#include "common/bytes.hpp"
#include "kiosk/cx/cx_day.hpp"
#include "kiosk/cx/record_id.hpp"
#include "kiosk/cx/service_quality_record.hpp"
#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "kiosk/kioskctl/technician_sign_in.hpp"
#include "kiosk/kioskctl/tool_journal.hpp"
#include "security/key_store.hpp"
#include "security/os_random.hpp"
#include "security/record_sealer.hpp"
#include "store/business_step.hpp"

namespace kiosk::kioskctl {
namespace {

// The schema version of the payloads in docs/cx-records.md.
constexpr std::uint32_t kPayloadSchemaVersion = 2;

std::string fixed(double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string percent(const std::optional<double>& rate) { return rate ? fixed(*rate * 100.0, 1) + " %" : "-"; }

std::string seconds(const std::optional<std::int64_t>& ms) {
    return ms ? fixed(static_cast<double>(*ms) / 1000.0, 1) + " s" : "-";
}

void print_quality(const ServiceQuality& quality, std::ostream& out) {
    const auto row = [&out](const char* name, const std::string& value) {
        out << name << std::string(15 - std::string_view(name).size(), ' ') << value << '\n';
    };
    out << "service quality of " << quality.day << " (UTC), from the kiosk's own statistics\n";
    row("sessions", std::to_string(quality.sessions));
    row("completed", std::to_string(quality.tasks_completed) + " (" + percent(quality.completion_rate) + ")");
    row("task time", "median " + seconds(quality.task_time_median_ms) + ", p95 " + seconds(quality.task_time_p95_ms));
    row("errors", percent(quality.error_rate) + " of sessions");
    row("timeouts", percent(quality.timeout_rate) + " of sessions");
    std::string abandoned;
    for (const auto& [screen, count] : quality.abandonment) {
        abandoned += (abandoned.empty() ? "" : ", ") + safe_text(screen) + " " + std::to_string(count);
    }
    row("abandoned at", abandoned.empty() ? "-" : abandoned);
    row("CSAT", (quality.csat_mean ? fixed(*quality.csat_mean, 2) : std::string("-")) + " (" +
                    std::to_string(quality.csat_responses) + " scores; " + std::to_string(quality.surveys_shown) +
                    " surveys shown, " + percent(quality.response_rate) + " answered)");
    row("NPS", (quality.nps ? (*quality.nps > 0 ? "+" : "") + fixed(*quality.nps, 1) : std::string("-")) + " (" +
                   std::to_string(quality.nps_responses) + " answers)");
    row("complaints", std::to_string(quality.complaints) + " (" +
                          (quality.complaints_per_1000 ? fixed(*quality.complaints_per_1000, 1) : std::string("-")) +
                          " per 1,000 sessions)");
    row("availability", percent(quality.availability));
    if (quality.malformed_rows > 0) row("unreadable", std::to_string(quality.malformed_rows) + " statistics rows left out");
}

}  // namespace

int run_cx_show(const KioskConfig& config, std::string_view day, bool as_json, Streams io) {
    if (!parse_utc_day(day)) {
        report_error(io.err, "--day " + safe_text(day) + " is not a date (YYYY-MM-DD)");
        return kExitUsage;
    }
    auto database = open_existing_database(config.database_path());
    if (!database) {
        report_error(io.err, database.error().to_string());
        return kExitFailure;
    }
    auto quality = service_quality_from_store(*database, day);
    if (!quality) {
        report_error(io.err, "reading the CX statistics of " + config.database_path().string() + ": " +
                                 quality.error().to_string());
        return kExitFailure;
    }
    if (as_json) {
        // Only counts and screen names: the statistics hold no card or customer data. dump()
        // escapes control characters, so a stored screen name cannot forge output.
        io.out << to_json(*quality).dump() << '\n';
    } else {
        print_quality(*quality, io.out);
    }
    return kExitOk;
}

int run_cx_upload(const KioskConfig& config, std::string_view day, const TechnicianCredentials& technician,
                  RandomSource& random, const Clock& clock, Streams io, const security::AccessPolicy& policy) {
    if (!parse_utc_day(day)) {
        report_error(io.err, "--day " + safe_text(day) + " is not a date (YYYY-MM-DD)");
        return kExitUsage;
    }
    auto database = open_existing_database(config.database_path());
    if (!database) {
        report_error(io.err, database.error().to_string());
        return kExitFailure;
    }
    // The same key ring the running kiosk seals with (it reserves its encryption counts there, so
    // two processes sealing never reuse an IV).
    auto store = security::KeyRingStore::open(security::key_ring_paths(config.data_dir, config.keys_path()), random);
    if (!store) {
        report_error(io.err, store.error().message);
        return kExitFailure;
    }
    auto chain = journal_chain_of(config);
    if (!chain) {
        report_error(io.err, chain.error().message);
        return kExitFailure;
    }
    const Status done = as_technician(
        config, clock, technician.id, technician.secret, security::Permission::Service,
        [&](std::string_view actor) -> Status {
            std::unique_ptr<security::RecordSealer> sealer;
            try {
                sealer = std::make_unique<security::RecordSealer>(**store);
            } catch (const std::runtime_error& failure) {
                return make_error("keys", failure.what());
            }
            const SealCxRecord seal = [&](std::string_view kind, const std::string& payload) {
                security::RecordHeader header;
                header.record_id = make_uuid_v4(random);
                header.kind = std::string(kind);
                header.kiosk_id = config.kiosk_id;
                header.schema_version = kPayloadSchemaVersion;
                header.created_unix_ms = to_unix_millis(clock.now());
                return sealer->seal(std::move(header), to_bytes(payload), random);
            };
            store::BusinessStep step;
            auto id = add_service_quality_record(step, *database, day, seal);
            if (!id) return id.error();
            step.journal.push_back(store::JournalLine{to_unix_millis(clock.now()), std::string(actor), "service_quality",
                                                      "success", store::journal_origin(config.kiosk_id, "kioskctl"),
                                                      std::string(day), "record " + *id + " queued on demand",
                                                      std::nullopt});
            KIOSK_TRY(store::commit(*database, step, *chain));
            io.out << "queued service_quality record " << *id << " for " << day << " (journaled as " << actor << ")\n";
            return ok_status();
        },
        policy);
    if (!done) {
        report_error(io.err, done.error().message);
        return kExitFailure;
    }
    return kExitOk;
}

void register_cx_commands(CLI::App& app, ToolContext& tool) {
    struct Options {
        std::string day;
        std::string upload_day;
        std::string technician;
    };
    auto options = std::make_shared<Options>();
    CLI::App* cx = app.add_subcommand("cx", "The service-quality index of a day, from the kiosk's own CX statistics");
    cx->add_option("--day", options->day, "The UTC day, YYYY-MM-DD (default: today)");
    CLI::App* upload = cx->add_subcommand(
        "upload", "Queue the day's service_quality record for the CRM (a technician's action; PIN/password on standard input)");
    upload->add_option("--day", options->upload_day, "The UTC day, YYYY-MM-DD")->required();
    upload->add_option("--as", options->technician, "The technician's id")->required();
    // `cx` acts on its own; with `upload` chosen only upload's callback acts (CLI11 runs the parent's too).
    tool.commands_that_act_alone.push_back(cx);
    cx->callback([&tool, options, upload] {
        if (upload->parsed()) return;
        tool.exit_code = with_config(tool, [&tool, options](const KioskConfig& config) {
            const std::string day = options->day.empty() ? utc_day(tool.clock.now()) : options->day;
            tool.json_native = tool.json;
            return run_cx_show(config, day, tool.json, tool.io);
        });
    });
    upload->callback([&tool, options] {
        tool.exit_code = with_config(tool, [&tool, options](const KioskConfig& config) {
            auto secret = read_secret(tool.in, tool.io.err, "PIN/password of " + options->technician);
            if (!secret) {
                report_error(tool.io.err, secret.error().message);
                return kExitUsage;
            }
            security::OsRandom random;
            return run_cx_upload(config, options->upload_day, TechnicianCredentials{options->technician, *secret},
                                 random, tool.clock, tool.io);
        });
    });
}

}  // namespace kiosk::kioskctl
