// The flow's effects: one payload type per EffectKind, and kind_of() names the right kind for each.
#include "kiosk/flow/flow_effects.hpp"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kiosk::flow {
namespace {

using K = EffectKind;
using host::TransactionType;

struct Case {
    Effect effect;
    EffectKind kind;
};

std::vector<Case> every_effect() {
    const Money money{50000, "CNY", 2};
    const Money none{0, "CNY", 2};
    return {
        {effects::ShowScreen(ui::ScreenId::MainMenu), K::ShowScreen},
        {effects::StartStateTimer(Millis(30'000)), K::StartStateTimer},
        {effects::CancelStateTimer{}, K::CancelStateTimer},
        {effects::AcceptCard{}, K::AcceptCard},
        {effects::RefuseCards{}, K::RefuseCards},
        {effects::ReadCard{}, K::ReadCard},
        {effects::BeginKeyEntry(KeyEntry::Amount), K::BeginKeyEntry},
        {effects::TakePinBlock{}, K::TakePinBlock},
        {effects::TakeNewPinBlock{}, K::TakeNewPinBlock},
        {effects::RequestAuthorization(TransactionType::Withdrawal, money), K::RequestAuthorization},
        {effects::PrintReceipt(TransactionType::BalanceInquiry), K::PrintReceipt},
        {effects::EjectCard{}, K::EjectCard},
        {effects::RetainCard{}, K::RetainCard},
        {effects::RecordTransaction(TransactionType::Withdrawal, host::ResponseCode::Approved), K::RecordTransaction},
        {effects::EndSession{}, K::EndSession},
        {effects::DispenseCash(money), K::DispenseCash},
        {effects::RetractCash{}, K::RetractCash},
        {effects::SettleWithdrawal{}, K::SettleWithdrawal},
        {effects::ReverseTransaction(TransactionType::Withdrawal, money, none, host::ReversalReason::CashNotTaken),
         K::ReverseTransaction},
        {effects::IssueEReceipt(TransactionType::Transfer), K::IssueEReceipt},
        {effects::RecordSurvey(SurveyAnswers{}), K::RecordSurvey},
        {effects::FileComplaint(ComplaintCategory::CardRetained, true), K::FileComplaint},
        {effects::CheckTechnician{}, K::CheckTechnician},
        {effects::RunServiceAction(ServiceAction::TestDispense), K::RunServiceAction},
        {effects::CheckServiceFitness{}, K::CheckServiceFitness},
        {effects::EndServiceMode{}, K::EndServiceMode},
    };
}

TEST(FlowEffects, KindOfNamesEveryEffectsOwnKind) {
    const std::vector<Case> cases = every_effect();
    ASSERT_EQ(cases.size(), std::variant_size_v<Effect>);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        EXPECT_EQ(kind_of(cases[i].effect), cases[i].kind) << to_string(cases[i].kind);
        EXPECT_EQ(static_cast<std::size_t>(cases[i].kind), i) << "every kind once, in EffectKind order";
    }
}

TEST(FlowEffects, EveryKindHasItsOwnName) {
    std::set<std::string> names;
    for (const Case& c : every_effect()) {
        const std::string name(to_string(c.kind));
        EXPECT_NE(name, "?");
        EXPECT_TRUE(names.insert(name).second) << name;
    }
}

TEST(FlowEffects, EffectsCompareByKindAndEveryField) {
    const Money money{50000, "CNY", 2};
    const Money none{0, "CNY", 2};
    const Effect reverse = effects::ReverseTransaction(TransactionType::Withdrawal, money, none,
                                                       host::ReversalReason::CashNotTaken);
    EXPECT_EQ(reverse, Effect(effects::ReverseTransaction(TransactionType::Withdrawal, money, none,
                                                           host::ReversalReason::CashNotTaken)));
    EXPECT_NE(reverse, Effect(effects::ReverseTransaction(TransactionType::Withdrawal, money, none,
                                                           host::ReversalReason::HostTimeout)));
    EXPECT_NE(reverse, Effect(effects::ReverseTransaction(TransactionType::Transfer, money, none,
                                                           host::ReversalReason::CashNotTaken)));
    EXPECT_NE(Effect(effects::DispenseCash(money)), Effect(effects::DispenseCash(none)));
    EXPECT_NE(Effect(effects::EjectCard{}), Effect(effects::RetainCard{}));
    // Effects that carry data cannot be asked without it (no default constructor).
    static_assert(!std::is_default_constructible_v<effects::DispenseCash>);
    static_assert(!std::is_default_constructible_v<effects::ReverseTransaction>);
    static_assert(!std::is_default_constructible_v<effects::RecordTransaction>);
    static_assert(!std::is_default_constructible_v<effects::ShowScreen>);
}

TEST(FlowEffects, KeyEntriesHaveNames) {
    for (const KeyEntry entry : {KeyEntry::Pin, KeyEntry::NewPin, KeyEntry::ConfirmNewPin, KeyEntry::Amount,
                                 KeyEntry::OneTimeCode, KeyEntry::PhoneNumber}) {
        EXPECT_NE(to_string(entry), "?");
    }
}

}  // namespace
}  // namespace kiosk::flow
