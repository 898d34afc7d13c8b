// Every transaction of the customer flow end to end on the simulator, in virtual time: the real
// drivers over the simulated devices, the bank over ISO 8583/TLS, and after each scenario the
// money checked at the bank and the dispenser. Cancel and timeout are driven in every interactive
// state: the card always ends with the customer or in the capture bin, and nothing is debited.
#include <gtest/gtest.h>

#include <functional>

#include "tests/e2e/kiosk_on_simulator.hpp"

namespace kiosk {
namespace {

using flow::StateId;

Money cny(std::int64_t fen) { return Money{fen, "CNY", 2}; }

class TransactionsE2eTest : public test::KioskOnSimulator {
protected:
    void SetUp() override { start("kiosk-tx-e2e"); }

    void TearDown() override {
        EXPECT_FALSE(rig_->card_reader().card_inside().has_value()) << "the card was left in the reader\n" << notes_;
        KioskOnSimulator::TearDown();
    }

    static const sim::VirtualCard& li() { return sim::card("unionpay-li"); }     // checking + savings
    static const sim::VirtualCard& alice() { return sim::card("visa-alice"); }   // checking + savings

    Money balance(const std::string& account) { return *rig_->bank().bank().balance_of_account(account); }

    // "another transaction? no", take the card, skip the survey when it is asked (a card is asked
    // once a period, and only after a completed visit), thank you, back to attract.
    void leave() {
        if (state() == StateId::AnotherTransaction) touch("another_no", Millis(500));
        ASSERT_EQ(state(), StateId::Closing) << notes_;
        ASSERT_TRUE(rig_->card_reader().take_card().ok());
        pass(Millis(500));
        skip_survey();
        pass(Millis(5'500));
        EXPECT_EQ(state(), StateId::Attract);
    }

    std::string last_receipt() {
        const auto& receipts = rig_->printer().receipts();
        return receipts.empty() ? std::string() : receipts.back().text();
    }

    void stage_code(const std::string& code, const std::string& phone, const Money& limit) {
        ASSERT_TRUE(rig_->bank().bank().stage_cardless_code(
            sim::CardlessCode{code, phone, li().account_ids[0], limit, clock_.now() + std::chrono::hours(2)}).ok());
    }
};

TEST_F(TransactionsE2eTest, TransferBetweenOwnAccountsThenAMiniStatementInTheSameVisit) {
    const Money checking = balance("CHK-5001"), savings = balance("SAV-5002");
    to_menu(li());
    touch("transfer");
    ASSERT_EQ(state(), StateId::ChooseFromAccount);
    EXPECT_EQ(last_screen_.accounts.size(), 2U);
    touch("account_1");  // savings
    ASSERT_EQ(state(), StateId::ChooseToAccount);
    ASSERT_EQ(last_screen_.accounts.size(), 1U);  // not the account the money leaves
    EXPECT_EQ(last_screen_.accounts[0].type_key, "account.current");
    touch("account_0");
    ASSERT_EQ(state(), StateId::EnterAmount);
    type("250");
    ASSERT_EQ(state(), StateId::TransactionDone) << notes_;
    EXPECT_EQ(last_screen_.message_key, "done.transfer");
    EXPECT_EQ(last_screen_.amount, cny(250'00));
    EXPECT_EQ(balance("SAV-5002"), cny(savings.minor_units - 250'00));
    EXPECT_EQ(balance("CHK-5001"), cny(checking.minor_units + 250'00));
    touch("continue");
    touch("receipt_yes", Millis(2'000));
    // Li's profile prefers Chinese: so does his receipt (GB18030 through the sim printer, decoded back).
    EXPECT_NE(last_receipt().find("转账"), std::string::npos) << last_receipt();
    EXPECT_NE(last_receipt().find("金额 ¥250.00"), std::string::npos) << last_receipt();
    EXPECT_NE(last_receipt().find("转出 储蓄账户  转入 活期账户"), std::string::npos) << last_receipt();
    EXPECT_TRUE(rig_->printer().decode_errors().empty());

    // "Another transaction?" — the card is not read again, the session's PIN block is used again.
    ASSERT_EQ(state(), StateId::AnotherTransaction);
    touch("another_yes");
    touch("mini_statement", Millis(2'000));
    ASSERT_EQ(state(), StateId::ShowStatement) << notes_;
    ASSERT_EQ(last_screen_.statement.size(), 1U);
    EXPECT_EQ(last_screen_.statement[0].description_key, "statement.transfer_in");
    EXPECT_EQ(last_screen_.statement[0].amount, cny(250'00));
    touch("continue");
    touch("receipt_no");
    leave();
}

TEST_F(TransactionsE2eTest, PinChangeAsksTwiceAndTheNewPinIsTheOneThatWorksAfterwards) {
    to_menu(alice());
    touch("change_pin");
    ASSERT_EQ(state(), StateId::EnterNewPin);
    type("482913");
    ASSERT_EQ(state(), StateId::ConfirmNewPin);
    type("482914");  // a typo: the pad compares inside itself
    ASSERT_EQ(state(), StateId::EnterNewPin);
    EXPECT_EQ(last_screen_.message_key, "new_pin.mismatch");
    type("482913");
    type("482913", Millis(2'000));
    ASSERT_EQ(state(), StateId::TransactionDone) << notes_;
    EXPECT_EQ(last_screen_.message_key, "done.pin_changed");
    touch("continue");
    touch("receipt_no");
    touch("another_yes");  // the same visit goes on under the new PIN
    touch("balance", Millis(2'000));
    EXPECT_EQ(state(), StateId::ShowBalance) << notes_;
    touch("cancel");
    leave();

    // The old PIN is refused now, the new one accepted.
    to_menu(alice());
    touch("balance", Millis(2'000));
    EXPECT_EQ(state(), StateId::PinEntry);
    EXPECT_EQ(runtime().context().reason, flow::CloseReason::PinWrong);
    type("482913", Millis(2'000));
    EXPECT_EQ(state(), StateId::ShowBalance) << notes_;
    touch("cancel");
    leave();
}

TEST_F(TransactionsE2eTest, OtherAmountIsTypedOnThePadAndCheckedAgainstTheNotes) {
    const Money before = balance("CHK-1001");
    const std::int64_t taken_before = rig_->cash().value_taken();
    to_menu(alice());
    touch("withdrawal");
    touch("other_amount");
    ASSERT_EQ(state(), StateId::EnterAmount);
    EXPECT_EQ(last_screen_.amount_step, cny(50'00));  // the smallest note loaded
    type("30");  // no 30-yuan notes
    ASSERT_EQ(state(), StateId::EnterAmount);
    EXPECT_EQ(last_screen_.message_key, "amount.not_multiple");
    type("350", Millis(2'000));
    ASSERT_EQ(state(), StateId::ReturningCard) << notes_;
    ASSERT_TRUE(rig_->card_reader().take_card().ok());
    pass(Millis(2'000));
    ASSERT_EQ(state(), StateId::TakeCash);
    ASSERT_TRUE(rig_->cash().take_notes().ok());
    pass(Millis(1'000));
    touch("receipt_no", Millis(500));
    EXPECT_TRUE(skip_survey()) << "card and cash taken after an approval: the survey";
    pass(Millis(5'500));
    EXPECT_EQ(state(), StateId::Attract);
    EXPECT_EQ(balance("CHK-1001"), cny(before.minor_units - 350'00));
    EXPECT_EQ(rig_->cash().value_taken() - taken_before, 350'00);
}

TEST_F(TransactionsE2eTest, TheCustomersUsualAmountIsOfferedFirstAndPaidInTheNotesTheyPrefer) {
    const Money before = balance("CHK-5001");
    to_menu(li());  // the simulator's profile: Li usually takes CNY 300
    touch("withdrawal");
    ASSERT_EQ(state(), StateId::WithdrawalAmount);
    EXPECT_EQ(last_screen_.usual_amount, cny(300'00));
    const std::uint32_t fifties = rig_->cash().cassettes()[1].count;
    touch("amount_usual", Millis(2'000));
    ASSERT_EQ(state(), StateId::ReturningCard) << notes_;
    ASSERT_TRUE(rig_->card_reader().take_card().ok());
    pass(Millis(2'000));
    ASSERT_TRUE(rig_->cash().take_notes().ok());
    pass(Millis(1'000));
    touch("receipt_no", Millis(500));
    EXPECT_TRUE(skip_survey()) << "card and cash taken after an approval: the survey";
    pass(Millis(5'500));
    EXPECT_EQ(balance("CHK-5001"), cny(before.minor_units - 300'00));
    // Li's profile also asks for small notes: six 50s rather than three 100s.
    EXPECT_EQ(fifties - rig_->cash().cassettes()[1].count, 6U);

    to_menu(alice());  // no profile: no usual amount
    touch("withdrawal");
    EXPECT_EQ(last_screen_.usual_amount, std::nullopt);
    touch("cancel");
    leave();
}

TEST_F(TransactionsE2eTest, CardlessWithdrawalPaysOnceForACodeAndThePhoneItWasStagedFor) {
    stage_code("55102937", "13800138000", cny(1'000'00));
    const Money before = balance("CHK-5001");
    touch("cardless");
    ASSERT_EQ(state(), StateId::CardlessCode);
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::CardlessEntry);
    type("55102937");
    ASSERT_EQ(state(), StateId::CardlessPhone);
    rig_->pin_pad().press_digit('1');
    rig_->pin_pad().press_digit('3');
    pass(Millis(500));
    EXPECT_EQ(last_screen_.typed_digits, "13");  // the phone is shown as typed; the code never was
    for (const char digit : std::string_view("800138000")) rig_->pin_pad().press_digit(digit);
    rig_->pin_pad().press_enter();
    pass(Millis(1'000));
    ASSERT_EQ(state(), StateId::WithdrawalAmount);
    touch("amount_1", Millis(2'000));  // CNY 200
    ASSERT_EQ(state(), StateId::TakeCash) << notes_;
    ASSERT_TRUE(rig_->cash().take_notes().ok());
    pass(Millis(1'000));
    touch("receipt_yes", Millis(2'000));
    EXPECT_NE(last_receipt().find("CARDLESS WITHDRAWAL"), std::string::npos) << last_receipt();
    EXPECT_EQ(last_receipt().find("CARD "), std::string::npos) << "no card, no card line";
    pass(Millis(6'000));
    EXPECT_EQ(state(), StateId::Attract);
    EXPECT_EQ(balance("CHK-5001"), cny(before.minor_units - 200'00));

    // The same code again: refused, nothing paid.
    touch("cardless");
    type("55102937");
    type("13800138000");
    touch("amount_0", Millis(2'000));
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::TransactionFailed);
    EXPECT_EQ(last_screen_.message_key, "decline.invalid_one_time_code");
    pass(Millis(10'000));
    EXPECT_EQ(state(), StateId::Attract);
    EXPECT_EQ(balance("CHK-5001"), cny(before.minor_units - 200'00));
}

// A PIN pad that cannot encipher: the first entry ends the visit (cancel), a retry after a wrong
// PIN ends as a decline with nothing sent and nothing reversed; the card comes back both times.
TEST_F(TransactionsE2eTest, APinPadThatCannotEncipherEndsTheVisitSafely) {
    const Money before = balance("CHK-1001");
    rig_->pin_pad().fail_crypto(sim::FaultMode::once);
    ASSERT_TRUE(rig_->card_reader().insert(alice()).ok());
    pass(Millis(1'500));
    touch("continue", Millis(500));
    type(alice().pin);
    EXPECT_EQ(state(), StateId::Closing) << notes_;
    EXPECT_NE(notes_.find("PIN pad gave no PIN block"), std::string::npos) << notes_;
    leave();

    to_menu(alice());
    touch("withdrawal");
    rig_->bank().bank().decline_next(host::ResponseCode::WrongPin);
    touch("amount_0", Millis(2'000));
    ASSERT_EQ(state(), StateId::PinEntry);
    rig_->pin_pad().fail_crypto(sim::FaultMode::once);
    type(alice().pin, Millis(2'000));
    EXPECT_EQ(state(), StateId::Closing) << notes_;
    EXPECT_EQ(last_screen_.message_key, "decline.system_error");
    EXPECT_EQ(notes_.find("reversal queued"), std::string::npos) << "nothing was sent, nothing to reverse";
    leave();
    EXPECT_EQ(balance("CHK-1001"), before);
}

// The code docs/simulator.md gives whoever tries the simulator works as written there.
TEST_F(TransactionsE2eTest, TheSimulatorsStagedCardlessCodePays) {
    touch("cardless");
    type(SimulatorRig::demo_cardless_code);
    type(SimulatorRig::demo_cardless_phone);
    ASSERT_EQ(state(), StateId::WithdrawalAmount) << notes_;
    touch("amount_0", Millis(2'000));
    ASSERT_EQ(state(), StateId::TakeCash) << notes_;
    ASSERT_TRUE(rig_->cash().take_notes().ok());
    pass(Millis(1'000));
    touch("receipt_no");
    pass(Millis(6'000));
    EXPECT_EQ(state(), StateId::Attract);
}

TEST_F(TransactionsE2eTest, SessionOptionsSetLargeTextAndContrastForTheWholeVisit) {
    ASSERT_TRUE(rig_->card_reader().insert(alice()).ok());
    pass(Millis(1'500));
    touch("large_text", Millis(200));
    touch("high_contrast", Millis(200));
    EXPECT_TRUE(last_screen_.accessibility.large_text);  // the options screen previews it at once
    touch("continue", Millis(500));
    type(alice().pin);
    ASSERT_EQ(state(), StateId::MainMenu);
    EXPECT_TRUE(last_screen_.accessibility.large_text);
    EXPECT_TRUE(last_screen_.accessibility.high_contrast);
    touch("cancel");
    leave();
    EXPECT_FALSE(last_screen_.accessibility.large_text) << "the next customer starts plain";
}

TEST_F(TransactionsE2eTest, StansAreNeverReusedAcrossARestart) {
    to_menu(alice());
    touch("balance", Millis(2'000));
    touch("cancel");
    leave();
    start_app();  // the kiosk process starts again over the same database
    to_menu(alice());
    touch("balance", Millis(2'000));
    touch("cancel");
    leave();
    const auto log = rig_->bank().bank().log();
    ASSERT_EQ(log.size(), 2U);
    EXPECT_LT(log[0].stan, log[1].stan) << "a restart must not begin again at STAN 1";
}

// The interactive states a card customer can reach before any money moves, each with the steps
// that lead there from the attract screen.
class EveryStateE2eTest;
struct Route {
    StateId state;
    std::function<void(EveryStateE2eTest&)> go;
};

class EveryStateE2eTest : public TransactionsE2eTest {
public:
    void menu() { to_menu(alice()); }
    void options() {
        ASSERT_TRUE(rig_->card_reader().insert(alice()).ok());
        pass(Millis(1'500));
    }
    void open(std::string_view action) { touch(action); }
    void digits(std::string_view pin) { type(pin); }
    // Lets virtual time run until the flow leaves its state (at most two minutes).
    void wait_for_a_change() {
        const StateId from = state();
        for (int step = 0; step < 1'200 && state() == from; ++step) pass(kTick);
    }

    std::vector<Route> routes() {
        return {
            {StateId::SessionOptions, [](auto& t) { t.options(); }},
            {StateId::PinEntry, [](auto& t) { t.options(); t.open("continue"); }},
            {StateId::MainMenu, [](auto& t) { t.menu(); }},
            {StateId::WithdrawalAmount, [](auto& t) { t.menu(); t.open("withdrawal"); }},
            {StateId::EnterAmount, [](auto& t) { t.menu(); t.open("withdrawal"); t.open("other_amount"); }},
            {StateId::ChooseFromAccount, [](auto& t) { t.menu(); t.open("transfer"); }},
            {StateId::ChooseToAccount, [](auto& t) { t.menu(); t.open("transfer"); t.open("account_0"); }},
            {StateId::EnterNewPin, [](auto& t) { t.menu(); t.open("change_pin"); }},
            {StateId::ConfirmNewPin, [](auto& t) { t.menu(); t.open("change_pin"); t.digits("482913"); }},
            {StateId::ShowBalance, [](auto& t) { t.menu(); t.open("balance"); }},
            {StateId::ShowStatement, [](auto& t) { t.menu(); t.open("mini_statement"); }},
            {StateId::ReceiptChoice, [](auto& t) { t.menu(); t.open("balance"); t.open("continue"); }},
            {StateId::AnotherTransaction,
             [](auto& t) { t.menu(); t.open("balance"); t.open("continue"); t.open("receipt_no"); }},
        };
    }
};

TEST_F(EveryStateE2eTest, CancelInEveryInteractiveStateReturnsTheCardAndMovesNoMoney) {
    const Money before = balance("CHK-1001");
    for (const Route& route : routes()) {
        SCOPED_TRACE(std::string(flow::to_string(route.state)));
        route.go(*this);
        ASSERT_EQ(state(), route.state) << notes_;
        if (route.state == StateId::PinEntry || route.state == StateId::EnterAmount ||
            route.state == StateId::EnterNewPin || route.state == StateId::ConfirmNewPin) {
            rig_->pin_pad().press_cancel();  // the pad's own cancel key during an entry
            pass(Millis(1'000));
        } else {
            touch("cancel");
        }
        ASSERT_EQ(state(), StateId::Closing) << notes_;
        leave();
    }
    EXPECT_EQ(balance("CHK-1001"), before);
    EXPECT_TRUE(rig_->card_reader().retained_card_ids().empty());
}

TEST_F(EveryStateE2eTest, TimeoutInEveryInteractiveStateAsksForMoreTimeThenRetainsACardNotTaken) {
    const Money before = balance("CHK-1001");
    std::size_t retained = 0;
    for (const Route& route : routes()) {
        SCOPED_TRACE(std::string(flow::to_string(route.state)));
        route.go(*this);
        ASSERT_EQ(state(), route.state) << notes_;
        wait_for_a_change();  // the state's own timer, whatever it is configured to
        if (route.state == StateId::AnotherTransaction) {
            ASSERT_EQ(state(), StateId::Closing) << "no \"more time?\" after a finished transaction";
        } else {
            ASSERT_EQ(state(), StateId::MoreTime) << notes_;
            wait_for_a_change();
            ASSERT_EQ(state(), StateId::Closing);
        }
        wait_for_a_change();  // the card is not taken
        ASSERT_EQ(state(), StateId::CardRetained);
        EXPECT_EQ(rig_->card_reader().retained_card_ids().size(), ++retained);
        pass(Millis(11'000));
        ASSERT_EQ(state(), StateId::Attract);
    }
    EXPECT_EQ(balance("CHK-1001"), before);
}

// Every answer the host can give a withdrawal other than "approved": the customer is told why in
// their words, the card comes back (or is retained after the last PIN try), no note moves and
// the balance stays.
TEST_F(TransactionsE2eTest, EveryHostDeclineOfAWithdrawalIsExplainedAndMovesNothing) {
    const Money before = balance("CHK-1001");
    const std::int64_t taken_before = rig_->cash().value_taken();
    for (int value = 0; value <= static_cast<int>(host::ResponseCode::SystemError); ++value) {
        const auto code = static_cast<host::ResponseCode>(value);
        if (code == host::ResponseCode::Approved) continue;
        SCOPED_TRACE(std::string(host::to_string(code)));
        to_menu(alice());
        touch("withdrawal");
        rig_->bank().bank().decline_next(code);
        touch("amount_0", Millis(2'000));
        if (code == host::ResponseCode::WrongPin) {
            ASSERT_EQ(state(), StateId::PinEntry);
            EXPECT_EQ(last_screen_.message_key, "pin.wrong");
            rig_->pin_pad().press_cancel();
            pass(Millis(1'000));
        } else if (code == host::ResponseCode::PinTriesExceeded) {
            ASSERT_EQ(state(), StateId::CardRetained);
            EXPECT_EQ(last_screen_.message_key, "pin.tries_exceeded");
            pass(Millis(11'000));
            continue;
        } else {
            EXPECT_EQ(last_screen_.screen, ui::ScreenId::TransactionFailed);
            EXPECT_EQ(last_screen_.message_key, "decline." + std::string(host::to_string(code)));
        }
        leave();
    }
    EXPECT_EQ(balance("CHK-1001"), before);
    EXPECT_EQ(rig_->cash().value_taken(), taken_before);
    EXPECT_EQ(rig_->card_reader().retained_card_ids().size(), 1U);  // only after the PIN tries ran out
}

TEST_F(TransactionsE2eTest, CancelAndTimeoutWhileTypingACardlessCodeEndWithNoCardAndNoMoney) {
    const Money before = balance("CHK-5001");
    touch("cardless");
    ASSERT_EQ(state(), StateId::CardlessCode);
    rig_->pin_pad().press_cancel();
    pass(Millis(1'000));
    EXPECT_EQ(state(), StateId::ThankYou);
    pass(Millis(6'000));
    touch("cardless");
    type("55102937");
    ASSERT_EQ(state(), StateId::CardlessPhone);
    pass(Millis(61'000));
    ASSERT_EQ(state(), StateId::MoreTime);
    pass(Millis(21'000));
    EXPECT_EQ(state(), StateId::ThankYou);
    pass(Millis(6'000));
    EXPECT_EQ(state(), StateId::Attract);
    EXPECT_EQ(balance("CHK-5001"), before);
}

}  // namespace
}  // namespace kiosk
