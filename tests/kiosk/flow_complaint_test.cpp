// "Report a problem" in the pure flow: offered after a failure once the card is back, pre-filled
// with the category the failure suggests; reachable from every interactive state by ending the
// visit the way Cancel does (the card first); a category outside the five refused; the report
// filed only from the confirmation screen.
#include <gtest/gtest.h>

#include "tests/kiosk/flow_driver.hpp"

namespace kiosk::flow {
namespace {

Event chosen(ComplaintCategory category) { return events::ComplaintCategoryChosen(category); }

// Card first (the default order): the card is back before the notes are picked; the pick fails.
FlowDriver failed_dispense() {
    FlowDriver d;
    to_menu(d).send(E::ChooseWithdrawal).send(amount(50000)).send(approved(1)).send(E::CardTaken);
    EXPECT_EQ(d.state(), S::Dispensing);
    d.send(E::DispenseFailed);
    return d;
}

TEST(FlowComplaintTest, AFailedDispenseOffersAReportPreFilledWithCashNotDispensed) {
    FlowDriver d = failed_dispense();
    EXPECT_TRUE(d.asked(EffectKind::ReverseTransaction)) << "the money goes back whatever the customer does next";
    EXPECT_EQ(d.state(), S::ComplaintOffer) << "no card to return: the offer at once";
    EXPECT_EQ(d.screen(), ui::ScreenId::ComplaintOffer);
    EXPECT_EQ(d.context().reason, CloseReason::DispenseFailed) << "the offer shows what failed";
    EXPECT_EQ(d.context().complaint_category, ComplaintCategory::CashNotDispensed);
    EXPECT_TRUE(d.context().complaint_offered);
    d.send(E::ReportProblem);
    EXPECT_EQ(d.state(), S::ComplaintCategory);
    EXPECT_EQ(d.context().complaint_category, ComplaintCategory::CashNotDispensed) << "pre-selected";
    d.send(chosen(ComplaintCategory::CashNotDispensed));
    EXPECT_EQ(d.state(), S::ComplaintConfirm);
    EXPECT_FALSE(d.asked(EffectKind::FileComplaint)) << "nothing is sent before the customer sees it";
    d.send(E::SendComplaint);
    EXPECT_EQ(d.state(), S::ComplaintDone);
    const auto filed = d.effect<effects::FileComplaint>();
    ASSERT_TRUE(filed);
    EXPECT_EQ(filed->category, ComplaintCategory::CashNotDispensed);
    EXPECT_TRUE(filed->offered_after_failure);
    d.send(E::Continue);
    EXPECT_EQ(d.state(), S::ThankYou);
    EXPECT_EQ(d.screen(), ui::ScreenId::ThankYou) << "the failure was said; now a plain goodbye";
    EXPECT_TRUE(d.asked(EffectKind::EndSession));
}

TEST(FlowComplaintTest, NoThanksEndsTheVisitWithoutFiling) {
    FlowDriver d = failed_dispense();
    d.send(E::Cancel);
    EXPECT_EQ(d.state(), S::ThankYou);
    EXPECT_FALSE(d.asked(EffectKind::FileComplaint));
    EXPECT_TRUE(d.asked(EffectKind::EndSession));
}

TEST(FlowComplaintTest, AReceiptThatDidNotPrintIsOfferedOnceTheCardIsTaken) {
    FlowDriver d;
    to_menu(d).send(E::ChooseBalance).send(approved(1)).send(E::Continue).send(E::ReceiptYes).send(E::PrintFailed);
    EXPECT_EQ(d.state(), S::Closing) << "the card comes back first";
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
    d.send(E::CardTaken);
    EXPECT_EQ(d.state(), S::ComplaintOffer);
    EXPECT_EQ(d.context().complaint_category, ComplaintCategory::Receipt);
}

TEST(FlowComplaintTest, ASuccessfulVisitIsNotOfferedAReport) {
    FlowDriver d;
    to_menu(d).send(E::ChooseBalance).send(approved(1)).send(E::Continue).send(E::ReceiptNo).send(E::AnotherNo);
    d.send(E::CardTaken);
    EXPECT_EQ(d.state(), S::ThankYou);
}

TEST(FlowComplaintTest, ReportAProblemMidVisitReturnsTheCardFirstThenShowsTheCategories) {
    FlowDriver d;
    to_menu(d).send(E::ChooseWithdrawal);
    d.send(E::ReportProblem);
    EXPECT_EQ(d.state(), S::Closing) << "as Cancel: the card is not stranded";
    EXPECT_TRUE(d.asked(EffectKind::EjectCard));
    EXPECT_TRUE(d.context().report_asked);
    EXPECT_FALSE(d.context().complaint_category) << "nothing failed: the customer says what";
    d.send(E::CardTaken);
    EXPECT_EQ(d.state(), S::ComplaintCategory);
    EXPECT_FALSE(d.context().complaint_offered);
}

TEST(FlowComplaintTest, ReportingWhileTheBankDecidesReversesWhatMayHaveMovedMoney) {
    FlowDriver d;
    to_menu(d).send(E::ChooseWithdrawal).send(amount(50000));
    ASSERT_EQ(d.state(), S::Authorizing);
    d.send(E::ReportProblem);
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_TRUE(d.asked(EffectKind::ReverseTransaction)) << "the same row as Cancel: reversed";
}

TEST(FlowComplaintTest, ReportAProblemIsTakenInEveryStateCancelIsAndWhileTheCardGoesBack) {
    for (const TransitionRow& row : transition_table()) {
        if (row.on != E::Cancel || row.to != S::Closing) continue;
        const bool mirrored = std::any_of(transition_table().begin(), transition_table().end(), [&](const TransitionRow& r) {
            return r.from == row.from && r.on == E::ReportProblem && r.to == S::Closing &&
                   r.guard_name == row.guard_name && r.reverse == row.reverse;
        });
        EXPECT_TRUE(mirrored) << to_string(row.from) << " [" << row.guard_name << "] has no report row";
    }
    FlowDriver d;
    to_menu(d).send(E::Cancel);
    ASSERT_EQ(d.state(), S::Closing);
    d.send(E::ReportProblem);
    EXPECT_EQ(d.state(), S::Closing);
    EXPECT_TRUE(d.context().report_asked);
    d.send(E::CardTaken);
    EXPECT_EQ(d.state(), S::ComplaintCategory);
}

TEST(FlowComplaintTest, FromTheWelcomeScreenAReportHasNoCardAndNoPreFill) {
    FlowDriver d;
    d.send(E::ReportProblem);
    EXPECT_EQ(d.state(), S::ComplaintCategory);
    EXPECT_FALSE(d.context().card_in_machine);
    EXPECT_FALSE(d.context().complaint_category);
    d.send(E::SendComplaint);
    EXPECT_EQ(d.state(), S::ComplaintCategory) << "no category chosen yet: nothing to send (and no row)";
}

TEST(FlowComplaintTest, AKeptCardCanBeReportedFromTheRetainedScreen) {
    FlowDriver d;
    d.send(E::CardInserted).send(E::CardReadOk).send(E::Timeout).send(E::Timeout).send(E::Timeout);
    ASSERT_EQ(d.state(), S::CardRetained);
    d.send(E::ReportProblem);
    EXPECT_EQ(d.state(), S::ComplaintCategory);
    EXPECT_EQ(d.context().complaint_category, ComplaintCategory::CardRetained);
}

TEST(FlowComplaintTest, ACategoryOutsideTheFiveIsRefusedAndNothingIsFiled) {
    FlowDriver d;
    d.send(E::ReportProblem);
    const Context before = d.context();
    d.send(chosen(static_cast<ComplaintCategory>(5)));
    EXPECT_FALSE(d.last_taken()) << "no row takes an unknown category";
    EXPECT_EQ(d.state(), S::ComplaintCategory);
    EXPECT_FALSE(d.context().complaint_category);
    d.send(chosen(static_cast<ComplaintCategory>(-1)));
    EXPECT_FALSE(d.last_taken());
    d.send(E::SendComplaint);
    EXPECT_FALSE(d.asked(EffectKind::FileComplaint));
    EXPECT_EQ(d.context().complaint_category, before.complaint_category);
    for (const ComplaintCategory category : kComplaintCategories) EXPECT_TRUE(is_known(category)) << to_string(category);
    EXPECT_FALSE(is_known(static_cast<ComplaintCategory>(5)));
}

TEST(FlowComplaintTest, TheConfirmationCanGoBackToTheCategories) {
    FlowDriver d = failed_dispense();
    d.send(E::ReportProblem).send(chosen(ComplaintCategory::CashNotDispensed)).send(E::ReportProblem);
    EXPECT_EQ(d.state(), S::ComplaintCategory);
    d.send(chosen(ComplaintCategory::Other)).send(E::SendComplaint);
    ASSERT_TRUE(d.effect<effects::FileComplaint>());
    EXPECT_EQ(d.effect<effects::FileComplaint>()->category, ComplaintCategory::Other) << "the customer's choice wins";
}

TEST(FlowComplaintTest, EveryComplaintScreenTimesOutToGoodbye) {
    for (const StateId state : {S::ComplaintOffer, S::ComplaintCategory, S::ComplaintConfirm, S::ComplaintDone}) {
        Context context;
        context.state = state;
        const Transition t = Flow{}.step(context, ev(E::Timeout));
        ASSERT_TRUE(t.row) << to_string(state);
        EXPECT_EQ(t.context.state, S::ThankYou) << to_string(state);
    }
}

}  // namespace
}  // namespace kiosk::flow
