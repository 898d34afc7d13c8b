// The service pages' sources for the kiosk as KioskApp assembles it (docs/technician.md): the
// health alerts, the outbox and the CRM uploader ("Upload now" as `kioskctl upload-now` does), the
// journal, the certificates and the key ring ("Rotate keys" as `kioskctl keys rotate` does), the
// service-quality index, the last round trips to the host and the CRM, version and settings. Each
// reads the store or the running parts; nothing is made up.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "crm/uploader.hpp"
#include "host/round_trip_host_link.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/health/health_watch.hpp"
#include "kiosk/maintenance/maintenance_service.hpp"
#include "security/journal_chain.hpp"
#include "store/database.hpp"

namespace kiosk {

// What the sources read; every part outlives the runtime that holds the sources.
struct MaintenanceSourceParts {
    const KioskConfig& config;
    const Clock& clock;
    RandomSource& random;  // thread-safe: the rotation draws its key on the service worker
    store::Database& database;  // the loop's connection
    const security::JournalChain& chain;
    crm::Uploader& uploader;
    const host::RoundTripHostLink& host;
    std::function<HealthWatch*()> health;  // nullptr until the watch is made
    const std::vector<std::string>& host_certificate_notices;
};

MaintenanceSources make_maintenance_sources(const MaintenanceSourceParts& parts);

// One upload round's outcome in the service page's words ("3 sent, 3 acknowledged, 0 pending").
std::string describe_upload(const crm::UploadSummary& round, std::size_t pending);

}  // namespace kiosk
