// `kioskctl status`, `kioskctl selftest` and `kioskctl upload-now`: the running kiosk over its
// control socket (kiosk_link.hpp). status works without the kiosk too — from the database — and
// says "kiosk not running"; its exit code tells healthy, degraded, out of service, not running.
#include <CLI/CLI.hpp>

#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "kiosk/kioskctl/kiosk_link.hpp"
#include "kiosk/kioskctl/technician_sign_in.hpp"
#include "kiosk/kioskctl/tool_journal.hpp"
#include "kiosk/maintenance/terminal_status.hpp"
#include "store/journal_verifier.hpp"

namespace kiosk::kioskctl {

namespace {

using nlohmann::json;
using maintenance::TerminalStatus;

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string age_text(std::optional<std::int64_t> unix_ms, std::int64_t now_ms) {
    if (!unix_ms) return "never";
    return format_age(now_ms - *unix_ms) + " ago";
}

std::string reach_text(const maintenance::Reachability& reach) {
    std::string text = !reach.reachable ? "not known" : (*reach.reachable ? "reachable" : "NOT reachable");
    if (reach.latency_ms) text += ", " + std::to_string(*reach.latency_ms) + " ms";
    if (!reach.detail.empty()) text += " (" + safe_text(reach.detail) + ")";
    return text;
}

void print_status(const TerminalStatus& status, std::ostream& out) {
    out << "kiosk " << safe_text(status.kiosk_id);
    if (!status.version.empty()) out << " (version " << safe_text(status.version) << ")";
    out << ": " << maintenance::describe(status.state);
    if (!status.reason.empty()) out << " (" << safe_text(status.reason) << ")";
    if (status.uptime_s) out << ", up " << format_age(*status.uptime_s * 1000);
    if (status.state == maintenance::ServiceState::not_running) out << "; from the database:";
    out << '\n';
    if (!status.left_out.empty()) {
        std::string left;
        for (const std::string& item : status.left_out) left += (left.empty() ? "" : ", ") + item;
        out << "  not offered: " << left << '\n';
    }
    for (const std::string& problem : status.problems) out << "  problem: " << safe_text(problem) << '\n';
    if (status.flow_state) {
        out << "flow: " << safe_text(*status.flow_state)
            << (status.customer_in_session ? " (a customer is in session)" : " (no customer)") << '\n';
    }
    if (!status.devices.empty()) out << "devices:\n";
    for (const maintenance::DeviceLine& device : status.devices) {
        out << "  " << device.name << ": " << safe_text(device.state);
        if (!device.cause.empty()) out << " (" << safe_text(device.cause) << ")";
        out << '\n';
    }
    const maintenance::OutboxStats& outbox = status.outbox;
    out << "outbox: " << outbox.pending << " pending";
    if (!outbox.pending_by_priority.empty()) {
        std::string split;
        for (const auto& [priority, count] : outbox.pending_by_priority) {
            split += (split.empty() ? "" : ", ") + priority + " " + std::to_string(count);
        }
        out << " (" << split << ")";
    }
    if (outbox.oldest_age_ms) out << ", oldest " << format_age(*outbox.oldest_age_ms);
    out << ", " << outbox.dead_letters << " dead letters\n";
    if (outbox.last_success_unix_ms || outbox.last_error) {
        out << "  last upload answered: " << age_text(outbox.last_success_unix_ms, status.time_unix_ms) << '\n';
    }
    if (outbox.last_error) {
        out << "  last upload error: " << safe_text(*outbox.last_error) << " ("
            << age_text(outbox.last_error_unix_ms, status.time_unix_ms) << ")\n";
    }
    out << "host: " << reach_text(status.host) << '\n';
    out << "CRM: " << reach_text(status.crm) << '\n';
    if (status.journal) out << "journal: " << safe_text(status.journal->summary) << '\n';
    for (const std::string& notice : status.certificate_notices) out << "certificate: " << safe_text(notice) << '\n';
    if (status.data_key) out << "data key: " << safe_text(*status.data_key) << '\n';
    if (status.sqi) {
        const auto percent = [](const std::optional<double>& rate) {
            return rate ? std::to_string(static_cast<int>(*rate * 100.0 + 0.5)) + " %" : std::string("-");
        };
        out << "today (" << status.sqi->day << "): " << status.sqi->sessions << " sessions, completion "
            << percent(status.sqi->completion_rate) << ", availability " << percent(status.sqi->availability)
            << " (kioskctl cx for the whole index)\n";
    }
}

// What the database alone tells, when no kiosk answers.
TerminalStatus offline_status(const KioskConfig& config, const Clock& clock, const std::string& why,
                              std::ostream& err) {
    TerminalStatus status;
    status.kiosk_id = config.kiosk_id;
    status.state = maintenance::ServiceState::not_running;
    status.reason = why.starts_with("kiosk not running: ") ? why.substr(19) : why;
    status.time_unix_ms = to_unix_millis(clock.now());
    auto database = open_existing_database(config.database_path());
    if (!database) {
        report_error(err, database.error().to_string());
        return status;
    }
    if (auto outbox = maintenance::read_outbox_stats(*database, clock.now())) {
        status.outbox = *outbox;
    } else {
        report_error(err, "reading the outbox: " + outbox.error().to_string());
    }
    maintenance::JournalCheck check;
    if (auto chain = journal_chain_of(config)) {
        if (auto verdict = store::verify_journal(*database, *chain)) {
            check.intact = verdict->intact();
            check.entries = verdict->entries;
            check.summary = store::describe(*verdict);
        } else {
            check.summary = "not checked: " + verdict.error().to_string();
        }
    } else {
        check.summary = "not checked: " + chain.error().to_string();
    }
    status.journal = check;
    if (auto sqi = maintenance::read_sqi_summary(*database, clock.now())) status.sqi = *sqi;
    return status;
}

// Asks the kiosk; prints a refusal or an unreachable kiosk; nullopt then, with `code` set.
std::optional<json> ask(const KioskConfig& config, const control::KioskRequest& request, Millis timeout, Streams io,
                        int& code) {
    auto answer = ask_kiosk(config.kiosk_socket_path(), request, timeout);
    if (!answer) {
        report_error(io.err, answer.error().to_string());
        code = kExitUnavailable;
        return std::nullopt;
    }
    if (!answer->reached) {
        report_error(io.err, answer->error);
        code = kExitUnavailable;
        return std::nullopt;
    }
    if (!answer->reply["ok"].get<bool>()) {
        const json& error = answer->reply["error"];
        report_error(io.err, "the kiosk refused: " + safe_text(error.is_string() ? error.get<std::string>() : "?"));
        code = kExitFailure;
        return std::nullopt;
    }
    return answer->reply;
}

}  // namespace

int run_status(const KioskConfig& config, bool as_json, const Clock& clock, Streams io) {
    auto answer = ask_kiosk(config.kiosk_socket_path(), control::KioskRequest{}, Millis{10000});
    TerminalStatus status;
    if (answer && answer->reached) {
        if (!answer->reply["ok"].get<bool>() || !answer->reply.contains("status")) {
            report_error(io.err, "the kiosk answered its status with an error: " +
                                     safe_text(answer->reply.value("error", std::string("?"))));
            return maintenance::kExitOutOfService;
        }
        auto parsed = maintenance::terminal_status_from_json(answer->reply["status"]);
        if (!parsed) {
            report_error(io.err, parsed.error().to_string());
            return maintenance::kExitOutOfService;
        }
        status = std::move(*parsed);
    } else {
        const std::string why = answer ? answer->error : answer.error().to_string();
        status = offline_status(config, clock, why, io.err);
    }
    if (as_json) {
        io.out << dump(maintenance::to_json(status)) << '\n';
    } else {
        print_status(status, io.out);
    }
    return maintenance::exit_code_of(status.state);
}

int run_selftest(const KioskConfig& config, const std::string& device,
                 const std::optional<TechnicianCredentials>& technician, bool as_json, const Clock& clock, Streams io,
                 const security::AccessPolicy& policy) {
    control::KioskRequest request;
    request.command = control::KioskCommand::selftest;
    if (!device.empty()) request.device = device;
    int code = kExitOk;
    std::optional<json> reply;
    // The tests and the fitness round after them: the kiosk's bound (90 s), and a margin.
    const Millis wait{100000};
    if (technician) {
        const Status done = as_technician(
            config, clock, technician->id, technician->secret, security::Permission::Service,
            [&](std::string_view actor) -> Status {
                request.actor = std::string(actor);
                reply = ask(config, request, wait, io, code);
                return ok_status();
            },
            policy);
        if (!done) {
            report_error(io.err, done.error().message);
            return kExitFailure;
        }
    } else {
        reply = ask(config, request, wait, io, code);
    }
    if (!reply) return code;
    const bool passed = reply->value("passed", false);
    const bool in_service = reply->value("in_service", true);
    if (as_json) {
        json out = *reply;
        out.erase("ok");
        io.out << dump(out) << '\n';
    } else {
        std::size_t failed = 0;
        std::size_t tested = 0;
        for (const json& line : (*reply)["devices"]) {
            ++tested;
            const bool ok = line.value("passed", false);
            if (!ok) ++failed;
            io.out << line.value("name", std::string("?")) << ": " << (ok ? "passed" : "FAILED") << " ("
                   << safe_text(line.value("result", std::string("?"))) << ")\n";
        }
        io.out << (passed ? "selftest passed" : "selftest FAILED: " + std::to_string(failed) + " of " +
                                                    std::to_string(tested) + " tests");
        if (in_service) {
            io.out << "; the kiosk is in service\n";
        } else {
            io.out << "; the kiosk is OUT OF SERVICE (" << safe_text(reply->value("out_of_service", std::string("?")))
                   << ")\n";
            if (reply->contains("problems")) {
                for (const json& problem : (*reply)["problems"]) {
                    if (problem.is_string()) io.out << "  problem: " << safe_text(problem.get<std::string>()) << '\n';
                }
            }
        }
    }
    if (!in_service) return maintenance::kExitOutOfService;
    return passed ? kExitOk : kExitFailure;
}

int run_upload_now(const KioskConfig& config, const TechnicianCredentials& technician, bool as_json,
                   const Clock& clock, Streams io, const security::AccessPolicy& policy) {
    int code = kExitOk;
    std::optional<json> reply;
    const Status done = as_technician(
        config, clock, technician.id, technician.secret, security::Permission::Service,
        [&](std::string_view actor) -> Status {
            control::KioskRequest request;
            request.command = control::KioskCommand::uploadNow;
            request.actor = std::string(actor);
            // One CRM round: up to crm.request_timeout_s, and a margin.
            reply = ask(config, request, Millis{config.crm.request_timeout.count() + 10000}, io, code);
            return ok_status();
        },
        policy);
    if (!done) {
        report_error(io.err, done.error().message);
        return kExitFailure;
    }
    if (!reply) return code;
    const bool failed = reply->contains("error");
    if (as_json) {
        json out = *reply;
        out.erase("ok");
        io.out << dump(out) << '\n';
    } else {
        io.out << "sent " << reply->value("sent", 0) << ", acknowledged " << reply->value("acknowledged", 0)
               << ", dead-lettered " << reply->value("dead_lettered", 0) << ", unanswered "
               << reply->value("unanswered", 0) << "; " << reply->value("pending", 0) << " still pending\n";
        if (reply->contains("rejections")) {
            for (const json& line : (*reply)["rejections"]) {
                if (line.is_string()) io.out << "  rejected: " << safe_text(line.get<std::string>()) << '\n';
            }
        }
        if (failed) io.out << "upload error: " << safe_text(reply->value("error", std::string())) << '\n';
    }
    return failed ? kExitFailure : kExitOk;
}

void register_status_commands(CLI::App& app, ToolContext& tool) {
    app.add_subcommand("status",
                       "The kiosk's state, devices, outbox, host and CRM (from the database when it is not running)")
        ->callback([&tool] {
            tool.json_native = tool.json;
            KioskConfig config;
            try {
                config = load_config(tool.config_path);
            } catch (const ConfigError& error) {
                report_error(tool.io.err, error.what());
                tool.exit_code = kExitConfig;  // not 1: that is "degraded"
                return;
            }
            tool.exit_code = run_status(config, tool.json, tool.clock, tool.io);
        });

    auto device = std::make_shared<std::string>();
    auto tester = std::make_shared<std::string>();
    CLI::App* selftest = app.add_subcommand(
        "selftest",
        "Test every device (or DEVICE) through the running kiosk, out of service meanwhile; refused during a session");
    selftest->add_option("device", *device, "card_reader, pin_pad, printer, dispenser, sensors or speech")
        ->check(CLI::IsMember(control::kiosk_device_names()));
    selftest->add_option("--as", *tester, "The technician's id: signed in (PIN on stdin) and journaled as the caller")
        ->required();  // the tests print and move notes to the reject bin: a technician's action
    selftest->callback([&tool, device, tester] {
        tool.json_native = tool.json;
        tool.exit_code = with_config(tool, [&tool, device, tester](const KioskConfig& config) {
            std::optional<TechnicianCredentials> technician;
            if (!tester->empty()) {
                auto secret = read_secret(tool.in, tool.io.err, "PIN/password of " + *tester);
                if (!secret) {
                    report_error(tool.io.err, secret.error().message);
                    return kExitUsage;
                }
                technician = TechnicianCredentials{*tester, *secret};
            }
            return run_selftest(config, *device, technician, tool.json, tool.clock, tool.io);
        });
    });

    auto technician = std::make_shared<std::string>();
    CLI::App* upload = app.add_subcommand(
        "upload-now", "Have the running kiosk send one batch to the CRM now (a technician's action; PIN on stdin)");
    upload->add_option("--as", *technician, "The technician's id")->required();
    upload->callback([&tool, technician] {
        tool.json_native = tool.json;
        tool.exit_code = with_config(tool, [&tool, technician](const KioskConfig& config) {
            auto secret = read_secret(tool.in, tool.io.err, "PIN/password of " + *technician);
            if (!secret) {
                report_error(tool.io.err, secret.error().message);
                return kExitUsage;
            }
            return run_upload_now(config, TechnicianCredentials{*technician, *secret}, tool.json, tool.clock, tool.io);
        });
    });
}

}  // namespace kiosk::kioskctl
