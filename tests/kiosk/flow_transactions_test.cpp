// The complete customer flow beyond balance and fast cash: session options before the PIN, other
// amount, mini statement, transfer, PIN change, cardless withdrawal, e-receipts, speech timers.
#include <gtest/gtest.h>

#include "tests/kiosk/flow_driver.hpp"
#include "ui/i18n.hpp"

namespace kiosk::flow {
namespace {

FlowDriver at_menu(FlowConfig config = {}) {
    FlowDriver d(nullptr, std::move(config));
    to_menu(d);
    return d;
}

std::optional<KeyEntry> entry_asked(const FlowDriver& d) {
    const auto begun = d.effect<effects::BeginKeyEntry>();
    return begun ? std::optional(begun->entry) : std::nullopt;
}

// The position of an effect in the last step's effects (for ordering checks).
std::ptrdiff_t position(const FlowDriver& d, EffectKind kind) {
    const std::vector<EffectKind> kinds = d.kinds();
    return std::find(kinds.begin(), kinds.end(), kind) - kinds.begin();
}

TEST(FlowTransactions, SessionOptionsComeBeforeThePinAndLastTheSession) {
    FlowDriver d;
    d.send(E::CardInserted).send(E::CardReadOk);
    ASSERT_EQ(d.state(), S::SessionOptions);
    EXPECT_EQ(d.screen(), ui::ScreenId::SessionOptions);
    EXPECT_FALSE(entry_asked(d).has_value());  // no PIN before the customer has set up the screen
    d.send(option(SessionOption::LargeText)).send(option(SessionOption::HighContrast)).send(option(SessionOption::LargeText));
    EXPECT_FALSE(d.context().accessibility.large_text);  // toggled twice
    EXPECT_TRUE(d.context().accessibility.high_contrast);
    d.send(language(ui::Language::SimplifiedChinese)).send(E::Continue);
    ASSERT_EQ(d.state(), S::PinEntry);
    EXPECT_EQ(entry_asked(d), KeyEntry::Pin);
    d.send(E::PinEnter).send(E::ChooseBalance);
    EXPECT_TRUE(d.context().accessibility.high_contrast);
    EXPECT_EQ(d.context().language, ui::Language::SimplifiedChinese);
}

TEST(FlowTransactions, SpeechSessionsGetLongerCustomerTimersButNotMachineTimers) {
    FlowDriver d;
    d.send(E::CardInserted).send(E::CardReadOk).send(option(SessionOption::Speech)).send(E::Continue);
    ASSERT_EQ(d.effect<effects::StartStateTimer>()->duration, Millis(60'000));  // PinEntry 30 s × 200 %
    d.send(E::PinEnter).send(E::ChooseBalance);
    EXPECT_EQ(d.effect<effects::StartStateTimer>()->duration, Millis(45'000));  // Authorizing unchanged
    const FlowConfig config;
    EXPECT_EQ(config.timeout_for(S::MoreTime, true), Millis(40'000));
    EXPECT_EQ(config.timeout_for(S::Attract, true), std::nullopt);
}

TEST(FlowTransactions, ThePinBlockIsTakenTheMomentTheEntryCompletesAndBeforeARetryIsSent) {
    FlowDriver d;
    d.send(E::CardInserted).send(E::CardReadOk).send(E::Continue).send(E::PinEnter);
    EXPECT_TRUE(d.asked(EffectKind::TakePinBlock));
    d.send(E::ChooseBalance).send(declined(ResponseCode::WrongPin)).send(E::PinEnter);
    ASSERT_EQ(d.state(), S::Authorizing);
    EXPECT_LT(position(d, EffectKind::TakePinBlock), position(d, EffectKind::RequestAuthorization));
}

TEST(FlowTransactions, OtherAmountIsTypedAndARefusedAmountStartsTheEntryAgain) {
    FlowDriver d = at_menu();
    d.send(E::ChooseWithdrawal).send(E::ChooseOtherAmount);
    ASSERT_EQ(d.state(), S::EnterAmount);
    EXPECT_EQ(entry_asked(d), KeyEntry::Amount);
    d.send(typed(2));
    EXPECT_EQ(d.context().pin_digits, 2);
    EXPECT_FALSE(d.asked(EffectKind::BeginKeyEntry));  // typing does not restart the entry
    d.send(not_payable(AmountRefusal::NotMultiple));
    EXPECT_EQ(d.state(), S::EnterAmount);
    EXPECT_EQ(entry_asked(d), KeyEntry::Amount);
    EXPECT_EQ(d.context().reason, AmountRefusal::NotMultiple);
    d.send(amount(35000));
    ASSERT_EQ(d.state(), S::Authorizing);
    EXPECT_EQ(d.effect<effects::RequestAuthorization>()->amount, (Money{35000, "CNY", 2}));
    EXPECT_EQ(d.effect<effects::RequestAuthorization>()->transaction, host::TransactionType::Withdrawal);
}

TEST(FlowTransactions, MiniStatementIsShownThenOffersAReceipt) {
    FlowDriver d = at_menu();
    d.send(E::ChooseMiniStatement);
    EXPECT_EQ(d.effect<effects::RequestAuthorization>()->transaction, host::TransactionType::MiniStatement);
    d.send(approved(12345));
    EXPECT_EQ(d.state(), S::ShowStatement);
    EXPECT_EQ(d.screen(), ui::ScreenId::MiniStatement);
    d.send(E::Continue).send(E::ReceiptYes);
    EXPECT_EQ(d.effect<effects::PrintReceipt>()->transaction, host::TransactionType::MiniStatement);
}

TEST(FlowTransactions, TransferChoosesBothAccountsThenTheAmountAndReversesWhenUnanswered) {
    FlowDriver d = at_menu();
    d.send(E::ChooseTransfer);
    ASSERT_EQ(d.state(), S::ChooseFromAccount);
    EXPECT_EQ(d.screen(), ui::ScreenId::AccountChoice);
    d.send(account(host::AccountType::Savings)).send(account(host::AccountType::Checking));
    ASSERT_EQ(d.state(), S::EnterAmount);
    EXPECT_EQ(d.context().from_account, host::AccountType::Savings);
    EXPECT_EQ(d.context().to_account, host::AccountType::Checking);
    d.send(amount(80000));
    EXPECT_EQ(d.effect<effects::RequestAuthorization>()->transaction, host::TransactionType::Transfer);
    FlowDriver unanswered = d;
    d.send(approved(1));
    EXPECT_EQ(d.state(), S::TransactionDone);
    EXPECT_FALSE(d.asked(EffectKind::DispenseCash));

    unanswered.send(E::HostUnavailable);
    const auto reverse = unanswered.effect<effects::ReverseTransaction>();
    ASSERT_TRUE(reverse.has_value());
    EXPECT_EQ(reverse->transaction, host::TransactionType::Transfer);
    EXPECT_EQ(reverse->reason, host::ReversalReason::HostTimeout);
    EXPECT_EQ(reverse->amount, (Money{80000, "CNY", 2}));
    EXPECT_FALSE(unanswered.asked(EffectKind::RetractCash));
}

TEST(FlowTransactions, PinChangeAsksTwiceAndSendsTheNewBlockAfterTakingIt) {
    FlowDriver d = at_menu();
    d.send(E::ChooseChangePin);
    ASSERT_EQ(d.state(), S::EnterNewPin);
    EXPECT_EQ(entry_asked(d), KeyEntry::NewPin);
    d.send(E::PinDigit).send(E::PinEnter);
    ASSERT_EQ(d.state(), S::ConfirmNewPin);
    EXPECT_EQ(entry_asked(d), KeyEntry::ConfirmNewPin);
    d.send(E::PinMismatch);
    EXPECT_EQ(d.state(), S::EnterNewPin);
    EXPECT_EQ(d.context().reason, CloseReason::NewPinMismatch);
    d.send(E::PinEnter).send(E::PinEnter);
    ASSERT_EQ(d.state(), S::Authorizing);
    EXPECT_LT(position(d, EffectKind::TakeNewPinBlock), position(d, EffectKind::RequestAuthorization));
    EXPECT_EQ(d.effect<effects::RequestAuthorization>()->transaction, host::TransactionType::PinChange);
    d.send(approved(1));
    EXPECT_EQ(d.state(), S::TransactionDone);
}

TEST(FlowTransactions, AConfirmationThatTimesOutResumesAtTheNewPin) {
    FlowDriver d = at_menu();
    d.send(E::ChooseChangePin).send(E::PinEnter).send(E::Timeout);
    ASSERT_EQ(d.state(), S::MoreTime);
    d.send(E::MoreTimeYes);
    EXPECT_EQ(d.state(), S::EnterNewPin);  // the pad forgot the first new PIN
}

TEST(FlowTransactions, CardlessWithdrawalTakesCodePhoneAmountAndPaysWithNoCardToReturn) {
    FlowDriver d;
    d.send(E::ChooseCardless);
    ASSERT_EQ(d.state(), S::CardlessCode);
    EXPECT_EQ(entry_asked(d), KeyEntry::OneTimeCode);
    EXPECT_FALSE(d.context().card_in_machine);
    d.send(E::CodeEntered);
    ASSERT_EQ(d.state(), S::CardlessPhone);
    EXPECT_EQ(entry_asked(d), KeyEntry::PhoneNumber);
    d.send(E::PhoneEntered);
    ASSERT_EQ(d.state(), S::WithdrawalAmount);
    d.send(amount(50000));
    EXPECT_EQ(d.effect<effects::RequestAuthorization>()->transaction, host::TransactionType::CardlessWithdrawal);
    FlowDriver declined_driver = d;
    FlowDriver silent = d;
    d.send(approved(1));
    EXPECT_EQ(d.state(), S::Dispensing);  // no card to hand back first
    d.send(E::CashPresented).send(E::CashTaken).send(E::ReceiptNo);
    EXPECT_EQ(d.state(), S::ThankYou);
    EXPECT_FALSE(d.asked(EffectKind::EjectCard));

    declined_driver.send(declined(ResponseCode::InvalidOneTimeCode));
    EXPECT_EQ(declined_driver.state(), S::ThankYou);
    EXPECT_EQ(declined_driver.screen(), ui::ScreenId::TransactionFailed);
    EXPECT_EQ(declined_driver.context().reason, Reason::declined(ResponseCode::InvalidOneTimeCode));

    silent.send(E::HostUnavailable);
    ASSERT_TRUE(silent.asked(EffectKind::ReverseTransaction));
    EXPECT_EQ(silent.effect<effects::ReverseTransaction>()->transaction, host::TransactionType::CardlessWithdrawal);
}

TEST(FlowTransactions, AnotherTransactionFollowsEveryTransactionWhileTheCardIsIn) {
    FlowDriver d = at_menu();
    d.send(E::ChooseBalance).send(approved(1)).send(E::Continue).send(E::ReceiptNo);
    ASSERT_EQ(d.state(), S::AnotherTransaction);
    d.send(E::AnotherYes).send(E::ChooseMiniStatement);
    EXPECT_EQ(d.state(), S::Authorizing);
    EXPECT_FALSE(d.asked(EffectKind::TakePinBlock));  // the session's PIN block is used again

    FlowConfig off;
    off.offer_another_transaction = false;
    FlowDriver plain = at_menu(off);
    plain.send(E::ChooseBalance).send(approved(1)).send(E::Continue).send(E::ReceiptNo);
    EXPECT_EQ(plain.state(), S::Closing);
}

// Every message the flow can show has both translations (an untranslated key shows as itself).
TEST(FlowTransactions, EveryFlowMessageKeyIsTranslated) {
    const std::vector<std::string> keys = message_keys();
    EXPECT_EQ(keys.size(), all_close_reasons().size() - 1 + static_cast<std::size_t>(ResponseCode::SystemError) + 1);
    for (const std::string& key : keys) EXPECT_TRUE(ui::has_translation(key)) << key;
}

}  // namespace
}  // namespace kiosk::flow
