// Assembles one kiosk from its parts: the database, the keys, the sealers and tokenizer, the CX
// recorder, the runtime and the CRM uploader; at start it reports the bank host link's certificates
// that expire within 30 days. Devices, host link and display are handed in, so
// the same assembly runs on the simulator (kiosk/simulator) or on hardware.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "crm/profile_client.hpp"
#include "crm/uploader.hpp"
#include "crm/waiter.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/cx/cx_recorder.hpp"
#include "kiosk/fleet/fleet_reporter.hpp"
#include "host/round_trip_host_link.hpp"
#include "kiosk/health/health_watch.hpp"
#include "kiosk/runtime/runtime.hpp"
#include "security/key_file.hpp"
#include "security/key_store.hpp"
#include "security/pan.hpp"
#include "security/crm_record_sealer.hpp"
#include "security/record_sealer.hpp"
#include "store/crm_data_keys.hpp"
#include "store/database.hpp"
#include "store/storage_guard.hpp"

namespace kiosk {

struct KioskEnvironment {
    Clock& clock;
    RandomSource& random;  // thread-safe (the uploader thread draws jitter from it)
    Devices devices;
    host::HostLink& host;
    ui::Display& display;
    bool create_keys_if_missing = false;  // the simulator makes its own; a real terminal never does
    bool one_device_thread = false;       // the simulator's trace and replay (RuntimeParts::one_device_thread)
};

class KioskApp {
public:
    // Throws std::runtime_error (one line, naming the file) when the database or the keys cannot
    // be opened.
    KioskApp(const KioskConfig& config, KioskEnvironment environment);
    ~KioskApp();
    KioskApp(const KioskApp&) = delete;
    KioskApp& operator=(const KioskApp&) = delete;

    Runtime& runtime() { return *runtime_; }
    [[nodiscard]] const security::PanTokenizer& tokenizer() const { return *tokenizer_; }
    crm::Uploader& uploader() { return *uploader_; }
    // The last request to the bank host and how long it took (host::RoundTripHostLink).
    [[nodiscard]] std::optional<RoundTrip> host_round_trip() const { return host_link_->last_round_trip(); }
    CxRecorder& cx() { return *cx_; }
    store::Database& database() { return database_; }
    // The sealer of this kiosk's local records (reversal queue, in-flight bracket).
    security::RecordSealer& sealer() { return *sealer_; }
    // The sealer of its CRM records: only the CRM's private key opens them.
    security::CrmRecordSealer& crm_sealer() { return *crm_sealer_; }
    // Customer profiles kept sealed for offline use (crm.profile_cache_hours).
    ProfileCache& profile_cache() { return *profile_cache_; }
    // The bank host link's certificates expired or expiring within 30 days, found at start-up
    // (logged and journaled then; kiosk/app/bank_host_link.hpp).
    [[nodiscard]] const std::vector<std::string>& host_certificate_notices() const { return host_certificate_notices_; }
    // The health alerts (kiosk/health/): fed after every fitness round.
    HealthWatch& health() { return *health_; }
    // The fleet status over MQTT; nullptr while fleet.mqtt_host is unset.
    fleet::FleetReporter* fleet() { return fleet_.get(); }
    // Speech guidance; nullptr while speech.enabled is false.
    SpeechService* speech() { return speech_.get(); }

private:
    void watch_health();
    void attach_maintenance(security::JournalChain desk_chain);

    KioskConfig config_;
    KioskEnvironment environment_;
    store::Database database_;
    security::KeyFile keys_;
    store::StorageGuard storage_guard_;  // the fitness monitor's storage input (docs/store.md, "Full disk")
    std::unique_ptr<security::KeyRingStore> key_store_;  // data keys; the sealer follows its rotations
    std::unique_ptr<security::RecordSealer> sealer_;
    std::unique_ptr<store::CrmDataKeys> crm_data_keys_;  // the wraps of the CRM records' data keys
    std::unique_ptr<security::CrmRecordSealer> crm_sealer_;
    std::unique_ptr<security::PanTokenizer> tokenizer_;
    std::unique_ptr<CxRecorder> cx_;
    std::unique_ptr<CxRecordSink> records_;  // the runtime's journal and CX records go to cx_
    std::vector<std::string> host_certificate_notices_;
    std::unique_ptr<host::ReversalQueue> reversals_;  // only with a cash dispenser
    std::unique_ptr<InFlightBracket> bracket_;
    std::unique_ptr<StanCounter> stans_;
    std::unique_ptr<host::RoundTripHostLink> host_link_;  // environment_.host, timed; outlives the runtime
    std::unique_ptr<ProfileCache> profile_cache_;
    std::unique_ptr<crm::ProfileClient> profile_client_;  // only with crm.profiles_url; outlives the runtime's worker
    std::unique_ptr<SurveyGate> survey_gate_;  // config_.survey; outlives the runtime
    std::unique_ptr<SpeechService> speech_;    // [speech]; outlives the runtime; nullptr when disabled
    std::unique_ptr<Runtime> runtime_;
    std::unique_ptr<HealthWatch> health_;
    std::unique_ptr<fleet::FleetReporter> fleet_;  // before the uploader: stopped after it
    crm::SteadyWaiter waiter_;
    std::unique_ptr<crm::Uploader> uploader_;
    // The service mode (docs/technician.md): its own journal chain handle (the CX recorder owns one)
    // and the technician registry's desk, which opens its own connection on its worker.
    std::optional<security::JournalChain> maintenance_chain_;
    std::unique_ptr<RegistryTechnicianDesk> technician_desk_;
};

}  // namespace kiosk
