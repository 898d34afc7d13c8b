// SimCashDispenser: a note dispenser behind a LoopbackPair — cassettes (currency, denomination,
// count, low threshold), a stacker, a shutter, and a reject bin — answering the framed dispenser
// protocol (drivers/cash/cash_dispenser_protocol.hpp). Faults: note jam while picking, double
// picks diverted to the reject bin, a cassette holding fewer notes than its count says (partial
// dispense), cassette states (missing, inoperative, manipulated), shutter jam, power off. SET
// COUNTS (a replenishment) sets every cassette's count; refused with notes in the transport, a
// cassette missing or not configured, or powered off.
// Threads: every public method takes the link's lock (loopback_transport.hpp); call from any thread.
// Run: build/h-drivers/bin/drivers_tests --gtest_filter='FramedCashDispenser*'
//      build/h-drivers/bin/sim_devices_tests --gtest_filter='SimCashDispenser*'
// Used by: tests/drivers/framed_cash_dispenser_test.cpp, tests/sim/devices/sim_cash_dispenser_test.cpp.
#pragma once

#include <vector>

#include "drivers/cash/cash_dispenser.hpp"
#include "sim/devices/fault_mode.hpp"
#include "sim/devices/frame_endpoint.hpp"

namespace kiosk::sim {

struct SimCassette {
    std::string currency = "CNY";
    std::uint32_t denomination = 10000;  // minor units
    std::uint32_t count = 0;             // what the dispenser believes
    std::uint32_t low_threshold = 0;
    drivers::CassetteState fitted_state = drivers::CassetteState::ok;  // ok, missing, inoperative, …
    std::uint32_t missing_notes = 0;     // notes the count claims but the cassette lacks
};

class SimCashDispenser {
public:
    explicit SimCashDispenser(std::vector<SimCassette> cassettes, std::uint16_t reject_capacity = 300);
    SimCashDispenser(const SimCashDispenser&) = delete;
    SimCashDispenser& operator=(const SimCashDispenser&) = delete;

    drivers::Transport& host_transport() { return link_.host(); }
    LoopbackPair& link() { return link_; }

    // --- the customer ---
    // Takes the presented notes; fails when none are presented.
    Status take_notes();

    // --- faults ---
    // A pick from `cassette` jams the transport (notes already stacked stay there): the first
    // pick after `after_notes` notes of a dispense from it.
    void jam_on_pick(std::size_t cassette, FaultMode mode, std::uint32_t after_notes = 0);
    // Partial dispense: a pick from `cassette` fails after `after_notes` notes (a feed fault; the
    // cassette keeps its notes and stays usable). DISPENSE answers cashUnitError with the notes
    // stacked so far.
    void pick_failure(std::size_t cassette, FaultMode mode, std::uint32_t after_notes = 0);
    // Cassette empty: `once` — the next dispense from it finds it physically empty although its
    // count says otherwise (the count becomes 0); `always` — its empty sensor is stuck: it reports
    // `empty` and every dispense that needs it is refused before picking.
    void cassette_empty(std::size_t cassette, FaultMode mode);
    // A pick from `cassette` pulls two notes: the pair goes to the reject bin and it picks again.
    void double_pick(std::size_t cassette, FaultMode mode);
    void shutter_jam(FaultMode mode);
    void set_cassette_state(std::size_t cassette, drivers::CassetteState state);
    // The cassette really holds `notes` fewer than its count: it runs dry early.
    void short_count(std::size_t cassette, std::uint32_t notes);
    void set_powered(bool powered) { endpoint_.set_powered(powered); }

    // --- what a test can see (copies: a driver may change the model meanwhile) ---
    [[nodiscard]] std::vector<SimCassette> cassettes() const;
    [[nodiscard]] std::size_t cassette_count() const;
    [[nodiscard]] std::uint16_t notes_in_stacker() const;
    [[nodiscard]] std::uint16_t notes_presented() const;
    [[nodiscard]] std::uint16_t reject_count() const;
    // Value the customer has taken, in minor units.
    [[nodiscard]] std::int64_t value_taken() const;
    [[nodiscard]] drivers::ShutterState shutter() const;

private:
    struct Bundle { std::vector<std::uint32_t> notes; };  // denominations of the notes held
    static std::uint16_t count_of(const Bundle& b) { return static_cast<std::uint16_t>(b.notes.size()); }

    void handle(const drivers::Frame& frame);
    void on_status(std::uint8_t command);
    void on_dispense(const drivers::Frame& frame);
    void on_present(std::uint8_t command);
    void on_retract(std::uint8_t command);
    void on_reset(std::uint8_t command);
    void on_set_counts(const drivers::Frame& frame);
    // A cassette command's common refusals, answered here: a body other than the cassette count
    // then `bytes_per_cassette` each, the dispenser offline, notes left in the transport.
    [[nodiscard]] bool ready_for(const drivers::Frame& frame, std::size_t bytes_per_cassette);
    drivers::CassetteState state_of(const SimCassette& c) const;
    void to_reject(Bundle& bundle);

    LoopbackPair link_{"sim cash dispenser"};
    FrameEndpoint endpoint_;
    std::vector<SimCassette> cassettes_;
    std::vector<Fault> jam_on_pick_;
    std::vector<Fault> double_pick_;
    std::vector<std::uint32_t> jam_after_;
    std::vector<Fault> pick_failure_;
    std::vector<std::uint32_t> pick_failure_after_;
    std::vector<Fault> cassette_empty_;
    Fault shutter_jam_;
    Bundle stacker_;
    Bundle output_;
    std::uint16_t reject_count_ = 0;
    std::uint16_t reject_capacity_;
    std::int64_t value_taken_ = 0;
    drivers::ShutterState shutter_ = drivers::ShutterState::closed;
    drivers::DeviceState state_ = drivers::DeviceState::online;
};

}  // namespace kiosk::sim
