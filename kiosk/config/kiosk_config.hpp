// The kiosk's configuration: compiled-in defaults, overridden by a TOML file given with
// --config. A key the kiosk does not read is refused, and so is a value of the wrong type or out of
// range, with a message that names the file, the line, the key and what was expected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "drivers/printer/chinese_text_mode.hpp"
#include "kiosk/cx/survey_config.hpp"
#include "kiosk/maintenance/maintenance_config.hpp"
#include "kiosk/flow/flow_config.hpp"
#include "security/crm_record_key.hpp"

namespace kiosk {

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct CrmConfig {
    std::string url;                        // https://… ingest endpoint; the simulator fills it in
    std::filesystem::path ca_file;          // trust anchor for the CRM's certificate
    std::vector<std::string> pinned_keys;   // "sha256//<base64>", a backup pin allowed
    std::filesystem::path client_cert;      // mutual TLS
    std::filesystem::path client_key;
    std::size_t batch_size = 200;           // records per POST, 1–200 (the CRM takes at most 200)
    Millis upload_interval{5'000};
    Millis request_timeout{10'000};
    // The CRM's record public keys, "<key id>:<base64>": every record is sealed so only the CRM
    // opens it (docs/security.md, "Sealing to the CRM"). One, or two during the CRM's rotation;
    // required on hardware, the simulator fills it in with its own CRM's.
    std::vector<security::CrmPublicKey> record_public_keys;
    Millis data_key_period{24LL * 60 * 60 * 1000};  // a new record data key this often
    // Personalization (docs/cx-records.md § The customer profile): GET <profiles_url>/<token> with
    // the upload's TLS settings; empty: no profiles asked for. The answer's deadline on the loop's
    // clock (the flow never waits for it), and how long a profile is kept, sealed, for offline use.
    std::string profiles_url;
    Millis profile_timeout{300};
    Millis profile_cache_keep{std::chrono::hours(72)};
};

// [host]: the bank's authorization host, ISO 8583 over mutual TLS (docs/host.md, "TLS and
// timeouts"). `kiosk --sim` fills in address, port, server name, files and pins of its simulated bank.
struct HostConfig {
    std::string address;                    // numeric IPv4/IPv6: no DNS, whose lookup no timeout bounds
    int port = 0;
    std::string server_name;                // what the host's certificate must name; empty: the address
    std::filesystem::path ca_file;          // trust anchor for the host's certificate
    std::filesystem::path client_cert;      // mutual TLS
    std::filesystem::path client_key;
    std::vector<std::string> pinned_keys;   // "sha256//<base64>"; when set, a primary and a backup
    Millis connect_timeout{5'000};          // TCP connect + TLS handshake
    Millis reply_timeout{30'000};           // sending a request + reading its whole reply

    [[nodiscard]] bool configured() const { return !address.empty(); }
};

// A USB device's vendor and product id, written "04b8:0e15" in the config file.
struct UsbId {
    std::uint16_t vendor = 0;
    std::uint16_t product = 0;

    friend bool operator==(const UsbId&, const UsbId&) = default;
};

// [devices]: where each peripheral is found on USB (docs/configuration.md). Unset: not fitted, or
// the simulator only. `kioskctl devices` looks for them; `kiosk --config` opens them (kiosk/hardware/).
struct DevicesConfig {
    std::optional<UsbId> card_reader;
    std::optional<UsbId> pin_pad;
    std::optional<UsbId> printer;
    // printer_chinese: "gb18030" (the printer's Chinese font) or "raster" (images the kiosk draws).
    drivers::ChineseTextMode printer_chinese = drivers::ChineseTextMode::gb18030;
    std::optional<UsbId> dispenser;
    std::optional<UsbId> sensors;
};

// One note cassette of the simulated dispenser (`[[sim.cassettes]]`), in the flow's currency.
struct SimCassetteConfig {
    std::uint32_t denomination_minor = 10000;  // the file says `denomination = 100` (yuan)
    std::uint32_t count = 200;
    std::uint32_t low_threshold = 20;

    friend bool operator==(const SimCassetteConfig&, const SimCassetteConfig&) = default;
};

// How `kiosk --sim` reaches its simulated bank (`sim.host_transport`).
enum class HostTransport {
    Iso8583,    // "iso8583": ISO 8583 over TLS to a SimBankServer on 127.0.0.1, via Iso8583HostLink
    InProcess,  // "in_process": the SimBankHost called directly, no network
};

// [sim]: what `kiosk --sim` loads into its simulated devices.
struct SimConfig {
    std::vector<SimCassetteConfig> cassettes{{10000, 200, 20}, {5000, 200, 20}};  // CNY 100 and 50
    HostTransport host_transport = HostTransport::Iso8583;
    // Not a file key: set by `kiosk-sim` when the simulated CRM runs as its own process
    // (kiosk/simulator/external_crm.hpp); config.crm already points at it and the rig starts none.
    bool external_crm = false;
    // Its ready file (kiosk-sim-crm serve --ready-file): the rig loads the deck's profiles into that
    // CRM, and the kiosk fetches them from it over HTTPS as a terminal asks its bank's CRM.
    std::filesystem::path crm_ready_file;
};

// [outbox], [store]: the outbox's size cap and the free space below which the kiosk stops taking
// transactions (docs/store.md, "Size cap" and "Full disk").
struct StoreConfig {
    std::int64_t outbox_max_records = 100'000;  // outbox.max_records; beyond it the oldest journeys are dropped
    std::int64_t outbox_max_mb = 0;             // outbox.max_mb, sealed bytes; 0: no byte cap
    std::int64_t min_free_mb = 64;              // store.min_free_mb
};

// [alerts]: the health alerts sent home (docs/operations.md, "Health alerts").
struct AlertsConfig {
    // An alert clears only after its condition has been absent this long without a break; a
    // condition back within it continues the same episode (a flapping sensor is one alert).
    Millis clear_hold{5 * 60 * 1000};                    // alerts.clear_hold_s
    Millis screen_error_window{60 * 60 * 1000};          // alerts.screen_error_window_s
    int screen_error_threshold = 5;                      // alerts.screen_errors: errors on one screen in the window
    int capture_bin_margin = 5;                          // alerts.capture_bin_margin: places left that count as nearly full
    Millis operator_key_limit{30 * 60 * 1000};           // alerts.operator_key_max_s
};

// [fleet]: the terminal's status, alerts and daily quality index over MQTT to the operations
// centre (docs/operations.md, "Fleet status over MQTT"). Off while mqtt_host is empty.
struct FleetConfig {
    std::string mqtt_host;                 // numeric address or DNS name of the bank's broker
    int mqtt_port = 8883;
    std::filesystem::path ca_file;         // trust anchor for the broker's certificate
    std::filesystem::path client_cert;     // the terminal's certificate (its identity at the broker)
    std::filesystem::path client_key;
    std::string topic_prefix = "kiosk";    // topics: <prefix>/<bank>/<terminal>/{status,alerts,sqi}
    std::string bank;                      // the <bank> level; empty: kiosk.bank_name made topic-safe
    Millis keepalive{30'000};              // the broker declares the terminal dead after 1.5 × this

    [[nodiscard]] bool enabled() const { return !mqtt_host.empty(); }
};

// [log]: where the kiosk logs when it is not run by systemd (under systemd it logs to the journal):
// JSON lines, one object per line, in files rotated by size (docs/deployment.md, "Logs").
struct LogConfig {
    std::filesystem::path dir;      // log.dir; empty: <data_dir>/log
    std::int64_t max_file_mb = 10;  // log.max_file_mb: a file is rotated when it would pass this
    std::int64_t max_files = 5;     // log.max_files: rotated files kept besides the current one
};

// [speech]: speech guidance for blind customers (docs/ui.md § Speech, docs/configuration.md).
enum class SpeechOutputKind {
    Sdl,  // "sdl": the audio device (the headset jack's sound card, or the system default)
    Wav,  // "wav": a WAV file and a text log of every utterance (headless runs, tests)
};

struct SpeechConfig {
    bool enabled = true;                          // speech.enabled: false: no engine is started at all
    SpeechOutputKind output = SpeechOutputKind::Sdl;
    std::string audio_device;                     // speech.audio_device: SDL's device name; empty: default
    std::filesystem::path wav_path = "out/speech.wav";  // speech.wav_path
    std::filesystem::path log_path = "out/speech.log";  // speech.log_path
    int volume = 70;                              // speech.volume: percent at the start of every session
    int words_per_minute = 160;                   // speech.rate_wpm
    std::filesystem::path data_dir;               // speech.data_dir: espeak-ng-data; empty: espeak-ng's own
};

// [service]: the kiosk's control socket, where kioskctl asks the running kiosk for its status and
// has it act (docs/kioskctl.md, "The control socket"; docs/deployment.md).
struct ServiceConfig {
    std::filesystem::path control_socket;  // service.control_socket; empty: <data_dir>/kiosk.sock
    std::string control_group;             // service.control_group; empty: the kiosk process's group
};

// [display]: the panel the screens are drawn for (docs/configuration.md, docs/ui.md "Displays and
// resolutions"). Unset: full screen at the panel's own resolution, at the DPI assumed for it.
struct DisplayConfig {
    std::optional<int> width;   // display.width and display.height: both or neither
    std::optional<int> height;
    std::optional<double> dpi;  // display.dpi
};

struct KioskConfig {
    std::string kiosk_id = "SIM-0001";
    std::string bank_name = "Kiosk Bank";
    std::filesystem::path data_dir = "var";             // database and keys live here
    std::filesystem::path font_dir = "/usr/share/fonts/opentype/noto";
    std::filesystem::path screens_dir = "out/screens";  // headless PNGs
    flow::FlowConfig flow;
    // [receipts] e_receipt_url: the QR e-receipt's text; {reference} becomes the receipt's reference.
    std::string e_receipt_url = "https://receipts.kioskbank.example/r/{reference}?lang={lang}";
    // [receipts] complaint_url: a problem report's page (its slip's and screen's QR code);
    // {reference} becomes the report's KB-… reference.
    std::string complaint_url = "https://complaints.kioskbank.example/c/{reference}";
    CrmConfig crm;
    HostConfig host;
    DevicesConfig devices;
    SimConfig sim;
    StoreConfig store;
    AlertsConfig alerts;
    MaintenanceConfig maintenance;  // [maintenance]: the service mode
    FleetConfig fleet;
    // [survey]: the post-transaction survey; its time limit is also flow.survey_time_limit.
    SurveyConfig survey;
    LogConfig log;
    SpeechConfig speech;
    ServiceConfig service;
    DisplayConfig display;

    [[nodiscard]] std::filesystem::path database_path() const { return data_dir / "kiosk.db"; }
    // Where `kiosk --sim` serves the simulator's control socket and `kioskctl sim` looks for it.
    [[nodiscard]] std::filesystem::path control_socket_path() const { return data_dir / "control.sock"; }
    // Where the kiosk serves its own control socket (every build) and kioskctl looks for it.
    [[nodiscard]] std::filesystem::path kiosk_socket_path() const {
        return service.control_socket.empty() ? data_dir / "kiosk.sock" : service.control_socket;
    }
    [[nodiscard]] std::filesystem::path keys_path() const { return data_dir / "keys"; }
    [[nodiscard]] std::filesystem::path log_dir() const { return log.dir.empty() ? data_dir / "log" : log.dir; }
};

// Reads and validates a config file; throws ConfigError naming the file (and line and key) on any
// problem, an unknown key included: "kiosk.toml:12: unknown key 'crm.pinned_key' (did you mean
// 'crm.pinned_keys'?)".
KioskConfig load_config(const std::filesystem::path& path);

// Same, from text; `source` names it in error messages.
KioskConfig parse_config(std::string_view toml_text, std::string_view source);

// Every key parse_config reads, set or not, dotted and sorted; an entry of [[sim.cassettes]] the
// text has adds its keys as "sim.cassettes[0].count". These are the keys it knows: any other key is
// refused. Throws ConfigError as parse_config does for text that is not TOML or holds a bad value.
std::vector<std::string> known_config_keys(std::string_view toml_text);

}  // namespace kiosk
