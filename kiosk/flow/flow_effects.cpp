#include "kiosk/flow/flow_effects.hpp"

namespace kiosk::flow {

std::string_view to_string(EffectKind kind) {
    switch (kind) {
        case EffectKind::ShowScreen: return "show_screen";
        case EffectKind::StartStateTimer: return "start_state_timer";
        case EffectKind::CancelStateTimer: return "cancel_state_timer";
        case EffectKind::AcceptCard: return "accept_card";
        case EffectKind::RefuseCards: return "refuse_cards";
        case EffectKind::ReadCard: return "read_card";
        case EffectKind::BeginKeyEntry: return "begin_key_entry";
        case EffectKind::TakePinBlock: return "take_pin_block";
        case EffectKind::TakeNewPinBlock: return "take_new_pin_block";
        case EffectKind::RequestAuthorization: return "request_authorization";
        case EffectKind::PrintReceipt: return "print_receipt";
        case EffectKind::EjectCard: return "eject_card";
        case EffectKind::RetainCard: return "retain_card";
        case EffectKind::RecordTransaction: return "record_transaction";
        case EffectKind::EndSession: return "end_session";
        case EffectKind::DispenseCash: return "dispense_cash";
        case EffectKind::RetractCash: return "retract_cash";
        case EffectKind::SettleWithdrawal: return "settle_withdrawal";
        case EffectKind::ReverseTransaction: return "reverse_transaction";
        case EffectKind::IssueEReceipt: return "issue_e_receipt";
        case EffectKind::RecordSurvey: return "record_survey";
        case EffectKind::FileComplaint: return "file_complaint";
        case EffectKind::CheckTechnician: return "check_technician";
        case EffectKind::RunServiceAction: return "run_service_action";
        case EffectKind::CheckServiceFitness: return "check_service_fitness";
        case EffectKind::EndServiceMode: return "end_service_mode";
    }
    return "?";
}

std::string_view to_string(KeyEntry entry) {
    switch (entry) {
        case KeyEntry::Pin: return "pin";
        case KeyEntry::NewPin: return "new_pin";
        case KeyEntry::ConfirmNewPin: return "confirm_new_pin";
        case KeyEntry::Amount: return "amount";
        case KeyEntry::OneTimeCode: return "one_time_code";
        case KeyEntry::PhoneNumber: return "phone_number";
        case KeyEntry::TechnicianId: return "technician_id";
        case KeyEntry::TechnicianPin: return "technician_pin";
        case KeyEntry::CassetteCount: return "cassette_count";
    }
    return "?";
}

}  // namespace kiosk::flow
