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

// Drives the flow and remembers every effect and table row along the way.
class FlowDriver {
public:
    explicit FlowDriver(std::set<std::size_t>* coverage = nullptr) : coverage_(coverage) {
        Transition t = flow_.start();
        context_ = t.context;
        effects_ = t.effects;
    }

    FlowDriver& send(const Event& event) {
        Transition t = flow_.step(context_, event);
        if (t.row && coverage_ != nullptr) coverage_->insert(*t.row);
        last_taken_ = t.row.has_value();
        context_ = t.context;
        effects_ = t.effects;
        return *this;
    }
    FlowDriver& send(EventKind kind) { return send(ev(kind)); }

    [[nodiscard]] S state() const { return context_.state; }
    [[nodiscard]] const Context& context() const { return context_; }
    [[nodiscard]] bool last_taken() const { return last_taken_; }
    [[nodiscard]] bool asked(EffectKind kind) const {
        return std::any_of(effects_.begin(), effects_.end(), [&](const Effect& e) { return e.kind == kind; });
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
    for (S state : {S::PinEntry, S::MainMenu, S::ShowBalance, S::ReceiptChoice, S::MoreTime}) {
        const auto rows = transition_table();
        auto has = [&](E kind) {
            return std::any_of(rows.begin(), rows.end(), [&](const TransitionRow& r) { return r.from == state && r.on == kind; });
        };
        EXPECT_TRUE(has(E::Cancel)) << to_string(state);
        EXPECT_TRUE(has(E::Timeout)) << to_string(state);
    }
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
    path({ev(E::DevicesFailed)});
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

TEST(FlowTest, DotExportHasOneEdgePerRow) {
    const std::string dot = transition_table_dot();
    const auto edges = static_cast<std::size_t>(std::count(dot.begin(), dot.end(), '>'));  // each "->"
    EXPECT_EQ(edges, transition_table().size());
    EXPECT_NE(dot.find("Closing -> ThankYou"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::flow
