// Fakes for the runtime services' tests: scriptable drivers and host link (each call recorded, each
// answer set by the test, and a gate that holds a call until the test opens it, as a silent device
// does), a manual clock, a recording RecordSink and the loop's side of a RequestWorker. No simulator.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/async/request_worker.hpp"
#include "drivers/card/card_reader.hpp"
#include "drivers/cash/cash_dispenser.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "drivers/sensors/sensors.hpp"
#include "host/host_link.hpp"
#include "host/reversal_queue.hpp"
#include "kiosk/flow/flow_events.hpp"
#include "kiosk/runtime/in_flight_bracket.hpp"
#include "kiosk/runtime/recorder.hpp"
#include "kiosk/runtime/runtime_ports.hpp"
#include "security/record_sealer.hpp"
#include "store/database.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::test {

using namespace std::chrono_literals;

class ManualClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return now_; }
    void advance(Millis by) { now_ += by; }

private:
    TimePoint now_{Millis(1'767'607'200'000)};  // 2026-01-05 10:00 UTC
};

// A gate a fake's calls pass through: open by default; closed, a call blocks until it opens.
// Every call is also logged by name (shared between fakes, to check the order across devices).
class Gate {
public:
    void enter() {
        std::unique_lock lock(mutex_);
        ++entered_;
        changed_.notify_all();
        changed_.wait(lock, [this] { return open_; });
    }
    void close() {
        const std::lock_guard lock(mutex_);
        open_ = false;
    }
    void open() {
        {
            const std::lock_guard lock(mutex_);
            open_ = true;
        }
        changed_.notify_all();
    }
    bool wait_entered(int count) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, 5s, [&] { return entered_ >= count; });
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = true;
    int entered_ = 0;
};

// Calls in the order they reached the fakes (threads: any).
class CallLog {
public:
    void add(std::string call) {
        const std::lock_guard lock(mutex_);
        calls_.push_back(std::move(call));
    }
    std::vector<std::string> calls() const {
        const std::lock_guard lock(mutex_);
        return calls_;
    }
    int count(const std::string& call) const {
        int n = 0;
        for (const auto& c : calls()) n += c == call ? 1 : 0;
        return n;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::string> calls_;
};

inline drivers::DeviceStatus online() { return drivers::DeviceStatus{drivers::DeviceState::online, std::nullopt}; }

// The scripted answers are set by the test before the call (they are read on the worker thread
// under the fake's lock).
class FakeCardReader final : public drivers::CardReader {
public:
    explicit FakeCardReader(CallLog& log) : log_(log) {}
    Status enable_insertion(bool enabled) override { return call(enabled ? "card.enable" : "card.disable", slot_answer); }
    Result<std::vector<drivers::CardReaderEvent>> poll() override {
        gate.enter();
        log_.add("card.poll");
        const std::lock_guard lock(mutex);
        if (!events.empty()) {
            auto next = std::move(events.front());
            events.pop_front();
            return next;
        }
        return std::vector<drivers::CardReaderEvent>{};
    }
    Result<drivers::RawTracks> read_tracks() override {
        gate.enter();
        log_.add("card.read");
        const std::lock_guard lock(mutex);
        if (!read_answer.ok()) return read_answer.error();
        return drivers::RawTracks{tracks.track1, tracks.track2};
    }
    Status eject() override { return call("card.eject", eject_answer); }
    Result<drivers::CaptureBin> retain() override {
        gate.enter();
        log_.add("card.retain");
        return drivers::CaptureBin{1, 50};
    }
    Status reset() override { return Status{}; }
    drivers::CardReaderStatus status() override {
        status_gate.enter();
        log_.add("card.status");
        const std::lock_guard lock(mutex);
        return status_answer;
    }

    std::mutex mutex;
    Gate gate;
    Gate status_gate;
    drivers::RawTracks tracks;
    Status read_answer{};
    Status eject_answer{};
    Status slot_answer{};
    std::deque<std::vector<drivers::CardReaderEvent>> events;
    drivers::CardReaderStatus status_answer{online(), drivers::CardMediaState::notPresent, {0, 50}};

private:
    Status call(const char* name, const Status& answer) {
        gate.enter();
        log_.add(name);
        const std::lock_guard lock(mutex);
        return answer;
    }
    CallLog& log_;
};

class FakePinPad final : public drivers::PinPad {
public:
    explicit FakePinPad(CallLog& log) : log_(log) {}
    Status begin_pin_entry(const drivers::PinEntryRequest& request) override {
        gate.enter();
        log_.add("pad.begin");
        const std::lock_guard lock(mutex);
        begun.push_back({request.mode, !request.pan.empty() && request.pan == expected_pan});
        return begin_answer;
    }
    Result<std::vector<drivers::PinPadEvent>> poll() override {
        gate.enter();
        log_.add("pad.poll");
        const std::lock_guard lock(mutex);
        if (!events.empty()) {
            auto next = std::move(events.front());
            events.pop_front();
            return next;
        }
        return std::vector<drivers::PinPadEvent>{};
    }
    Result<Bytes> get_pin_block() override {
        block_gate.enter();
        log_.add("pad.block");
        const std::lock_guard lock(mutex);
        if (!block_answer.ok()) return block_answer.error();
        return block;
    }
    Status cancel_entry() override { return Status{}; }
    drivers::PinPadStatus status() override {
        status_gate.enter();
        log_.add("pad.status");
        const std::lock_guard lock(mutex);
        return status_answer;
    }

    struct Begun {
        drivers::EntryMode mode;
        bool had_session_pan;  // the request carried the PAN the test expects (never printed)
    };
    std::mutex mutex;
    Gate gate;
    Gate block_gate;
    Gate status_gate;
    std::string expected_pan;
    std::vector<Begun> begun;
    Status begin_answer{};
    Status block_answer{};
    Bytes block = Bytes(16, 0xA5);
    std::deque<std::vector<drivers::PinPadEvent>> events;
    drivers::PinPadStatus status_answer{online(), drivers::PinEntryState::idle, 0};

private:
    CallLog& log_;
};

class FakePrinter final : public drivers::ReceiptPrinter {
public:
    explicit FakePrinter(CallLog& log) : log_(log) {}
    Status print(const drivers::Receipt& receipt) override {
        gate.enter();
        log_.add("printer.print");
        const std::lock_guard lock(mutex);
        printed.push_back(receipt);
        return print_answer;
    }
    drivers::PrinterStatus status() override {
        status_gate.enter();
        log_.add("printer.status");
        const std::lock_guard lock(mutex);
        return status_answer;
    }

    std::mutex mutex;
    Gate gate;
    Gate status_gate;
    Status print_answer{};
    std::vector<drivers::Receipt> printed;
    drivers::PrinterStatus status_answer{online(), drivers::PaperState::ok};

private:
    CallLog& log_;
};

class FakeDispenser final : public drivers::CashDispenser {
public:
    explicit FakeDispenser(CallLog& log) : log_(log) {}
    Result<drivers::DispenseReport> dispense(const drivers::NotePlan&) override {
        gate.enter();
        log_.add("dispenser.dispense");
        if (on_dispense) on_dispense();
        const std::lock_guard lock(mutex);
        return dispense_answer;
    }
    Result<std::uint16_t> present() override {
        gate.enter();
        log_.add("dispenser.present");
        return std::uint16_t{3};
    }
    Result<drivers::RetractReport> retract() override {
        gate.enter();
        log_.add("dispenser.retract");
        return drivers::RetractReport{2, 2};
    }
    Status reset() override { return Status{}; }
    Result<std::vector<std::uint32_t>> set_counts(const std::vector<std::uint32_t>& counts) override {
        log_.add("dispenser.set_counts");
        const std::lock_guard lock(mutex);
        if (!set_counts_answer) return set_counts_answer.error();
        return counts;
    }
    Result<std::vector<drivers::CashDispenserEvent>> poll() override {
        log_.add("dispenser.poll");
        return std::vector<drivers::CashDispenserEvent>{};
    }
    drivers::DispenserStatus status() override {
        status_gate.enter();
        log_.add("dispenser.status");
        const std::lock_guard lock(mutex);
        return status_answer;
    }

    std::mutex mutex;
    Gate gate;
    Gate status_gate;
    std::function<void()> on_dispense;  // runs on the worker, inside dispense()
    drivers::DispenseReport dispense_answer{};
    drivers::DispenserStatus status_answer;
    Status set_counts_answer{};  // an error: the dispenser refuses new counts

private:
    CallLog& log_;
};

class FakeSensors final : public drivers::Sensors {
public:
    explicit FakeSensors(CallLog& log) : log_(log) {}
    Result<drivers::SensorReadings> read() override {
        gate.enter();
        log_.add("sensors.read");
        const std::lock_guard lock(mutex);
        return readings;
    }
    Result<std::vector<drivers::SensorChange>> poll() override { return std::vector<drivers::SensorChange>{}; }
    Status clear_tamper() override { return Status{}; }

    std::mutex mutex;
    Gate gate;
    drivers::SensorReadings readings{};

private:
    CallLog& log_;
};

class FakeHostLink final : public host::HostLink {
public:
    explicit FakeHostLink(CallLog& log) : log_(log) {}
    Result<host::AuthorizationResponse> authorize(const host::AuthorizationRequest& request) override {
        gate.enter();
        log_.add("host.authorize");
        const std::lock_guard lock(mutex);
        sent_stans.push_back(request.stan);
        sent_with_pin_block.push_back(!request.pin_block.empty());
        if (!authorize_answer.ok()) return authorize_answer.error();
        return *authorize_answer;
    }
    Result<host::ReversalResponse> reverse(const host::ReversalRequest& request) override {
        gate.enter();
        log_.add("host.reverse");
        const std::lock_guard lock(mutex);
        reversed_stans.push_back(request.original_stan);
        host::ReversalResponse response;
        response.code = host::ResponseCode::Approved;
        return response;
    }
    Status echo(std::uint32_t, std::string_view, TimePoint) override {
        gate.enter();
        log_.add("host.echo");
        const std::lock_guard lock(mutex);
        return echo_answer;
    }

    std::mutex mutex;
    Gate gate;
    Result<host::AuthorizationResponse> authorize_answer = approved();
    Status echo_answer{};
    std::vector<std::uint32_t> sent_stans;
    std::vector<bool> sent_with_pin_block;
    std::vector<std::uint32_t> reversed_stans;

    static host::AuthorizationResponse approved() {
        host::AuthorizationResponse response;
        response.code = host::ResponseCode::Approved;
        response.available_balance = Money{123'45, "CNY", 2};
        response.authorization_id = "A1";
        return response;
    }

private:
    CallLog& log_;
};

// What the recorder was asked to write.
class FakeRecordSink final : public RecordSink {
public:
    struct Line {
        std::string actor, event, outcome, resource, detail;
        std::vector<store::CounterDelta> counters{};
    };
    Status record_event(std::string_view actor, std::string_view event, std::string_view outcome,
                        std::string_view resource, std::string_view detail) override {
        events.push_back({std::string(actor), std::string(event), std::string(outcome), std::string(resource),
                          std::string(detail)});
        return answer;
    }
    Status record_event_with_counters(std::string_view actor, std::string_view event, std::string_view outcome,
                                      std::string_view resource, std::string_view detail,
                                      const std::vector<store::CounterDelta>& counters) override {
        events.push_back({std::string(actor), std::string(event), std::string(outcome), std::string(resource),
                          std::string(detail), counters});
        return answer;
    }
    Status record_transaction(const Session&, const TransactionRecord&) override {
        ++transactions;
        return answer;
    }
    Status record_journey(const Session&, ui::Language, flow::SessionOutcome outcome) override {
        journeys.push_back(outcome);
        return answer;
    }
    Status record_survey(const Session& session, const SurveyRecord& survey) override {
        surveys.push_back(survey);
        if (answer.ok() && !session.pan_token.empty()) last_asked[session.pan_token] = survey.shown;
        return answer;
    }
    Result<std::optional<TimePoint>> last_survey_asked(std::string_view pan_token) override {
        if (!answer.ok()) return answer.error();
        const auto found = last_asked.find(std::string(pan_token));
        if (found == last_asked.end()) return std::optional<TimePoint>{};
        return std::optional<TimePoint>{found->second};
    }
    // The reference is the fake's: KB-<day>-TEST, counted, so two reports differ.
    Result<std::string> record_complaint(const Session&, const ComplaintReport& report) override {
        if (!answer.ok()) return answer.error();
        complaints.push_back(report);
        return "KB-20260105-T" + std::to_string(complaints.size()) + "ST";
    }
    [[nodiscard]] const Line* find(std::string_view event) const {
        for (const Line& line : events) if (line.event == event) return &line;
        return nullptr;
    }

    Status answer{};
    std::vector<Line> events;
    int transactions = 0;
    std::vector<flow::SessionOutcome> journeys;
    std::vector<SurveyRecord> surveys;
    std::map<std::string, TimePoint> last_asked;  // what record_survey remembered, by token
    std::vector<ComplaintReport> complaints;
};

// The loop's side for one service's test: a mailbox, the ports (posted events and notes kept),
// and turn()/settle() as the runtime's tick does them.
struct LoopHarness {
    ManualClock clock;
    LoopMailbox mailbox;
    FakeRecordSink sink;
    std::vector<std::string> notes;
    std::vector<flow::Event> posted;
    Recorder recorder{sink, [this](const std::string& line) { notes.push_back(line); }};

    RuntimePorts ports() {
        return RuntimePorts{clock, [this](const flow::Event& event) { posted.push_back(event); },
                            [this](const std::string& line) { notes.push_back(line); }, recorder};
    }
    void run_mail() {
        for (LoopTask& task : mailbox.drain()) task();
    }
    // Waits (bounded, real time) until `worker` is idle, then runs what came back; repeated so a
    // continuation that submits the next command is followed through.
    template <class... Workers>
    void settle(Workers&... workers) {
        for (int round = 0; round < 20; ++round) {
            (workers.wait_idle(5s), ...);
            if (mailbox.size() == 0) return;
            run_mail();
        }
    }
    [[nodiscard]] std::vector<flow::EventKind> kinds() const {
        std::vector<flow::EventKind> out;
        for (const auto& event : posted) out.push_back(flow::kind_of(event));
        return out;
    }
    [[nodiscard]] bool posted_kind(flow::EventKind kind) const {
        for (const auto& event : posted) if (flow::kind_of(event) == kind) return true;
        return false;
    }
    [[nodiscard]] bool noted(std::string_view text) const {
        for (const auto& line : notes) if (line.find(text) != std::string::npos) return true;
        return false;
    }
};

// A Luhn-valid test PAN built from parts (never a real card), and its stripe.
inline std::string test_pan() { return std::string("411111") + "111111" + "1111"; }
inline drivers::RawTracks test_tracks() {
    return drivers::RawTracks{SecureString(""), SecureString(";" + test_pan() + "=30121010000000000000?")};
}

// A temporary database (migrated) with a sealer, the reversal queue and the in-flight bracket over it.
struct CashStore {
    explicit CashStore(const Clock& clock)
        : database(store::Database::open_or_throw(directory.file("kiosk.db"))), sealer(data_key()),
          queue(open_queue(database, sealer, random, clock)), bracket(database, sealer, random, clock, "KIOSK001") {}

    static security::DataKey data_key() { return security::DataKey{"dk-1", security::SecureBytes(Bytes(32, 0x5A))}; }
    static host::ReversalQueue open_queue(store::Database& database, security::RecordSealer& sealer,
                                          RandomSource& random, const Clock& clock) {
        auto opened = host::ReversalQueue::open(database, sealer, random, clock, "KIOSK001");
        if (!opened.ok()) throw std::runtime_error(opened.error().to_string());
        return std::move(*opened);
    }
    [[nodiscard]] std::size_t pending_reversals() {
        auto pending = queue.pending();
        return pending.ok() ? pending->size() : 999;
    }
    // Whether the bracket is open, asked over a connection of the calling thread's own (one
    // Database per thread): for a check made inside a fake device's call, on the worker.
    [[nodiscard]] bool bracket_open_seen_from_this_thread(const Clock& clock) {
        store::Database own = store::Database::open_or_throw(directory.file("kiosk.db"));
        security::RecordSealer own_sealer(data_key());
        SeededRandom own_random(9);
        InFlightBracket view(own, own_sealer, own_random, clock, "KIOSK001");
        auto open = view.is_open();
        return open.ok() && *open;
    }

    store::test::TempDirectory directory;
    store::Database database;
    security::RecordSealer sealer;
    SeededRandom random{4};
    host::ReversalQueue queue;
    InFlightBracket bracket;
};

}  // namespace kiosk::test
