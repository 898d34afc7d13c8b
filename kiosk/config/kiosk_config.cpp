#include "kiosk/config/kiosk_config.hpp"

#include <arpa/inet.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "kiosk/config/toml_text_guard.hpp"
#include "kiosk/flow/flow_table.hpp"
#include "kiosk/config/toml_parser.hpp"
#include "security/tls_pin.hpp"

namespace kiosk {

void config_detail::toml_check_failed(const char* expression) {
    throw TomlCheckFailed(std::string("toml++ check failed: ") + expression);
}

namespace {

// Reads typed values from one TOML document and turns every problem into a ConfigError that
// names the source and the dotted key.
class Reader {
public:
    Reader(const toml::table& root, std::string_view source) : root_(root), source_(source) {}

    [[noreturn]] void fail(std::string_view key, std::string_view problem) const {
        throw ConfigError(std::string(source_) + ": " + std::string(key) + ": " + std::string(problem));
    }

    void string(std::string_view key, std::string& out) const {
        const toml::node_view node = root_.at_path(key);
        if (!node) return;
        const auto value = node.value<std::string>();
        if (!node.is_string() || !value) fail(key, "expected a string");
        out = *value;
    }

    void path(std::string_view key, std::filesystem::path& out) const {
        std::string text = out.string();
        string(key, text);
        out = text;
    }

    std::int64_t integer(std::string_view key, std::int64_t current, std::int64_t min, std::int64_t max) const {
        const toml::node_view node = root_.at_path(key);
        if (!node) return current;
        if (!node.is_integer()) fail(key, "expected an integer");
        const std::int64_t value = *node.value<std::int64_t>();
        if (value < min || value > max) {
            fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                          std::to_string(value));
        }
        return value;
    }

    bool boolean(std::string_view key, bool current) const {
        const toml::node_view node = root_.at_path(key);
        if (!node) return current;
        if (!node.is_boolean()) fail(key, "expected true or false");
        return *node.value<bool>();
    }

    void seconds(std::string_view key, Millis& out, std::int64_t max_seconds) const {
        out = Millis(integer(key, out.count() / 1000, 1, max_seconds) * 1000);
    }

    void strings(std::string_view key, std::vector<std::string>& out) const {
        const toml::node_view node = root_.at_path(key);
        if (!node) return;
        const toml::array* array = node.as_array();
        if (array == nullptr) fail(key, "expected an array of strings");
        out.clear();
        for (const toml::node& item : *array) {
            const auto value = item.value<std::string>();
            if (!item.is_string() || !value) fail(key, "expected an array of strings");
            out.push_back(*value);
        }
    }

    // "vvvv:pppp": four hex digits each, as lsusb prints them.
    void usb_id(std::string_view key, std::optional<UsbId>& out) const {
        std::string text;
        string(key, text);
        if (text.empty()) return;
        static const std::regex form("([0-9A-Fa-f]{4}):([0-9A-Fa-f]{4})");
        std::smatch parts;
        if (!std::regex_match(text, parts, form)) {
            fail(key, "expected vendor:product as four hex digits each, e.g. \"04b8:0e15\"");
        }
        out = UsbId{static_cast<std::uint16_t>(std::stoul(parts[1].str(), nullptr, 16)),
                    static_cast<std::uint16_t>(std::stoul(parts[2].str(), nullptr, 16))};
    }

    void language(std::string_view key, ui::Language& out) const {
        std::string text;
        string(key, text);
        if (text.empty()) return;
        if (text == "en") {
            out = ui::Language::English;
        } else if (text == "zh-CN") {
            out = ui::Language::SimplifiedChinese;
        } else {
            fail(key, "expected \"en\" or \"zh-CN\", got \"" + text + "\"");
        }
    }

private:
    const toml::table& root_;
    std::string_view source_;
};

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

void read_flow(const Reader& reader, const toml::table& root, flow::FlowConfig& flow) {
    flow.max_pin_tries = static_cast<int>(reader.integer("flow.max_pin_tries", flow.max_pin_tries, 1, 9));
    flow.speech_timeout_percent =
        static_cast<int>(reader.integer("flow.speech_timeout_percent", flow.speech_timeout_percent, 100, 400));
    flow.max_amount_digits = static_cast<int>(reader.integer("flow.max_amount_digits", flow.max_amount_digits, 1, 9));
    flow.card_before_cash = reader.boolean("flow.card_before_cash", flow.card_before_cash);
    flow.offer_another_transaction = reader.boolean("flow.offer_another_transaction", flow.offer_another_transaction);
    flow.e_receipts = reader.boolean("flow.e_receipts", flow.e_receipts);
    if (const toml::node_view fast_cash = root.at_path("flow.fast_cash")) {
        // Whole units of the currency, 1 to 8 buttons (the amount screen has room for 9 with "Other").
        const toml::array* amounts = fast_cash.as_array();
        if (amounts == nullptr || amounts->empty() || amounts->size() > 8) {
            reader.fail("flow.fast_cash", "expected an array of 1 to 8 whole amounts");
        }
        std::int64_t scale = 1;
        for (int digit = 0; digit < flow.currency_exponent(); ++digit) scale *= 10;
        flow.fast_cash_minor.clear();
        for (std::size_t index = 0; index < amounts->size(); ++index) {
            const auto value = (*amounts)[index].value<std::int64_t>();
            const std::string at = "flow.fast_cash[" + std::to_string(index) + "]";
            if (!(*amounts)[index].is_integer() || !value) reader.fail(at, "expected a whole amount");
            if (*value < 1 || *value > 100'000) reader.fail(at, "must be between 1 and 100000, got " + std::to_string(*value));
            flow.fast_cash_minor.push_back(*value * scale);
        }
    }
    const toml::table* timeouts = root.at_path("flow.timeouts").as_table();
    if (root.at_path("flow.timeouts") && timeouts == nullptr) reader.fail("flow.timeouts", "expected a table");
    if (timeouts == nullptr) return;
    for (const auto& [name, node] : *timeouts) {
        const std::string key = "flow.timeouts." + std::string(name.str());
        const auto state = timed_states().find(std::string(name.str()));
        if (state == timed_states().end()) reader.fail(key, "unknown state (see docs/configuration.md)");
        reader.seconds(key, flow.state_timeouts[state->second], 3600);
    }
}

// [[sim.cassettes]]: 1–8 cassettes, each `denomination` in whole currency units, `count` notes and
// the `low` threshold (≤ count). Given at all, the list replaces the default two.
void read_sim_cassettes(const Reader& reader, const toml::table& root, KioskConfig& config) {
    const toml::node_view node = root.at_path("sim.cassettes");
    if (!node) return;
    const toml::array* cassettes = node.as_array();
    if (cassettes == nullptr || !cassettes->is_array_of_tables()) {
        reader.fail("sim.cassettes", "expected [[sim.cassettes]] tables");
    }
    if (cassettes->empty() || cassettes->size() > 8) reader.fail("sim.cassettes", "expected 1 to 8 cassettes");
    std::int64_t scale = 1;
    for (int digit = 0; digit < config.flow.currency_exponent(); ++digit) scale *= 10;
    config.sim.cassettes.clear();
    for (std::size_t index = 0; index < cassettes->size(); ++index) {
        const std::string at = "sim.cassettes[" + std::to_string(index) + "].";
        const std::int64_t denomination = reader.integer(at + "denomination", 0, 1, 10'000);
        if (denomination == 0) reader.fail(at + "denomination", "missing");
        const std::int64_t count = reader.integer(at + "count", 0, 0, 10'000);
        const std::int64_t low = reader.integer(at + "low", 0, 0, count);
        config.sim.cassettes.push_back({static_cast<std::uint32_t>(denomination * scale), static_cast<std::uint32_t>(count),
                                        static_cast<std::uint32_t>(low)});
    }
}

// [host]: every key checked where it is read, so an error names it; a set address needs the rest
// of what a connection takes (port, CA; a client certificate with its key).
void read_host(const Reader& reader, HostConfig& host) {
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
    if (host.client_cert.empty() != host.client_key.empty()) {
        reader.fail(host.client_cert.empty() ? "host.client_cert" : "host.client_key",
                    "host.client_cert and host.client_key go together (mutual TLS)");
    }
    if (!host.configured()) return;
    if (host.port == 0) reader.fail("host.port", "required when host.address is set");
    if (host.ca_file.empty()) reader.fail("host.ca_file", "required when host.address is set");
}

void read_host_transport(const Reader& reader, HostTransport& transport) {
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

void validate(const Reader& reader, const KioskConfig& config) {
    // The terminal id travels in ISO 8583 field 41 (8 characters) and in every CRM record.
    static const std::regex terminal_id("[A-Z0-9-]{1,16}");
    if (!std::regex_match(config.kiosk_id, terminal_id)) {
        reader.fail("kiosk.id", "expected 1-16 characters A-Z, 0-9 or '-', got \"" + config.kiosk_id + "\"");
    }
    if (!config.crm.url.empty() && !config.crm.url.starts_with("https://")) {
        reader.fail("crm.url", "must be an https:// URL, got \"" + config.crm.url + "\"");
    }
    // The QR e-receipt points the customer's phone at the bank: https only, with the reference in it.
    if (!config.e_receipt_url.starts_with("https://") || config.e_receipt_url.find("{reference}") == std::string::npos) {
        reader.fail("receipts.e_receipt_url",
                    "must be an https:// URL containing {reference}, got \"" + config.e_receipt_url + "\"");
    }
    // Pinning with a single key would strand the kiosk when the CRM rotates its key: a configured
    // pin set needs a primary and a backup (docs/crm.md, "Pins and rotation").
    if (!config.crm.pinned_keys.empty()) {
        auto pins = security::parse_pin_set(config.crm.pinned_keys, security::PinRequirement::PrimaryAndBackup,
                                            "crm.pinned_keys");
        if (!pins.ok()) reader.fail("crm.pinned_keys", pins.error().message);
    }
}

}  // namespace

KioskConfig parse_config(std::string_view toml_text, std::string_view source) {
    if (const auto problem = find_unsafe_toml_text(toml_text)) {
        throw ConfigError(std::string(source) + ":" + std::to_string(problem->line) + ":" +
                          std::to_string(problem->column) + ": " + problem->description);
    }
    toml::table root;
    try {
        root = toml::parse(toml_text, source);
    } catch (const toml::parse_error& error) {
        const auto& begin = error.source().begin;
        throw ConfigError(std::string(source) + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.column) +
                          ": " + std::string(error.description()));
    } catch (const config_detail::TomlCheckFailed& error) {
        throw ConfigError(std::string(source) + ": not valid TOML (" + error.what() + ")");
    }
    const Reader reader(root, source);
    KioskConfig config;
    reader.string("kiosk.id", config.kiosk_id);
    reader.string("kiosk.bank_name", config.bank_name);
    reader.path("kiosk.data_dir", config.data_dir);
    reader.language("kiosk.default_language", config.default_language);
    reader.path("ui.font_dir", config.font_dir);
    reader.path("ui.screens_dir", config.screens_dir);
    reader.string("crm.url", config.crm.url);
    reader.path("crm.ca_file", config.crm.ca_file);
    reader.strings("crm.pinned_keys", config.crm.pinned_keys);
    reader.usb_id("devices.card_reader_usb", config.devices.card_reader);
    reader.usb_id("devices.pin_pad_usb", config.devices.pin_pad);
    reader.usb_id("devices.printer_usb", config.devices.printer);
    reader.usb_id("devices.dispenser_usb", config.devices.dispenser);
    reader.usb_id("devices.sensors_usb", config.devices.sensors);
    reader.path("crm.client_cert", config.crm.client_cert);
    reader.path("crm.client_key", config.crm.client_key);
    config.crm.batch_size = static_cast<std::size_t>(
        reader.integer("crm.batch_size", static_cast<std::int64_t>(config.crm.batch_size), 1, 500));
    reader.seconds("crm.upload_interval_s", config.crm.upload_interval, 3600);
    reader.seconds("crm.request_timeout_s", config.crm.request_timeout, 300);
    read_flow(reader, root, config.flow);
    reader.string("receipts.e_receipt_url", config.e_receipt_url);
    read_sim_cassettes(reader, root, config);
    read_host(reader, config.host);
    read_host_transport(reader, config.sim.host_transport);
    validate(reader, config);
    return config;
}

KioskConfig load_config(const std::filesystem::path& path) {
    std::ifstream file(path);
    if (!file) throw ConfigError(path.string() + ": cannot read the config file");
    std::ostringstream text;
    text << file.rdbuf();
    return parse_config(text.str(), path.string());
}

}  // namespace kiosk
