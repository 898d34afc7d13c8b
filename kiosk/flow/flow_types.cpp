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
        case StateId::Survey: return "Survey";
        case StateId::SurveyReasons: return "SurveyReasons";
        case StateId::SurveyNps: return "SurveyNps";
        case StateId::ComplaintOffer: return "ComplaintOffer";
        case StateId::ComplaintCategory: return "ComplaintCategory";
        case StateId::ComplaintConfirm: return "ComplaintConfirm";
        case StateId::ComplaintDone: return "ComplaintDone";
        case StateId::ServiceSignIn: return "ServiceSignIn";
        case StateId::ServiceMenu: return "ServiceMenu";
        case StateId::ServiceEnterCount: return "ServiceEnterCount";
        case StateId::ServiceLeaving: return "ServiceLeaving";
    }
    return "?";
}

}  // namespace kiosk::flow
