#include "kiosk/flow/flow_types.hpp"

namespace kiosk::flow {

std::string_view to_string(StateId state) {
    switch (state) {
        case StateId::Attract: return "Attract";
        case StateId::ReadingCard: return "ReadingCard";
        case StateId::PinEntry: return "PinEntry";
        case StateId::MainMenu: return "MainMenu";
        case StateId::Authorizing: return "Authorizing";
        case StateId::ShowBalance: return "ShowBalance";
        case StateId::ReceiptChoice: return "ReceiptChoice";
        case StateId::Printing: return "Printing";
        case StateId::MoreTime: return "MoreTime";
        case StateId::Closing: return "Closing";
        case StateId::ThankYou: return "ThankYou";
        case StateId::CardRetained: return "CardRetained";
        case StateId::OutOfService: return "OutOfService";
        case StateId::WithdrawalAmount: return "WithdrawalAmount";
        case StateId::ReturningCard: return "ReturningCard";
        case StateId::Dispensing: return "Dispensing";
        case StateId::TakeCash: return "TakeCash";
        case StateId::AnotherTransaction: return "AnotherTransaction";
        case StateId::SessionOptions: return "SessionOptions";
        case StateId::EnterAmount: return "EnterAmount";
        case StateId::ChooseFromAccount: return "ChooseFromAccount";
        case StateId::ChooseToAccount: return "ChooseToAccount";
        case StateId::EnterNewPin: return "EnterNewPin";
        case StateId::ConfirmNewPin: return "ConfirmNewPin";
        case StateId::ShowStatement: return "ShowStatement";
        case StateId::TransactionDone: return "TransactionDone";
        case StateId::CardlessCode: return "CardlessCode";
        case StateId::CardlessPhone: return "CardlessPhone";
        case StateId::ShowReceiptQr: return "ShowReceiptQr";
    }
    return "?";
}

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
    }
    return "?";
}

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
    }
    return "?";
}

}  // namespace kiosk::flow
