// MaintenanceService: the runtime's side of the service mode (docs/technician.md). The flow
// decides (kiosk/flow/flow_service_rows.cpp); this carries out its effects: the technician's
// sign-in on the desk's worker, each service action as requests to the device workers whose
// completions come back as ServiceActionDone, the replenishment and balancing over the cash
// ledger, the fitness check before leaving, and one journal line per action with the technician
// as the actor. It also builds the service pages' lines and buttons from what it last learned —
// never from a device read while drawing (kiosk/maintenance/service_pages.cpp).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/async/request_worker.hpp"
#include "drivers/card/card_reader.hpp"
#include "drivers/cash/cash_dispenser.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "drivers/sensors/sensors.hpp"
#include "host/host_link.hpp"
#include "kiosk/flow/flow_types.hpp"
#include "kiosk/health/alert.hpp"
#include "kiosk/maintenance/cash_ledger.hpp"
#include "kiosk/maintenance/maintenance_config.hpp"
#include "kiosk/maintenance/technician_desk.hpp"
#include "kiosk/runtime/runtime_ports.hpp"
#include "kiosk/runtime/service_fitness.hpp"
#include "common/round_trip.hpp"
#include "security/data_key_rotation.hpp"
#include "security/secure_bytes.hpp"
#include "store/journal.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

// What the app gives the service pages beyond the devices (unset: the page says "not available
// in this assembly"; nothing is made up). The fact sources are read on the loop when a page is
// drawn (the store's small queries, copies of the workers' last answers); the actions marked
// "worker" may take seconds and run on the service mode's own worker, never on the loop.
struct MaintenanceSources {
    store::Database* database = nullptr;               // the loop's connection: the cash ledger
    const security::JournalChain* chain = nullptr;     // the ledger's journal lines are chained under it
    std::function<std::vector<Alert>()> alerts;        // the health conditions open now (kiosk/health/)
    std::function<std::vector<ui::FactLine>()> outbox;  // pending per priority, oldest, last upload, dead letters
    std::function<std::vector<ui::FactLine>()> journal;
    std::function<std::vector<ui::FactLine>()> keys;
    std::function<std::vector<ui::FactLine>()> quality;  // today's index so far and the last sealed day's
    std::function<std::vector<ui::FactLine>()> about;
    // The Network page: the last round trips the host worker and the CRM uploader recorded.
    std::function<std::optional<RoundTrip>()> host_round_trip;
    std::function<std::optional<RoundTrip>()> crm_round_trip;
    // worker: one upload round, as `kioskctl upload-now` does; its outcome in words.
    std::function<Result<std::string>()> upload_now;
    // worker: a short HTTPS request to the CRM with the uploader's TLS settings; the round trip.
    std::function<Result<Millis>()> probe_crm;
    // worker: a new current data key, as `kioskctl keys rotate` does (security/data_key_rotation).
    std::function<Result<security::DataKeyRotation>()> rotate_keys;
    std::function<Result<std::string>()> verify_journal;  // "verified: N lines" or why not
    // worker: the Journal page's quick searches (journal_searches.hpp), on a connection of the
    // worker's own (the loop's is the loop thread's).
    std::function<Result<std::vector<store::JournalEntry>>(const store::JournalQuery&)> search_journal;
    // The speech service's "speak the test phrase" (SpeechService::test_phrase): nullopt when it went
    // to the audio output, else why it cannot be said (no engine, a failed output).
    std::function<std::optional<std::string>()> speak_test_phrase;
};

// The service page's device tests that need no one at the machine (a test receipt, a test
// dispense to the reject bin, the pad's status, the sensors, the speech test): kioskctl selftest
// runs them too (remote_self_test.hpp), through device_test.
bool is_remote_device_test(flow::ServiceAction action);

// The target of the service mode's own worker: the sources' slow actions run on it.
struct ServiceJobs {};

class MaintenanceService {
public:
    // A device test's end, on the loop: its outcome, the result in words, and the cash counters it
    // moved (the test dispense's notes, booked as rejected with the journal line that reports it).
    using TestFinished =
        std::function<void(flow::ServiceOutcome, std::string, std::vector<store::CounterDelta>)>;

    struct Workers {
        RequestWorker<drivers::CardReader>& card;
        RequestWorker<drivers::PinPad>& pad;
        RequestWorker<drivers::ReceiptPrinter>& printer;
        RequestWorker<drivers::CashDispenser>* dispenser;  // none fitted
        RequestWorker<drivers::Sensors>* sensors;          // none fitted
        RequestWorker<host::HostLink>& host;
    };

    MaintenanceService(RuntimePorts ports, Workers workers, LoopMailbox& mailbox, MaintenanceConfig config,
                       TechnicianDesk* desk, MaintenanceSources sources, std::string terminal_id, Money currency,
                       DeviceTimeouts timeouts = {});
    ~MaintenanceService();

    // A technician card: its PAN starts with a configured prefix (compared here, never kept).
    [[nodiscard]] bool is_technician_card(std::string_view pan) const;
    // The service mode was asked for (journaled: by the key or a card).
    void requested(std::string_view by);
    // A clear entry of the service mode completed on the pad, with its digits.
    void typed(flow::KeyEntry entry, std::string_view digits);
    void check_technician();
    // Replenish: the counts are typed cassette by cassette, one per dispenser cassette.
    void begin_counts(const std::optional<DeviceHealth>& health);
    void run(flow::ServiceAction action, const flow::Context& context, const std::optional<DeviceHealth>& health);
    // `kioskctl replenish` through the control socket (kiosk/control/): `counts` for the cassettes of
    // the last device round, at most `capacity` each, journaled as `actor` (cash_replenished).
    // `finished` runs on the loop once the dispenser and the ledger have the counts, or why not.
    void replenish_from_control(const std::vector<std::uint32_t>& counts, std::uint32_t capacity,
                                const std::string& actor, const std::optional<DeviceHealth>& health,
                                std::function<void(const Result<std::string>&)> finished);
    // One of the is_remote_device_test() tests, on its device's worker; `finished` is called on the
    // loop (journaling and booking are the caller's). `asked_by` goes on the test receipt.
    void device_test(flow::ServiceAction test, const std::optional<DeviceHealth>& health,
                     const std::string& asked_by, const TestFinished& finished);
    // The card reader's remote test: a reset, then its status (a card read needs a card in the slot).
    void card_reader_check(const TestFinished& finished);
    // Leaving: the next full fitness round decides.
    void check_fitness();
    // After every fitness round (fitness() fresh).
    void fitness_assessed(const ServiceFitness& fitness);
    void end();

    // Where the reconciliation request (balancing) takes its STAN: the host channel's counter, so
    // it never repeats one the host has seen. Unset: counted in memory from 1 (tests).
    void use_stans(std::function<std::uint32_t()> take_stan) { take_stan_ = std::move(take_stan); }

    // Since when the service mode is open (for the "left open" alert); nullopt when it is not.
    [[nodiscard]] std::optional<TimePoint> open_since() const { return open_since_; }
    [[nodiscard]] const std::string& technician() const { return technician_; }
    // The page's lines, buttons and notice, from what is known now.
    void fill(ui::ViewModel& vm, const flow::Context& context, const std::optional<DeviceHealth>& health,
              const ServiceFitness& fitness, bool host_reachable, std::string_view typed) const;

private:
    void done(flow::ServiceAction action, flow::ServiceOutcome outcome, std::string result,
              const std::vector<store::CounterDelta>& counters = {});
    void test_dispense(const std::optional<DeviceHealth>& health, const TestFinished& finished);
    void replenish(const std::optional<DeviceHealth>& health);
    // Validated, the dispenser's SET COUNTS on its worker, then — only once it confirmed — the
    // ledger and `journal` in one SQLite transaction. `finished`: the words, or why not (nothing written).
    void replenish_cassettes(std::vector<maintenance::CassetteLoad> loads, store::JournalLine journal,
                             std::function<void(const Result<std::string>&)> finished);
    void balance(const std::optional<DeviceHealth>& health);
    void reset(flow::ServiceAction action, flow::ServiceAction test);
    void upload_now();
    void rotate_keys();
    void probe_network();
    void network_probed();
    void search_journal(flow::ServiceAction search);
    [[nodiscard]] std::string actor() const;
    [[nodiscard]] std::vector<ui::FactLine> cash_lines(const std::optional<DeviceHealth>& health) const;
    [[nodiscard]] std::vector<std::uint32_t> device_counts(const std::optional<DeviceHealth>& health) const;
    [[nodiscard]] std::vector<maintenance::CassetteLoad> loads(const std::optional<DeviceHealth>& health) const;

    RuntimePorts ports_;
    Workers workers_;
    MaintenanceConfig config_;
    TechnicianDesk* desk_;
    std::unique_ptr<RequestWorker<TechnicianDesk>> desk_worker_;
    ServiceJobs jobs_;
    std::unique_ptr<RequestWorker<ServiceJobs>> jobs_worker_;
    MaintenanceSources sources_;
    std::string terminal_id_;
    Money currency_;  // the flow's currency (amount unused)
    DeviceTimeouts timeouts_;

    std::string typed_id_;
    security::SecureString typed_pin_;
    std::string technician_;  // signed in as; empty before
    std::optional<flow::ServiceRole> role_;
    std::optional<TimePoint> open_since_;
    std::vector<std::uint32_t> counts_;  // the replenishment's counts typed so far
    std::size_t expected_cassettes_ = 1;
    std::set<flow::ServiceAction> passed_;  // tests passed in this service session
    std::string result_;                    // the last action's result in words
    std::optional<host::ReconciliationTotals> host_totals_;
    std::function<std::uint32_t()> take_stan_;
    std::uint32_t next_stan_ = 1;
    bool awaiting_fitness_ = false;
    // "Test network": the host's and the CRM's answers, the action done when both are in.
    std::optional<std::pair<bool, std::string>> probed_host_;
    std::optional<std::pair<bool, std::string>> probed_crm_;
    std::vector<std::string> unfit_problems_;
    // The Journal page's last quick search: its lines, shown until the next one (or leaving).
    std::vector<ui::FactLine> journal_found_;
};

}  // namespace kiosk
