// Cash withdrawal end to end on the simulator, in virtual time: the real drivers over simulated
// card reader, PIN pad and note dispenser, the pure flow, the simulated bank, the sealed reversal
// queue and the in-flight bracket in the kiosk's SQLite database. After EVERY scenario one
// invariant is checked (expect_money_and_card_accounted_for): the card was returned or retained,
// and what the bank debited equals the value the customer actually took from the dispenser.
#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "drivers/cash/framed_cash_dispenser.hpp"
#include "kiosk/runtime/settled_turn.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/simulator/simulator_rig.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/devices/sim_cash_dispenser.hpp"
#include "sim/host/sim_bank_host.hpp"
#include "security/pan.hpp"
#include "sim/virtual_clock.hpp"
#include "store/journal.hpp"
#include "store/outbox.hpp"
#include "ui/offscreen_display.hpp"
#include "tests/e2e/crm_opened_check.hpp"
#include "tests/e2e/fresh_test_directory.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using flow::StateId;

constexpr Millis kTick{100};
const Money kAmount{50000, "CNY", 2};  // CNY 500.00: five 100s

std::vector<sim::SimCassette> cassettes() {
    return {sim::SimCassette{"CNY", 10000, 100, 5, drivers::CassetteState::ok, 0},
            sim::SimCassette{"CNY", 5000, 100, 5, drivers::CassetteState::ok, 0}};
}

// The PIN zone key the simulated PIN pad uses (kiosk/simulator/simulator_rig.cpp, test value).
Bytes sim_pin_key() {
    return Bytes{0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF};
}

struct PowerLost {};

// The real driver, with a power cut that can be armed: the dispense happens (notes are picked
// into the stacker) and then the process dies — modelled by an exception that unwinds the
// runtime, which the test then destroys as a crash would.
class CrashingDispenser final : public drivers::CashDispenser {
public:
    explicit CrashingDispenser(drivers::CashDispenser& real) : real_(real) {}
    bool crash_after_next_dispense = false;

    Result<drivers::DispenseReport> dispense(const drivers::NotePlan& plan) override {
        auto report = real_.dispense(plan);
        if (crash_after_next_dispense) {
            crash_after_next_dispense = false;
            throw PowerLost{};
        }
        return report;
    }
    Result<std::uint16_t> present() override { return real_.present(); }
    Result<drivers::RetractReport> retract() override { return real_.retract(); }
    Status reset() override { return real_.reset(); }
    Result<std::vector<std::uint32_t>> set_counts(const std::vector<std::uint32_t>& counts) override {
        return real_.set_counts(counts);
    }
    Result<std::vector<drivers::CashDispenserEvent>> poll() override { return real_.poll(); }
    drivers::DispenserStatus status() override { return real_.status(); }

private:
    drivers::CashDispenser& real_;
};

class WithdrawalE2eTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::fresh_test_directory("kiosk-wd-e2e");
        config_.data_dir = dir_ / "data";
        rig_ = std::make_unique<SimulatorRig>(config_, dir_ / "pki");
        display_ = std::make_unique<ui::OffscreenDisplay>(ui::FontPaths::in_directory(config_.font_dir),
                                                          config_.bank_name);
        make_bank(Money{1'234'56, "CNY", 2}, Money{20'000'00, "CNY", 2});
    }

    // The bank of this test: the card's balance and daily limit as the scenario needs them.
    void make_bank(const Money& balance, const Money& daily_limit) {
        bank_ = std::make_unique<sim::SimBankHost>(std::make_shared<sim::SimBank>(sim_pin_key(), daily_limit));
        bank_->add_account(sim::SimAccount{card().pan, card().pin, card().expiry_yymm, balance});
        bank_->use_clock(clock_, Millis(30'000));
        opening_ = balance;
    }

    void TearDown() override {
        kiosk_.reset();
        fs::remove_all(dir_);
    }

    // One kiosk process over the data directory; a second call after reset_kiosk() is a restart.
    struct Kiosk {
        std::unique_ptr<KioskApp> app;
        std::unique_ptr<host::ReversalQueue> reversals;
        std::unique_ptr<InFlightBracket> bracket;
    };

    void start_kiosk() {
        kiosk_ = std::make_unique<Kiosk>();
        Devices devices = rig_->devices();
        devices.cash_dispenser = nullptr;  // this test attaches its own (with a power cut to arm)
        kiosk_->app = std::make_unique<KioskApp>(
            config_, KioskEnvironment{clock_, random_, devices, *bank_, *display_, true});
        KioskApp& app = *kiosk_->app;
        auto queue = host::ReversalQueue::open(app.database(), app.sealer(), random_, clock_, config_.kiosk_id);
        ASSERT_TRUE(queue.ok()) << queue.error().to_string();
        kiosk_->reversals = std::make_unique<host::ReversalQueue>(std::move(*queue));
        kiosk_->bracket =
            std::make_unique<InFlightBracket>(app.database(), app.sealer(), random_, clock_, config_.kiosk_id);
        runtime().attach_cash(CashParts{dispenser_, *kiosk_->reversals, *kiosk_->bracket});
        runtime().on_note = [this](const std::string& note) {
            notes_.push_back(note);
            if (std::getenv("KIOSK_E2E_NOTES") != nullptr) std::fprintf(stderr, "note: %s\n", note.c_str());
        };
        runtime().start();
        settled_turn(runtime());  // pending reversals go out on the host worker, ahead of any new request
    }

    void reset_kiosk() { kiosk_.reset(); }

    Runtime& runtime() { return kiosk_->app->runtime(); }

    static const sim::VirtualCard& card() { return sim::card("visa-alice"); }

    void pass(Millis duration) {
        for (Millis elapsed{0}; elapsed < duration; elapsed += kTick) {
            clock_.advance(kTick);
            settled_turn(runtime());
        }
    }
    StateId state() { return runtime().context().state; }

    // Card in, PIN, withdrawal, the first fast-cash amount that is CNY 500.
    void to_authorization(const Money& amount = kAmount) {
        pass(Millis(500));
        ASSERT_TRUE(rig_->card_reader().insert(card()).ok());
        pass(Millis(1'500));
        ASSERT_EQ(state(), StateId::SessionOptions);
        runtime().touch("continue");
        pass(Millis(500));
        ASSERT_EQ(state(), StateId::PinEntry);
        rig_->pin_pad().type_pin(card().pin);
        rig_->pin_pad().press_enter();
        pass(Millis(1'000));
        ASSERT_EQ(state(), StateId::MainMenu);
        runtime().touch("withdrawal");
        pass(Millis(500));
        ASSERT_EQ(state(), StateId::WithdrawalAmount);
        const std::vector<Money> offered = runtime().payable_fast_cash();
        const auto at = std::find(offered.begin(), offered.end(), amount);
        ASSERT_NE(at, offered.end());
        runtime().touch("amount_" + std::to_string(at - offered.begin()));
        settled_turn(runtime());
    }

    void take_card() {
        if (rig_->card_reader().take_card().ok()) card_taken_ = true;
        pass(Millis(500));
    }
    void take_cash() {
        ASSERT_TRUE(sim_dispenser_.take_notes().ok());
        pass(Millis(500));
    }

    std::int64_t debited() const { return opening_.minor_units - bank_->balance_of(card().pan)->minor_units; }
    std::int64_t notes_left() const {
        std::int64_t value = 0;
        for (const auto& c : sim_dispenser_.cassettes()) value += static_cast<std::int64_t>(c.count) * c.denomination;
        return value;
    }
    std::size_t reversals_pending() {
        auto pending = kiosk_->reversals->pending();
        EXPECT_TRUE(pending.ok());
        return pending.ok() ? pending->size() : 0;
    }

    // The one invariant every scenario ends with.
    void expect_money_and_card_accounted_for() {
        const bool retained = !rig_->card_reader().retained_card_ids().empty();
        EXPECT_FALSE(rig_->card_reader().card_inside().has_value()) << "card neither returned nor retained";
        EXPECT_TRUE(card_taken_ || retained) << "card neither taken by the customer nor retained";
        EXPECT_EQ(debited(), sim_dispenser_.value_taken()) << "bank debit differs from the cash the customer took";
        EXPECT_EQ(reversals_pending(), 0U) << "a reversal was never acknowledged";
        auto open = kiosk_->bracket->is_open();
        ASSERT_TRUE(open.ok());
        EXPECT_FALSE(*open) << "in-flight bracket left open";
        for (const std::string& note : notes_) EXPECT_FALSE(note.starts_with("display:")) << note;
        expect_crm_opened_everything();
    }

    // Every CX record of the scenario, restarts included, reaches the simulated CRM and opens
    // there: the wraps of earlier runs' data keys were persisted with the records.
    void expect_crm_opened_everything() {
        crm::UploadSummary summary;
        do {
            summary = kiosk_->app->uploader().upload_once();
            ASSERT_TRUE(summary.ok()) << summary.error->to_string();
        } while (summary.sent > 0);
        auto pending = kiosk_->app->uploader().status().pending;
        EXPECT_EQ(pending, 0U);
        auto dead = store::Outbox(kiosk_->app->database(), clock_).dead_letter_count();
        ASSERT_TRUE(dead.ok());
        EXPECT_EQ(*dead, 0U) << "the CRM refused a record";
        EXPECT_FALSE(rig_->crm().received_ids().empty());
        test::expect_crm_opened_every_record(rig_->crm(), {});
    }

    fs::path dir_;
    KioskConfig config_;
    sim::VirtualClock clock_;
    SeededRandom random_{4242};
    std::unique_ptr<SimulatorRig> rig_;
    std::unique_ptr<ui::OffscreenDisplay> display_;
    sim::SimCashDispenser sim_dispenser_{cassettes()};
    drivers::FramedCashDispenser real_dispenser_{sim_dispenser_.host_transport()};
    CrashingDispenser dispenser_{real_dispenser_};
    std::unique_ptr<sim::SimBankHost> bank_;
    std::unique_ptr<Kiosk> kiosk_;
    std::vector<std::string> notes_;
    Money opening_;
    bool card_taken_ = false;
};

TEST_F(WithdrawalE2eTest, HappyPathCardFirstDebitsTheAmountAndCountsTheNotesOut) {
    start_kiosk();
    const std::int64_t cash_before = notes_left();
    to_authorization();
    ASSERT_EQ(state(), StateId::ReturningCard);  // approved; card back before any cash
    EXPECT_EQ(sim_dispenser_.notes_presented(), 0U);
    take_card();
    ASSERT_EQ(state(), StateId::TakeCash) << ::testing::PrintToString(notes_);
    EXPECT_EQ(sim_dispenser_.notes_presented(), 5U);  // fewest notes: five 100s
    take_cash();
    ASSERT_EQ(state(), StateId::ReceiptChoice);
    runtime().touch("receipt_no");
    pass(Millis(500));
    // Card and cash taken: the survey (the customer skips it), then goodbye.
    EXPECT_EQ(state(), StateId::Survey);
    runtime().touch("survey_skip");
    pass(Millis(500));
    EXPECT_EQ(state(), StateId::ThankYou);
    pass(Millis(5'000));
    EXPECT_EQ(state(), StateId::Attract);

    EXPECT_EQ(debited(), kAmount.minor_units);
    EXPECT_EQ(cash_before - notes_left(), kAmount.minor_units);
    expect_money_and_card_accounted_for();
}

TEST_F(WithdrawalE2eTest, CashFirstOffersAnotherTransactionWithTheCardStillIn) {
    config_.flow.card_before_cash = false;
    start_kiosk();
    to_authorization();
    ASSERT_EQ(state(), StateId::TakeCash) << ::testing::PrintToString(notes_);
    take_cash();
    runtime().touch("receipt_no");
    pass(Millis(500));
    ASSERT_EQ(state(), StateId::AnotherTransaction);
    runtime().touch("another_yes");
    pass(Millis(500));
    ASSERT_EQ(state(), StateId::MainMenu);
    runtime().touch("cancel");
    pass(Millis(500));
    ASSERT_EQ(state(), StateId::Closing);
    take_card();
    EXPECT_EQ(state(), StateId::ThankYou);
    EXPECT_EQ(debited(), kAmount.minor_units);
    expect_money_and_card_accounted_for();
}

TEST_F(WithdrawalE2eTest, InsufficientFundsDispensesNothing) {
    make_bank(Money{100'00, "CNY", 2}, Money{20'000'00, "CNY", 2});
    start_kiosk();
    to_authorization();
    EXPECT_EQ(state(), StateId::Closing);
    EXPECT_EQ(runtime().context().reason, flow::Reason::declined(host::ResponseCode::InsufficientFunds));
    take_card();
    EXPECT_EQ(sim_dispenser_.notes_presented(), 0U);
    expect_money_and_card_accounted_for();
}

TEST_F(WithdrawalE2eTest, LimitExceededDispensesNothing) {
    make_bank(Money{1'234'56, "CNY", 2}, Money{200'00, "CNY", 2});
    start_kiosk();
    to_authorization();
    EXPECT_EQ(state(), StateId::Closing);
    EXPECT_EQ(runtime().context().reason, flow::Reason::declined(host::ResponseCode::LimitExceeded));
    take_card();
    expect_money_and_card_accounted_for();
}

TEST_F(WithdrawalE2eTest, PartialDispenseIsRetractedAndReversedInFull) {
    sim_dispenser_.pick_failure(0, sim::FaultMode::once, 2);  // two 100s stacked, then the feed fails
    start_kiosk();
    to_authorization();
    take_card();
    EXPECT_EQ(sim_dispenser_.notes_presented(), 0U);
    EXPECT_EQ(state(), StateId::ComplaintOffer) << "the card is out already: a report is offered at once";
    EXPECT_EQ(runtime().context().reason, flow::CloseReason::DispenseFailed);
    EXPECT_EQ(debited(), 0);
    expect_money_and_card_accounted_for();
}

// Issue 5's journal: card in, PIN outcome, transaction, dispense result and reversal, each a line
// with its outcome; the card named only by its masked PAN.
TEST_F(WithdrawalE2eTest, TheJournalTellsTheStoryOfAFailedDispense) {
    sim_dispenser_.pick_failure(0, sim::FaultMode::once, 2);
    start_kiosk();
    to_authorization();
    take_card();
    auto entries = store::Journal(kiosk_->app->database()).read_all();
    ASSERT_TRUE(entries.ok()) << entries.error().to_string();
    std::vector<std::string> story;
    for (const store::JournalEntry& entry : *entries) {
        const std::string outcome = entry.line.outcome.substr(0, entry.line.outcome.find(':'));
        story.push_back(entry.line.event_type + " " + outcome);
        EXPECT_EQ(entry.line.resource.find(card().pan), std::string::npos);
        EXPECT_EQ(entry.line.detail.find(card().pan), std::string::npos);
    }
    const auto has = [&](const std::string& line) { return std::find(story.begin(), story.end(), line) != story.end(); };
    EXPECT_TRUE(has("card_inserted success")) << ::testing::PrintToString(story);
    EXPECT_TRUE(has("pin_verification success")) << ::testing::PrintToString(story);
    EXPECT_TRUE(has("dispense failure")) << ::testing::PrintToString(story);
    EXPECT_TRUE(has("reversal_queued success")) << ::testing::PrintToString(story);
    const auto card_line = std::find_if(entries->begin(), entries->end(), [](const store::JournalEntry& e) {
        return e.line.event_type == "card_inserted";
    });
    ASSERT_NE(card_line, entries->end());
    EXPECT_EQ(card_line->line.resource, "card " + security::mask_pan(card().pan));
    expect_money_and_card_accounted_for();
}

TEST_F(WithdrawalE2eTest, CashNotTakenIsRetractedAndReversed) {
    start_kiosk();
    to_authorization();
    take_card();
    ASSERT_EQ(state(), StateId::TakeCash);
    pass(Millis(31'000));  // TakeCash times out
    EXPECT_EQ(sim_dispenser_.notes_presented(), 0U);
    EXPECT_EQ(sim_dispenser_.reject_count(), 5U);
    EXPECT_EQ(debited(), 0);
    expect_money_and_card_accounted_for();
}

TEST_F(WithdrawalE2eTest, CardNotTakenBeforeCashIsRetainedWithNoDispense) {
    start_kiosk();
    to_authorization();
    ASSERT_EQ(state(), StateId::ReturningCard);
    pass(Millis(31'000));  // the card is left in the slot
    EXPECT_EQ(state(), StateId::CardRetained);
    EXPECT_EQ(rig_->card_reader().retained_card_ids().size(), 1U);
    EXPECT_EQ(sim_dispenser_.notes_presented() + sim_dispenser_.notes_in_stacker(), 0U);
    EXPECT_EQ(debited(), 0);
    expect_money_and_card_accounted_for();
}

TEST_F(WithdrawalE2eTest, HostAnswerAfterTheTimeoutIsReversed) {
    bank_->bank().set_answer_delay(Millis(40'000));
    bank_->inject(sim::HostFault::LateAnswer);
    start_kiosk();
    to_authorization();
    EXPECT_EQ(state(), StateId::Closing);
    EXPECT_EQ(runtime().context().reason, flow::CloseReason::HostUnavailable);
    take_card();
    EXPECT_EQ(debited(), 0);  // the bank processed it, the reversal undid it
    expect_money_and_card_accounted_for();
}

TEST_F(WithdrawalE2eTest, PendingReversalIsSentAfterARestart) {
    start_kiosk();
    to_authorization();
    take_card();
    ASSERT_EQ(state(), StateId::TakeCash);
    bank_->inject(sim::HostFault::Unreachable, 1);  // the host is away when the reversal is due
    pass(Millis(31'000));
    ASSERT_EQ(reversals_pending(), 1U);
    EXPECT_EQ(debited(), kAmount.minor_units);  // not yet reversed

    reset_kiosk();
    start_kiosk();
    EXPECT_EQ(debited(), 0);
    expect_money_and_card_accounted_for();
}

TEST_F(WithdrawalE2eTest, PowerLossMidDispenseIsResolvedBeforeServiceOnRestart) {
    start_kiosk();
    to_authorization();
    ASSERT_EQ(state(), StateId::ReturningCard);
    dispenser_.crash_after_next_dispense = true;
    EXPECT_THROW(take_card(), PowerLost);  // notes in the stacker, then the lights go out
    EXPECT_EQ(debited(), kAmount.minor_units);
    auto open = kiosk_->bracket->is_open();
    ASSERT_TRUE(open.ok());
    ASSERT_TRUE(*open);  // the bracket was persisted before the first note moved
    reset_kiosk();        // the crash: nothing of the old process runs again

    start_kiosk();        // resolves the bracket before Attract
    EXPECT_EQ(state(), StateId::Attract);
    EXPECT_EQ(debited(), 0);
    (void)real_dispenser_.reset();  // the technician's reset sends the stranded notes to the reject bin
    EXPECT_EQ(sim_dispenser_.value_taken(), 0);
    expect_money_and_card_accounted_for();
}

}  // namespace
}  // namespace kiosk
