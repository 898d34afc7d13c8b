// The kiosk runtime: the loop. One thread owns the flow's context, the session, the state timer
// and the screen; it never waits on a device, the bank host or the CRM. Each tick() takes the
// screen's input, runs the completions that have come back through the mailbox, times out the
// requests past their deadline, fires a due state timer, feeds the queued events to the pure flow
// and routes the effects it returns to the services (card handling, key entry, cash, host
// channel, receipts, fitness monitor, recorder), each of which issues requests to a worker and
// answers with flow events later. A state's screen is shown before the work it asks for is sent;
// a touch made on a screen that is no longer shown is dropped (docs/architecture.md, "Threads").
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "common/async/mailbox.hpp"
#include "common/async/request_worker.hpp"
#include "common/clock.hpp"
#include "drivers/card/card_reader.hpp"
#include "drivers/cash/cash_dispenser.hpp"
#include "drivers/cash/note_mixer.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "drivers/sensors/sensors.hpp"
#include "host/host_link.hpp"
#include "host/reversal_queue.hpp"
#include "kiosk/cx/availability_tracker.hpp"
#include "kiosk/cx/cx_recorder.hpp"
#include "kiosk/flow/flow.hpp"
#include "kiosk/runtime/card_handling.hpp"
#include "kiosk/runtime/complaint_service.hpp"
#include "kiosk/runtime/cash_service.hpp"
#include "kiosk/runtime/customer_profiles.hpp"
#include "kiosk/runtime/fitness_monitor.hpp"
#include "kiosk/runtime/host_channel.hpp"
#include "kiosk/runtime/in_flight_bracket.hpp"
#include "kiosk/runtime/key_entry.hpp"
#include "kiosk/maintenance/maintenance_service.hpp"
#include "kiosk/maintenance/remote_self_test.hpp"
#include "kiosk/runtime/personalization.hpp"
#include "kiosk/runtime/profile_cache.hpp"
#include "kiosk/runtime/profile_channel.hpp"
#include "kiosk/runtime/profile_source.hpp"
#include "kiosk/runtime/receipt_service.hpp"
#include "kiosk/runtime/recorder.hpp"
#include "kiosk/runtime/screen_builder.hpp"
#include "kiosk/runtime/service_fitness.hpp"
#include "kiosk/runtime/session.hpp"
#include "kiosk/runtime/speech_service.hpp"
#include "kiosk/runtime/stan_counter.hpp"
#include "kiosk/runtime/survey_service.hpp"
#include "security/pan.hpp"
#include "ui/display.hpp"

namespace kiosk {

struct Devices {
    drivers::CardReader& card_reader;
    drivers::PinPad& pin_pad;
    drivers::ReceiptPrinter& printer;
    drivers::CashDispenser* cash_dispenser = nullptr;  // none: withdrawals are not offered
    drivers::Sensors* sensors = nullptr;               // none: no door / tamper supervision
};

struct RuntimeParts {
    const Clock& clock;
    Devices devices;
    host::HostLink& host;
    ui::Display& display;
    RecordSink& records;  // the CX recorder in the kiosk (CxRecordSink), a fake in tests
    const security::PanTokenizer& tokenizer;
    std::string terminal_id;
    std::string bank_name;
    // The QR e-receipt's text: "{reference}" is replaced by the receipt's reference (terminal,
    // date, STAN), which the bank's receipt service looks up. Never card data.
    std::string e_receipt_url = "https://receipts.kioskbank.example/r/{reference}?lang={lang}";
    // A problem report's page at the bank (QR code on screen and slip): "{reference}" is replaced
    // by its KB-… reference. Never card data.
    std::string complaint_url = "https://complaints.kioskbank.example/c/{reference}";
    // Where STANs survive a restart; none: counted in memory from 1 (tests).
    StanCounter* stans = nullptr;
    DeviceTimeouts timeouts{};
    // All devices on one worker thread, in submission order (still never the loop's): the
    // simulator's device trace and its replay need one order across devices. A terminal runs a
    // worker per device.
    bool one_device_thread = false;
};

// What withdrawals need beyond the foundation path. Without it the withdrawal button is disabled.
struct CashParts {
    drivers::CashDispenser& dispenser;
    host::ReversalQueue& reversals;
    InFlightBracket& bracket;
    drivers::NoteMixer mixer{};
    Millis reversal_retry{30'000};  // how often unacknowledged reversals are sent again
};

class Runtime {
public:
    Runtime(RuntimeParts parts, flow::Flow flow);
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    // Before start(): enables withdrawals. The references must outlive the runtime.
    void attach_cash(CashParts cash);
    // Why the database cannot take business steps (store::StorageGuard::problem); never called:
    // storage is never a problem. The fitness monitor takes the kiosk out of service ("storage
    // full") while it answers. Before start().
    void watch_storage(std::function<std::optional<std::string>()> problem) { storage_problem_ = std::move(problem); }
    // Personalization (customer_profiles.hpp): looked up by the card's token after each card read.
    // Personalization (customer_profiles.hpp): asked for by the card's token after each card read,
    // on the profile worker, without the flow waiting (profile_channel.hpp). A CustomerProfiles
    // never fails (the simulator's deck); a ProfileSource may (the CRM), and then `cache` answers.
    void attach_profiles(CustomerProfiles& profiles);
    void attach_profile_source(ProfileSource& source);
    // Before attaching: the sealed cache a late or failed answer falls back on (none: no offline
    // profiles), and the answer's deadline (crm.profile_timeout_ms).
    void set_profile_options(ProfileCache* cache, Millis timeout);

    // Speech guidance (docs/ui.md § Speech): told every screen, the headset jack and every PIN-pad
    // key. Must outlive the runtime. Before start().
    void attach_speech(SpeechService& speech) { speech_ = &speech; }
    // The post-transaction survey (docs/flow.md, "The survey"): without a gate no survey is asked.
    // The gate must outlive the runtime. Before start().
    void attach_survey(SurveyGate& gate) { survey_gate_ = &gate; }
    // The service mode (docs/technician.md): the technician registry's desk (none: every sign-in is
    // refused as unavailable) and what the service pages show. Before start(); the desk must
    // outlive the runtime. Without it the service mode still opens (and refuses every sign-in).
    void attach_maintenance(MaintenanceConfig config, TechnicianDesk* desk, MaintenanceSources sources) {
        maintenance_config_ = std::move(config);
        maintenance_desk_ = desk;
        maintenance_sources_ = std::move(sources);
    }
    // Since when the service mode is open (the "left open" alert); nullopt when it is not.
    [[nodiscard]] std::optional<TimePoint> service_mode_since() const;
    [[nodiscard]] const std::string& service_technician() const;

    // Resolves an open in-flight bracket (a withdrawal cut short by a power loss), sends pending
    // reversals, then enters Attract. A bracket that cannot be resolved keeps the kiosk out of
    // service rather than serve with money unaccounted for.
    void start();
    // One turn of the loop; never waits.
    void tick();
    // Injects a flow event (a test, the demo, the simulator's control socket).
    void post(const flow::Event& event);
    // A touch on the screen shown now (tests, the demo); with a generation, on that screen (the
    // display's touches): dropped when that screen is no longer shown.
    void touch(std::string_view action);
    void touch(std::string_view action, std::uint64_t generation);

    [[nodiscard]] const flow::Context& context() const { return context_; }
    [[nodiscard]] const Session& session() const { return session_; }
    [[nodiscard]] const flow::FlowConfig& flow_config() const { return flow_.config(); }
    [[nodiscard]] std::optional<TimePoint> timer_deadline() const { return timer_deadline_; }
    // The fast-cash amounts the cassettes can pay now (what the amount screen offers), from the
    // last status reading; none while the dispenser is not fit.
    [[nodiscard]] std::vector<Money> payable_fast_cash() const;
    // What the devices allow, as last assessed by the fitness monitor.
    [[nodiscard]] const ServiceFitness& fitness() const;
    // Every device's status as the fitness monitor last read it; nullopt before the first round.
    [[nodiscard]] const std::optional<DeviceHealth>& device_health() const;
    // A technician's self-test (kioskctl selftest): every device read afresh at the next turn; the
    // round counters tell when a round started after the request has been assessed.
    void read_devices_soon();
    // kioskctl selftest (remote_self_test.hpp): the devices' tests, only while idle (Attract or
    // OutOfService, no self-test running); the report's id, or why not. The flow is out of service
    // until the tests and the fitness round after them are done.
    Result<std::uint64_t> start_self_test(const std::optional<std::string>& device, const std::string& actor);
    [[nodiscard]] std::optional<SelfTestReport> self_test_report() const;
    [[nodiscard]] std::uint64_t full_rounds_started() const;
    [[nodiscard]] std::uint64_t full_rounds_assessed() const;
    // `kioskctl replenish` (kiosk/control/): the dispenser's counts set on its worker, then the
    // ledger (MaintenanceService::replenish_from_control); `finished` runs on the loop. Call on
    // the loop thread, while idle.
    void replenish_cash(const std::vector<std::uint32_t>& counts, std::uint32_t capacity, const std::string& actor,
                        std::function<void(const Result<std::string>&)> finished);
    // The generation of the screen shown now (ui::ViewModel::generation).
    [[nodiscard]] std::uint64_t screen_generation() const { return generation_; }
    // Profile answers that came after their deadline (or their visit) and were dropped.
    [[nodiscard]] std::uint64_t late_profiles_dropped() const;
    // What the profile channel did so far; all zero without a profile source.
    [[nodiscard]] ProfileChannel::Counts profile_counts() const;
    // Touches dropped because the screen they were made on had gone.
    [[nodiscard]] std::uint64_t stale_touches_dropped() const { return stale_touches_; }
    // PIN-pad keys that would have chosen on a screen that had gone, dropped the same way.
    [[nodiscard]] std::uint64_t stale_keys_dropped() const { return stale_keys_; }
    // Times the display was asked to draw (screens, refreshes and activity frames).
    [[nodiscard]] std::uint64_t frames_drawn() const { return frames_; }
    // Requests issued and not yet completed, over every device and the host link; and the same
    // without the routine event polls (what a customer could be waiting for).
    [[nodiscard]] std::size_t requests_outstanding() const;
    [[nodiscard]] std::size_t work_outstanding() const;
    // Tests and orderly shutdown only — the loop never calls it: waits in real time until every
    // worker has nothing queued or running. True when they all went idle within `limit`.
    bool wait_for_workers(std::chrono::milliseconds limit);

    // How often device fitness is assessed, and how often an unreachable host is probed (0800).
    static constexpr Millis fitness_interval = FitnessMonitor::interval;
    static constexpr Millis host_probe_interval{15'000};
    // How often the activity dots of a waiting screen advance.
    static constexpr Millis activity_interval{250};
    // How long a button chosen with a PIN-pad key is drawn pressed before its action is taken:
    // long enough to be seen (a touch shows its press while the finger is down).
    static constexpr Millis key_flash{100};

    // Observers, called after the effect: every screen shown, every journal-worthy runtime note.
    std::function<void(const ui::ViewModel&)> on_screen;
    std::function<void(const std::string&)> on_note;
    // Every touch, before it is handled, while context().state is still the state it was made in
    // (the simulator's device trace records it: sim/control/sim_instruments.hpp).
    std::function<void(std::string_view action)> on_touch;
    // Keys from the window that are not the PIN pad's (the simulator's documented keys).
    std::function<void(const std::string&)> on_key;
    // At the start of every turn, on the loop thread (the simulator's control socket is served here).
    std::function<void()> on_turn;
    // After each fitness round (fitness() and device_health() are fresh), and at each visit's end
    // before its journey is recorded: the health alerts (kiosk/health/) and the fleet status.
    std::function<void()> on_fitness;
    std::function<void(const Session&)> on_session_end;
    bool quit_requested = false;

private:
    // A queued input: a flow event, or a step that must run in its turn (a key typed in clear).
    using PendingInput = std::variant<flow::Event, std::function<void()>>;

    RuntimePorts ports();
    void build_services();
    void poll_display();
    void poll_devices();
    void run_completions();
    void expire_requests();
    void dispatch(const flow::Event& event);
    void execute(const flow::Effect& effect);
    void handle_touch(std::string_view action);
    // Operation from the PIN pad (docs/ui.md): the one place a pad key that chooses on screen is
    // handled — every key outside an entry, a function key during one. A speech service's own keys
    // (repeat, volume) are to be offered to it first, here, before the key map is asked.
    void pad_key(const drivers::PinPadEvent& key, std::uint64_t made_on);
    // A button chosen by key: drawn pressed now, its action taken key_flash later (finish_press).
    void press(std::string action, std::optional<std::size_t> button);
    void finish_press();
    // Outside entries the pad reports its keys for choosing (KeyEntry::navigate).
    void keep_pad_navigating();
    void show(ui::ScreenId screen);
    void animate();
    [[nodiscard]] ScreenExtras screen_extras() const;
    void end_session();
    void note(const std::string& text);
    [[nodiscard]] bool withdrawals_fit() const;
    // Journey telemetry and personalization's bookkeeping for a flow event the flow took.
    void observe(const flow::Event& event);
    void apply_profile(const CustomerProfile& profile, ProfileOrigin origin);
    // The complaint screens began with no visit under way (from Attract, or after the card was
    // kept, whose visit has ended): they are a visit of their own, with what the kept card's visit knew.
    void begin_complaint_visit(flow::StateId from);

    RuntimeParts parts_;
    flow::Flow flow_;
    flow::Context context_;
    Session session_;
    LoopMailbox mailbox_;
    Recorder recorder_;
    std::shared_ptr<async_detail::JobQueue> device_thread_;  // one_device_thread: shared by every device
    // The workers: one per device, one for the host link (declared before the services that use them).
    RequestWorker<drivers::CardReader> card_worker_;
    RequestWorker<drivers::PinPad> pad_worker_;
    RequestWorker<drivers::ReceiptPrinter> printer_worker_;
    std::unique_ptr<RequestWorker<drivers::Sensors>> sensors_worker_;
    std::unique_ptr<RequestWorker<drivers::CashDispenser>> dispenser_worker_;
    RequestWorker<host::HostLink> host_worker_;
    std::optional<CashParts> cash_parts_;
    std::function<std::optional<std::string>()> storage_problem_;
    CustomerProfiles* profiles_ = nullptr;
    // Personalization: the source's own worker (never the devices' thread: a slow CRM must not
    // hold a device command), and what the customer chose on this visit that a profile keeps.
    std::unique_ptr<InfallibleProfileSource> profile_adapter_;
    std::unique_ptr<ProfileWorker> profile_worker_;
    ProfileCache* profile_cache_ = nullptr;
    Millis profile_timeout_{300};
    CustomerChoices choices_;
    // The services, built by start() once the optional parts are attached.
    std::unique_ptr<CardHandling> card_;
    std::unique_ptr<KeyEntry> keys_;
    std::unique_ptr<HostChannel> host_;
    std::unique_ptr<CashService> cash_;
    std::unique_ptr<ReceiptService> receipts_;
    std::unique_ptr<FitnessMonitor> fitness_;
    AvailabilityTracker availability_;  // time in/out of service per day, persisted at each change
    std::unique_ptr<ProfileChannel> profile_channel_;
    SurveyGate* survey_gate_ = nullptr;
    std::unique_ptr<SurveyService> survey_;
    SpeechService* speech_ = nullptr;
    std::unique_ptr<ComplaintService> complaints_;
    MaintenanceConfig maintenance_config_;
    TechnicianDesk* maintenance_desk_ = nullptr;
    MaintenanceSources maintenance_sources_;
    std::unique_ptr<MaintenanceService> maintenance_;
    std::unique_ptr<RemoteSelfTest> self_test_;
    bool operator_key_maintenance_ = false;  // the key switch's last reading: a change asks in or out
    // What a report made on the CardRetained screen knows of the visit that just ended there
    // (kept only while that screen shows: the next customer's report must not carry it).
    struct RetainedVisit {
        std::string pan_token;
        std::string retrieval_reference;
        std::uint32_t stan = 0;
        std::optional<Money> amount;
    };
    std::optional<RetainedVisit> retained_visit_;

    std::deque<PendingInput> pending_;
    std::optional<TimePoint> timer_deadline_;
    std::optional<ui::ScreenId> current_screen_;
    std::optional<flow::StateId> screen_state_;  // the state the current screen was shown for
    std::optional<ui::ViewModel> shown_;
    std::uint64_t generation_ = 0;
    std::uint64_t stale_touches_ = 0;
    std::uint64_t stale_keys_ = 0;
    struct PressedKey {
        std::string action;
        std::uint64_t generation = 0;
        TimePoint due;
    };
    std::optional<PressedKey> pressed_key_;
    std::uint64_t frames_ = 0;
    std::optional<TimePoint> next_activity_frame_;
    std::vector<Money> offered_amounts_;
    std::optional<RequestId> dispenser_poll_;
};

}  // namespace kiosk
