// The flow's events: one payload type per EventKind, and kind_of() names the right kind for each.
#include "kiosk/flow/flow_events.hpp"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kiosk::flow {
namespace {

using E = EventKind;

struct Case {
    Event event;
    EventKind kind;
};

// Written by kind, not by index: a payload type listed out of order in Event fails here (and at
// compile time, kind_order.hpp).
std::vector<Case> every_event() {
    const Money money{50000, "CNY", 2};
    return {
        {events::CardInserted{}, E::CardInserted},
        {events::CardReadOk{}, E::CardReadOk},
        {events::CardReadFailed{}, E::CardReadFailed},
        {events::PinDigit{}, E::PinDigit},
        {events::PinClear{}, E::PinClear},
        {events::PinBackspace{}, E::PinBackspace},
        {events::PinEnter{}, E::PinEnter},
        {events::Cancel{}, E::Cancel},
        {events::ChooseBalance{}, E::ChooseBalance},
        {events::ChooseLanguage(ui::Language::SimplifiedChinese), E::ChooseLanguage},
        {events::Continue{}, E::Continue},
        {events::ReceiptYes{}, E::ReceiptYes},
        {events::ReceiptNo{}, E::ReceiptNo},
        {events::MoreTimeYes{}, E::MoreTimeYes},
        {events::MoreTimeNo{}, E::MoreTimeNo},
        {events::HostApproved(money), E::HostApproved},
        {events::HostDeclined(host::ResponseCode::WrongPin), E::HostDeclined},
        {events::HostUnavailable{}, E::HostUnavailable},
        {events::PrintDone{}, E::PrintDone},
        {events::PrintFailed{}, E::PrintFailed},
        {events::CardTaken{}, E::CardTaken},
        {events::CardEjectFailed{}, E::CardEjectFailed},
        {events::Timeout{}, E::Timeout},
        {events::DevicesFailed(OutOfServiceReason::Tamper), E::DevicesFailed},
        {events::DevicesRestored{}, E::DevicesRestored},
        {events::ChooseWithdrawal{}, E::ChooseWithdrawal},
        {events::AmountChosen(money), E::AmountChosen},
        {events::AmountNotPayable(AmountRefusal::TooLarge), E::AmountNotPayable},
        {events::CashPresented{}, E::CashPresented},
        {events::DispenseFailed{}, E::DispenseFailed},
        {events::CashTaken{}, E::CashTaken},
        {events::AnotherYes{}, E::AnotherYes},
        {events::AnotherNo{}, E::AnotherNo},
        {events::ToggleOption(SessionOption::Speech), E::ToggleOption},
        {events::ChooseOtherAmount{}, E::ChooseOtherAmount},
        {events::EntryChanged(3), E::EntryChanged},
        {events::ChooseMiniStatement{}, E::ChooseMiniStatement},
        {events::ChooseTransfer{}, E::ChooseTransfer},
        {events::AccountChosen(host::AccountType::Savings), E::AccountChosen},
        {events::ChooseChangePin{}, E::ChooseChangePin},
        {events::PinMismatch{}, E::PinMismatch},
        {events::ChooseCardless{}, E::ChooseCardless},
        {events::CodeEntered{}, E::CodeEntered},
        {events::PhoneEntered{}, E::PhoneEntered},
        {events::SurveyRated(4), E::SurveyRated},
        {events::SurveyReasonToggled(SurveyReason::Cash), E::SurveyReasonToggled},
        {events::SurveyDone{}, E::SurveyDone},
        {events::NpsRated(9), E::NpsRated},
        {events::SurveySkip{}, E::SurveySkip},
        {events::ReportProblem{}, E::ReportProblem},
        {events::ComplaintCategoryChosen(ComplaintCategory::Receipt), E::ComplaintCategoryChosen},
        {events::SendComplaint{}, E::SendComplaint},
        {events::ServiceRequested{}, E::ServiceRequested},
        {events::TechnicianIdEntered{}, E::TechnicianIdEntered},
        {events::TechnicianPinEntered{}, E::TechnicianPinEntered},
        {events::TechnicianSignedIn(ServiceRole::Supervisor), E::TechnicianSignedIn},
        {events::TechnicianRefused(SignInRefusal::Locked), E::TechnicianRefused},
        {events::ServicePageChosen(ServicePage::Journal), E::ServicePageChosen},
        {events::ServiceActionChosen(ServiceAction::VerifyJournal), E::ServiceActionChosen},
        {events::ServiceActionDone(ServiceAction::VerifyJournal, ServiceOutcome::Failed), E::ServiceActionDone},
        {events::ServiceCountEntered(false), E::ServiceCountEntered},
        {events::LeaveService{}, E::LeaveService},
        {events::ServiceFitnessChecked(true), E::ServiceFitnessChecked},
        {events::SelfTestStarted{}, E::SelfTestStarted},
        {events::SelfTestFinished(std::nullopt), E::SelfTestFinished},
    };
}

TEST(FlowEvents, KindOfNamesEveryEventsOwnKind) {
    const std::vector<Case> cases = every_event();
    ASSERT_EQ(cases.size(), std::variant_size_v<Event>);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        EXPECT_EQ(kind_of(cases[i].event), cases[i].kind) << to_string(cases[i].kind);
        EXPECT_EQ(static_cast<std::size_t>(cases[i].kind), i) << "every kind once, in EventKind order";
    }
}

TEST(FlowEvents, EveryKindHasItsOwnName) {
    std::set<std::string> names;
    for (const Case& c : every_event()) {
        const std::string name(to_string(c.kind));
        EXPECT_NE(name, "?");
        EXPECT_TRUE(names.insert(name).second) << name;
    }
}

TEST(FlowEvents, PayloadsCompareByValue) {
    EXPECT_EQ(Event(events::HostDeclined(host::ResponseCode::WrongPin)),
              Event(events::HostDeclined(host::ResponseCode::WrongPin)));
    EXPECT_NE(Event(events::HostDeclined(host::ResponseCode::WrongPin)),
              Event(events::HostDeclined(host::ResponseCode::ExpiredCard)));
    EXPECT_NE(Event(events::Cancel{}), Event(events::Timeout{}));
    // Events that carry data cannot be made without it (no default constructor).
    static_assert(!std::is_default_constructible_v<events::HostDeclined>);
    static_assert(!std::is_default_constructible_v<events::AmountChosen>);
    static_assert(!std::is_default_constructible_v<events::DevicesFailed>);
    static_assert(!std::is_default_constructible_v<events::EntryChanged>);
}

}  // namespace
}  // namespace kiosk::flow
