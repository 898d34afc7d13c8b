// ComplaintService with a fake printer and record sink: the report recorded at once, pre-filled
// from the visit (never a card number), its slip printed — or the reference as a QR code when the
// printer is unfit or the slip fails — and nothing kept after the visit. The slip's own content.
#include "kiosk/runtime/complaint_service.hpp"

#include <gtest/gtest.h>

#include "kiosk/runtime/complaint_screens.hpp"
#include "kiosk/runtime/complaint_slip.hpp"
#include "tests/kiosk/runtime/runtime_fakes.hpp"

namespace kiosk::test {
namespace {

using flow::ComplaintCategory;

class ComplaintServiceTest : public ::testing::Test {
protected:
    ComplaintServiceTest() {
        session.number = 7;
        session.masked_pan = "401288******1881";
        session.pan_token = "token-abc";
        session.last_stan = 4711;
        session.last_amount = Money{500'00, "CNY", 2};
        context.reason = flow::CloseReason::DispenseFailed;
        context.amount = Money{500'00, "CNY", 2};
        context.complaint_offered = true;
    }
    void settle() { loop.settle(worker); }
    std::string slip_text() {
        const std::lock_guard lock(printer.mutex);
        std::string text;
        for (const drivers::ReceiptLine& line : printer.printed.back().lines) text += line.text + "\n";
        return text;
    }

    LoopHarness loop;
    CallLog log;
    FakePrinter printer{log};
    RequestWorker<drivers::ReceiptPrinter> worker{"printer", printer, loop.mailbox, loop.clock};
    Session session;
    flow::Context context;
    int refreshed = 0;
    ComplaintService complaints{loop.ports(),
                                {worker, "Kiosk Bank", "TERM0001", "https://complaints.example/c/{reference}",
                                 Millis(30'000), [this] { ++refreshed; }},
                                session};
};

TEST_F(ComplaintServiceTest, AChineseCustomersSlipIsInChinese) {
    context.language = ui::Language::SimplifiedChinese;
    complaints.file(flow::effects::FileComplaint(ComplaintCategory::CashNotDispensed, true), context, true);
    settle();
    const std::string slip = slip_text();
    EXPECT_NE(slip.find("问题报告已受理\n"), std::string::npos) << slip;
    EXPECT_NE(slip.find("KB-20260105-T1ST"), std::string::npos) << slip;
    EXPECT_NE(slip.find("问题 未出钞或金额不对\n"), std::string::npos) << slip;
    EXPECT_NE(slip.find("金额 ¥500.00"), std::string::npos) << slip;
    EXPECT_EQ(slip.find("1881"), std::string::npos) << slip;
}

TEST_F(ComplaintServiceTest, WhatTheKioskKnowsIsPreFilledAndNeverTheCardNumber) {
    const ComplaintReport report = complaint_report_of(ComplaintCategory::CashNotDispensed, context, session);
    EXPECT_EQ(report.transaction_reference, "000000004711") << "no host reference: the STAN, 12 digits";
    EXPECT_EQ(report.amount, (Money{500'00, "CNY", 2}));
    EXPECT_EQ(report.detail, "dispense failed after approval");
    EXPECT_TRUE(report.offered_after_failure);
    session.last_retrieval_reference = "601234004711";
    EXPECT_EQ(complaint_report_of(ComplaintCategory::Other, context, session).transaction_reference, "601234004711");
    EXPECT_EQ(complaint_report_of(ComplaintCategory::Other, flow::Context{}, Session{}).transaction_reference, "");
}

TEST_F(ComplaintServiceTest, TheReportIsRecordedAtOnceAndItsSlipPrinted) {
    complaints.file(flow::effects::FileComplaint(ComplaintCategory::CashNotDispensed, true), context, true);
    ASSERT_EQ(loop.sink.complaints.size(), 1U) << "recorded before anything is printed";
    EXPECT_EQ(loop.sink.complaints.front().category, ComplaintCategory::CashNotDispensed);
    EXPECT_EQ(complaints.slip(), ComplaintService::Slip::Printing);
    EXPECT_EQ(complaints.reference(), "KB-20260105-T1ST");
    EXPECT_TRUE(complaints.qr_text().empty());
    settle();
    EXPECT_EQ(complaints.slip(), ComplaintService::Slip::Printed);
    EXPECT_EQ(refreshed, 1) << "the acknowledgement is drawn again";
    const std::string slip = slip_text();
    EXPECT_NE(slip.find("KB-20260105-T1ST"), std::string::npos) << slip;
    EXPECT_NE(slip.find("CASH NOT DISPENSED"), std::string::npos) << slip;
    EXPECT_NE(slip.find("TRANSACTION 000000004711"), std::string::npos) << slip;
    EXPECT_NE(slip.find("AMOUNT CNY 500.00"), std::string::npos) << slip;
    EXPECT_EQ(slip.find("1881"), std::string::npos) << "no card number on a slip: " << slip;
    EXPECT_EQ(printer.printed.back().qr_code, "https://complaints.example/c/KB-20260105-T1ST");
    ASSERT_EQ(session.journey.events().size(), 1U);
    EXPECT_EQ(session.journey.events().front().detail, "cash_not_dispensed");
}

TEST_F(ComplaintServiceTest, AnUnfitPrinterGivesTheReferenceAsAQrCodeAtOnce) {
    complaints.file(flow::effects::FileComplaint(ComplaintCategory::Receipt, false), context, false);
    EXPECT_EQ(complaints.slip(), ComplaintService::Slip::ShownAsQr);
    EXPECT_EQ(complaints.qr_text(), "https://complaints.example/c/" + complaints.reference());
    const std::lock_guard lock(printer.mutex);
    EXPECT_TRUE(printer.printed.empty());
}

TEST_F(ComplaintServiceTest, ASlipThatFailsBecomesAQrCode) {
    printer.print_answer = make_error("printer", "paper out");
    complaints.file(flow::effects::FileComplaint(ComplaintCategory::Other, false), context, true);
    settle();
    EXPECT_EQ(complaints.slip(), ComplaintService::Slip::ShownAsQr);
    EXPECT_FALSE(complaints.qr_text().empty());
    EXPECT_TRUE(loop.noted("paper out"));
    EXPECT_EQ(refreshed, 1);
}

TEST_F(ComplaintServiceTest, AReportThatCannotBeRecordedGivesNoReference) {
    loop.sink.answer = make_error("store", "database is locked");
    complaints.file(flow::effects::FileComplaint(ComplaintCategory::Other, false), context, true);
    EXPECT_EQ(complaints.slip(), ComplaintService::Slip::NotRecorded);
    EXPECT_TRUE(complaints.reference().empty());
    EXPECT_TRUE(loop.noted("database is locked"));
    const std::lock_guard lock(printer.mutex);
    EXPECT_TRUE(printer.printed.empty()) << "no slip for a report the bank does not have";
}

TEST_F(ComplaintServiceTest, ASlipFinishingAfterTheVisitChangesNothing) {
    complaints.file(flow::effects::FileComplaint(ComplaintCategory::Other, false), context, true);
    complaints.reset();
    settle();
    EXPECT_EQ(complaints.slip(), ComplaintService::Slip::None);
    EXPECT_EQ(refreshed, 0);
}

TEST(ComplaintScreens, TheHeaderControlIsOfferedExactlyWhereTheFlowTakesIt) {
    flow::Context context;
    for (const auto& [state, offer] : std::vector<std::pair<flow::StateId, ui::Offer>>{
             {flow::StateId::Attract, ui::Offer::Available},
             {flow::StateId::MainMenu, ui::Offer::Available},
             {flow::StateId::Closing, ui::Offer::Available},
             {flow::StateId::CardRetained, ui::Offer::Available},
             {flow::StateId::Dispensing, ui::Offer::Unavailable},
             {flow::StateId::TakeCash, ui::Offer::Unavailable},
             {flow::StateId::ReadingCard, ui::Offer::Unavailable},
             {flow::StateId::OutOfService, ui::Offer::Hidden},
             {flow::StateId::ComplaintCategory, ui::Offer::Hidden},
             {flow::StateId::ComplaintDone, ui::Offer::Hidden}}) {
        context.state = state;
        EXPECT_EQ(report_problem_control(context), offer) << flow::to_string(state);
    }
}

TEST(ComplaintScreens, TheMenuSaysWhereEachReportIsInTheCustomersLanguage) {
    Session session;
    session.complaints = {{"KB-20261202-7Q4M", ComplaintState::InProgress, 2},
                          {"KB-20261118-K2XP", ComplaintState::Resolved, 1},
                          {"KB-20261001-AAAA", ComplaintState::Received, 0}};
    EXPECT_EQ(complaint_status_lines(session, ui::Language::English),
              (std::vector<std::string>{"Your report KB-20261202-7Q4M is being handled",
                                        "Your report KB-20261118-K2XP has been resolved"}))
        << "at most two, newest first as the CRM sends them";
    EXPECT_EQ(complaint_status_lines(session, ui::Language::SimplifiedChinese).front(), "您的报告 KB-20261202-7Q4M 正在处理中");
    EXPECT_TRUE(complaint_status_lines(Session{}, ui::Language::English).empty());
}

TEST(ComplaintScreens, TheConfirmationShowsCategoryReferenceAndAmountButNoCard) {
    Session session;
    session.masked_pan = "401288******1881";
    session.last_retrieval_reference = "601234004711";
    flow::Context context;
    context.state = flow::StateId::ComplaintConfirm;
    context.complaint_category = ComplaintCategory::CashNotDispensed;
    context.amount = Money{500'00, "CNY", 2};
    ui::ViewModel vm;
    vm.screen = ui::ScreenId::ComplaintConfirm;
    vm.message_key = "cash.dispense_failed";
    fill_complaint_screen(vm, context, session, {});
    ASSERT_EQ(vm.facts.size(), 3U);
    EXPECT_EQ(vm.facts[0].value_key, "complaint.category.cash_not_dispensed");
    EXPECT_EQ(vm.facts[1].value, "601234004711");
    EXPECT_EQ(vm.facts[2].amount, (Money{500'00, "CNY", 2}));
    EXPECT_TRUE(vm.message_key.empty());
    for (const ui::FactLine& fact : vm.facts) EXPECT_EQ(fact.value.find("1881"), std::string::npos);
    ASSERT_EQ(vm.buttons.size(), 3U);
    EXPECT_EQ(vm.buttons.back().action, "complaint_send");
}

}  // namespace
}  // namespace kiosk::test
