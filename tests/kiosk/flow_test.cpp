// The customer flow, driven event by event with no clock and no device.
#include "kiosk/flow/flow.hpp"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "kiosk/flow/flow_dot.hpp"

namespace kiosk::flow {
namespace {

using host::ResponseCode;
using E = EventKind;
using S = StateId;

Event ev(EventKind kind) { return Event{kind, {}, {}, {}}; }
Event declined(ResponseCode code) { return Event{E::HostDeclined, {}, {}, code}; }
Event approved(std::int64_t fen) { return Event{E::HostApproved, {}, Money{fen, "CNY", 2}, {}}; }
Event language(ui::Language l) { return Event{E::ChooseLanguage, l, {}, {}}; }
Event amount(std::int64_t fen) {
    Event e = ev(E::AmountChosen);
    e.amount = Money{fen, "CNY", 2};
    return e;
}
Event not_payable(std::string key) {
    Event e = ev(E::AmountNotPayable);
    e.message_key = std::move(key);
    return e;
}
Event out_of_service(std::string key) {
    Event e = ev(E::DevicesFailed);
    e.message_key = std::move(key);
    return e;
}
FlowConfig cash_first() {
    FlowConfig config;
    config.card_before_cash = false;
    return config;
}

// Drives the flow and remembers every effect and table row along the way.
class FlowDriver {
public:
    explicit FlowDriver(std::set<std::size_t>* coverage = nullptr, FlowConfig config = {})
        : flow_(std::move(config)), coverage_(coverage) {
        Transition t = flow_.start();
        context_ = t.context;
        effects_ = t.effects;
    }

    FlowDriver& send(const Event& event) {
        context_.receipts_available = receipts_;  // as the runtime stamps it from device fitness
        Transition t = flow_.step(context_, event);
        if (t.row && coverage_ != nullptr) coverage_->insert(*t.row);
        last_taken_ = t.row.has_value();
        context_ = t.context;
        effects_ = t.effects;
        return *this;
    }
    FlowDriver& send(EventKind kind) { return send(ev(kind)); }
    // Device fitness says the printer cannot print (degraded mode).
    FlowDriver& printer_down() {
        receipts_ = false;
        return *this;
    }

    [[nodiscard]] S state() const { return context_.state; }
    [[nodiscard]] const Context& context() const { return context_; }
    [[nodiscard]] bool last_taken() const { return last_taken_; }
    [[nodiscard]] bool asked(EffectKind kind) const {
        return std::any_of(effects_.begin(), effects_.end(), [&](const Effect& e) { return e.kind == kind; });
    }
    [[nodiscard]] std::optional<Effect> effect(EffectKind kind) const {
        for (const Effect& e : effects_) {
            if (e.kind == kind) return e;
        }
        return std::nullopt;
    }
    [[nodiscard]] std::vector<EffectKind> kinds() const {
        std::vector<EffectKind> result;
        for (const Effect& e : effects_) result.push_back(e.kind);
        return result;
    }
    [[nodiscard]] std::optional<ui::ScreenId> screen() const {
        for (const Effect& e : effects_) {
            if (e.kind == EffectKind::ShowScreen) return e.screen;
        }
        return std::nullopt;
    }

private:
    Flow flow_;
    Context context_;
    std::vector<Effect> effects_;
    std::set<std::size_t>* coverage_;
    bool last_taken_ = false;
    bool receipts_ = true;
};

FlowDriver& to_menu(FlowDriver& d) {
    return d.send(E::CardInserted).send(E::CardReadOk).send(E::PinDigit).send(E::PinDigit).send(E::PinDigit)
        .send(E::PinDigit).send(E::PinEnter);
}

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
    for (const Event& e : {ev(E::CardInserted), ev(E::CardReadOk), ev(E::PinDigit), ev(E::PinDigit), ev(E::PinDigit),
                           ev(E::PinDigit), ev(E::PinEnter), ev(E::ChooseBalance), approved(123456), ev(E::Continue),
                           ev(E::ReceiptYes), ev(E::PrintDone), ev(E::CardTaken), ev(E::Timeout)}) {
        go(e);
    }
    using ui::ScreenId;
    EXPECT_EQ(screens, (std::vector<ScreenId>{ScreenId::Attract, ScreenId::ReadingCard, ScreenId::EnterPin,
                                              ScreenId::MainMenu, ScreenId::Processing, ScreenId::BalanceDisplay,
                                              ScreenId::ReceiptChoice, ScreenId::Printing, ScreenId::TakeCard,
                                              ScreenId::ThankYou, ScreenId::Attract}));
    EXPECT_EQ(d.state(), S::Attract);
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
    d.send(E::CardInserted).send(E::CardReadOk).send(E::PinDigit).send(E::PinDigit);
    EXPECT_EQ(d.context().pin_digits, 2);
    EXPECT_TRUE(d.asked(EffectKind::StartStateTimer));  // activity restarts the inactivity timer
    EXPECT_FALSE(d.asked(EffectKind::BeginPinEntry));   // internal: PIN entry is not restarted
    d.send(E::PinClear);
    EXPECT_EQ(d.context().pin_digits, 0);
}

TEST(FlowTest, WrongPinReturnsToPinEntryAndRetriesTheSameTransaction) {
    FlowDriver d;
    to_menu(d).send(E::ChooseBalance).send(declined(ResponseCode::WrongPin));
    EXPECT_EQ(d.state(), S::PinEntry);
    EXPECT_EQ(d.context().pin_tries_left, 2);
    EXPECT_EQ(d.context().message_key, "pin.wrong");
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
    EXPECT_EQ(d.context().message_key, "pin.tries_exceeded");
}

TEST(FlowTest, OtherDeclineReturnsTheCardWithTheReason) {
    FlowDriver d;
    to_menu(d).send(E::ChooseBalance).send(declined(ResponseCode::ExpiredCard));
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
    EXPECT_EQ(d.context().message_key, "decline.expired_card");
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
    EXPECT_EQ(d.context().message_key, "card.not_taken");
}

TEST(FlowTest, EventsWithoutARowAreIgnored) {
    FlowDriver d;
    d.send(E::CardTaken);
    EXPECT_FALSE(d.last_taken());
    EXPECT_EQ(d.state(), S::Attract);
    to_menu(d).send(E::ChooseBalance).send(E::Cancel);  // no cancel while the host decides
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
    for (S state : {S::PinEntry, S::MainMenu, S::ShowBalance, S::ReceiptChoice, S::MoreTime, S::WithdrawalAmount,
                    S::AnotherTransaction}) {
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
    d.send(out_of_service("out_of_service.host_unreachable"));
    EXPECT_EQ(d.state(), S::OutOfService);
    EXPECT_TRUE(d.asked(EffectKind::RefuseCards));
    EXPECT_EQ(d.screen(), ui::ScreenId::OutOfService);
    EXPECT_EQ(d.context().message_key, "out_of_service.host_unreachable");
    d.send(out_of_service("out_of_service.tamper"));  // the reason changed while out of service
    EXPECT_EQ(d.state(), S::OutOfService);
    EXPECT_EQ(d.context().message_key, "out_of_service.tamper");
    d.send(E::DevicesRestored);
    EXPECT_EQ(d.state(), S::Attract);
    EXPECT_TRUE(d.asked(EffectKind::AcceptCard));
    EXPECT_TRUE(d.context().message_key.empty());
}

TEST(FlowTest, WithThePrinterDownTheBalanceEndsWithoutAReceiptQuestion) {
    FlowDriver d;
    d.printer_down();
    to_menu(d).send(E::ChooseBalance).send(approved(1));
    d.send(E::Continue);
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
}

TEST(FlowTest, WithThePrinterDownCashTakenSkipsTheReceiptInBothOrders) {
    FlowDriver card_first;
    card_first.printer_down();
    to_menu(card_first).send(E::ChooseWithdrawal).send(amount(50000)).send(approved(1)).send(E::CardTaken);
    card_first.send(E::CashPresented).send(E::CashTaken);
    EXPECT_EQ(card_first.state(), S::ThankYou);  // the card is already out: Closing passes straight through
    EXPECT_TRUE(card_first.asked(EffectKind::SettleWithdrawal));

    FlowDriver cash_first_driver(nullptr, cash_first());
    cash_first_driver.printer_down();
    to_menu(cash_first_driver).send(E::ChooseWithdrawal).send(amount(50000)).send(approved(1));
    cash_first_driver.send(E::CashPresented).send(E::CashTaken);
    EXPECT_EQ(cash_first_driver.state(), S::AnotherTransaction);
}

// Every row of the table must be taken by some path; a row no path reaches is dead or untested.
TEST(FlowTest, EveryTransitionRowIsTakenBySomePath) {
    std::set<std::size_t> covered;
    auto path = [&](std::initializer_list<Event> events) {
        FlowDriver d(&covered);
        for (const Event& e : events) d.send(e);
        return d;
    };
    const Event card = ev(E::CardInserted), ok = ev(E::CardReadOk), digit = ev(E::PinDigit), enter = ev(E::PinEnter);
    path({language(ui::Language::SimplifiedChinese), ev(E::DevicesFailed), ev(E::DevicesRestored)});
    path({ev(E::DevicesFailed), out_of_service("out_of_service.tamper")});
    // Degraded: no printer, so no receipt question.
    auto no_printer_path = [&](std::initializer_list<Event> events, FlowConfig config = {}) {
        FlowDriver d(&covered, std::move(config));
        d.printer_down();
        for (const Event& e : events) d.send(e);
        return d;
    };
    no_printer_path({ev(E::CardInserted), ev(E::CardReadOk), ev(E::PinEnter), ev(E::ChooseBalance), approved(1),
                     ev(E::Continue)});
    no_printer_path({ev(E::CardInserted), ev(E::CardReadOk), ev(E::PinEnter), ev(E::ChooseWithdrawal), amount(50000),
                     approved(1), ev(E::CardTaken), ev(E::CashPresented), ev(E::CashTaken)});
    no_printer_path({ev(E::CardInserted), ev(E::CardReadOk), ev(E::PinEnter), ev(E::ChooseWithdrawal), amount(50000),
                     approved(1), ev(E::CashPresented), ev(E::CashTaken)},
                    cash_first());
    path({card, ev(E::CardReadFailed), ev(E::CardTaken), ev(E::Timeout)});
    path({card, ev(E::Timeout), ev(E::CardEjectFailed), ev(E::Timeout)});
    path({card, ok, digit, ev(E::PinBackspace), ev(E::PinClear), ev(E::Cancel)});
    path({card, ok, ev(E::Timeout), ev(E::MoreTimeYes), ev(E::Timeout), ev(E::MoreTimeNo)});
    path({card, ok, enter, ev(E::Cancel)});
    path({card, ok, ev(E::Timeout), ev(E::Timeout), ev(E::Timeout), ev(E::Timeout)});  // walked away
    path({card, ok, enter, ev(E::Timeout), ev(E::MoreTimeYes), ev(E::Timeout), ev(E::Cancel)});
    path({card, ok, enter, ev(E::ChooseBalance), approved(1), ev(E::Cancel)});
    path({card, ok, enter, ev(E::ChooseBalance), approved(1), ev(E::Timeout), ev(E::MoreTimeYes), ev(E::Continue),
          ev(E::Timeout), ev(E::MoreTimeYes), ev(E::ReceiptNo)});
    path({card, ok, enter, ev(E::ChooseBalance), approved(1), ev(E::Continue), ev(E::Cancel)});
    path({card, ok, enter, ev(E::ChooseBalance), approved(1), ev(E::Continue), ev(E::ReceiptYes), ev(E::PrintDone)});
    path({card, ok, enter, ev(E::ChooseBalance), approved(1), ev(E::Continue), ev(E::ReceiptYes), ev(E::PrintFailed)});
    path({card, ok, enter, ev(E::ChooseBalance), approved(1), ev(E::Continue), ev(E::ReceiptYes), ev(E::Timeout)});
    path({card, ok, enter, ev(E::ChooseBalance), declined(ResponseCode::WrongPin), enter,
          declined(ResponseCode::WrongPin), enter, declined(ResponseCode::WrongPin), ev(E::Timeout)});
    path({card, ok, enter, ev(E::ChooseBalance), declined(ResponseCode::InsufficientFunds)});
    path({card, ok, enter, ev(E::ChooseBalance), ev(E::HostUnavailable)});
    path({card, ok, enter, ev(E::ChooseBalance), ev(E::Timeout)});
    // Withdrawal, card first (the default order).
    const Event withdraw = ev(E::ChooseWithdrawal);
    path({card, ok, enter, withdraw, not_payable("amount.not_multiple"), amount(50000), approved(1),
          ev(E::CardTaken), ev(E::CashPresented), ev(E::CashTaken), ev(E::ReceiptNo)});
    path({card, ok, enter, withdraw, ev(E::Cancel)});
    path({card, ok, enter, withdraw, ev(E::Timeout), ev(E::MoreTimeYes), amount(50000), ev(E::HostUnavailable)});
    path({card, ok, enter, withdraw, amount(50000), ev(E::Timeout)});
    path({card, ok, enter, withdraw, amount(50000), approved(1), ev(E::Timeout), ev(E::Timeout)});
    path({card, ok, enter, withdraw, amount(50000), approved(1), ev(E::CardEjectFailed)});
    path({card, ok, enter, withdraw, amount(50000), approved(1), ev(E::CardTaken), ev(E::DispenseFailed)});
    path({card, ok, enter, withdraw, amount(50000), approved(1), ev(E::CardTaken), ev(E::Timeout)});
    path({card, ok, enter, withdraw, amount(50000), approved(1), ev(E::CardTaken), ev(E::CashPresented),
          ev(E::Timeout)});
    // Cash first: "another transaction?" while the card is still in.
    auto cash_first_path = [&](std::initializer_list<Event> events) {
        FlowDriver d(&covered, cash_first());
        for (const Event& e : events) d.send(e);
        return d;
    };
    const std::initializer_list<Event> taken{card, ok, enter, withdraw, amount(50000), approved(1),
                                             ev(E::CashPresented), ev(E::CashTaken)};
    auto then = [&](std::initializer_list<Event> more) {
        std::vector<Event> events(taken);
        events.insert(events.end(), more);
        FlowDriver d(&covered, cash_first());
        for (const Event& e : events) d.send(e);
        return d;
    };
    cash_first_path(taken);
    then({ev(E::ReceiptNo), ev(E::AnotherYes)});
    then({ev(E::ReceiptNo), ev(E::AnotherNo)});
    then({ev(E::ReceiptNo), ev(E::Cancel)});
    then({ev(E::ReceiptNo), ev(E::Timeout)});
    then({ev(E::ReceiptYes), ev(E::PrintDone)});

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
    d.send(E::CardInserted).send(E::CardReadOk).send(E::PinEnter).send(E::ChooseWithdrawal);
    return d;
}

TEST(FlowTest, WithdrawalCardFirstReturnsTheCardThenDispensesThenSettles) {
    FlowDriver d = to_amount_screen();
    ASSERT_EQ(d.state(), S::WithdrawalAmount);
    d.send(amount(50000));
    ASSERT_EQ(d.state(), S::Authorizing);
    const auto request = d.effect(EffectKind::RequestAuthorization);
    ASSERT_TRUE(request.has_value());
    EXPECT_EQ(request->transaction, host::TransactionType::Withdrawal);
    EXPECT_EQ(request->amount, (Money{50000, "CNY", 2}));

    d.send(approved(100));
    EXPECT_EQ(d.state(), S::ReturningCard);
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
    EXPECT_FALSE(d.asked(EffectKind::DispenseCash));  // no cash before the card is taken

    d.send(E::CardTaken);
    EXPECT_EQ(d.state(), S::Dispensing);
    const auto dispense = d.effect(EffectKind::DispenseCash);
    ASSERT_TRUE(dispense.has_value());
    EXPECT_EQ(dispense->amount, (Money{50000, "CNY", 2}));

    d.send(E::Cancel);  // no cancel while notes move
    EXPECT_FALSE(d.last_taken());
    d.send(E::CashPresented).send(E::CashTaken);
    EXPECT_TRUE(d.asked(EffectKind::SettleWithdrawal));
    EXPECT_FALSE(d.asked(EffectKind::ReverseWithdrawal));
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
    d.send(not_payable("amount.not_multiple"));
    EXPECT_EQ(d.state(), S::WithdrawalAmount);
    EXPECT_EQ(d.context().message_key, "amount.not_multiple");
    EXPECT_FALSE(d.asked(EffectKind::RequestAuthorization));
}

TEST(FlowTest, CashNotTakenIsRetractedThenReversed) {
    FlowDriver d = to_amount_screen();
    d.send(amount(50000)).send(approved(1)).send(E::CardTaken).send(E::CashPresented).send(E::Timeout);
    const std::vector<EffectKind> kinds = d.kinds();
    const auto retract = std::find(kinds.begin(), kinds.end(), EffectKind::RetractCash);
    const auto reverse = std::find(kinds.begin(), kinds.end(), EffectKind::ReverseWithdrawal);
    ASSERT_NE(retract, kinds.end());
    ASSERT_NE(reverse, kinds.end());
    EXPECT_LT(retract, reverse);
    EXPECT_EQ(d.effect(EffectKind::ReverseWithdrawal)->reason, host::ReversalReason::CashNotTaken);
    EXPECT_EQ(d.effect(EffectKind::ReverseWithdrawal)->amount, (Money{50000, "CNY", 2}));
    EXPECT_EQ(d.effect(EffectKind::ReverseWithdrawal)->dispensed, (Money{0, "CNY", 2}));
    EXPECT_EQ(d.state(), S::ThankYou);  // the card went back before the cash
    EXPECT_EQ(d.screen(), ui::ScreenId::TransactionFailed);
    EXPECT_EQ(d.context().message_key, "cash.not_taken");
}

TEST(FlowTest, FailedDispenseReversesAsDeviceMalfunctionAndReturnsTheCardWhenStillIn) {
    FlowDriver d = to_amount_screen(cash_first());
    d.send(amount(50000)).send(approved(1)).send(E::DispenseFailed);
    EXPECT_EQ(d.effect(EffectKind::ReverseWithdrawal)->reason, host::ReversalReason::DeviceMalfunction);
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
    EXPECT_EQ(d.screen(), ui::ScreenId::TransactionFailed);
}

TEST(FlowTest, CardNotTakenBeforeCashIsRetainedAndReversedWithNoDispense) {
    FlowDriver d = to_amount_screen();
    d.send(amount(50000)).send(approved(1)).send(E::Timeout);
    EXPECT_EQ(d.state(), S::CardRetained);
    EXPECT_TRUE(d.asked(EffectKind::RetainCard));
    EXPECT_TRUE(d.asked(EffectKind::ReverseWithdrawal));
    EXPECT_FALSE(d.asked(EffectKind::DispenseCash));
}

TEST(FlowTest, HostSilenceOnAWithdrawalReversesButOnAnInquiryDoesNot) {
    FlowDriver w = to_amount_screen();
    w.send(amount(50000)).send(E::HostUnavailable);
    ASSERT_TRUE(w.asked(EffectKind::ReverseWithdrawal));
    EXPECT_EQ(w.effect(EffectKind::ReverseWithdrawal)->reason, host::ReversalReason::HostTimeout);
    EXPECT_EQ(w.state(), S::Closing);
    EXPECT_TRUE(w.asked(EffectKind::EjectCard));

    FlowDriver b;
    b.send(E::CardInserted).send(E::CardReadOk).send(E::PinEnter).send(E::ChooseBalance).send(E::HostUnavailable);
    EXPECT_FALSE(b.asked(EffectKind::ReverseWithdrawal));
}

TEST(FlowTest, DeclinedWithdrawalMovesNoCashAndReversesNothing) {
    FlowDriver d = to_amount_screen();
    d.send(amount(50000)).send(declined(ResponseCode::InsufficientFunds));
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_FALSE(d.asked(EffectKind::ReverseWithdrawal));
    EXPECT_FALSE(d.asked(EffectKind::DispenseCash));
    EXPECT_EQ(d.context().message_key, "decline.insufficient_funds");
}

TEST(FlowTest, DotExportHasOneEdgePerRow) {
    const std::string dot = transition_table_dot();
    const auto edges = static_cast<std::size_t>(std::count(dot.begin(), dot.end(), '>'));  // each "->"
    EXPECT_EQ(edges, transition_table().size());
    EXPECT_NE(dot.find("Closing -> ThankYou"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::flow
