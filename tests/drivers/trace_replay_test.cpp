// Trace and replay (issue 3, "Done when"): a scripted kiosk serves two customers while the
// devices fail — paper runs out mid-receipt, a note jams, a stripe cannot be read, the card jams
// at eject, the tamper switch opens — and the drivers' commands, events and completions are
// recorded to a trace file. Replayed into fresh simulators with no faults set and nobody at the
// machine, the same kiosk sees the identical record sequence and the devices end in the same
// state. A second test runs every deck card through the traced drivers and finds no card number,
// track, name or PIN block in the file.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "drivers/trace/trace_sink.hpp"
#include "drivers/trace/tracing_drivers.hpp"
#include "sim/control/trace_replayer.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/virtual_clock.hpp"
#include "tests/sim/control/sim_bench.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::drivers {
namespace {

using sim::test::SimBench;

// The drivers a kiosk uses, each wrapped in its tracing decorator.
struct TracedDevices {
    TracedDevices(SimBench& bench, Tracer& tracer)
        : card_reader(bench.card_reader, tracer),
          pin_pad(bench.pin_pad, tracer),
          printer(bench.printer, tracer),
          dispenser(bench.dispenser, tracer),
          sensors(bench.sensors, tracer) {}
    TracingCardReader card_reader;
    TracingPinPad pin_pad;
    TracingReceiptPrinter printer;
    TracingCashDispenser dispenser;
    TracingSensors sensors;
};

// A small kiosk: reacts to device events only, so whatever produces the events — a customer in
// the recording, the replayer in the replay — it issues the same commands.
class ScriptedKiosk {
public:
    enum class Step : std::uint8_t { idle, waitCard, waitPin, waitCash, waitTake, done };

    explicit ScriptedKiosk(TracedDevices& d) : d_(d) {}

    void tick() {
        for (const SensorChange& change : d_.sensors.poll().value_or(std::vector<SensorChange>{})) {
            if (change.sensor == Sensor::tamper && change.active) (void)d_.sensors.clear_tamper();
        }
        switch (step_) {
            case Step::idle:
                (void)d_.printer.status();  // a technician may have loaded paper since
                if (d_.card_reader.enable_insertion(true).ok()) step_ = Step::waitCard;
                break;
            case Step::waitCard: on_card_events(); break;
            case Step::waitPin: on_pin_events(); break;
            case Step::waitCash:
                for (auto event : d_.dispenser.poll().value_or(std::vector<CashDispenserEvent>{})) {
                    if (event == CashDispenserEvent::itemsTaken) finish_session();
                }
                break;
            case Step::waitTake:
                for (auto event : d_.card_reader.poll().value_or(std::vector<CardReaderEvent>{})) {
                    if (event == CardReaderEvent::taken) next_customer();
                }
                break;
            case Step::done: break;
        }
    }

    [[nodiscard]] Step step() const { return step_; }

private:
    void on_card_events() {
        for (auto event : d_.card_reader.poll().value_or(std::vector<CardReaderEvent>{})) {
            if (event == CardReaderEvent::jammed) {
                (void)d_.card_reader.reset();
                step_ = Step::idle;
            } else if (event == CardReaderEvent::inserted) {
                if (d_.card_reader.read_tracks().ok()) {
                    (void)d_.pin_pad.begin_pin_entry({4, 12, "4111111111111111"});
                    step_ = Step::waitPin;
                } else {
                    eject_card();
                }
            }
        }
    }

    void on_pin_events() {
        for (const PinPadEvent& event : d_.pin_pad.poll().value_or(std::vector<PinPadEvent>{})) {
            if (event.kind != PinPadEvent::Kind::entryComplete) continue;
            if (!d_.pin_pad.get_pin_block().ok()) (void)d_.pin_pad.cancel_entry();
            auto report = d_.dispenser.dispense({{1, 1}, 2});
            if (report && !report->complete) {
                (void)d_.dispenser.retract();
                finish_session();
            } else if (report && d_.dispenser.present().ok()) {
                step_ = Step::waitCash;
            } else {
                (void)d_.dispenser.reset();
                finish_session();
            }
        }
    }

    void finish_session() {
        (void)d_.printer.print(sim::test::receipt_of(5));
        (void)d_.printer.status();
        eject_card();
    }

    void eject_card() {
        if (d_.card_reader.eject().ok()) {
            step_ = Step::waitTake;
        } else {
            (void)d_.card_reader.reset();  // captures the jammed card
            (void)d_.card_reader.status();
            next_customer();
        }
    }

    void next_customer() { step_ = ++sessions_ < 2 ? Step::idle : Step::done; }

    TracedDevices& d_;
    Step step_ = Step::idle;
    int sessions_ = 0;
};

constexpr int max_ticks = 200;

// Runs the kiosk; `world` (may be empty) acts before each tick.
int run_kiosk(ScriptedKiosk& kiosk, sim::VirtualClock& clock, const std::function<void(int)>& world) {
    int tick = 0;
    for (; tick < max_ticks && kiosk.step() != ScriptedKiosk::Step::done; ++tick) {
        if (world) world(tick);
        kiosk.tick();
        clock.advance(Millis{100});
    }
    return tick;
}

struct DeviceEndState {
    std::vector<std::string> retained;
    std::size_t receipts = 0;
    drivers::PaperState paper;
    std::uint16_t reject = 0;
    std::vector<std::uint32_t> counts;
    bool tampered = false;
    friend bool operator==(const DeviceEndState&, const DeviceEndState&) = default;
};

void PrintTo(const DeviceEndState& s, std::ostream* out) {
    *out << "retained " << s.retained.size() << ", receipts " << s.receipts << ", paper " << to_string(s.paper)
         << ", reject " << s.reject << ", counts";
    for (auto c : s.counts) *out << " " << c;
    *out << ", tampered " << s.tampered;
}

DeviceEndState end_state(SimBench& b) {
    DeviceEndState s{b.card_reader_sim.retained_card_ids(), b.printer_sim.receipts().size(), b.printer_sim.paper(),
                     b.dispenser_sim.reject_count(), {}, b.sensors_sim.readings().tampered};
    for (const auto& c : b.dispenser_sim.cassettes()) s.counts.push_back(c.count);
    return s;
}

TEST(TraceReplay, ASessionWithFaultsReplaysToTheSameRecordsAndEndState) {
    store::test::TempDirectory directory;
    const std::filesystem::path trace_file = directory.file("incident.jsonl");

    // --- the incident, recorded ---
    SimBench field;
    sim::VirtualClock field_clock;
    DeviceEndState field_end;
    {
        auto writer = TraceFileWriter::create(trace_file);
        ASSERT_TRUE(writer.ok());
        Tracer tracer(field_clock, **writer);
        TracedDevices devices(field, tracer);
        ScriptedKiosk kiosk(devices);
        field.printer_sim.paper_out_mid_receipt(sim::FaultMode::once, 2);
        field.dispenser_sim.jam_on_pick(1, sim::FaultMode::once);
        bool second_customer = false;
        const auto& alice = sim::card("visa-alice");
        const int ticks = run_kiosk(kiosk, field_clock, [&](int tick) {
            if (tick == 1) {
                field.sensors_sim.set_tamper_switch(true);  // opens and closes; the latch holds
                field.sensors_sim.set_tamper_switch(false);
            }
            if (kiosk.step() == ScriptedKiosk::Step::waitCard && !field.card_reader_sim.card_inside()) {
                if (second_customer) {
                    field.card_reader_sim.unreadable_stripe(sim::FaultMode::once);
                    field.card_reader_sim.jam_on_eject(sim::FaultMode::once);
                }
                (void)field.card_reader_sim.insert(alice);
                second_customer = true;
            }
            if (kiosk.step() == ScriptedKiosk::Step::waitPin && field.pin_pad_sim.entry_state() == PinEntryState::entering &&
                field.pin_pad_sim.digits_entered() == 0) {
                field.pin_pad_sim.type_pin(alice.pin);
            }
            if (kiosk.step() == ScriptedKiosk::Step::waitTake && field.card_reader_sim.media() == CardMediaState::entering) {
                field.printer_sim.load_paper();  // the technician, between two customers
                (void)field.card_reader_sim.take_card();
            }
        });
        ASSERT_LT(ticks, max_ticks) << "the recorded kiosk never finished";
        field_end = end_state(field);
        EXPECT_FALSE((*writer)->failure().has_value());
    }
    auto recorded = read_trace_file(trace_file);
    ASSERT_TRUE(recorded.ok()) << recorded.error().message;
    // The faults are in the trace: paper out mid-receipt, a partial dispense, a jam at eject.
    const auto has = [&](std::string_view name, std::string_view text) {
        for (const TraceRecord& r : *recorded) {
            if (r.name == name && (r.error.find(text) != std::string::npos || r.detail.dump().find(text) != std::string::npos)) return true;
        }
        return false;
    };
    EXPECT_TRUE(has("print", "paper ran out after line 2 of 5"));
    EXPECT_TRUE(has("dispense", "media jam"));
    EXPECT_TRUE(has("read_tracks", "invalid"));
    EXPECT_TRUE(has("eject", "media jam"));
    EXPECT_TRUE(has("changed", "tamper"));

    // --- the replay: fresh devices, no faults set, nobody at the machine ---
    SimBench lab;
    sim::VirtualClock lab_clock;
    sim::TraceReplayer replayer(*recorded, lab.sims());
    TraceLog replayed;
    Tracer tracer(lab_clock, replayed, &replayer);
    TracedDevices devices(lab, tracer);
    ScriptedKiosk kiosk(devices);
    ASSERT_LT(run_kiosk(kiosk, lab_clock, {}), max_ticks) << "the replayed kiosk never finished";

    EXPECT_TRUE(replayer.divergences().empty()) << replayer.divergences().front();
    EXPECT_TRUE(replayer.finished()) << replayer.remaining() << " records not replayed";
    const auto replay = replayed.records();
    ASSERT_EQ(replay.size(), recorded->size());
    for (std::size_t i = 0; i < replay.size(); ++i) {
        EXPECT_EQ(replay[i].outcome(), (*recorded)[i].outcome()) << "record " << i;
        EXPECT_EQ(replay[i], (*recorded)[i]) << "record " << i;  // ids and virtual times too
    }
    EXPECT_EQ(end_state(lab), field_end);
}

TEST(TraceReplay, ACommandTheTraceDoesNotHaveIsADivergence) {
    TraceRecord eject;
    eject.device = "card-reader";
    eject.name = "eject";
    SimBench lab;
    sim::TraceReplayer replayer({eject}, lab.sims());
    replayer.before("printer", "poll");  // polls are never divergences
    EXPECT_TRUE(replayer.divergences().empty());
    replayer.before("printer", "print");
    ASSERT_EQ(replayer.divergences().size(), 1u);
    EXPECT_NE(replayer.divergences()[0].find("kiosk issued printer print where the trace has card-reader eject"),
              std::string::npos);
    EXPECT_FALSE(replayer.finished());
}

// Status reads are monitoring (the runtime's fitness timer): they need not line up between the
// recording and the replay, and a recorded one that is passed over — here one that saw the
// printer unplugged — applies no link cut to the real command after it.
TEST(TraceReplay, MonitoringReadsFloatAndAPassedOverOneCutsNoLink) {
    TraceRecord unplugged_status;
    unplugged_status.device = "printer";
    unplugged_status.name = "status";
    unplugged_status.detail = nlohmann::json{{"state", "noDevice"}, {"description", "printer (polling): disconnected"}};
    TraceRecord eject;
    eject.device = "card-reader";
    eject.name = "eject";
    eject.ok = false;  // whatever it did, it is the next real command
    SimBench lab;
    sim::TraceReplayer replayer({unplugged_status, eject}, lab.sims());
    replayer.before("sensors", "read");  // an unrecorded monitoring read: not a divergence
    replayer.after("sensors", "read");
    EXPECT_TRUE(replayer.divergences().empty());
    replayer.before("card-reader", "eject");  // the recorded status is passed over
    EXPECT_TRUE(replayer.divergences().empty()) << replayer.divergences().front();
    EXPECT_TRUE(replayer.finished());
    // No link was left cut by the passed-over record: the printer still answers.
    EXPECT_TRUE(lab.printer.status().device.usable()) << describe(lab.printer.status().device);
    replayer.after("card-reader", "eject");
}

TEST(TraceLeak, NoCardDataInATraceOfEveryDeckCard) {
    store::test::TempDirectory directory;
    const std::filesystem::path trace_file = directory.file("deck.jsonl");
    SimBench bench;
    sim::VirtualClock clock;
    std::vector<Bytes> pin_blocks;
    {
        auto writer = TraceFileWriter::create(trace_file);
        ASSERT_TRUE(writer.ok());
        Tracer tracer(clock, **writer);
        TracedDevices d(bench, tracer);
        for (const sim::VirtualCard& card : sim::card_deck()) {
            ASSERT_TRUE(d.card_reader.enable_insertion(true).ok());
            ASSERT_TRUE(bench.card_reader_sim.insert(card).ok());
            (void)d.card_reader.poll();
            (void)d.card_reader.read_tracks();
            ASSERT_TRUE(d.pin_pad.begin_pin_entry({4, 12, card.pan}).ok());
            bench.pin_pad_sim.type_pin(card.pin);
            (void)d.pin_pad.poll();
            auto block = d.pin_pad.get_pin_block();
            if (block) pin_blocks.push_back(*block);
            Receipt receipt = sim::test::receipt_of(1);
            receipt.lines.push_back({"CARD " + card.pan.substr(card.pan.size() - 4), {}});
            (void)d.printer.print(receipt);
            (void)d.card_reader.status();
            ASSERT_TRUE(d.card_reader.eject().ok());
            ASSERT_TRUE(bench.card_reader_sim.take_card().ok());
            (void)d.card_reader.poll();
        }
    }
    std::ifstream in(trace_file);
    std::stringstream content;
    content << in.rdbuf();
    const std::string text = content.str();
    ASSERT_FALSE(text.empty());
    for (const sim::VirtualCard& card : sim::card_deck()) {
        EXPECT_EQ(text.find(card.pan), std::string::npos) << "a deck PAN is in the trace (card " << card.id << ")";
        EXPECT_EQ(text.find(card.pan.substr(0, 10)), std::string::npos) << "PAN digits of " << card.id;
        EXPECT_EQ(text.find(card.name), std::string::npos) << "cardholder name of " << card.id;
        EXPECT_EQ(text.find(card.track2()), std::string::npos) << "track 2 of " << card.id;
    }
    EXPECT_EQ(pin_blocks.size(), sim::card_deck().size());
    for (const Bytes& block : pin_blocks) {
        EXPECT_EQ(text.find(to_hex(block)), std::string::npos) << "a PIN block is in the trace";
    }
    EXPECT_EQ(text.find("pin_block\":\""), std::string::npos);
}

}  // namespace
}  // namespace kiosk::drivers
