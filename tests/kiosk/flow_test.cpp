// The customer flow, driven event by event with no clock and no device.
#include "kiosk/flow/flow.hpp"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "tests/kiosk/flow_driver.hpp"

namespace kiosk::flow {
namespace {

using host::ResponseCode;
using E = EventKind;
using S = StateId;

TEST(FlowTest, StartsInAttractWithTheCardSlotOpen) {
    FlowDriver d;
    EXPECT_EQ(d.state(), S::Attract);
    EXPECT_TRUE(d.asked(EffectKind::AcceptCard));
    EXPECT_EQ(d.screen(), ui::ScreenId::Attract);
    EXPECT_TRUE(d.asked(EffectKind::CancelStateTimer));  // the attract loop waits forever
}

TEST(FlowTest, BalanceInquiryHappyPathVisitsTheFoundationScreensInOrder) {
    FlowDriver d;
    std::vector<ui::ScreenId> screens{*d.screen()};
    auto go = [&](const Event& e) {
        d.send(e);
        if (d.screen() && screens.back() != *d.screen()) screens.push_back(*d.screen());
    };
    for (const Event& e : {ev(E::CardInserted), ev(E::CardReadOk), ev(E::Continue), ev(E::PinDigit), ev(E::PinDigit), ev(E::PinDigit),
                           ev(E::PinDigit), ev(E::PinEnter), ev(E::ChooseBalance), approved(123456), ev(E::Continue),
                           ev(E::ReceiptYes), ev(E::PrintDone), ev(E::AnotherNo), ev(E::CardTaken), ev(E::Timeout)}) {
        go(e);
    }
    using ui::ScreenId;
    EXPECT_EQ(screens, (std::vector<ScreenId>{ScreenId::Attract, ScreenId::ReadingCard, ScreenId::SessionOptions,
                                              ScreenId::EnterPin, ScreenId::MainMenu, ScreenId::Processing,
                                              ScreenId::BalanceDisplay, ScreenId::ReceiptChoice, ScreenId::Printing,
                                              ScreenId::AnotherTransaction, ScreenId::TakeCard, ScreenId::ThankYou,
                                              ScreenId::Attract}));
    EXPECT_EQ(d.state(), S::Attract);
}

// Speech guidance from the headset jack stretches the customer's timers as the Speech toggle does,
// for the whole visit and the next one while the headphones stay in (docs/ui.md § Speech).
TEST(FlowTest, AHeadsetStretchesTheTimersLikeTheSpeechToggle) {
    const FlowConfig config;
    FlowDriver d;
    d.headset(true).send(E::CardInserted).send(E::CardReadOk);
    ASSERT_EQ(d.state(), S::SessionOptions);
    EXPECT_TRUE(d.context().speaking());
    EXPECT_FALSE(d.context().accessibility.speech) << "the customer's own toggle is left as it was";
    auto timer = d.effect<effects::StartStateTimer>();
    ASSERT_TRUE(timer.has_value());
    EXPECT_EQ(timer->duration, *config.timeout_for(S::SessionOptions, true));
    EXPECT_GT(timer->duration, *config.timeout_for(S::SessionOptions, false));
    d.headset(false).send(E::Continue);
    ASSERT_EQ(d.state(), S::PinEntry);
    timer = d.effect<effects::StartStateTimer>();
    ASSERT_TRUE(timer.has_value());
    EXPECT_EQ(timer->duration, *config.timeout_for(S::PinEntry, false));
}

TEST(FlowTest, HostAnswerIsRecordedAndBalanceKept) {
    FlowDriver d;
    to_menu(d).send(E::ChooseBalance);
    EXPECT_TRUE(d.asked(EffectKind::RequestAuthorization));
    d.send(approved(5000));
    EXPECT_TRUE(d.asked(EffectKind::RecordTransaction));
    ASSERT_TRUE(d.context().balance.has_value());
    EXPECT_EQ(d.context().balance->minor_units, 5000);
}

TEST(FlowTest, PinKeysCountDigitsAndClearResets) {
    FlowDriver d;
    d.send(E::CardInserted).send(E::CardReadOk).send(E::Continue).send(E::PinDigit).send(E::PinDigit);
    EXPECT_EQ(d.context().pin_digits, 2);
    EXPECT_TRUE(d.asked(EffectKind::StartStateTimer));  // activity restarts the inactivity timer
    EXPECT_FALSE(d.asked(EffectKind::BeginKeyEntry));   // internal: PIN entry is not restarted
    d.send(E::PinClear);
    EXPECT_EQ(d.context().pin_digits, 0);
}

TEST(FlowTest, WrongPinReturnsToPinEntryAndRetriesTheSameTransaction) {
    FlowDriver d;
    to_menu(d).send(E::ChooseBalance).send(declined(ResponseCode::WrongPin));
    EXPECT_EQ(d.state(), S::PinEntry);
    EXPECT_EQ(d.context().pin_tries_left, 2);
    EXPECT_EQ(d.context().reason, CloseReason::PinWrong);
    d.send(E::PinDigit).send(E::PinEnter);
    EXPECT_EQ(d.state(), S::Authorizing);  // no second trip through the menu
}

TEST(FlowTest, ThreeWrongPinsRetainTheCard) {
    FlowDriver d;
    to_menu(d).send(E::ChooseBalance);
    for (int attempt = 1; attempt <= 3; ++attempt) {
        d.send(declined(ResponseCode::WrongPin));
        if (attempt < 3) d.send(E::PinEnter);
    }
    EXPECT_EQ(d.state(), S::CardRetained);
    EXPECT_TRUE(d.asked(EffectKind::RetainCard));
    EXPECT_TRUE(d.asked(EffectKind::EndSession));
    EXPECT_FALSE(d.context().card_in_machine);
    EXPECT_EQ(d.context().reason, CloseReason::PinTriesExceeded);
}

TEST(FlowTest, TheConfiguredNumberOfWrongPinsRetainsTheCard) {
    FlowConfig config;
    config.max_pin_tries = 2;
    FlowDriver d(nullptr, config);
    to_menu(d).send(E::ChooseBalance);
    EXPECT_EQ(d.context().pin_tries_left, 2);
    d.send(declined(ResponseCode::WrongPin));
    EXPECT_EQ(d.state(), S::PinEntry);
    d.send(E::PinEnter).send(declined(ResponseCode::WrongPin));
    EXPECT_EQ(d.state(), S::CardRetained) << "flow.max_pin_tries = 2 keeps the card after the second wrong PIN";
}

TEST(FlowTest, CancelWhileAuthorizingAWithdrawalClosesAndReverses) {
    FlowDriver d;
    to_menu(d).send(E::ChooseWithdrawal).send(amount(100'00));
    ASSERT_EQ(d.state(), S::Authorizing);
    d.send(E::Cancel);
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_TRUE(d.asked(EffectKind::ReverseTransaction)) << "the request may have reached the bank";
    EXPECT_EQ(d.context().reason, CloseReason::Cancelled);
}

TEST(FlowTest, CancelWhileAuthorizingABalanceClosesWithNothingToReverse) {
    FlowDriver d;
    to_menu(d).send(E::ChooseBalance);
    ASSERT_EQ(d.state(), S::Authorizing);
    d.send(E::Cancel);
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_FALSE(d.asked(EffectKind::ReverseTransaction));
}

TEST(FlowTest, OtherDeclineReturnsTheCardWithTheReason) {
    FlowDriver d;
    to_menu(d).send(E::ChooseBalance).send(declined(ResponseCode::ExpiredCard));
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
    EXPECT_EQ(d.context().reason, Reason::declined(ResponseCode::ExpiredCard));
    EXPECT_EQ(d.screen(), ui::ScreenId::TransactionFailed);
}

TEST(FlowTest, TimeoutAsksForMoreTimeAndYesResumesWhereTheCustomerWas) {
    FlowDriver d;
    to_menu(d).send(E::Timeout);
    EXPECT_EQ(d.state(), S::MoreTime);
    d.send(E::MoreTimeYes);
    EXPECT_EQ(d.state(), S::MainMenu);
}

TEST(FlowTest, NoAnswerToMoreTimeReturnsTheCardAndRetainsItIfNotTaken) {
    FlowDriver d;
    to_menu(d).send(E::Timeout).send(E::Timeout);
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
    d.send(E::Timeout);
    EXPECT_EQ(d.state(), S::CardRetained);
    EXPECT_TRUE(d.asked(EffectKind::RetainCard));
    EXPECT_EQ(d.context().reason, CloseReason::CardNotTaken);
}

TEST(FlowTest, EventsWithoutARowAreIgnored) {
    FlowDriver d;
    d.send(E::CardTaken);
    EXPECT_FALSE(d.last_taken());
    EXPECT_EQ(d.state(), S::Attract);
    to_menu(d).send(E::ChooseBalance).send(E::PinDigit);  // a stray key while the host decides
    EXPECT_FALSE(d.last_taken());
    EXPECT_EQ(d.state(), S::Authorizing);
}

TEST(FlowTest, LanguageChosenOnAttractIsKeptForTheSessionAndResetAfter) {
    FlowDriver d;
    d.send(language(ui::Language::SimplifiedChinese));
    EXPECT_EQ(d.context().language, ui::Language::SimplifiedChinese);
    to_menu(d);
    EXPECT_EQ(d.context().language, ui::Language::SimplifiedChinese);
    d.send(E::Cancel).send(E::CardTaken).send(E::Timeout);
    EXPECT_EQ(d.state(), S::Attract);
    EXPECT_EQ(d.context().language, ui::Language::English);
}

TEST(FlowTest, EveryInteractiveStateHasCancelAndTimeoutRows) {
    for (S state : {S::SessionOptions, S::PinEntry, S::MainMenu, S::ShowBalance, S::ShowStatement, S::ReceiptChoice,
                    S::MoreTime, S::WithdrawalAmount, S::EnterAmount, S::ChooseFromAccount, S::ChooseToAccount,
                    S::EnterNewPin, S::ConfirmNewPin, S::TransactionDone, S::CardlessCode, S::CardlessPhone,
                    S::ShowReceiptQr, S::AnotherTransaction}) {
        const auto rows = transition_table();
        auto has = [&](E kind) {
            return std::any_of(rows.begin(), rows.end(), [&](const TransitionRow& r) { return r.from == state && r.on == kind; });
        };
        EXPECT_TRUE(has(E::Cancel)) << to_string(state);
        EXPECT_TRUE(has(E::Timeout)) << to_string(state);
    }
}

TEST(FlowTest, OutOfServiceClosesTheCardSlotAndShowsTheReason) {
    FlowDriver d;
    d.send(out_of_service(OutOfServiceReason::HostUnreachable));
    EXPECT_EQ(d.state(), S::OutOfService);
    EXPECT_TRUE(d.asked(EffectKind::RefuseCards));
    EXPECT_EQ(d.screen(), ui::ScreenId::OutOfService);
    EXPECT_EQ(d.context().reason, OutOfServiceReason::HostUnreachable);
    d.send(out_of_service(OutOfServiceReason::Tamper));  // the reason changed while out of service
    EXPECT_EQ(d.state(), S::OutOfService);
    EXPECT_EQ(d.context().reason, OutOfServiceReason::Tamper);
    d.send(E::DevicesRestored);
    EXPECT_EQ(d.state(), S::Attract);
    EXPECT_TRUE(d.asked(EffectKind::AcceptCard));
    EXPECT_FALSE(d.context().reason.has_value());
}

TEST(FlowTest, WithNoPrinterAndNoEReceiptsTheBalanceGoesOnWithoutAReceiptQuestion) {
    FlowDriver d(nullptr, no_e_receipts());
    d.printer_down();
    to_menu(d).send(E::ChooseBalance).send(approved(1));
    d.send(E::Continue);
    EXPECT_EQ(d.state(), S::AnotherTransaction);  // the card is still in
    d.send(E::AnotherNo);
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
}

TEST(FlowTest, WithNoPrinterAndNoEReceiptsCashTakenSkipsTheReceiptInBothOrders) {
    FlowDriver card_first(nullptr, no_e_receipts());
    card_first.printer_down();
    to_menu(card_first).send(E::ChooseWithdrawal).send(amount(50000)).send(approved(1)).send(E::CardTaken);
    card_first.send(E::CashPresented).send(E::CashTaken);
    EXPECT_EQ(card_first.state(), S::ThankYou);  // the card is already out: Closing passes straight through
    EXPECT_TRUE(card_first.asked(EffectKind::SettleWithdrawal));

    FlowDriver cash_first_driver(nullptr, no_e_receipts(cash_first()));
    cash_first_driver.printer_down();
    to_menu(cash_first_driver).send(E::ChooseWithdrawal).send(amount(50000)).send(approved(1));
    cash_first_driver.send(E::CashPresented).send(E::CashTaken);
    EXPECT_EQ(cash_first_driver.state(), S::AnotherTransaction);
}

TEST(FlowTest, WithThePrinterDownAReceiptIsOfferedAsAQrCode) {
    FlowDriver d;
    d.printer_down();
    to_menu(d).send(E::ChooseBalance).send(approved(1)).send(E::Continue);
    ASSERT_EQ(d.state(), S::ReceiptChoice);
    d.send(E::ReceiptYes);
    EXPECT_EQ(d.state(), S::ShowReceiptQr);
    EXPECT_EQ(d.screen(), ui::ScreenId::ReceiptQr);
    const auto issued = d.effect<effects::IssueEReceipt>();
    ASSERT_TRUE(issued.has_value());
    EXPECT_EQ(issued->transaction, host::TransactionType::BalanceInquiry);
    EXPECT_FALSE(d.asked(EffectKind::PrintReceipt));
    d.send(E::Continue);
    EXPECT_EQ(d.state(), S::AnotherTransaction);
}


// Every row of the table must be taken by some path; a row no path reaches is dead or untested.
// The same path with "Report a problem" touched wherever it cancels: the report rows mirror the
// Cancel rows, so every path that takes a Cancel row takes its report row this way.
void send_reporting(FlowDriver& d, std::initializer_list<Event> events) {
    for (const Event& e : events) d.send(kind_of(e) == E::Cancel ? ev(E::ReportProblem) : e);
}

TEST(FlowTest, EveryTransitionRowIsTakenBySomePath) {
    std::set<std::size_t> covered;
    auto path = [&](std::initializer_list<Event> events) {
        FlowDriver reporting(&covered);
        send_reporting(reporting, events);
        FlowDriver d(&covered);
        for (const Event& e : events) d.send(e);
        return d;
    };
    const Event card = ev(E::CardInserted), ok = ev(E::CardReadOk), go_on = ev(E::Continue), digit = ev(E::PinDigit),
                enter = ev(E::PinEnter);
    path({language(ui::Language::SimplifiedChinese), out_of_service(OutOfServiceReason::Devices), ev(E::DevicesRestored)});
    path({out_of_service(OutOfServiceReason::Devices), out_of_service(OutOfServiceReason::Tamper)});
    // kioskctl selftest: from Attract or out of service; back when fit, out for the round's reason if not.
    const Event test = ev(E::SelfTestStarted);
    path({test, events::SelfTestFinished(std::nullopt)});
    path({out_of_service(OutOfServiceReason::Devices), test, events::SelfTestFinished(OutOfServiceReason::Tamper)});
    // The service mode (flow_service_test.cpp tells the story; these take each of its rows).
    {
        const Event sr = ev(E::ServiceRequested), id = ev(E::TechnicianIdEntered), pin = ev(E::TechnicianPinEntered);
        const Event tech = events::TechnicianSignedIn(ServiceRole::Technician);
        const Event fit = events::ServiceFitnessChecked(true), unfit = events::ServiceFitnessChecked(false);
        path({card, sr});
        path({out_of_service(OutOfServiceReason::Devices), sr, typed(1), id, pin,
              events::TechnicianRefused(SignInRefusal::WrongIdOrPin), ev(E::Timeout), unfit});
        path({sr, ev(E::Cancel), fit});
        path({sr, ev(E::LeaveService), fit});
        path({sr, id, pin, tech, events::ServicePageChosen(ServicePage::Cash),
              events::ServiceActionChosen(ServiceAction::RotateKeys),
              events::ServiceActionChosen(ServiceAction::PrintTestReceipt),
              events::ServiceActionDone(ServiceAction::PrintTestReceipt, ServiceOutcome::Passed),
              events::ServiceActionChosen(ServiceAction::ReplenishCash), typed(2), events::ServiceCountEntered(true),
              events::ServiceCountEntered(false), events::ServiceActionChosen(ServiceAction::ReplenishCash),
              ev(E::Cancel), events::ServiceActionChosen(ServiceAction::ReplenishCash), ev(E::Timeout),
              events::ServiceActionChosen(ServiceAction::ReplenishCash), ev(E::LeaveService), unfit,
              ev(E::LeaveService), fit});
    }
    // The customer gives up while the bank decides.
    path({card, ok, go_on, enter, ev(E::ChooseBalance), ev(E::Cancel)});
    path({card, ok, go_on, enter, ev(E::ChooseWithdrawal), amount(50000), ev(E::Cancel)});
    // Degraded: no printer, so no receipt question.
    auto no_printer_path = [&](std::initializer_list<Event> events, FlowConfig config = no_e_receipts()) {
        FlowDriver reporting(&covered, config);
        reporting.printer_down();
        send_reporting(reporting, events);
        FlowDriver d(&covered, std::move(config));
        d.printer_down();
        for (const Event& e : events) d.send(e);
        return d;
    };
    no_printer_path({ev(E::CardInserted), ev(E::CardReadOk), ev(E::Continue), ev(E::PinEnter), ev(E::ChooseBalance), approved(1),
                     ev(E::Continue)});
    no_printer_path({ev(E::CardInserted), ev(E::CardReadOk), ev(E::Continue), ev(E::PinEnter), ev(E::ChooseWithdrawal), amount(50000),
                     approved(1), ev(E::CardTaken), ev(E::CashPresented), ev(E::CashTaken)});
    no_printer_path({ev(E::CardInserted), ev(E::CardReadOk), ev(E::Continue), ev(E::PinEnter), ev(E::ChooseWithdrawal), amount(50000),
                     approved(1), ev(E::CashPresented), ev(E::CashTaken)},
                    no_e_receipts(cash_first()));
    path({card, ev(E::CardReadFailed), ev(E::CardTaken), ev(E::Timeout)});
    path({card, ev(E::Timeout), ev(E::CardEjectFailed), ev(E::Timeout)});
    path({card, ok, go_on, digit, ev(E::PinBackspace), ev(E::PinClear), ev(E::Cancel)});
    path({card, ok, go_on, ev(E::Timeout), ev(E::MoreTimeYes), ev(E::Timeout), ev(E::MoreTimeNo)});
    path({card, ok, go_on, enter, ev(E::Cancel)});
    path({card, ok, go_on, ev(E::Timeout), ev(E::Timeout), ev(E::Timeout), ev(E::Timeout)});  // walked away
    path({card, ok, go_on, enter, ev(E::Timeout), ev(E::MoreTimeYes), ev(E::Timeout), ev(E::Cancel)});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), ev(E::Cancel)});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), ev(E::Timeout), ev(E::MoreTimeYes), ev(E::Continue),
          ev(E::Timeout), ev(E::MoreTimeYes), ev(E::ReceiptNo)});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), ev(E::Continue), ev(E::Cancel)});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), ev(E::Continue), ev(E::ReceiptYes), ev(E::PrintDone)});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), ev(E::Continue), ev(E::ReceiptYes), ev(E::PrintFailed)});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), ev(E::Continue), ev(E::ReceiptYes), ev(E::Timeout)});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), declined(ResponseCode::WrongPin), enter,
          declined(ResponseCode::WrongPin), enter, declined(ResponseCode::WrongPin), ev(E::Timeout)});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), declined(ResponseCode::InsufficientFunds)});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), ev(E::HostUnavailable)});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), ev(E::Timeout)});
    // Withdrawal, card first (the default order).
    const Event withdraw = ev(E::ChooseWithdrawal);
    path({card, ok, go_on, enter, withdraw, not_payable(AmountRefusal::NotMultiple), amount(50000), approved(1),
          ev(E::CardTaken), ev(E::CashPresented), ev(E::CashTaken), ev(E::ReceiptNo)});
    path({card, ok, go_on, enter, withdraw, ev(E::Cancel)});
    path({card, ok, go_on, enter, withdraw, ev(E::Timeout), ev(E::MoreTimeYes), amount(50000), ev(E::HostUnavailable)});
    path({card, ok, go_on, enter, withdraw, amount(50000), ev(E::Timeout)});
    path({card, ok, go_on, enter, withdraw, amount(50000), approved(1), ev(E::Timeout), ev(E::Timeout)});
    path({card, ok, go_on, enter, withdraw, amount(50000), approved(1), ev(E::CardEjectFailed)});
    path({card, ok, go_on, enter, withdraw, amount(50000), approved(1), ev(E::CardTaken), ev(E::DispenseFailed)});
    path({card, ok, go_on, enter, withdraw, amount(50000), approved(1), ev(E::CardTaken), ev(E::Timeout)});
    path({card, ok, go_on, enter, withdraw, amount(50000), approved(1), ev(E::CardTaken), ev(E::CashPresented),
          ev(E::Timeout)});
    // Cash first: "another transaction?" while the card is still in.
    auto cash_first_path = [&](std::initializer_list<Event> events) {
        FlowDriver d(&covered, cash_first());
        for (const Event& e : events) d.send(e);
        return d;
    };
    const std::initializer_list<Event> taken{card, ok, go_on, enter, withdraw, amount(50000), approved(1),
                                             ev(E::CashPresented), ev(E::CashTaken)};
    auto then = [&](std::initializer_list<Event> more) {
        std::vector<Event> events(taken);
        events.insert(events.end(), more);
        FlowDriver d(&covered, cash_first());
        for (const Event& e : events) d.send(e);
        return d;
    };
    cash_first_path(taken);
    // The survey after the card is taken (the gate said yes), and after a card-first withdrawal.
    auto survey_path = [&](std::initializer_list<Event> more, std::optional<SurveyOffer> offer = SurveyOffer{false}) {
        std::vector<Event> events{card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), go_on, ev(E::ReceiptNo),
                                  ev(E::AnotherNo), ev(E::CardTaken)};
        events.insert(events.end(), more);
        FlowDriver d(&covered);
        d.offer_survey(offer);
        for (const Event& e : events) d.send(e);
        return d;
    };
    survey_path({csat(4)});
    survey_path({csat(5), nps(9)}, SurveyOffer{true});
    survey_path({csat(1), reason(SurveyReason::Cash), reason(SurveyReason::Cash), ev(E::SurveyDone)});
    survey_path({csat(2), ev(E::SurveyDone), nps(0)}, SurveyOffer{true});
    survey_path({ev(E::SurveySkip)});
    survey_path({ev(E::Cancel)});
    survey_path({ev(E::Timeout)});
    survey_path({csat(1), ev(E::SurveySkip)});
    survey_path({csat(1), ev(E::Cancel)});
    survey_path({csat(1), ev(E::Timeout)});
    survey_path({csat(3), ev(E::SurveySkip)}, SurveyOffer{true});
    survey_path({csat(3), ev(E::Cancel)}, SurveyOffer{true});
    survey_path({csat(3), ev(E::Timeout)}, SurveyOffer{true});
    // "Report a problem" from each survey screen: the survey ends, the complaint screens open.
    survey_path({ev(E::ReportProblem)});
    survey_path({csat(1), ev(E::ReportProblem)});
    survey_path({csat(3), ev(E::ReportProblem)}, SurveyOffer{true});
    then({ev(E::ReceiptNo), ev(E::AnotherYes)});
    then({ev(E::ReceiptNo), ev(E::AnotherNo)});
    then({ev(E::ReceiptNo), ev(E::Cancel)});
    then({ev(E::ReceiptNo), ev(E::Timeout)});
    then({ev(E::ReceiptYes), ev(E::PrintDone)});

    // Session options before the PIN.
    const Event more = ev(E::MoreTimeYes), timeout = ev(E::Timeout), cancel = ev(E::Cancel);
    path({card, ok, language(ui::Language::SimplifiedChinese), option(SessionOption::LargeText),
          option(SessionOption::Speech), option(SessionOption::HighContrast), timeout, more, go_on, cancel});
    path({card, ok, cancel});
    // Other amount: typed, refused, typed again; cancel and timeout while typing.
    const Event other = ev(E::ChooseOtherAmount);
    path({card, ok, go_on, enter, withdraw, other, typed(1), not_payable(AmountRefusal::NotMultiple), typed(3),
          amount(30000), approved(1)});
    path({card, ok, go_on, enter, withdraw, other, timeout, more, cancel});
    // Mini statement: on screen, then receipt / another / cancel / timeout.
    const Event statement = ev(E::ChooseMiniStatement);
    path({card, ok, go_on, enter, statement, approved(1), go_on, ev(E::ReceiptNo), ev(E::AnotherNo)});
    path({card, ok, go_on, enter, statement, approved(1), timeout, more, cancel});
    no_printer_path({card, ok, go_on, enter, statement, approved(1), go_on});
    // With "another transaction?" switched off, no receipt means the card comes straight back.
    FlowConfig no_another = no_e_receipts();
    no_another.offer_another_transaction = false;
    no_printer_path({card, ok, go_on, enter, statement, approved(1), go_on}, no_another);
    no_printer_path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), go_on}, no_another);
    no_printer_path({card, ok, go_on, enter, ev(E::ChooseChangePin), enter, enter, approved(1), go_on}, no_another);
    // Transfer: from, to, amount; each step can time out and be cancelled.
    const Event transfer = ev(E::ChooseTransfer);
    const Event savings = account(host::AccountType::Savings), checking = account(host::AccountType::Checking);
    path({card, ok, go_on, enter, transfer, timeout, more, savings, timeout, more, checking, typed(3), amount(30000),
          approved(1), go_on, ev(E::ReceiptYes), ev(E::PrintDone)});
    path({card, ok, go_on, enter, transfer, cancel});
    path({card, ok, go_on, enter, transfer, savings, cancel});
    path({card, ok, go_on, enter, transfer, savings, checking, cancel});
    path({card, ok, go_on, enter, transfer, savings, checking, amount(100), ev(E::HostUnavailable)});
    path({card, ok, go_on, enter, transfer, savings, checking, amount(100), approved(1), timeout, more, cancel});
    no_printer_path({card, ok, go_on, enter, transfer, savings, checking, amount(100), approved(1), go_on});
    // PIN change: new PIN, mismatch, again, confirmed.
    const Event change = ev(E::ChooseChangePin);
    path({card, ok, go_on, enter, change, digit, ev(E::PinBackspace), ev(E::PinClear), digit, enter, digit,
          ev(E::PinBackspace), ev(E::PinClear), ev(E::PinMismatch), timeout, more, enter, timeout, more, enter,
          enter, approved(1), go_on});
    path({card, ok, go_on, enter, change, cancel});
    path({card, ok, go_on, enter, change, enter, cancel});
    // Cardless: code, phone, amount, cash; cancel and timeout while typing.
    const Event cardless = ev(E::ChooseCardless);
    path({cardless, typed(1), timeout, more, ev(E::CodeEntered), typed(1), timeout, more, ev(E::PhoneEntered),
          amount(50000), approved(1), ev(E::CashPresented), ev(E::CashTaken), ev(E::ReceiptNo)});
    path({cardless, cancel});
    path({cardless, ev(E::CodeEntered), cancel});
    // E-receipt: printer down, receipt as a QR code; continue with the card in or out, cancel, timeout.
    auto qr_path = [&](std::initializer_list<Event> events) {
        FlowDriver reporting(&covered);
        reporting.printer_down();
        send_reporting(reporting, events);
        FlowDriver d(&covered);
        d.printer_down();
        for (const Event& e : events) d.send(e);
        return d;
    };
    qr_path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), go_on, ev(E::ReceiptYes), go_on});
    qr_path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), go_on, ev(E::ReceiptYes), cancel});
    qr_path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), go_on, ev(E::ReceiptYes), timeout});
    qr_path({card, ok, go_on, enter, withdraw, amount(50000), approved(1), ev(E::CardTaken), ev(E::CashPresented),
             ev(E::CashTaken), ev(E::ReceiptYes), go_on});
    path({card, ok, go_on, enter, withdraw, amount(50000), approved(1), ev(E::CardTaken), ev(E::CashPresented),
          ev(E::CashTaken), ev(E::ReceiptYes), ev(E::PrintDone)});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), go_on, ev(E::ReceiptNo), ev(E::AnotherNo)});

    // Complaints: from the welcome screen, after a failed dispense (offer), a kept card, a report
    // asked while the card goes back; each complaint screen's ways out.
    const Event report = ev(E::ReportProblem), send = ev(E::SendComplaint);
    const Event cash = events::ComplaintCategoryChosen(ComplaintCategory::CashNotDispensed);
    path({report, cash, send, go_on});
    path({report, cash, send, timeout});
    path({report, cash, report, cancel});
    path({report, cash, timeout});
    path({report, cash, cancel});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), go_on, ev(E::ReceiptNo), report});
    path({report, cancel});
    path({report, timeout});
    path({card, ok, go_on, enter, withdraw, amount(50000), approved(1), ev(E::CardTaken), ev(E::DispenseFailed), report,
          cash, send});
    path({card, ok, go_on, enter, withdraw, amount(50000), approved(1), ev(E::CardTaken), ev(E::DispenseFailed), cancel});
    path({card, ok, go_on, enter, withdraw, amount(50000), approved(1), ev(E::CardTaken), ev(E::DispenseFailed), timeout});
    path({card, ok, go_on, enter, ev(E::ChooseBalance), approved(1), go_on, ev(E::ReceiptYes), ev(E::PrintFailed),
          ev(E::CardTaken), report});
    path({card, ok, go_on, enter, ev(E::Cancel), report, ev(E::CardTaken), cancel});
    path({card, ok, go_on, ev(E::Timeout), ev(E::Timeout), ev(E::Timeout), report, cancel});  // card kept

    std::vector<std::string> missing;
    const auto rows = transition_table();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!covered.contains(i)) {
            missing.push_back(std::string(to_string(rows[i].from)) + " --" + std::string(to_string(rows[i].on)) +
                              "[" + std::string(rows[i].guard_name) + "]--> " + std::string(to_string(rows[i].to)));
        }
    }
    EXPECT_TRUE(missing.empty()) << "rows never taken: " << ::testing::PrintToString(missing);
}

// --- withdrawal ------------------------------------------------------------------------------

FlowDriver to_amount_screen(FlowConfig config = {}) {
    FlowDriver d(nullptr, std::move(config));
    d.send(E::CardInserted).send(E::CardReadOk).send(E::Continue).send(E::PinEnter).send(E::ChooseWithdrawal);
    return d;
}

TEST(FlowTest, WithdrawalCardFirstReturnsTheCardThenDispensesThenSettles) {
    FlowDriver d = to_amount_screen();
    ASSERT_EQ(d.state(), S::WithdrawalAmount);
    d.send(amount(50000));
    ASSERT_EQ(d.state(), S::Authorizing);
    const auto request = d.effect<effects::RequestAuthorization>();
    ASSERT_TRUE(request.has_value());
    EXPECT_EQ(request->transaction, host::TransactionType::Withdrawal);
    EXPECT_EQ(request->amount, (Money{50000, "CNY", 2}));

    d.send(approved(100));
    EXPECT_EQ(d.state(), S::ReturningCard);
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
    EXPECT_FALSE(d.asked(EffectKind::DispenseCash));  // no cash before the card is taken

    d.send(E::CardTaken);
    EXPECT_EQ(d.state(), S::Dispensing);
    const auto dispense = d.effect<effects::DispenseCash>();
    ASSERT_TRUE(dispense.has_value());
    EXPECT_EQ(dispense->amount, (Money{50000, "CNY", 2}));

    d.send(E::Cancel);  // no cancel while notes move
    EXPECT_FALSE(d.last_taken());
    d.send(E::CashPresented).send(E::CashTaken);
    EXPECT_TRUE(d.asked(EffectKind::SettleWithdrawal));
    EXPECT_FALSE(d.asked(EffectKind::ReverseTransaction));
    EXPECT_EQ(d.state(), S::ReceiptChoice);

    d.send(E::ReceiptNo);  // card already out: no "another transaction", straight to goodbye
    EXPECT_EQ(d.state(), S::ThankYou);
    EXPECT_FALSE(d.asked(EffectKind::EjectCard));
    EXPECT_TRUE(d.asked(EffectKind::EndSession));
}

TEST(FlowTest, WithdrawalCashFirstOffersAnotherTransactionWithoutReReadingTheCard) {
    FlowDriver d = to_amount_screen(cash_first());
    d.send(amount(20000)).send(approved(1));
    EXPECT_EQ(d.state(), S::Dispensing);
    EXPECT_FALSE(d.asked(EffectKind::EjectCard));
    d.send(E::CashPresented).send(E::CashTaken).send(E::ReceiptNo);
    ASSERT_EQ(d.state(), S::AnotherTransaction);
    d.send(E::AnotherYes);
    EXPECT_EQ(d.state(), S::MainMenu);
    EXPECT_FALSE(d.asked(EffectKind::ReadCard));
    EXPECT_TRUE(d.context().card_in_machine);
    EXPECT_FALSE(d.context().pending_transaction.has_value());
    d.send(E::ChooseBalance);
    EXPECT_EQ(d.state(), S::Authorizing);
    d.send(approved(5));
    EXPECT_EQ(d.state(), S::ShowBalance);
}

TEST(FlowTest, AmountNotPayableStaysWithTheMixersReason) {
    FlowDriver d = to_amount_screen();
    d.send(not_payable(AmountRefusal::NotMultiple));
    EXPECT_EQ(d.state(), S::WithdrawalAmount);
    EXPECT_EQ(d.context().reason, AmountRefusal::NotMultiple);
    EXPECT_FALSE(d.asked(EffectKind::RequestAuthorization));
}

TEST(FlowTest, CashNotTakenIsRetractedThenReversed) {
    FlowDriver d = to_amount_screen();
    d.send(amount(50000)).send(approved(1)).send(E::CardTaken).send(E::CashPresented).send(E::Timeout);
    const std::vector<EffectKind> kinds = d.kinds();
    const auto retract = std::find(kinds.begin(), kinds.end(), EffectKind::RetractCash);
    const auto reverse = std::find(kinds.begin(), kinds.end(), EffectKind::ReverseTransaction);
    ASSERT_NE(retract, kinds.end());
    ASSERT_NE(reverse, kinds.end());
    EXPECT_LT(retract, reverse);
    EXPECT_EQ(d.effect<effects::ReverseTransaction>()->reason, host::ReversalReason::CashNotTaken);
    EXPECT_EQ(d.effect<effects::ReverseTransaction>()->amount, (Money{50000, "CNY", 2}));
    EXPECT_EQ(d.effect<effects::ReverseTransaction>()->dispensed, (Money{0, "CNY", 2}));
    EXPECT_EQ(d.state(), S::ThankYou);  // the card went back before the cash
    EXPECT_EQ(d.screen(), ui::ScreenId::TransactionFailed);
    EXPECT_EQ(d.context().reason, CloseReason::CashNotTaken);
}

TEST(FlowTest, FailedDispenseReversesAsDeviceMalfunctionAndReturnsTheCardWhenStillIn) {
    FlowDriver d = to_amount_screen(cash_first());
    d.send(amount(50000)).send(approved(1)).send(E::DispenseFailed);
    EXPECT_EQ(d.effect<effects::ReverseTransaction>()->reason, host::ReversalReason::DeviceMalfunction);
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
    EXPECT_EQ(d.screen(), ui::ScreenId::TransactionFailed);
}

TEST(FlowTest, CardNotTakenBeforeCashIsRetainedAndReversedWithNoDispense) {
    FlowDriver d = to_amount_screen();
    d.send(amount(50000)).send(approved(1)).send(E::Timeout);
    EXPECT_EQ(d.state(), S::CardRetained);
    EXPECT_TRUE(d.asked(EffectKind::RetainCard));
    EXPECT_TRUE(d.asked(EffectKind::ReverseTransaction));
    EXPECT_FALSE(d.asked(EffectKind::DispenseCash));
}

TEST(FlowTest, HostSilenceOnAWithdrawalReversesButOnAnInquiryDoesNot) {
    FlowDriver w = to_amount_screen();
    w.send(amount(50000)).send(E::HostUnavailable);
    ASSERT_TRUE(w.asked(EffectKind::ReverseTransaction));
    EXPECT_EQ(w.effect<effects::ReverseTransaction>()->reason, host::ReversalReason::HostTimeout);
    EXPECT_EQ(w.state(), S::Closing);
    EXPECT_TRUE(w.asked(EffectKind::EjectCard));

    FlowDriver b;
    b.send(E::CardInserted).send(E::CardReadOk).send(E::Continue).send(E::PinEnter).send(E::ChooseBalance).send(E::HostUnavailable);
    EXPECT_FALSE(b.asked(EffectKind::ReverseTransaction));
}

TEST(FlowTest, DeclinedWithdrawalMovesNoCashAndReversesNothing) {
    FlowDriver d = to_amount_screen();
    d.send(amount(50000)).send(declined(ResponseCode::InsufficientFunds));
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_FALSE(d.asked(EffectKind::ReverseTransaction));
    EXPECT_FALSE(d.asked(EffectKind::DispenseCash));
    EXPECT_EQ(d.context().reason, Reason::declined(ResponseCode::InsufficientFunds));
}

// The effects that once were added outside the table by event kind are columns of its rows: every
// host answer is recorded, every cash taken settles the bracket, and no other row does either.
TEST(FlowTest, HostAnswersRecordAndCashTakenSettlesInTheRowsThemselves) {
    for (const TransitionRow& row : transition_table()) {
        const bool host_answer = row.on == E::HostApproved || row.on == E::HostDeclined;
        EXPECT_EQ(row.record, host_answer) << to_string(row.from) << " --" << to_string(row.on) << "-->";
        EXPECT_EQ(row.settle, row.on == E::CashTaken) << to_string(row.from) << " --" << to_string(row.on) << "-->";
    }
    FlowDriver d = to_amount_screen();
    d.send(amount(50000)).send(declined(ResponseCode::InsufficientFunds));
    const auto record = d.effect<effects::RecordTransaction>();
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->transaction, host::TransactionType::Withdrawal);
    EXPECT_EQ(record->response, ResponseCode::InsufficientFunds);
    EXPECT_EQ(d.kinds().front(), EffectKind::RecordTransaction);  // before the close state's effects
}

// The close screens say why from the typed reason: a failed transaction, an unreadable card, or
// just "take your card".
TEST(FlowTest, CloseScreensFollowTheReason) {
    for (const CloseReason reason : all_close_reasons()) {
        Context closing;
        closing.state = S::Closing;
        closing.reason = reason == CloseReason::Declined ? Reason::declined(ResponseCode::DoNotHonour) : Reason(reason);
        Context thank_you = closing;
        thank_you.state = S::ThankYou;
        const bool failed = reason == CloseReason::Declined || reason == CloseReason::HostUnavailable ||
                            reason == CloseReason::DispenseFailed || reason == CloseReason::CashNotTaken;
        const ui::ScreenId close_screen = reason == CloseReason::CardUnreadable ? ui::ScreenId::CardUnreadable
                                          : failed                            ? ui::ScreenId::TransactionFailed
                                                                              : ui::ScreenId::TakeCard;
        EXPECT_EQ(screen_for(closing), close_screen) << *closing.reason;
        EXPECT_EQ(screen_for(thank_you), failed ? ui::ScreenId::TransactionFailed : ui::ScreenId::ThankYou)
            << *closing.reason;
    }
    Context happy;
    happy.state = S::Closing;
    EXPECT_EQ(screen_for(happy), ui::ScreenId::TakeCard);
    happy.state = S::ThankYou;
    EXPECT_EQ(screen_for(happy), ui::ScreenId::ThankYou);
}

}  // namespace
}  // namespace kiosk::flow
