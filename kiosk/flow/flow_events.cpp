#include "kiosk/flow/flow_events.hpp"

namespace kiosk::flow {

std::string_view to_string(EventKind kind) {
    switch (kind) {
        case EventKind::CardInserted: return "card_inserted";
        case EventKind::CardReadOk: return "card_read_ok";
        case EventKind::CardReadFailed: return "card_read_failed";
        case EventKind::PinDigit: return "pin_digit";
        case EventKind::PinClear: return "pin_clear";
        case EventKind::PinBackspace: return "pin_backspace";
        case EventKind::PinEnter: return "pin_enter";
        case EventKind::Cancel: return "cancel";
        case EventKind::ChooseBalance: return "choose_balance";
        case EventKind::ChooseLanguage: return "choose_language";
        case EventKind::Continue: return "continue";
        case EventKind::ReceiptYes: return "receipt_yes";
        case EventKind::ReceiptNo: return "receipt_no";
        case EventKind::MoreTimeYes: return "more_time_yes";
        case EventKind::MoreTimeNo: return "more_time_no";
        case EventKind::HostApproved: return "host_approved";
        case EventKind::HostDeclined: return "host_declined";
        case EventKind::HostUnavailable: return "host_unavailable";
        case EventKind::PrintDone: return "print_done";
        case EventKind::PrintFailed: return "print_failed";
        case EventKind::CardTaken: return "card_taken";
        case EventKind::CardEjectFailed: return "card_eject_failed";
        case EventKind::Timeout: return "timeout";
        case EventKind::DevicesFailed: return "devices_failed";
        case EventKind::DevicesRestored: return "devices_restored";
        case EventKind::ChooseWithdrawal: return "choose_withdrawal";
        case EventKind::AmountChosen: return "amount_chosen";
        case EventKind::AmountNotPayable: return "amount_not_payable";
        case EventKind::CashPresented: return "cash_presented";
        case EventKind::DispenseFailed: return "dispense_failed";
        case EventKind::CashTaken: return "cash_taken";
        case EventKind::AnotherYes: return "another_yes";
        case EventKind::AnotherNo: return "another_no";
        case EventKind::ToggleOption: return "toggle_option";
        case EventKind::ChooseOtherAmount: return "choose_other_amount";
        case EventKind::EntryChanged: return "entry_changed";
        case EventKind::ChooseMiniStatement: return "choose_mini_statement";
        case EventKind::ChooseTransfer: return "choose_transfer";
        case EventKind::AccountChosen: return "account_chosen";
        case EventKind::ChooseChangePin: return "choose_change_pin";
        case EventKind::PinMismatch: return "pin_mismatch";
        case EventKind::ChooseCardless: return "choose_cardless";
        case EventKind::CodeEntered: return "code_entered";
        case EventKind::PhoneEntered: return "phone_entered";
        case EventKind::SurveyRated: return "survey_rated";
        case EventKind::SurveyReasonToggled: return "survey_reason_toggled";
        case EventKind::SurveyDone: return "survey_done";
        case EventKind::NpsRated: return "nps_rated";
        case EventKind::SurveySkip: return "survey_skip";
        case EventKind::ReportProblem: return "report_problem";
        case EventKind::ComplaintCategoryChosen: return "complaint_category_chosen";
        case EventKind::SendComplaint: return "send_complaint";
        case EventKind::ServiceRequested: return "service_requested";
        case EventKind::TechnicianIdEntered: return "technician_id_entered";
        case EventKind::TechnicianPinEntered: return "technician_pin_entered";
        case EventKind::TechnicianSignedIn: return "technician_signed_in";
        case EventKind::TechnicianRefused: return "technician_refused";
        case EventKind::ServicePageChosen: return "service_page_chosen";
        case EventKind::ServiceActionChosen: return "service_action_chosen";
        case EventKind::ServiceActionDone: return "service_action_done";
        case EventKind::ServiceCountEntered: return "service_count_entered";
        case EventKind::LeaveService: return "leave_service";
        case EventKind::ServiceFitnessChecked: return "service_fitness_checked";
        case EventKind::SelfTestStarted: return "self_test_started";
        case EventKind::SelfTestFinished: return "self_test_finished";
    }
    return "?";
}

}  // namespace kiosk::flow
