#include "kiosk/app/kiosk_app.hpp"

#include <stdexcept>

#include "crm/outbox_queue.hpp"
#include "kiosk/app/bank_host_link.hpp"
#include "kiosk/app/maintenance_sources.hpp"
#include "kiosk/app/speech_setup.hpp"
#include "security/data_key_derivation.hpp"
#include "store/outbox.hpp"

namespace kiosk {

namespace {

store::Database open_database(const KioskConfig& config) {
    std::error_code error;
    std::filesystem::create_directories(config.data_dir, error);
    if (error) throw std::runtime_error(config.data_dir.string() + ": cannot create data directory: " + error.message());
    store::Database database = store::Database::open_or_throw(config.database_path().string(), {});
    store::OutboxLimits limits;
    limits.max_records = config.store.outbox_max_records;
    limits.max_bytes = config.store.outbox_max_mb << 20;
    database.set_outbox_limits(limits);
    return database;
}

security::KeyFile open_keys(const KioskConfig& config, const KioskEnvironment& environment) {
    if (!std::filesystem::exists(config.keys_path()) && environment.create_keys_if_missing) {
        return security::KeyFile::create(
            config.keys_path(),
            {std::string(security::kKekKeyName), std::string(security::kPanTokenKeyName)}, environment.random);
    }
    return security::KeyFile::load(config.keys_path());
}

security::SecureBytes required_key(const security::KeyFile& keys, std::string_view name,
                                   const std::filesystem::path& path) {
    auto key = keys.key(name);
    if (!key.ok()) throw std::runtime_error(path.string() + ": " + key.error().message);
    return std::move(*key);
}

}  // namespace

KioskApp::KioskApp(const KioskConfig& config, KioskEnvironment environment)
    : config_(config),
      environment_(environment),
      database_(open_database(config_)),
      keys_(open_keys(config_, environment_)),
      storage_guard_(database_,
                     store::StorageLimits{static_cast<std::uint64_t>(config_.store.min_free_mb) << 20}) {
    // Data keys live in the key ring (security/key_store.hpp), made with the file KEK at the first
    // start; encryption counts are reserved there in persisted blocks, so restarts reuse no IV space.
    const auto ring = security::key_ring_paths(config_.data_dir, config_.keys_path());
    auto store = std::filesystem::exists(ring.ring) ? security::KeyRingStore::open(ring, environment_.random)
                                                    : security::KeyRingStore::create(ring, {}, environment_.random);
    if (!store.ok()) throw std::runtime_error(store.error().message);
    key_store_ = std::move(*store);
    sealer_ = std::make_unique<security::RecordSealer>(*key_store_);
    tokenizer_ = std::make_unique<security::PanTokenizer>(
        required_key(keys_, security::kPanTokenKeyName, config_.keys_path()).view());
    // The journal chain key is still derived from the keys file's KEK (data keys are in the ring).
    const auto kek = required_key(keys_, security::kKekKeyName, config_.keys_path());
    auto journal_key = security::derive_journal_key(kek.view());
    if (!journal_key.ok()) throw std::runtime_error("journal key: " + journal_key.error().to_string());
    auto journal_chain = security::JournalChain::create(journal_key->view());
    if (!journal_chain.ok()) throw std::runtime_error(journal_chain.error().to_string());
    auto maintenance_chain = security::JournalChain::create(journal_key->view());
    if (!maintenance_chain.ok()) throw std::runtime_error(maintenance_chain.error().to_string());
    maintenance_chain_.emplace(std::move(*maintenance_chain));
    auto desk_chain = security::JournalChain::create(journal_key->view());  // the desk's worker has its own
    if (!desk_chain.ok()) throw std::runtime_error(desk_chain.error().to_string());
    // CRM records are sealed to the CRM's record public keys, not with the key ring's data keys.
    if (config_.crm.record_public_keys.empty()) {
        throw std::runtime_error("crm.record_public_keys is not set: the kiosk seals its CRM records to the CRM's "
                                 "record public key ([crm], docs/configuration.md)");
    }
    crm_data_keys_ = std::make_unique<store::CrmDataKeys>(database_);
    security::CrmSealerConfig crm_sealing;
    crm_sealing.crm_keys = config_.crm.record_public_keys;
    crm_sealing.key_period = config_.crm.data_key_period;
    crm_sealer_ = std::make_unique<security::CrmRecordSealer>(std::move(crm_sealing), *crm_data_keys_,
                                                              environment_.clock);
    cx_ = std::make_unique<CxRecorder>(database_, *crm_sealer_, std::move(*journal_chain), environment_.random,
                                       environment_.clock, config_.kiosk_id);
    // OpenSSL judges certificates by the real time, so they are reported against it too.
    host_certificate_notices_ = report_host_certificates(config_.host, SystemClock().now(), *cx_);
    stans_ = std::make_unique<StanCounter>(database_);
    records_ = std::make_unique<CxRecordSink>(*cx_);
    // Every host request passes the round-trip recorder on the host worker (the Network page).
    host_link_ = std::make_unique<host::RoundTripHostLink>(environment_.host, environment_.clock);
    RuntimeParts parts{environment_.clock, environment_.devices, *host_link_, environment_.display, *records_,
                       *tokenizer_, config_.kiosk_id, config_.bank_name};
    parts.e_receipt_url = config_.e_receipt_url;
    parts.complaint_url = config_.complaint_url;
    parts.stans = stans_.get();
    parts.one_device_thread = environment_.one_device_thread;
    runtime_ = std::make_unique<Runtime>(std::move(parts), flow::Flow(config_.flow));
    runtime_->watch_storage([this] { return storage_guard_.problem(); });
    survey_gate_ = std::make_unique<SurveyGate>(config_.survey, environment_.random);
    runtime_->attach_survey(*survey_gate_);
    speech_ = make_speech_service(config_.speech, [this](const std::string& text) {
        if (runtime_->on_note) runtime_->on_note(text);
    });
    if (speech_) runtime_->attach_speech(*speech_);
    profile_cache_ = std::make_unique<ProfileCache>(database_, *sealer_, environment_.random, environment_.clock,
                                                    config_.kiosk_id, config_.crm.profile_cache_keep);
    if (auto pruned = profile_cache_->prune(); !pruned.ok()) {
        throw std::runtime_error("profile cache: " + pruned.error().to_string());
    }
    runtime_->set_profile_options(profile_cache_.get(), config_.crm.profile_timeout);
    if (environment_.devices.cash_dispenser != nullptr) {
        auto reversals = host::ReversalQueue::open(database_, *sealer_, environment_.random, environment_.clock,
                                                   config_.kiosk_id);
        if (!reversals.ok()) throw std::runtime_error("reversal queue: " + reversals.error().to_string());
        reversals_ = std::make_unique<host::ReversalQueue>(std::move(*reversals));
        bracket_ = std::make_unique<InFlightBracket>(database_, *sealer_, environment_.random, environment_.clock,
                                                     config_.kiosk_id);
        runtime_->attach_cash(CashParts{*environment_.devices.cash_dispenser, *reversals_, *bracket_});
    }

    watch_health();

    crm::UploaderConfig upload;
    upload.endpoint = config_.crm.url;
    upload.kiosk_id = config_.kiosk_id;
    upload.batch_size = config_.crm.batch_size;
    upload.tls.ca_file = config_.crm.ca_file.string();
    upload.tls.client_cert_file = config_.crm.client_cert.string();
    upload.tls.client_key_file = config_.crm.client_key.string();
    for (const std::string& pin : config_.crm.pinned_keys) {
        upload.tls.pinned_public_keys += (upload.tls.pinned_public_keys.empty() ? "" : ";") + pin;
    }
    upload.timeouts.total = config_.crm.request_timeout;
    upload.idle_interval = config_.crm.upload_interval;
    if (!config_.crm.profiles_url.empty()) {
        // Same TLS as the uploads; a short bound of its own: an answer after the deadline is
        // dropped anyway, and the worker should be free for the next customer.
        crm::HttpTimeouts profile_timeouts;
        profile_timeouts.connect = Millis{1'000};
        profile_timeouts.total = Millis{2'000};
        profile_client_ = std::make_unique<crm::ProfileClient>(config_.crm.profiles_url, upload.tls, profile_timeouts);
        runtime_->attach_profile_source(*profile_client_);
    }
    auto uploader = crm::open_outbox_uploader(upload, config_.database_path().string(), environment_.clock,
                                              environment_.random, waiter_);
    if (!uploader.ok()) throw std::runtime_error("CRM uploader: " + uploader.error().to_string());
    uploader_ = std::move(*uploader);
    attach_maintenance(std::move(*desk_chain));
}

// The service pages' sources (kiosk/app/maintenance_sources.cpp); the desk opens its own connection.
void KioskApp::attach_maintenance(security::JournalChain desk_chain) {
    technician_desk_ = std::make_unique<RegistryTechnicianDesk>(config_.database_path().string(), std::move(desk_chain),
                                                                config_.kiosk_id, environment_.clock, environment_.random);
    MaintenanceSources sources = make_maintenance_sources(MaintenanceSourceParts{
        config_, environment_.clock, environment_.random, database_, *maintenance_chain_, *uploader_, *host_link_,
        [this] { return health_.get(); }, host_certificate_notices_});
    runtime_->attach_maintenance(config_.maintenance, technician_desk_.get(), std::move(sources));
}

// The health alerts and the fleet status follow every fitness round; a visit's errors count
// towards its screens (docs/operations.md).
void KioskApp::watch_health() {
    HealthWatch::Sources sources;
    sources.outbox_fill = [this]() -> std::optional<store::OutboxFill> {
        auto fill = store::Outbox(database_).fill();
        return fill.ok() ? std::optional(*fill) : std::nullopt;
    };
    sources.certificate_notices = host_certificate_notices_;
    sources.speech_problem = [this]() -> std::optional<std::string> {
        return speech_ ? speech_->problem() : std::nullopt;
    };
    sources.service_mode_since = [this] { return runtime_->service_mode_since(); };
    sources.service_technician = [this] { return runtime_->service_technician(); };
    sources.service_mode_limit = config_.maintenance.open_alert_after;
    health_ = std::make_unique<HealthWatch>(config_.alerts, *cx_, environment_.clock, std::move(sources),
                                            [this](const std::string& text) {
                                                if (runtime_->on_note) runtime_->on_note(text);
                                            });
    if (config_.fleet.enabled()) {
        auto reporter = fleet::FleetReporter::start(config_.fleet, config_.kiosk_id, config_.bank_name, database_,
                                                    environment_.clock);
        if (!reporter.ok()) throw std::runtime_error(reporter.error().message);
        fleet_ = std::move(*reporter);
        health_->on_change = [this](const AlertChange& change) { fleet_->alert(change); };
    }
    runtime_->on_session_end = [this](const Session& session) { health_->journey_ended(session); };
    runtime_->on_fitness = [this] {
        health_->look(runtime_->device_health(), runtime_->fitness());
        if (!fleet_) return;
        std::vector<std::string> open;
        for (const Alert& alert : health_->monitor().open()) open.push_back(alert.id);
        fleet_->status(runtime_->fitness(), runtime_->device_health(), std::move(open));
    };
}

KioskApp::~KioskApp() {
    if (profile_client_) profile_client_->cancel();  // a GET in flight ends now; the runtime's worker joins
    if (uploader_) uploader_->stop();
    if (fleet_) fleet_->publisher().stop();  // the farewell: "offline", reason "stopped"
    // The runtime's workers join now, while what they may be working on is still here: the
    // service mode's jobs call the uploader, its desk the technician registry (both declared after
    // the runtime, so they would otherwise go first).
    runtime_.reset();
}

}  // namespace kiosk
