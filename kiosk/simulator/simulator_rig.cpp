#include "kiosk/simulator/simulator_rig.hpp"

#include "sim/crm/ready_file.hpp"
#include "sim/crm/sim_crm_control_client.hpp"

#include <stdexcept>

#include "kiosk/app/bank_host_link.hpp"
#include "security/os_random.hpp"
#include "sim/crm/test_pki.hpp"
#include "sim/host/sim_bank_deck.hpp"

namespace kiosk {

namespace {

// The PIN zone key the simulated PIN pad and the simulated bank share (test value; a real
// terminal gets its key through remote key loading and never holds it outside the EPP).
const Bytes& sim_pin_key() {
    static const Bytes key{0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                           0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF};
    return key;
}

// The simulated bank's CRM record key pair, new at each start: the private key to its CRM (and to
// `pki_dir`/crm-record.key, owner only, for a CRM run on its own), the public key to the kiosk.
security::CrmPrivateKey make_crm_record_key(KioskConfig& config, const std::filesystem::path& pki_dir) {
    security::OsRandom random;
    auto key = security::CrmPrivateKey::generate("sim-crm-record", random);
    if (!key.ok()) throw std::runtime_error("simulated CRM record key: " + key.error().to_string());
    if (auto stored = key->store(pki_dir / "crm-record.key", random); !stored.ok()) {
        throw std::runtime_error("simulated CRM record key: " + stored.error().to_string());
    }
    config.crm.record_public_keys = {key->public_key()};
    return std::move(*key);
}

std::unique_ptr<sim::SimCrmServer> start_crm(KioskConfig& config, const std::filesystem::path& pki_dir,
                                             std::optional<security::CrmPrivateKey>& record_key) {
    if (config.sim.external_crm) return nullptr;  // config.crm names the CRM process
    SeededRandom serials(7);
    sim::TestPkiOptions options;
    // Certificate validity is checked by OpenSSL against the real time, not the virtual clock.
    options.ca_validity = sim::valid_around(SystemClock().now());
    options.server_validity = options.ca_validity;
    options.with_client_certificate = true;
    auto pki = sim::generate_test_pki(pki_dir, options, serials);
    if (!pki.ok()) throw std::runtime_error("simulated CRM: " + pki.error().to_string());

    sim::SimCrmOptions server;
    server.certificate_file = pki->server.certificate;
    server.private_key_file = pki->server.private_key;
    server.client_ca_file = pki->ca.certificate;  // mutual TLS, as the real CRM requires
    record_key.emplace(make_crm_record_key(config, pki_dir));
    server.record_keys = {*record_key};  // it opens every record, and refuses one it cannot
    auto crm = sim::SimCrmServer::start(server);
    if (!crm.ok()) throw std::runtime_error("simulated CRM: " + crm.error().to_string());

    config.crm.url = (*crm)->url();
    config.crm.ca_file = pki->ca.certificate;
    config.crm.client_cert = pki->client.certificate;
    config.crm.client_key = pki->client.private_key;
    // A backup pin as production needs (the sim CRM could move to this spare key).
    auto spare = sim::make_spare_key();
    if (!spare.ok()) throw std::runtime_error("simulated CRM backup key: " + spare.error().to_string());
    config.crm.pinned_keys = {pki->server_pin, spare->pin};
    return std::move(*crm);
}

// The simulated bank on the network: its own CA (as a real bank's would be), a server certificate
// for 127.0.0.1/localhost, the kiosk's client certificate; config.host gets the address, the files
// and the pins — the server's key and a spare backup, as production demands.
std::unique_ptr<sim::SimBankServer> start_bank_server(KioskConfig& config, const std::filesystem::path& pki_dir,
                                                      std::shared_ptr<sim::SimBank> bank, const Clock* clock) {
    SeededRandom serials(8);
    sim::TestPkiOptions options;
    options.ca_validity = sim::valid_around(SystemClock().now());  // OpenSSL checks the real time
    options.server_validity = options.ca_validity;
    options.with_client_certificate = true;
    std::error_code created;
    std::filesystem::create_directories(pki_dir, created);
    if (created) throw std::runtime_error("simulated bank: cannot create " + pki_dir.string() + ": " + created.message());
    auto pki = sim::generate_test_pki(pki_dir, options, serials);
    if (!pki.ok()) throw std::runtime_error("simulated bank: " + pki.error().to_string());

    sim::SimBankServerOptions server;
    server.tls = {pki->server.certificate, pki->server.private_key, pki->ca.certificate};
    server.clock = clock;
    auto started = sim::SimBankServer::start(server, std::move(bank));
    if (!started.ok()) throw std::runtime_error("simulated bank: " + started.error().to_string());

    auto spare = sim::make_spare_key();
    if (!spare.ok()) throw std::runtime_error("simulated bank backup key: " + spare.error().to_string());
    config.host.address = "127.0.0.1";
    config.host.port = (*started)->port();
    config.host.server_name = "localhost";  // checked against the certificate's DNS name, and sent as SNI
    config.host.ca_file = pki->ca.certificate;
    config.host.client_cert = pki->client.certificate;
    config.host.client_key = pki->client.private_key;
    config.host.pinned_keys = {pki->server_pin, spare->pin};
    return std::move(*started);
}

// The simulated dispenser's cassettes, as the config's [[sim.cassettes]] describe them.
std::vector<sim::SimCassette> sim_cassettes(const KioskConfig& config) {
    std::vector<sim::SimCassette> cassettes;
    for (const SimCassetteConfig& c : config.sim.cassettes) {
        cassettes.push_back(sim::SimCassette{config.flow.currency, c.denomination_minor, c.count, c.low_threshold,
                                             drivers::CassetteState::ok, 0});
    }
    return cassettes;
}

}  // namespace

Money SimulatorRig::opening_balance(std::size_t deck_index) {
    return Money{static_cast<std::int64_t>(123'456 + deck_index * 250'075), "CNY", 2};
}

SimulatorRig::SimulatorRig(KioskConfig& config, const std::filesystem::path& pki_dir,
                           sim::SimInstrumentOptions instruments, const Clock* bank_clock)
    : pin_pad_sim_(sim_pin_key(), device_random_),
      receipt_rasterizer_(config.devices.printer_chinese == drivers::ChineseTextMode::raster
                              ? std::make_unique<ui::ReceiptRasterizer>(ui::FontPaths::debian_default())
                              : nullptr),
      card_reader_(card_reader_sim_.host_transport()),
      pin_pad_(pin_pad_sim_.host_transport()),
      printer_(printer_sim_.host_transport(),
               drivers::EscPosPrinterOptions{Millis{2000}, config.devices.printer_chinese, receipt_rasterizer_.get()}),
      cash_sim_(sim_cassettes(config)),
      bank_(sim_pin_key()),
      crm_(start_crm(config, pki_dir, crm_record_key_)),
      crm_ready_file_(config.sim.external_crm ? config.sim.crm_ready_file : std::filesystem::path{}) {
    if (receipt_rasterizer_) {
        receipt_reader_ = std::make_unique<ui::RasterTextReader>(ui::FontPaths::debian_default());
        printer_sim_.set_raster_reader([reader = receipt_reader_.get()](const drivers::MonoBitmap& image) {
            return reader->read(image);
        });
    }
    // Every deck card with all its accounts (a checking account, and a savings account for some),
    // so transfers between the customer's own accounts can be made.
    if (const Status added = sim::add_card_deck(bank_.bank(), opening_balance, Money{5'000'00, "CNY", 2}); !added.ok()) {
        throw std::runtime_error("simulated bank: " + added.error().to_string());
    }
    // A cardless code staged "in the bank's app" for whoever tries the simulator (docs/simulator.md).
    const Status staged = bank_.bank().stage_cardless_code(
        sim::CardlessCode{std::string(demo_cardless_code), std::string(demo_cardless_phone),
                          sim::card("unionpay-li").account_ids.front(), Money{2'000'00, "CNY", 2},
                          from_unix_millis(4'102'444'800'000)});  // 2100-01-01: it never expires here
    if (!staged.ok()) throw std::runtime_error("simulated bank: " + staged.error().to_string());
    if (config.sim.host_transport == HostTransport::Iso8583) {
        bank_server_ = start_bank_server(config, pki_dir / "bank-host", bank_.shared_bank(), bank_clock);
        tls_link_ = open_host_link(config.host);
    }
    if (instruments.control_socket) std::filesystem::create_directories(instruments.control_socket->parent_path());
    instruments_ = std::make_unique<sim::SimInstruments>(
        instruments, sim_set(), driver_set(), trace_clock_);
}

void SimulatorRig::instrument(Runtime& runtime) {
    runtime.on_touch = [this, &runtime](std::string_view action) {
        instruments_->record_touch(action, flow::to_string(runtime.context().state));
    };
    runtime.on_turn = [this] { instruments_->pump_control(); };
    if (sim::ControlService* control = instruments_->control(); control != nullptr) {
        control->control().set_status_source([&runtime] {
            sim::DeviceSnapshot snapshot;
            const std::optional<DeviceHealth>& health = runtime.device_health();
            if (!health) return snapshot;  // nothing read yet: the first round is under way
            snapshot.card_reader = health->card_reader;
            snapshot.pin_pad = health->pin_pad;
            snapshot.printer = health->printer;
            snapshot.dispenser = health->dispenser;
            snapshot.sensors = health->sensors;
            return snapshot;
        });
    }
}

void SimulatorRig::serve_profiles(Runtime& runtime, const security::PanTokenizer& tokenizer) {
    profiles_ = std::make_unique<SimCustomerProfiles>(tokenizer);
    std::optional<sim::SimCrmReadyFile> ready;
    if (!crm_ready_file_.empty()) {
        auto read = sim::read_ready_file(crm_ready_file_);
        if (!read.ok()) throw std::runtime_error("simulated CRM: " + read.error().to_string());
        ready = std::move(*read);
    }
    if (!ready || ready->control_url.empty()) {
        // The CRM in this process (tests), or one started without --control (nobody can load
        // profiles into it): the runtime asks the deck directly.
        runtime.attach_profiles(*profiles_);
        return;
    }
    // `kiosk --sim`: the CRM is its own process. It gets the deck's profiles, and the kiosk fetches
    // them from it by token (crm.profiles_url), complaint statuses included, as on a real terminal.
    sim::SimCrmControlClient control(sim::SimCrmConnection::from(*ready));
    for (const auto& [token, profile] : profiles_->all()) {
        if (const Status put = control.put_profile(token, profile); !put.ok()) {
            throw std::runtime_error("simulated CRM: loading the deck's profiles: " + put.error().to_string());
        }
    }
}

sim::SimDeviceSet SimulatorRig::sim_set() {
    return sim::SimDeviceSet{&card_reader_sim_, &pin_pad_sim_, &printer_sim_, &cash_sim_, &sensors_sim_};
}

sim::DriverSet SimulatorRig::driver_set() {
    return sim::DriverSet{&card_reader_, &pin_pad_, &printer_, &cash_dispenser_, &sensors_};
}

std::vector<sim::DeviceReport> SimulatorRig::device_reports() { return sim::SimControl(sim_set(), driver_set()).status(); }

}  // namespace kiosk
