// The kiosk runtime: one single-threaded loop that owns the session, the flow context and the
// state timer. Each tick() polls the devices and the screen for events, fires the state timer
// when the Clock says so, feeds events to the pure flow and carries out the effects it returns
// (drivers, host link, UI, CX recorder). Device results come back as events, never as decisions
// taken here.
#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "drivers/card/card_reader.hpp"
#include "drivers/cash/cash_dispenser.hpp"
#include "drivers/cash/note_mixer.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "host/host_link.hpp"
#include "host/reversal_queue.hpp"
#include "kiosk/runtime/customer_profiles.hpp"
#include "kiosk/runtime/in_flight_bracket.hpp"
#include "kiosk/cx/cx_recorder.hpp"
#include "kiosk/flow/flow.hpp"
#include "kiosk/runtime/service_fitness.hpp"
#include "kiosk/runtime/screen_builder.hpp"
#include "kiosk/runtime/session.hpp"
#include "kiosk/runtime/stan_counter.hpp"
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
    CxRecorder& cx;
    const security::PanTokenizer& tokenizer;
    std::string terminal_id;
    std::string bank_name;
    // The QR e-receipt's text: "{reference}" is replaced by the receipt's reference (terminal,
    // date, STAN), which the bank's receipt service looks up. Never card data.
    std::string e_receipt_url = "https://receipts.kioskbank.example/r/{reference}";
    // Where STANs survive a restart; none: counted in memory from 1 (tests).
    StanCounter* stans = nullptr;
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

    // Before start(): enables withdrawals. The references must outlive the runtime.
    void attach_cash(CashParts cash);
    // Personalization (customer_profiles.hpp): looked up by the card's token after each card read.
    void attach_profiles(CustomerProfiles& profiles) { profiles_ = &profiles; }

    // Resolves an open in-flight bracket (a withdrawal cut short by a power loss), sends pending
    // reversals, then enters Attract. A bracket that cannot be resolved keeps the kiosk out of
    // service rather than serve with money unaccounted for.
    void start();
    // One turn of the loop: poll inputs, fire a due timer, process every queued event.
    void tick();
    // Injects a flow event (the display's touch, a test, the demo).
    void post(const flow::Event& event);
    // Handles an action id from the touchscreen.
    void touch(std::string_view action);

    [[nodiscard]] const flow::Context& context() const { return context_; }
    [[nodiscard]] const Session& session() const { return session_; }
    [[nodiscard]] std::optional<TimePoint> timer_deadline() const { return timer_deadline_; }
    // The fast-cash amounts the cassettes can pay now (what the amount screen offers); none while
    // the dispenser is not fit.
    [[nodiscard]] std::vector<Money> payable_fast_cash();
    // What the devices allow, as last assessed: every fitness_interval (in a session from the
    // sensors and the last full reading), and with every device re-read on each return to Attract.
    [[nodiscard]] const ServiceFitness& fitness() const { return fitness_; }

    // How often device fitness is assessed, and how often an unreachable host is probed (0800).
    static constexpr Millis fitness_interval{2'000};
    static constexpr Millis host_probe_interval{15'000};

    // Observers, called after the effect: every screen shown, every journal-worthy runtime note.
    std::function<void(const ui::ViewModel&)> on_screen;
    std::function<void(const std::string&)> on_note;
    // Every touch, before it is handled, while context().state is still the state it was made in
    // (the simulator's device trace records it: sim/control/sim_instruments.hpp).
    std::function<void(std::string_view action)> on_touch;
    // Keys from the window that are not the PIN pad's (the simulator's documented keys).
    std::function<void(const std::string&)> on_key;
    bool quit_requested = false;

private:
    // runtime.cpp: the loop, effects, screens
    void poll_devices();
    void poll_pin_pad();
    void check_fitness();
    [[nodiscard]] DeviceHealth gather_health();
    void route_by_fitness(const ServiceFitness& previous);
    void poll_display();
    void dispatch(const flow::Event& event);
    void execute(const flow::Effect& effect);

    void show(ui::ScreenId screen);
    [[nodiscard]] ScreenExtras screen_extras();
    void print_receipt();
    void end_session();
    void note(const std::string& text);
    // One electronic-journal line (PCI DSS 10.2.2: who, what, outcome, which resource; when and
    // where are added by the recorder). A journal that cannot be written is a note, not a stop.
    void journal(std::string_view actor, std::string_view event, std::string_view outcome, std::string_view resource,
                 std::string_view detail = {});

    // runtime_keys.cpp: the card and what is typed on the PIN pad
    void read_card();
    void begin_key_entry(flow::KeyEntry entry);
    void take_pin_block(security::SecureBytes& into);
    void on_typed_key(const drivers::PinPadEvent& event);
    void complete_typed_entry();

    // runtime_host.cpp: requests, reversals, e-receipts
    void authorize(host::TransactionType type, const std::optional<Money>& amount);
    void reverse_transaction(const flow::effects::ReverseTransaction& reversal);
    void send_reversals();
    [[nodiscard]] host::ReversalRequest reversal_for(host::TransactionType type, const Money& amount,
                                                     const Money& dispensed, host::ReversalReason reason);
    void issue_e_receipt();
    [[nodiscard]] std::uint32_t take_stan();

    // runtime_cash.cpp: amounts and the dispenser
    void choose_amount(std::size_t index);
    void check_amount(const Money& amount);
    void dispense(const Money& amount);
    [[nodiscard]] std::optional<Money> typed_amount() const;
    // The cassettes as the dispenser reports them now (a device command: read once per use).
    [[nodiscard]] std::vector<drivers::CassetteInfo> cassettes();
    [[nodiscard]] std::vector<Money> payable_fast_cash(const std::vector<drivers::CassetteInfo>& loaded) const;
    [[nodiscard]] std::optional<Money> amount_step(const std::vector<drivers::CassetteInfo>& loaded) const;
    // The customer's usual amount when these cassettes can pay it.
    [[nodiscard]] std::optional<Money> payable_usual_amount(const std::vector<drivers::CassetteInfo>& loaded) const;

    RuntimeParts parts_;
    flow::Flow flow_;
    flow::Context context_;
    Session session_;
    std::uint64_t sessions_started_ = 0;
    std::uint32_t next_stan_ = 1;
    std::optional<flow::KeyEntry> key_entry_;  // what the PIN pad is collecting now
    std::optional<TimePoint> timer_deadline_;
    std::optional<ui::ScreenId> current_screen_;
    // Inputs in arrival order: flow events, and keys typed in clear, which change the typed
    // value only when their turn comes (so each screen shows the value as it was then).
    using PendingInput = std::variant<flow::Event, drivers::PinPadEvent>;
    std::deque<PendingInput> pending_;
    std::optional<CashParts> cash_;
    CustomerProfiles* profiles_ = nullptr;
    std::optional<TimePoint> next_reversal_round_;
    std::vector<Money> offered_amounts_;
    ServiceFitness fitness_;
    std::optional<DeviceHealth> health_;  // the last full reading (in a session only sensors are re-read)
    std::optional<TimePoint> next_fitness_check_;  // nullopt: at the next tick
    bool host_reachable_ = true;                   // false after a link failure, until an echo answers
    std::optional<TimePoint> next_host_probe_;
    bool breach_ended_session_ = false;            // a tamper ends a session once
};

}  // namespace kiosk
