// Everything the kiosk talks to, simulated: card reader, PIN pad, receipt printer, cash dispenser
// and sensor board behind the same byte transports real hardware uses, the bank host with the
// deck's accounts — by default a SimBankServer answering ISO 8583 over mutual TLS on 127.0.0.1,
// reached through the kiosk's real Iso8583HostLink with pinned keys (`sim.host_transport =
// "in_process"`: the SimBankHost called directly) — and a CRM ingest server on loopback TLS, each
// with certificates generated at start. `kiosk --sim` builds one; tests/e2e/ drive it from code.
// drivers/ never sees this: it only gets Transports.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "drivers/card/mechanism_card_reader.hpp"
#include "drivers/cash/framed_cash_dispenser.hpp"
#include "drivers/pinpad/encrypting_pin_pad.hpp"
#include "drivers/printer/escpos_printer.hpp"
#include "drivers/sensors/framed_sensors.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/runtime/runtime.hpp"
#include "sim/control/sim_control.hpp"
#include "sim/control/sim_instruments.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/devices/sim_card_reader.hpp"
#include "sim/devices/sim_cash_dispenser.hpp"
#include "sim/devices/sim_pin_pad.hpp"
#include "sim/devices/sim_printer.hpp"
#include "sim/devices/sim_sensors.hpp"
#include "kiosk/simulator/sim_customer_profiles.hpp"
#include "sim/host/sim_bank_host.hpp"
#include "sim/host/sim_bank_server.hpp"
#include "ui/raster_text_reader.hpp"
#include "ui/receipt_rasterizer.hpp"

namespace kiosk {

class SimulatorRig {
public:
    // Starts the simulated CRM (certificates and its record private key in `pki_dir`) and points
    // config.crm at it, crm.record_public_keys included; with
    // config.sim.host_transport Iso8583 also the simulated bank's TLS server (certificates in
    // `pki_dir`/bank-host) and points config.host at it, pins included.
    // Throws std::runtime_error naming what could not be started.
    // `instruments`: the control socket (none by default; `kiosk --sim` asks for
    // config.control_socket_path()) and an optional device trace to record or replay
    // (sim/control/sim_instruments.hpp, docs/simulator.md).
    // `bank_clock`: the kiosk's clock (ISO 8583 dates carry no year: the TLS bank takes the one
    // nearest this clock); nullptr = the system clock. Must outlive the rig.
    SimulatorRig(KioskConfig& config, const std::filesystem::path& pki_dir, sim::SimInstrumentOptions instruments = {},
                 const Clock* bank_clock = nullptr);

    // The drivers the runtime uses, wrapped by the instruments (traced when a trace is recorded or
    // replayed; the card reader's poll also serves the control socket).
    [[nodiscard]] Devices devices() {
        return Devices{instruments_->card_reader(), instruments_->pin_pad(), instruments_->printer(),
                       instruments_->cash_dispenser(), instruments_->sensors()};
    }
    // Records the runtime's touches in the device trace (when one is recorded), each with the flow
    // state it was made in, so that a replay can make them again.
    // Ties the rig's instruments to the runtime: touches go into the device trace, the control
    // socket's requests run on the loop thread at the start of each turn, and its `status` answers
    // from the runtime's last status reading (the drivers belong to their workers).
    void instrument(Runtime& runtime);
    // Personalization from the card deck (sim_customer_profiles.hpp), keyed by the app's tokens.
    void serve_profiles(Runtime& runtime, const security::PanTokenizer& tokenizer);
    // Every simulated device's status through its bare driver, as `kioskctl sim status` shows it.
    [[nodiscard]] std::vector<sim::DeviceReport> device_reports();
    sim::SimInstruments& instruments() { return *instruments_; }
    // The kiosk's link to the simulated bank: the Iso8583HostLink to bank_server() or, in process,
    // bank() itself.
    [[nodiscard]] host::HostLink& host_link() {
        if (tls_link_) return *tls_link_;
        return bank_;
    }
    // The TLS front end of bank(); nullptr with sim.host_transport = "in_process".
    [[nodiscard]] sim::SimBankServer* bank_server() { return bank_server_.get(); }

    sim::SimCardReader& card_reader() { return card_reader_sim_; }
    sim::SimPinPad& pin_pad() { return pin_pad_sim_; }
    sim::SimPrinter& printer() { return printer_sim_; }
    sim::SimCashDispenser& cash() { return cash_sim_; }
    sim::SimSensors& sensor_board() { return sensors_sim_; }
    drivers::Sensors& sensors() { return sensors_; }
    sim::SimBankHost& bank() { return bank_; }
    // The in-process simulated CRM. Not there when config.sim.external_crm (a kiosk-sim-crm
    // process serves the kiosk): has_crm() says which.
    [[nodiscard]] bool has_crm() const { return crm_ != nullptr; }
    sim::SimCrmServer& crm() { return *crm_; }
    // The simulated CRM's record private key (config.crm.record_public_keys has its public key).
    [[nodiscard]] const security::CrmPrivateKey& crm_record_key() const { return *crm_record_key_; }

    // The cardless withdrawal staged at start for unionpay-li's checking account (up to CNY 2,000,
    // single use): type the code, then the phone number.
    static constexpr std::string_view demo_cardless_code = "20261123";
    static constexpr std::string_view demo_cardless_phone = "13900139000";

    // The opening balance the simulated bank gives each deck card's account.
    static Money opening_balance(std::size_t deck_index);

private:
    sim::SimDeviceSet sim_set();
    sim::DriverSet driver_set();

    SeededRandom device_random_{20260105};  // the PIN pad's random pad bytes, reproducible
    sim::SimCardReader card_reader_sim_;
    sim::SimPinPad pin_pad_sim_;
    sim::SimPrinter printer_sim_;
    // devices.printer_chinese = "raster": the kiosk draws Chinese lines, the sim printer reads them.
    std::unique_ptr<ui::ReceiptRasterizer> receipt_rasterizer_;
    std::unique_ptr<ui::RasterTextReader> receipt_reader_;
    drivers::MechanismCardReader card_reader_;
    drivers::EncryptingPinPad pin_pad_;
    drivers::EscPosPrinter printer_;
    sim::SimCashDispenser cash_sim_;  // loaded from config.sim.cassettes
    drivers::FramedCashDispenser cash_dispenser_{cash_sim_.host_transport()};
    sim::SimSensors sensors_sim_;
    drivers::FramedSensors sensors_{sensors_sim_.host_transport()};
    sim::SimBankHost bank_;  // the bank itself (its faults, balances); in process, also the link
    std::optional<security::CrmPrivateKey> crm_record_key_;  // before crm_: start_crm makes it
    std::unique_ptr<sim::SimCrmServer> crm_;
    std::unique_ptr<sim::SimBankServer> bank_server_;  // the same bank over ISO 8583/TLS
    std::unique_ptr<host::HostLink> tls_link_;
    SystemClock trace_clock_;
    std::unique_ptr<SimCustomerProfiles> profiles_;
    std::filesystem::path crm_ready_file_;  // `kiosk --sim`'s CRM process; empty: the CRM in process
    std::unique_ptr<sim::SimInstruments> instruments_;  // last: its socket thread stops first
};

}  // namespace kiosk
