// The service pages' sources (see maintenance_sources.hpp).
#include "kiosk/app/maintenance_sources.hpp"

#include "kiosk/maintenance/quality_facts.hpp"
#include "kiosk/maintenance/service_facts.hpp"
#include "security/data_key_rotation.hpp"
#include "store/journal.hpp"
#include "store/journal_verifier.hpp"
#include "store/outbox.hpp"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "unknown"
#endif

namespace kiosk {

using maintenance::count_fact;
using maintenance::keyed_fact;
using maintenance::text_fact;
using maintenance::time_fact;

std::string describe_upload(const crm::UploadSummary& round, std::size_t pending) {
    std::string words = std::to_string(round.sent) + " sent, " + std::to_string(round.acknowledged) + " acknowledged";
    if (round.dead_lettered > 0) words += ", " + std::to_string(round.dead_lettered) + " dead-lettered";
    if (round.unanswered > 0) words += ", " + std::to_string(round.unanswered) + " unanswered";
    return words + ", " + std::to_string(pending) + " pending";
}

MaintenanceSources make_maintenance_sources(const MaintenanceSourceParts& parts) {
    MaintenanceSources sources;
    store::Database& database = parts.database;
    crm::Uploader& uploader = parts.uploader;
    sources.database = &database;
    sources.chain = &parts.chain;
    sources.alerts = [health = parts.health] {
        HealthWatch* watch = health();
        return watch != nullptr ? watch->monitor().open() : std::vector<Alert>{};
    };
    sources.outbox = [&database, &uploader] {
        std::vector<ui::FactLine> lines;
        store::Outbox outbox(database);
        auto pending = outbox.pending_count();
        auto dead = outbox.dead_letter_count();
        auto fill = outbox.fill();
        if (!pending) {
            lines.push_back(text_fact("service.fact.pending", pending.error().to_string()));
        } else if (fill) {
            lines.push_back(keyed_fact("service.fact.pending", "service.value.records_full",
                                       {std::to_string(*pending), std::to_string(static_cast<int>(fill->percent))}));
        } else {
            lines.push_back(count_fact("service.fact.pending", static_cast<std::int64_t>(*pending), "records"));
        }
        const crm::UploaderStatus status = uploader.status();
        lines.push_back(time_fact("service.fact.last_success", status.last_success));
        if (status.last_error) {
            lines.push_back(text_fact("service.fact.last_error", status.last_error->to_string()));
        } else {
            lines.push_back(keyed_fact("service.fact.last_error", "service.value.none"));
        }
        if (dead) {
            lines.push_back(count_fact("service.fact.dead_letters", static_cast<std::int64_t>(*dead), "records"));
        } else {
            lines.push_back(text_fact("service.fact.dead_letters", dead.error().to_string()));
        }
        return lines;
    };
    // On the service worker: the same synchronous round `kioskctl upload-now` asks for; it waits
    // behind a round the uploader's own thread is in (rounds are serialised).
    sources.upload_now = [&uploader]() -> Result<std::string> {
        const crm::UploadSummary round = uploader.upload_once();
        const std::string words = describe_upload(round, uploader.status().pending);
        if (round.error) return make_error("crm", words + ": " + round.error->to_string());
        return words;
    };
    sources.probe_crm = [&uploader] { return uploader.probe(); };
    sources.crm_round_trip = [&uploader] { return uploader.status().last_round_trip; };
    sources.host_round_trip = [&host = parts.host] { return host.last_round_trip(); };
    sources.journal = [&database] {
        std::vector<ui::FactLine> lines;
        auto last = store::Journal(database).read_last(1);
        if (last.ok() && !last->empty()) {
            const store::JournalLine& line = last->back().line;
            lines.push_back(count_fact("service.fact.lines", last->back().seq, "lines"));
            lines.push_back(text_fact("service.fact.last_line", line.actor + " " + line.event_type + " " + line.outcome));
        }
        return lines;
    };
    sources.verify_journal = [&database, &chain = parts.chain]() -> Result<std::string> {
        auto verdict = store::verify_journal(database, chain);
        if (!verdict) return verdict.error();
        if (!verdict->intact()) return make_error("journal", std::to_string(verdict->broken) + " entries fail the chain");
        return "verified: " + std::to_string(verdict->entries) + " lines, chain intact";
    };
    // On the service worker: a connection of its own per search (a connection is one thread's;
    // opening an existing, migrated file is a few milliseconds beside the search itself).
    sources.search_journal = [path = parts.config.database_path().string()](const store::JournalQuery& query)
        -> Result<std::vector<store::JournalEntry>> {
        auto connection = store::Database::open(path);  // the worker's own: never the loop's
        if (!connection) return connection.error();
        return store::Journal(*connection).search(query);
    };
    sources.keys = [&notices = parts.host_certificate_notices, &uploader] {
        std::vector<ui::FactLine> lines;
        for (const std::string& notice : notices) lines.push_back(text_fact("service.fact.certificate", notice));
        if (lines.empty()) lines.push_back(keyed_fact("service.fact.certificate", "service.value.certificates_ok"));
        const crm::UploaderStatus status = uploader.status();  // not a temporary's member in the loop
        for (const std::string& notice : status.tls_notices) lines.push_back(text_fact("service.fact.certificate", notice));
        return lines;
    };
    // On the service worker: its own handle on the ring, as kioskctl opens it; the running
    // sealer sees the rotation counter change before its next seal.
    sources.rotate_keys = [paths = security::key_ring_paths(parts.config.data_dir, parts.config.keys_path()),
                           &random = parts.random] { return security::rotate_data_key(paths, random); };
    sources.quality = [&database, &clock = parts.clock] {
        auto facts = maintenance::read_quality_facts(database, clock.now());
        if (!facts) return std::vector<ui::FactLine>{text_fact("service.fact.index", facts.error().to_string())};
        return std::move(*facts);
    };
    sources.about = [&config = parts.config] {
        return std::vector<ui::FactLine>{
            text_fact("service.fact.version", "kiosk " KIOSK_VERSION),
            text_fact("service.fact.kiosk_id", config.kiosk_id),
            text_fact("service.fact.setting",
                      "maintenance.open_alert_after_s = " +
                          std::to_string(
                              std::chrono::duration_cast<std::chrono::seconds>(config.maintenance.open_alert_after).count())),
        };
    };
    return sources;
}

}  // namespace kiosk
