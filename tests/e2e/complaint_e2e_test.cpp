// "Report a problem" on the simulator (issue 10, item 5): a withdrawal whose dispense fails is
// offered a report; the customer sends it; its reference is printed on the simulated printer; the
// simulated CRM opens the complaint record; the CRM moves the complaint on; the same card's next
// visit shows its status on the main menu. With the printer out of paper the reference is a QR
// code instead. A category outside the five is refused by the flow and nothing is recorded.
// Profiles come from the simulated CRM over HTTPS (crm.profiles_url), not from the card deck.
// Set KIOSK_E2E_SCREENS=<dir> to keep the PNGs.
#include <gtest/gtest.h>

#include "kiosk/cx/complaint_reference.hpp"
#include "tests/e2e/crm_opened_check.hpp"
#include "tests/e2e/cx_payloads.hpp"
#include "tests/e2e/kiosk_on_simulator.hpp"

namespace kiosk::test {
namespace {

using flow::StateId;

constexpr Millis kFitnessRound{Runtime::fitness_interval + Millis(500)};

class ComplaintE2eTest : public KioskOnSimulator {
protected:
    void SetUp() override {
        start("kiosk-complaint");
        // The same kiosk again, asking the simulated CRM for profiles (its complaints included).
        config_.crm.profiles_url = rig_->crm().profiles_url();
        deck_profiles_ = false;
        start_app();
    }

    const sim::VirtualCard& customer() { return sim::card("visa-alice"); }

    // Everything committed so far, delivered to the simulated CRM.
    void upload_all() {
        for (int round = 0; round < 10; ++round) {
            const crm::UploadSummary summary = app_->uploader().upload_once();
            ASSERT_FALSE(summary.error) << summary.error->to_string();
            if (summary.sent == 0) return;
        }
    }

    std::vector<nlohmann::json> crm_complaints() {
        std::vector<nlohmann::json> found;
        for (const sim::OpenedCrmRecord& record : rig_->crm().opened_records()) {
            if (record.kind == "complaint") found.push_back(nlohmann::json::parse(record.payload_json));
        }
        return found;
    }

    void leave_from_menu() {
        touch("cancel");
        ASSERT_TRUE(rig_->card_reader().take_card().ok());
        pass(Millis(6'000));
        ASSERT_EQ(state(), StateId::Attract) << notes_;
    }

    // From the welcome screen: "Report a problem", a category, Send.
    void report_from_attract(std::string_view category_action) {
        ASSERT_EQ(state(), StateId::Attract);
        ASSERT_EQ(last_screen_.report_problem, ui::Offer::Available) << "the header control, on attract too";
        touch("report_problem");
        ASSERT_EQ(state(), StateId::ComplaintCategory) << notes_;
        touch(category_action);
        ASSERT_EQ(state(), StateId::ComplaintConfirm) << notes_;
        touch("complaint_send", Millis(2'000));
        ASSERT_EQ(state(), StateId::ComplaintDone) << notes_;
    }
};

TEST_F(ComplaintE2eTest, AComplaintAfterAFailedDispenseItsReferencePrintedItsStatusShownOnTheNextVisit) {
    rig_->cash().pick_failure(0, sim::FaultMode::once);  // the first pick from the 100s fails
    to_menu(customer());
    EXPECT_EQ(last_screen_.report_problem, ui::Offer::Available);
    EXPECT_TRUE(last_screen_.status_lines.empty()) << "no earlier report";
    touch("withdrawal");
    touch("amount_0", Millis(2'000));
    ASSERT_EQ(state(), StateId::ReturningCard) << notes_;
    ASSERT_TRUE(rig_->card_reader().take_card().ok());
    pass(Millis(3'000));

    // The failure: the money goes back, and the report is offered with what the kiosk knows.
    ASSERT_EQ(state(), StateId::ComplaintOffer) << notes_;
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::ComplaintOffer);
    EXPECT_EQ(last_screen_.message_key, "cash.dispense_failed");
    touch("report_problem");
    ASSERT_EQ(state(), StateId::ComplaintCategory);
    ASSERT_FALSE(last_screen_.buttons.empty());
    EXPECT_EQ(last_screen_.buttons.front().action, "complaint_category_0");
    EXPECT_TRUE(last_screen_.buttons.front().marked) << "cash not dispensed, pre-selected";
    touch("complaint_category_0");
    ASSERT_EQ(state(), StateId::ComplaintConfirm);
    ASSERT_EQ(last_screen_.facts.size(), 3U) << "category, transaction reference, amount";
    EXPECT_EQ(last_screen_.facts[0].value_key, "complaint.category.cash_not_dispensed");
    const std::string transaction_reference = last_screen_.facts[1].value;
    EXPECT_EQ(transaction_reference.size(), 12U) << transaction_reference;
    EXPECT_EQ(last_screen_.facts[2].amount, (Money{100'00, "CNY", 2}));
    for (const ui::FactLine& fact : last_screen_.facts) {
        EXPECT_EQ(fact.value.find(customer().pan.substr(6)), std::string::npos) << "never a card number";
    }

    const std::size_t printed_before = rig_->printer().receipts().size();
    touch("complaint_send", Millis(3'000));
    ASSERT_EQ(state(), StateId::ComplaintDone) << notes_;
    const std::string reference = last_screen_.receipt_reference;
    EXPECT_TRUE(is_complaint_reference(reference)) << reference;
    EXPECT_EQ(last_screen_.message_key, "complaint.slip_printed") << notes_;
    EXPECT_TRUE(last_screen_.qr_text.empty()) << "printed: no QR code";

    // Read back what the simulated printer printed: the slip with the reference, no card number.
    const auto receipts = rig_->printer().receipts();
    ASSERT_EQ(receipts.size(), printed_before + 1);
    const std::string slip = receipts.back().text();
    EXPECT_NE(slip.find(reference), std::string::npos) << slip;
    EXPECT_NE(slip.find("CASH NOT DISPENSED"), std::string::npos) << slip;
    EXPECT_NE(slip.find(transaction_reference), std::string::npos) << slip;
    EXPECT_EQ(slip.find(customer().pan.substr(6)), std::string::npos) << slip;

    touch("continue");
    ASSERT_EQ(state(), StateId::ThankYou);
    pass(Millis(6'000));
    ASSERT_EQ(state(), StateId::Attract);

    // The record, at top priority, opened by the simulated CRM with the rest of the visit.
    const auto queued = opened_of_kind(*app_, *rig_, clock_, "complaint");
    ASSERT_EQ(queued.size(), 1U);
    EXPECT_EQ(queued.front().payload["reference"], reference);
    EXPECT_EQ(queued.front().payload["category"], "cash_not_dispensed");
    EXPECT_EQ(queued.front().payload["transaction_reference"], transaction_reference);
    EXPECT_EQ(queued.front().payload["amount_minor"], 100'00);
    EXPECT_EQ(queued.front().payload["offered_after_failure"], true);
    EXPECT_EQ(queued.front().payload["detail"], "dispense failed after approval");
    auto next = store::Outbox(app_->database(), clock_).next_batch(1);
    ASSERT_TRUE(next.ok());
    ASSERT_EQ(next->size(), 1U);
    EXPECT_TRUE(next->front().header.kind == "complaint" || next->front().header.kind == "transaction")
        << "priority 0 goes first: " << next->front().header.kind;
    upload_all();
    expect_crm_opened_every_record(rig_->crm(), app_->cx().committed_record_ids());
    const auto at_crm = crm_complaints();
    ASSERT_EQ(at_crm.size(), 1U);
    EXPECT_EQ(at_crm.front()["reference"], reference);
    EXPECT_EQ(at_crm.front()["pan_token"], queued.front().payload["pan_token"]);

    // The bank works on it: the next visit with the same card says so on the menu.
    ASSERT_TRUE(*rig_->crm().set_complaint_state(reference, ComplaintState::InProgress));
    to_menu(customer());
    ASSERT_EQ(last_screen_.status_lines.size(), 1U) << notes_;
    EXPECT_EQ(last_screen_.status_lines.front(), "Your report " + reference + " is being handled");
    EXPECT_EQ(runtime().session().complaints.front().reference, reference);
    leave_from_menu();

    ASSERT_TRUE(*rig_->crm().set_complaint_state(reference, ComplaintState::Resolved));
    to_menu(customer());
    ASSERT_EQ(last_screen_.status_lines.size(), 1U) << notes_;
    EXPECT_EQ(last_screen_.status_lines.front(), "Your report " + reference + " has been resolved");
    const std::filesystem::path png = dir_ / "main_menu_complaint_status.png";
    ASSERT_TRUE(display_->save_png(png).ok());
    if (const char* keep = std::getenv("KIOSK_E2E_SCREENS")) {
        std::filesystem::create_directories(keep);
        std::filesystem::copy_file(png, std::filesystem::path(keep) / "main_menu_complaint_status.png",
                                   std::filesystem::copy_options::overwrite_existing);
    }
    EXPECT_TRUE(notes_.find("display:") == std::string::npos) << "the menu with its status line fits: " << notes_;
    leave_from_menu();
    upload_all();
    expect_crm_opened_every_record(rig_->crm(), app_->cx().committed_record_ids());
}

TEST_F(ComplaintE2eTest, WithThePrinterOutOfPaperTheReferenceIsShownAsAQrCode) {
    rig_->printer().set_paper(drivers::PaperState::out);
    pass(kFitnessRound);
    const std::size_t printed_before = rig_->printer().receipts().size();
    report_from_attract("complaint_category_2");  // screen not responding
    const std::string reference = last_screen_.receipt_reference;
    EXPECT_TRUE(is_complaint_reference(reference)) << reference;
    EXPECT_EQ(last_screen_.message_key, "complaint.scan_qr");
    EXPECT_NE(last_screen_.qr_text.find(reference), std::string::npos) << last_screen_.qr_text;
    EXPECT_TRUE(last_screen_.qr_text.starts_with("https://"));
    EXPECT_EQ(rig_->printer().receipts().size(), printed_before) << "nothing printed";
    EXPECT_TRUE(notes_.find("display:") == std::string::npos) << notes_;
    touch("continue");
    pass(Millis(6'000));
    ASSERT_EQ(state(), StateId::Attract);

    const auto queued = opened_of_kind(*app_, *rig_, clock_, "complaint");
    ASSERT_EQ(queued.size(), 1U);
    EXPECT_EQ(queued.front().payload["category"], "screen_not_responding");
    EXPECT_TRUE(queued.front().payload["pan_token"].is_null()) << "no card: an anonymous report";
    EXPECT_EQ(queued.front().payload["offered_after_failure"], false);
    upload_all();
    expect_crm_opened_every_record(rig_->crm(), app_->cx().committed_record_ids());
    EXPECT_EQ(crm_complaints().size(), 1U);
}

TEST_F(ComplaintE2eTest, ACategoryOutsideTheFiveIsRefusedByTheFlowAndNotStored) {
    touch("report_problem");
    ASSERT_EQ(state(), StateId::ComplaintCategory);
    touch("complaint_category_7");
    EXPECT_EQ(state(), StateId::ComplaintCategory) << "refused: the screen stays";
    touch("complaint_send");
    EXPECT_EQ(state(), StateId::ComplaintCategory) << "nothing chosen, nothing to send";
    touch("cancel");
    pass(Millis(6'000));
    ASSERT_EQ(state(), StateId::Attract);
    EXPECT_TRUE(opened_of_kind(*app_, *rig_, clock_, "complaint").empty());
    upload_all();
    EXPECT_TRUE(crm_complaints().empty());
    expect_crm_opened_every_record(rig_->crm(), app_->cx().committed_record_ids());
}

TEST_F(ComplaintE2eTest, ReportAProblemMidVisitGivesTheCardBackFirst) {
    to_menu(customer());
    touch("withdrawal");
    touch("report_problem");
    ASSERT_EQ(state(), StateId::Closing) << "the card comes back first";
    EXPECT_EQ(runtime().session().problem_reported, true);
    ASSERT_TRUE(rig_->card_reader().take_card().ok());
    pass(Millis(1'000));
    ASSERT_EQ(state(), StateId::ComplaintCategory) << notes_;
    touch("complaint_category_4");
    touch("complaint_send", Millis(3'000));
    ASSERT_EQ(state(), StateId::ComplaintDone);
    EXPECT_TRUE(is_complaint_reference(last_screen_.receipt_reference));
    touch("continue");
    pass(Millis(6'000));
    const auto journeys = opened_of_kind(*app_, *rig_, clock_, "journey");
    ASSERT_FALSE(journeys.empty());
    bool complaint_event = false;
    for (const auto& event : journeys.back().payload["events"]) {
        if (event["type"] == "complaint" && event["detail"] == "other") complaint_event = true;
    }
    EXPECT_TRUE(complaint_event) << journeys.back().text;
}

TEST_F(ComplaintE2eTest, AKeptCardIsReportedFromTheRetainedScreenWithWhatItsVisitKnew) {
    to_menu(customer());
    touch("cancel");
    ASSERT_EQ(state(), StateId::Closing);
    pass(Millis(31'000));  // the card is not taken: kept
    ASSERT_EQ(state(), StateId::CardRetained) << notes_;
    ASSERT_FALSE(last_screen_.buttons.empty());
    EXPECT_EQ(last_screen_.buttons.front().action, "report_problem") << "the report offered on the spot";
    touch("report_problem");
    ASSERT_EQ(state(), StateId::ComplaintCategory) << notes_;
    ASSERT_GE(last_screen_.buttons.size(), 2U);
    EXPECT_TRUE(last_screen_.buttons[1].marked) << "card retained, pre-selected";
    touch("complaint_category_1");
    touch("complaint_send", Millis(3'000));
    ASSERT_EQ(state(), StateId::ComplaintDone);
    touch("continue");
    pass(Millis(6'000));
    ASSERT_EQ(state(), StateId::Attract);
    const auto complaints = opened_of_kind(*app_, *rig_, clock_, "complaint");
    ASSERT_EQ(complaints.size(), 1U);
    EXPECT_EQ(complaints.front().payload["category"], "card_retained");
    EXPECT_FALSE(complaints.front().payload["pan_token"].is_null()) << "the kept card's customer, by token";
    const auto transactions = opened_of_kind(*app_, *rig_, clock_, "journey");
    ASSERT_GE(transactions.size(), 2U) << "the kept card's visit and the report's own";
    EXPECT_EQ(transactions.front().payload["pan_token"], complaints.front().payload["pan_token"]);
}

}  // namespace
}  // namespace kiosk::test
