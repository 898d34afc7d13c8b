#include "kiosk/config/kiosk_config.hpp"

#include <arpa/inet.h>

#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include "kiosk/config/config_reader.hpp"
#include "kiosk/config/toml_text_guard.hpp"
#include "kiosk/flow/flow_table.hpp"
#include "security/tls_pin.hpp"
#include "ui/viewport.hpp"

namespace kiosk {

void config_detail::toml_check_failed(const char* expression) {
    throw TomlCheckFailed(std::string("toml++ check failed: ") + expression);
}

namespace {

using config_detail::found;
using config_detail::Reader;

// "vvvv:pppp": four hex digits each, as lsusb prints them.
void read_usb_id(Reader& reader, std::string_view key, std::optional<UsbId>& out) {
    std::string text;
    reader.string(key, text);
    if (text.empty()) return;
    static const std::regex form("([0-9A-Fa-f]{4}):([0-9A-Fa-f]{4})");
    std::smatch parts;
    if (!std::regex_match(text, parts, form)) {
        reader.fail(key, "expected vendor:product as four hex digits each, e.g. \"04b8:0e15\", got \"" + text + "\"");
    }
    out = UsbId{static_cast<std::uint16_t>(std::stoul(parts[1].str(), nullptr, 16)),
                static_cast<std::uint16_t>(std::stoul(parts[2].str(), nullptr, 16))};
}

// "ShowReceiptQr" → "show_receipt_qr": the config names a state's timer after the state.
std::string snake_case(std::string_view name) {
    std::string text;
    for (const char c : name) {
        if (c >= 'A' && c <= 'Z') {
            if (!text.empty()) text += '_';
            text += static_cast<char>(c - 'A' + 'a');
        } else {
            text += c;
        }
    }
    return text;
}

// Every state that has a timer by default can have it set; the others (Attract, OutOfService) wait.
const std::map<std::string, flow::StateId>& timed_states() {
    static const std::map<std::string, flow::StateId> states = [] {
        std::map<std::string, flow::StateId> named;
        const flow::FlowConfig defaults;
        for (const flow::StateId state : flow::all_states()) {
            if (defaults.state_timeouts.contains(state)) named[snake_case(flow::to_string(state))] = state;
        }
        return named;
    }();
    return states;
}

// Whole units of the currency → minor units (CNY 100 → 10000 fen).
std::int64_t minor_units_per_unit(const flow::FlowConfig& flow) {
    std::int64_t scale = 1;
    for (int digit = 0; digit < flow.currency_exponent(); ++digit) scale *= 10;
    return scale;
}

void read_flow(Reader& reader, flow::FlowConfig& flow) {
    flow.max_pin_tries = static_cast<int>(reader.integer("flow.max_pin_tries", flow.max_pin_tries, 1, 9));
    flow.speech_timeout_percent =
        static_cast<int>(reader.integer("flow.speech_timeout_percent", flow.speech_timeout_percent, 100, 400));
    flow.max_amount_digits = static_cast<int>(reader.integer("flow.max_amount_digits", flow.max_amount_digits, 1, 9));
    flow.card_before_cash = reader.boolean("flow.card_before_cash", flow.card_before_cash);
    flow.offer_another_transaction = reader.boolean("flow.offer_another_transaction", flow.offer_another_transaction);
    flow.e_receipts = reader.boolean("flow.e_receipts", flow.e_receipts);
    if (const auto fast_cash = reader.node("flow.fast_cash")) {
        // Whole units of the currency, 1 to 8 buttons (the amount screen has room for 9 with "Other").
        const toml::array* amounts = fast_cash.as_array();
        if (amounts == nullptr) reader.fail("flow.fast_cash", "expected an array of 1 to 8 whole amounts, " + found(*fast_cash.node()));
        if (amounts->empty() || amounts->size() > 8) {
            reader.fail("flow.fast_cash",
                        "expected an array of 1 to 8 whole amounts, got " + std::to_string(amounts->size()) + " amounts");
        }
        flow.fast_cash_minor.clear();
        for (std::size_t index = 0; index < amounts->size(); ++index) {
            const std::string at = "flow.fast_cash[" + std::to_string(index) + "]";
            const toml::node& amount = (*amounts)[index];
            if (!amount.is_integer()) reader.fail(at, "expected a whole amount, " + found(amount));
            const std::int64_t value = *amount.value<std::int64_t>();
            if (value < 1 || value > 100'000) reader.fail(at, "must be between 1 and 100000, got " + std::to_string(value));
            flow.fast_cash_minor.push_back(value * minor_units_per_unit(flow));
        }
    }
    // Asked for state by state, so that a name that is no timed state is an unknown key like any other.
    for (const auto& [name, state] : timed_states()) {
        reader.seconds("flow.timeouts." + name, flow.state_timeouts[state], 3600);
    }
}

// [[sim.cassettes]]: 1–8 cassettes, each `denomination` in whole currency units, `count` notes and
// the `low` threshold (≤ count). Given at all, the list replaces the default two.
void read_sim_cassettes(Reader& reader, KioskConfig& config) {
    const auto node = reader.node("sim.cassettes");
    if (!node) return;
    const toml::array* cassettes = node.as_array();
    if (cassettes == nullptr || !cassettes->is_array_of_tables()) {
        reader.fail("sim.cassettes", "expected [[sim.cassettes]] tables, " + found(*node.node()));
    }
    if (cassettes->empty() || cassettes->size() > 8) {
        reader.fail("sim.cassettes", "expected 1 to 8 cassettes, got " + std::to_string(cassettes->size()));
    }
    config.sim.cassettes.clear();
    for (std::size_t index = 0; index < cassettes->size(); ++index) {
        const std::string at = "sim.cassettes[" + std::to_string(index) + "].";
        // 0: missing, and `low` may exceed `count` here; validate() refuses both once every key
        // is known to be spelt right (a misspelt `count` must be named as such).
        const std::int64_t denomination = reader.integer(at + "denomination", 0, 1, 10'000);
        const std::int64_t count = reader.integer(at + "count", 0, 0, 10'000);
        const std::int64_t low = reader.integer(at + "low", 0, 0, 10'000);
        config.sim.cassettes.push_back({static_cast<std::uint32_t>(denomination * minor_units_per_unit(config.flow)),
                                        static_cast<std::uint32_t>(count), static_cast<std::uint32_t>(low)});
    }
}

// [host]: every key checked where it is read, so an error names it.
void read_host(Reader& reader, HostConfig& host) {
    reader.string("host.address", host.address);
    in6_addr ip{};
    if (!host.address.empty() && ::inet_pton(AF_INET, host.address.c_str(), &ip) != 1 &&
        ::inet_pton(AF_INET6, host.address.c_str(), &ip) != 1) {
        reader.fail("host.address", "expected a numeric IPv4 or IPv6 address (a DNS lookup cannot be bounded by a "
                                    "timeout), got \"" + host.address + "\"");
    }
    host.port = static_cast<int>(reader.integer("host.port", host.port, 1, 65535));
    reader.string("host.server_name", host.server_name);
    static const std::regex name("[A-Za-z0-9.:-]{1,253}");
    if (!host.server_name.empty() && !std::regex_match(host.server_name, name)) {
        reader.fail("host.server_name", "expected the DNS name or IP address the bank's certificate carries, got \"" +
                                            host.server_name + "\"");
    }
    reader.path("host.ca_file", host.ca_file);
    reader.path("host.client_cert", host.client_cert);
    reader.path("host.client_key", host.client_key);
    reader.strings("host.pinned_keys", host.pinned_keys);
    reader.seconds("host.connect_timeout_s", host.connect_timeout, 60);
    reader.seconds("host.reply_timeout_s", host.reply_timeout, 120);
    // As for the CRM: a single pin would strand the kiosk when the bank rotates its key.
    if (!host.pinned_keys.empty()) {
        auto pins = security::parse_pin_set(host.pinned_keys, security::PinRequirement::PrimaryAndBackup,
                                            "host.pinned_keys");
        if (!pins.ok()) reader.fail("host.pinned_keys", pins.error().message);
    }
}

void read_host_transport(Reader& reader, HostTransport& transport) {
    std::string text;
    reader.string("sim.host_transport", text);
    if (text.empty()) return;
    if (text == "iso8583") {
        transport = HostTransport::Iso8583;
    } else if (text == "in_process") {
        transport = HostTransport::InProcess;
    } else {
        reader.fail("sim.host_transport", "expected \"iso8583\" or \"in_process\", got \"" + text + "\"");
    }
}

void read_printer_chinese(Reader& reader, drivers::ChineseTextMode& mode) {
    std::string text;
    reader.string("devices.printer_chinese", text);
    if (text.empty()) return;
    if (text == "gb18030") {
        mode = drivers::ChineseTextMode::gb18030;
    } else if (text == "raster") {
        mode = drivers::ChineseTextMode::raster;
    } else {
        reader.fail("devices.printer_chinese", "expected \"gb18030\" or \"raster\", got \"" + text + "\"");
    }
}

// crm.record_public_keys ("<key id>:<base64>", one or two) and crm.data_key_period_hours.
void read_crm_record_keys(Reader& reader, CrmConfig& crm) {
    std::vector<std::string> texts;
    reader.strings("crm.record_public_keys", texts);
    if (!texts.empty()) {
        crm.record_public_keys.clear();
        for (std::size_t index = 0; index < texts.size(); ++index) {
            auto key = security::parse_crm_public_key(texts[index]);
            if (!key.ok()) reader.fail("crm.record_public_keys", "[" + std::to_string(index) + "]: " + key.error().message);
            crm.record_public_keys.push_back(std::move(*key));
        }
        if (auto set = security::check_crm_public_key_set(crm.record_public_keys); !set.ok()) {
            reader.fail("crm.record_public_keys", set.error().message);
        }
    }
    const auto default_hours = std::chrono::duration_cast<std::chrono::hours>(crm.data_key_period).count();
    // At most a year: the key is only in memory, so a restart starts a new period anyway.
    const std::int64_t hours = reader.integer("crm.data_key_period_hours", default_hours, 1, 24 * 366);
    crm.data_key_period = std::chrono::duration_cast<Millis>(std::chrono::hours(hours));
}

void read_alerts(Reader& reader, AlertsConfig& alerts) {
    reader.seconds("alerts.clear_hold_s", alerts.clear_hold, 24 * 3600);
    reader.seconds("alerts.screen_error_window_s", alerts.screen_error_window, 24 * 3600);
    alerts.screen_error_threshold =
        static_cast<int>(reader.integer("alerts.screen_errors", alerts.screen_error_threshold, 2, 1000));
    alerts.capture_bin_margin =
        static_cast<int>(reader.integer("alerts.capture_bin_margin", alerts.capture_bin_margin, 0, 1000));
    reader.seconds("alerts.operator_key_max_s", alerts.operator_key_limit, 24 * 3600);
}

void read_speech(Reader& reader, SpeechConfig& speech) {
    speech.enabled = reader.boolean("speech.enabled", speech.enabled);
    std::string output = speech.output == SpeechOutputKind::Sdl ? "sdl" : "wav";
    reader.string("speech.output", output);
    if (output == "sdl") {
        speech.output = SpeechOutputKind::Sdl;
    } else if (output == "wav") {
        speech.output = SpeechOutputKind::Wav;
    } else {
        reader.fail("speech.output", "expected \"sdl\" or \"wav\", got \"" + output + "\"");
    }
    reader.string("speech.audio_device", speech.audio_device);
    reader.path("speech.wav_path", speech.wav_path);
    reader.path("speech.log_path", speech.log_path);
    reader.path("speech.data_dir", speech.data_dir);
    speech.volume = static_cast<int>(reader.integer("speech.volume", speech.volume, 10, 100));
    // espeak-ng's own limits: slower is unintelligible, faster than 450 it cannot go.
    speech.words_per_minute = static_cast<int>(reader.integer("speech.rate_wpm", speech.words_per_minute, 80, 450));
    if (speech.output == SpeechOutputKind::Wav && speech.wav_path == speech.log_path) {
        reader.fail("speech.log_path", "must differ from speech.wav_path (" + speech.wav_path.string() + ")");
    }
}

// [maintenance]: the service mode (docs/technician.md).
void read_maintenance(Reader& reader, MaintenanceConfig& maintenance) {
    reader.seconds("maintenance.open_alert_after_s", maintenance.open_alert_after, 24 * 3600);
    reader.strings("maintenance.technician_card_prefixes", maintenance.technician_card_prefixes);
    for (const std::string& prefix : maintenance.technician_card_prefixes) {
        const bool digits = !prefix.empty() && prefix.size() <= 12 &&
                            prefix.find_first_not_of("0123456789") == std::string::npos;
        if (!digits) {
            reader.fail("maintenance.technician_card_prefixes",
                        "\"" + prefix + "\" is not 1-12 digits of a card number's start");
        }
    }
    maintenance.cassette_capacity = static_cast<std::uint32_t>(
        reader.integer("maintenance.cassette_capacity", maintenance.cassette_capacity, 1, 100000));
}

void read_fleet(Reader& reader, FleetConfig& fleet) {
    reader.string("fleet.mqtt_host", fleet.mqtt_host);
    fleet.mqtt_port = static_cast<int>(reader.integer("fleet.mqtt_port", fleet.mqtt_port, 1, 65535));
    reader.path("fleet.ca_file", fleet.ca_file);
    reader.path("fleet.client_cert", fleet.client_cert);
    reader.path("fleet.client_key", fleet.client_key);
    reader.string("fleet.topic_prefix", fleet.topic_prefix);
    reader.string("fleet.bank", fleet.bank);
    reader.seconds("fleet.keepalive_s", fleet.keepalive, 3600);
}

// A topic level: no MQTT wildcard or separator, nothing a broker's ACL pattern would trip on.
bool topic_safe(const std::string& text) {
    static const std::regex level("[A-Za-z0-9_.-]{1,64}");
    return std::regex_match(text, level);
}

// The broker is reached over mutual TLS only: a terminal's certificate is its identity there.
void validate_fleet(const Reader& reader, const FleetConfig& fleet) {
    static const std::regex prefix("[A-Za-z0-9_.-]{1,64}(/[A-Za-z0-9_.-]{1,64}){0,3}");
    if (!std::regex_match(fleet.topic_prefix, prefix)) {
        reader.fail("fleet.topic_prefix", "expected topic levels of A-Z a-z 0-9 _ . - separated by '/', got \"" +
                                              fleet.topic_prefix + "\"");
    }
    if (!fleet.bank.empty() && !topic_safe(fleet.bank)) {
        reader.fail("fleet.bank", "expected 1-64 characters A-Z a-z 0-9 _ . -, got \"" + fleet.bank + "\"");
    }
    if (!fleet.enabled()) return;
    if (fleet.ca_file.empty()) reader.fail("fleet.ca_file", "required when fleet.mqtt_host is set (TLS only)");
    if (fleet.client_cert.empty()) reader.fail("fleet.client_cert", "required when fleet.mqtt_host is set (mutual TLS)");
    if (fleet.client_key.empty()) reader.fail("fleet.client_key", "required when fleet.mqtt_host is set (mutual TLS)");
}

// [survey] (docs/configuration.md): the whole survey must fit in 10 s, the promise.
void read_survey(Reader& reader, KioskConfig& config) {
    SurveyConfig& survey = config.survey;
    survey.enabled = reader.boolean("survey.enabled", survey.enabled);
    const auto days = std::chrono::duration_cast<std::chrono::hours>(survey.period).count() / 24;
    survey.period = std::chrono::hours(24 * reader.integer("survey.period_days", days, 1, 366));
    survey.nps_sample_percent =
        static_cast<int>(reader.integer("survey.nps_sample_percent", survey.nps_sample_percent, 0, 100));
    reader.seconds("survey.time_limit_s", survey.time_limit, 10);
    reader.seconds("survey.skip_when_longer_than_s", survey.skip_when_longer_than, 3600);
    config.flow.survey_time_limit = survey.time_limit;
}

// [display]: a resolution override (both sides) and the panel's density, checked against what the
// screens need (ui/viewport.hpp): a dpi the size cannot hold 15 mm targets at is refused here.
void read_display(Reader& reader, DisplayConfig& display) {
    if (reader.node("display.width")) display.width = static_cast<int>(reader.integer("display.width", 0, 640, 7680));
    if (reader.node("display.height")) display.height = static_cast<int>(reader.integer("display.height", 0, 480, 7680));
    if (const auto dpi = reader.node("display.dpi")) {
        if (!dpi.is_number()) reader.fail("display.dpi", "expected a number of dots per inch");
        const double value = dpi.is_integer() ? static_cast<double>(*dpi.value<std::int64_t>()) : *dpi.value<double>();
        if (!(value >= 40.0 && value <= 600.0)) reader.fail("display.dpi", "must be between 40 and 600, got " + std::to_string(value));
        display.dpi = value;
    }
}

void validate_display(const Reader& reader, const DisplayConfig& display) {
    if (display.width.has_value() != display.height.has_value()) {
        reader.fail(display.width ? "display.height" : "display.width", "display.width and display.height go together");
    }
    if (!display.width) return;
    if (auto problem = ui::viewport_problem(ui::viewport_for(*display.width, *display.height, display.dpi))) {
        reader.fail(display.dpi ? "display.dpi" : "display.width", *problem);
    }
}

// Every key the kiosk knows, read into `config`: this is the list an unknown key is checked against.
void read_every_key(Reader& reader, KioskConfig& config) {
    reader.string("kiosk.id", config.kiosk_id);
    reader.string("kiosk.bank_name", config.bank_name);
    reader.path("kiosk.data_dir", config.data_dir);
    reader.path("ui.font_dir", config.font_dir);
    reader.path("ui.screens_dir", config.screens_dir);
    read_display(reader, config.display);
    reader.string("crm.url", config.crm.url);
    reader.path("crm.ca_file", config.crm.ca_file);
    reader.strings("crm.pinned_keys", config.crm.pinned_keys);
    reader.path("crm.client_cert", config.crm.client_cert);
    reader.path("crm.client_key", config.crm.client_key);
    config.crm.batch_size = static_cast<std::size_t>(
        reader.integer("crm.batch_size", static_cast<std::int64_t>(config.crm.batch_size), 1, 200));
    config.store.outbox_max_records = reader.integer("outbox.max_records", config.store.outbox_max_records, 100, 10'000'000);
    config.store.outbox_max_mb = reader.integer("outbox.max_mb", config.store.outbox_max_mb, 0, 1'000'000);
    config.store.min_free_mb = reader.integer("store.min_free_mb", config.store.min_free_mb, 0, 1'000'000);
    reader.seconds("crm.upload_interval_s", config.crm.upload_interval, 3600);
    reader.seconds("crm.request_timeout_s", config.crm.request_timeout, 300);
    read_crm_record_keys(reader, config.crm);
    reader.string("crm.profiles_url", config.crm.profiles_url);
    config.crm.profile_timeout = Millis(reader.integer("crm.profile_timeout_ms", config.crm.profile_timeout.count(), 50, 5'000));
    config.crm.profile_cache_keep = std::chrono::hours(reader.integer(
        "crm.profile_cache_hours",
        std::chrono::duration_cast<std::chrono::hours>(config.crm.profile_cache_keep).count(), 0, 24 * 90));
    read_usb_id(reader, "devices.card_reader_usb", config.devices.card_reader);
    read_usb_id(reader, "devices.pin_pad_usb", config.devices.pin_pad);
    read_usb_id(reader, "devices.printer_usb", config.devices.printer);
    read_printer_chinese(reader, config.devices.printer_chinese);
    read_usb_id(reader, "devices.dispenser_usb", config.devices.dispenser);
    read_usb_id(reader, "devices.sensors_usb", config.devices.sensors);
    read_flow(reader, config.flow);
    read_survey(reader, config);
    reader.string("receipts.e_receipt_url", config.e_receipt_url);
    reader.string("receipts.complaint_url", config.complaint_url);
    read_sim_cassettes(reader, config);
    read_host(reader, config.host);
    read_host_transport(reader, config.sim.host_transport);
    read_alerts(reader, config.alerts);
    read_speech(reader, config.speech);
    read_maintenance(reader, config.maintenance);
    read_fleet(reader, config.fleet);
    reader.path("log.dir", config.log.dir);
    config.log.max_file_mb = reader.integer("log.max_file_mb", config.log.max_file_mb, 1, 1024);
    config.log.max_files = reader.integer("log.max_files", config.log.max_files, 1, 100);
    reader.path("service.control_socket", config.service.control_socket);
    reader.string("service.control_group", config.service.control_group);
}

// What holds across keys, and the defaults' checks. After the unknown-key check, so that a
// misspelt `ca_fil` is reported as such rather than as a missing host.ca_file.
void validate(const Reader& reader, const KioskConfig& config) {
    validate_display(reader, config.display);
    // The terminal id travels in ISO 8583 field 41 (8 characters) and in every CRM record.
    static const std::regex terminal_id("[A-Z0-9-]{1,16}");
    if (!std::regex_match(config.kiosk_id, terminal_id)) {
        reader.fail("kiosk.id", "expected 1-16 characters A-Z, 0-9 or '-', got \"" + config.kiosk_id + "\"");
    }
    if (!config.crm.url.empty() && !config.crm.url.starts_with("https://")) {
        reader.fail("crm.url", "must be an https:// URL, got \"" + config.crm.url + "\"");
    }
    if (!config.crm.profiles_url.empty() && !config.crm.profiles_url.starts_with("https://")) {
        reader.fail("crm.profiles_url", "must be an https:// URL, got \"" + config.crm.profiles_url + "\"");
    }
    // The QR codes point the customer's phone at the bank: https only, with the reference in it
    // (the e-receipt's; a problem report's, on its slip or on screen when the printer is down).
    const auto require_reference_url = [&reader](const char* key, const std::string& url) {
        if (!url.starts_with("https://") || url.find("{reference}") == std::string::npos) {
            reader.fail(key, "must be an https:// URL containing {reference}, got \"" + url + "\"");
        }
    };
    require_reference_url("receipts.e_receipt_url", config.e_receipt_url);
    require_reference_url("receipts.complaint_url", config.complaint_url);
    // Pinning with a single key would strand the kiosk when the CRM rotates its key: a configured
    // pin set needs a primary and a backup (docs/crm.md, "Pins and rotation").
    if (!config.crm.pinned_keys.empty()) {
        auto pins = security::parse_pin_set(config.crm.pinned_keys, security::PinRequirement::PrimaryAndBackup,
                                            "crm.pinned_keys");
        if (!pins.ok()) reader.fail("crm.pinned_keys", pins.error().message);
    }
    for (std::size_t index = 0; index < config.sim.cassettes.size(); ++index) {
        const SimCassetteConfig& cassette = config.sim.cassettes[index];
        const std::string at = "sim.cassettes[" + std::to_string(index) + "].";
        if (cassette.denomination_minor == 0) reader.fail(at + "denomination", "missing");
        if (cassette.low_threshold > cassette.count) {
            reader.fail(at + "low", "must be at most count (" + std::to_string(cassette.count) + "), got " +
                                        std::to_string(cassette.low_threshold));
        }
    }
    // A set host address needs the rest of what a connection takes (port, CA; a client
    // certificate with its key).
    const HostConfig& host = config.host;
    if (host.client_cert.empty() != host.client_key.empty()) {
        reader.fail(host.client_cert.empty() ? "host.client_cert" : "host.client_key",
                    "host.client_cert and host.client_key go together (mutual TLS)");
    }
    validate_fleet(reader, config.fleet);
    if (!host.configured()) return;
    if (host.port == 0) reader.fail("host.port", "required when host.address is set");
    if (host.ca_file.empty()) reader.fail("host.ca_file", "required when host.address is set");
}

toml::table parse_toml(std::string_view toml_text, std::string_view source) {
    if (const auto problem = find_unsafe_toml_text(toml_text)) {
        throw ConfigError(std::string(source) + ":" + std::to_string(problem->line) + ":" +
                          std::to_string(problem->column) + ": " + problem->description);
    }
    try {
        return toml::parse(toml_text, source);
    } catch (const toml::parse_error& error) {
        const auto& begin = error.source().begin;
        throw ConfigError(std::string(source) + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.column) +
                          ": " + std::string(error.description()));
    } catch (const config_detail::TomlCheckFailed& error) {
        throw ConfigError(std::string(source) + ": not valid TOML (" + error.what() + ")");
    }
}

}  // namespace

KioskConfig parse_config(std::string_view toml_text, std::string_view source) {
    const toml::table root = parse_toml(toml_text, source);
    Reader reader(root, source);
    KioskConfig config;
    read_every_key(reader, config);
    reader.refuse_unknown_keys();
    validate(reader, config);
    return config;
}

std::vector<std::string> known_config_keys(std::string_view toml_text) {
    const toml::table root = parse_toml(toml_text, "config");
    Reader reader(root, "config");
    KioskConfig config;
    read_every_key(reader, config);
    return reader.known_keys();
}

KioskConfig load_config(const std::filesystem::path& path) {
    std::ifstream file(path);
    if (!file) throw ConfigError(path.string() + ": cannot read the config file");
    std::ostringstream text;
    text << file.rdbuf();
    return parse_config(text.str(), path.string());
}

}  // namespace kiosk
