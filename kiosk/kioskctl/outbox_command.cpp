// `kioskctl outbox status`: how far the CRM upload is behind. Reads record headers only; the
// sealed payload is never opened or printed.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "kiosk/maintenance/terminal_status.hpp"
#include "store/outbox.hpp"

namespace kiosk::kioskctl {

int run_outbox_status(const KioskConfig& config, const Clock& clock, Streams io, bool as_json) {
    auto database = open_existing_database(config.database_path());
    if (!database) {
        report_error(io.err, database.error().to_string());
        return kExitFailure;
    }
    store::Outbox outbox(*database, clock);
    auto pending = outbox.pending_count();
    auto dead = outbox.dead_letter_count();
    auto oldest = outbox.next_batch(1);
    if (!pending || !dead || !oldest) {
        const Error& error = !pending ? pending.error() : !dead ? dead.error() : oldest.error();
        report_error(io.err, "reading the outbox of " + config.database_path().string() + ": " + error.to_string());
        return kExitFailure;
    }

    if (as_json) {
        nlohmann::json report{{"database", config.database_path().string()},
                              {"pending", *pending},
                              {"dead_letters", *dead},
                              {"oldest", nullptr}};
        if (auto stats = maintenance::read_outbox_stats(*database, clock.now())) {
            report["by_priority"] = stats->pending_by_priority;
        }
        if (!oldest->empty()) {
            const security::RecordHeader& header = oldest->front().header;
            nlohmann::json first{{"kind", safe_text(header.kind)},
                                 {"record_id", safe_text(header.record_id)},
                                 {"age_ms", to_unix_millis(clock.now()) - header.created_unix_ms},
                                 {"created", iso8601_utc(header.created_unix_ms)}};
            auto delivery = outbox.delivery(header.record_id);
            if (delivery && delivery->has_value()) {
                first["attempts"] = (*delivery)->attempts;
                if ((*delivery)->last_error) first["last_error"] = safe_text(*(*delivery)->last_error);
            }
            report["oldest"] = first;
        }
        io.out << report.dump() << '\n';
        return kExitOk;
    }
    io.out << "database:       " << config.database_path().string() << '\n'
           << "pending:        " << *pending << '\n'
           << "dead letters:   " << *dead << '\n';
    if (oldest->empty()) {
        io.out << "oldest pending: none\n";
        return kExitOk;
    }
    const security::RecordHeader& header = oldest->front().header;
    io.out << "oldest pending: " << safe_text(header.kind) << ' ' << safe_text(header.record_id) << '\n'
           << "  age:          " << format_age(to_unix_millis(clock.now()) - header.created_unix_ms) << '\n'
           << "  created:      " << iso8601_utc(header.created_unix_ms) << '\n';
    // The last error is the transport's or the CRM's text (Outbox::record_attempt), never contents.
    auto delivery = outbox.delivery(header.record_id);
    if (delivery && delivery->has_value()) {
        const store::DeliveryAttempts& attempts = **delivery;
        io.out << "  attempts:     " << attempts.attempts << '\n';
        if (attempts.last_error) io.out << "  last error:   " << safe_text(*attempts.last_error) << '\n';
    }
    return kExitOk;
}

void register_outbox_commands(CLI::App& app, ToolContext& tool) {
    CLI::App* outbox = app.add_subcommand("outbox", "Records waiting for the CRM");
    outbox->add_subcommand("status", "Pending and dead-letter counts, oldest pending record (headers only)")
        ->callback([&tool] {
            tool.json_native = tool.json;
            tool.exit_code = with_config(tool, [&tool](const KioskConfig& config) {
                return run_outbox_status(config, tool.clock, tool.io, tool.json);
            });
        });
}

}  // namespace kiosk::kioskctl
