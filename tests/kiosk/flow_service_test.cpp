// The service mode's rows (kiosk/flow/flow_service_rows.cpp) and its way in during a visit: the
// visit ends as Cancel ends it, or goes on by its own rules until it can; sign-in, pages, actions
// (a supervisor's refused to a technician), the replenishment's counts, and leaving only when fit;
// kioskctl selftest's out-of-service spell and its way back to Attract only when fit.
#include <gtest/gtest.h>

#include "tests/kiosk/flow_driver.hpp"

namespace kiosk::flow {
namespace {

Event signed_in(ServiceRole role) { return events::TechnicianSignedIn(role); }
Event chosen(ServiceAction action) { return events::ServiceActionChosen(action); }

FlowDriver& to_service_menu(FlowDriver& d, ServiceRole role = ServiceRole::Technician) {
    d.send(E::ServiceRequested).send(E::TechnicianIdEntered).send(E::TechnicianPinEntered).send(signed_in(role));
    return d;
}

TEST(FlowServiceTest, FromAttractTheSignInStartsWithTheIdAndTheSlotShut) {
    FlowDriver d;
    d.send(E::ServiceRequested);
    EXPECT_EQ(d.state(), S::ServiceSignIn);
    EXPECT_TRUE(d.asked(EffectKind::RefuseCards));
    ASSERT_TRUE(d.effect<effects::BeginKeyEntry>());
    EXPECT_EQ(d.effect<effects::BeginKeyEntry>()->entry, KeyEntry::TechnicianId);
    EXPECT_EQ(d.screen(), ui::ScreenId::ServiceSignIn);
    d.send(E::TechnicianIdEntered);
    EXPECT_EQ(d.effect<effects::BeginKeyEntry>()->entry, KeyEntry::TechnicianPin);
    d.send(E::TechnicianPinEntered);
    EXPECT_TRUE(d.asked(EffectKind::CheckTechnician));
    EXPECT_EQ(d.state(), S::ServiceSignIn);
}

TEST(FlowServiceTest, ARefusalStartsOverAtTheIdAndSaysWhy) {
    FlowDriver d;
    d.send(E::ServiceRequested).send(E::TechnicianIdEntered).send(E::TechnicianPinEntered);
    d.send(events::TechnicianRefused(SignInRefusal::Locked));
    EXPECT_EQ(d.state(), S::ServiceSignIn);
    EXPECT_EQ(d.context().sign_in_refusal, SignInRefusal::Locked);
    EXPECT_EQ(d.context().service_field, ServiceField::TechnicianId);
    EXPECT_EQ(d.effect<effects::BeginKeyEntry>()->entry, KeyEntry::TechnicianId);
}

TEST(FlowServiceTest, DuringAVisitTheVisitEndsAsCancelWouldThenTheSignIn) {
    FlowDriver d;
    to_menu(d);
    d.send(E::ServiceRequested);
    EXPECT_EQ(d.state(), S::Closing) << "the card comes back first";
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
    d.send(E::CardTaken);
    EXPECT_EQ(d.state(), S::ThankYou) << "no survey on the way to the service mode";
    EXPECT_TRUE(d.asked(EffectKind::EndSession)) << "the visit is recorded";
    d.send(E::Timeout);
    EXPECT_EQ(d.state(), S::ServiceSignIn);
    EXPECT_FALSE(d.asked(EffectKind::AcceptCard));
    EXPECT_FALSE(d.context().service_requested) << "answered";
}

TEST(FlowServiceTest, PresentedCashFollowsItsOwnRulesBeforeTheVisitEnds) {
    FlowDriver d;
    to_menu(d);
    d.send(E::ChooseWithdrawal).send(amount(50000)).send(approved(100000));
    ASSERT_EQ(d.state(), S::ReturningCard);
    d.send(E::CardTaken).send(E::CashPresented);
    ASSERT_EQ(d.state(), S::TakeCash);
    d.send(E::ServiceRequested);
    EXPECT_EQ(d.state(), S::TakeCash) << "the notes are out: the customer's timer decides";
    EXPECT_TRUE(d.context().service_requested);
    d.send(E::Timeout);
    EXPECT_TRUE(d.asked(EffectKind::RetractCash)) << "not taken: retracted by the existing rule";
    for (int i = 0; i < 6 && d.state() != S::ServiceSignIn && d.state() != S::Attract; ++i) d.send(E::Timeout);
    EXPECT_EQ(d.state(), S::ServiceSignIn);
}

TEST(FlowServiceTest, ATechnicianCardIsReturnedThenTheSignIn) {
    FlowDriver d;
    d.send(E::CardInserted).send(E::ServiceRequested);
    EXPECT_EQ(d.state(), S::Closing);
    d.send(E::CardTaken).send(E::Timeout);
    EXPECT_EQ(d.state(), S::ServiceSignIn);
}

TEST(FlowServiceTest, PagesAndActionsStayInTheMenuAndAskTheRuntime) {
    FlowDriver d;
    to_service_menu(d);
    EXPECT_EQ(d.state(), S::ServiceMenu);
    EXPECT_EQ(d.screen(), ui::ScreenId::ServiceOverview);
    d.send(events::ServicePageChosen(ServicePage::Cash));
    EXPECT_EQ(d.screen(), ui::ScreenId::ServiceCash);
    d.send(chosen(ServiceAction::PrintTestReceipt));
    ASSERT_TRUE(d.effect<effects::RunServiceAction>());
    EXPECT_EQ(d.effect<effects::RunServiceAction>()->action, ServiceAction::PrintTestReceipt);
    EXPECT_EQ(d.context().service_page, ServicePage::DeviceTests) << "an action's page shows its result";
    EXPECT_FALSE(d.context().service_outcome) << "running";
    d.send(events::ServiceActionDone(ServiceAction::PrintTestReceipt, ServiceOutcome::Passed));
    EXPECT_EQ(d.context().service_outcome, ServiceOutcome::Passed);
    EXPECT_FALSE(d.context().service_action_asked) << "asked once";
}

TEST(FlowServiceTest, JournalSearchesAreAnyTechniciansActionsShownOnTheJournalPage) {
    for (const ServiceAction search : {ServiceAction::JournalFailures, ServiceAction::JournalCash,
                                       ServiceAction::JournalCards, ServiceAction::JournalService,
                                       ServiceAction::JournalAll}) {
        FlowDriver d;
        to_service_menu(d);
        d.send(events::ServicePageChosen(ServicePage::Journal));
        d.send(chosen(search));
        ASSERT_TRUE(d.effect<effects::RunServiceAction>()) << to_string(search);
        EXPECT_EQ(d.effect<effects::RunServiceAction>()->action, search);
        EXPECT_EQ(d.screen(), ui::ScreenId::ServiceJournal) << to_string(search);
        d.send(events::ServiceActionDone(search, ServiceOutcome::Passed));
        EXPECT_EQ(d.state(), S::ServiceMenu);
        EXPECT_EQ(d.screen(), ui::ScreenId::ServiceJournal);
        EXPECT_EQ(parse_service_action(to_string(search)), search) << "a button id names it";
    }
}

TEST(FlowServiceTest, KeyRotationIsRefusedToATechnicianAndAskedForASupervisor) {
    FlowDriver technician;
    to_service_menu(technician);
    technician.send(chosen(ServiceAction::RotateKeys));
    EXPECT_FALSE(technician.asked(EffectKind::RunServiceAction));
    EXPECT_EQ(technician.context().service_outcome, ServiceOutcome::Refused);
    FlowDriver supervisor;
    to_service_menu(supervisor, ServiceRole::Supervisor);
    supervisor.send(chosen(ServiceAction::RotateKeys));
    EXPECT_TRUE(supervisor.asked(EffectKind::RunServiceAction));
}

TEST(FlowServiceTest, ReplenishCollectsOneCountPerCassetteThenWrites) {
    FlowDriver d;
    to_service_menu(d);
    d.send(chosen(ServiceAction::ReplenishCash));
    EXPECT_EQ(d.state(), S::ServiceEnterCount);
    EXPECT_EQ(d.effect<effects::BeginKeyEntry>()->entry, KeyEntry::CassetteCount);
    EXPECT_FALSE(d.asked(EffectKind::RunServiceAction)) << "nothing written before the counts";
    d.send(events::ServiceCountEntered(true));
    EXPECT_EQ(d.state(), S::ServiceEnterCount);
    EXPECT_EQ(d.context().service_count_cassette, 1);
    d.send(events::ServiceCountEntered(false));
    EXPECT_EQ(d.state(), S::ServiceMenu);
    ASSERT_TRUE(d.effect<effects::RunServiceAction>());
    EXPECT_EQ(d.effect<effects::RunServiceAction>()->action, ServiceAction::ReplenishCash);
}

TEST(FlowServiceTest, CancelledCountsWriteNothing) {
    FlowDriver d;
    to_service_menu(d);
    d.send(chosen(ServiceAction::ReplenishCash)).send(events::ServiceCountEntered(true)).send(E::Cancel);
    EXPECT_EQ(d.state(), S::ServiceMenu);
    EXPECT_FALSE(d.asked(EffectKind::RunServiceAction));
}

TEST(FlowServiceTest, LeavingChecksFitnessAndReturnsToServiceOnlyWhenFit) {
    FlowDriver d;
    to_service_menu(d);
    d.send(E::LeaveService);
    EXPECT_EQ(d.state(), S::ServiceLeaving);
    EXPECT_TRUE(d.asked(EffectKind::CheckServiceFitness));
    d.send(events::ServiceFitnessChecked(false));
    EXPECT_EQ(d.state(), S::ServiceMenu) << "not fit: the technician stays";
    EXPECT_TRUE(d.context().service_unfit);
    d.send(E::LeaveService).send(events::ServiceFitnessChecked(true));
    EXPECT_EQ(d.state(), S::Attract);
    EXPECT_TRUE(d.asked(EffectKind::EndServiceMode));
    EXPECT_TRUE(d.asked(EffectKind::AcceptCard));
}

TEST(FlowServiceTest, NeverSignedInAndNotFitTheKioskStaysOutOfService) {
    FlowDriver d;
    d.send(E::ServiceRequested).send(E::Cancel);
    EXPECT_EQ(d.state(), S::ServiceLeaving);
    d.send(events::ServiceFitnessChecked(false));
    EXPECT_EQ(d.state(), S::OutOfService) << "no pages without a sign-in";
    EXPECT_TRUE(d.asked(EffectKind::EndServiceMode));
}

TEST(FlowServiceTest, ASelfTestShutsTheKioskUntilItEndsAndFit) {
    FlowDriver d;
    d.send(E::SelfTestStarted);
    EXPECT_EQ(d.state(), S::OutOfService);
    EXPECT_TRUE(d.asked(EffectKind::RefuseCards));
    EXPECT_EQ(d.screen(), ui::ScreenId::OutOfService);
    EXPECT_EQ(d.context().reason, Reason(CloseReason::OutOfServiceSelfTest));
    EXPECT_TRUE(d.context().self_testing);
    // Rounds in between (a busy dispenser, then all fit again) neither change the notice nor open.
    d.send(events::DevicesFailed(OutOfServiceReason::Devices));
    EXPECT_EQ(d.context().reason, Reason(CloseReason::OutOfServiceSelfTest));
    d.send(E::DevicesRestored);
    EXPECT_EQ(d.state(), S::OutOfService) << "not before the tests end";
    d.send(events::SelfTestFinished(std::nullopt));
    EXPECT_EQ(d.state(), S::Attract);
    EXPECT_TRUE(d.asked(EffectKind::AcceptCard));
    EXPECT_FALSE(d.context().self_testing);
}

TEST(FlowServiceTest, NotFitAfterASelfTestTheKioskStaysOutForTheRoundsReason) {
    FlowDriver d;
    d.send(events::DevicesFailed(OutOfServiceReason::Tamper));
    d.send(E::SelfTestStarted);
    EXPECT_EQ(d.state(), S::OutOfService);
    EXPECT_EQ(d.context().reason, Reason(CloseReason::OutOfServiceSelfTest));
    d.send(events::SelfTestFinished(OutOfServiceReason::Tamper));
    EXPECT_EQ(d.state(), S::OutOfService);
    EXPECT_EQ(d.context().reason, Reason(OutOfServiceReason::Tamper));
    EXPECT_FALSE(d.context().self_testing);
    d.send(E::DevicesRestored);
    EXPECT_EQ(d.state(), S::Attract) << "the fitness rounds route it again";
}

TEST(FlowServiceTest, ASelfTestIsNotTakenDuringAVisitAndATechnicianTakesOver) {
    FlowDriver d;
    to_menu(d);
    d.send(E::SelfTestStarted);
    EXPECT_EQ(d.state(), S::MainMenu) << "no row: the control socket refuses it anyway";
    FlowDriver idle;
    idle.send(E::SelfTestStarted).send(E::ServiceRequested);
    EXPECT_EQ(idle.state(), S::ServiceSignIn);
    EXPECT_FALSE(idle.context().self_testing) << "leaving the service mode is the fitness check's";
}

}  // namespace
}  // namespace kiosk::flow
