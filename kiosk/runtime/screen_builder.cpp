#include "kiosk/runtime/screen_builder.hpp"

#include "kiosk/runtime/personalization.hpp"
#include "kiosk/runtime/receipt_builder.hpp"
#include "kiosk/runtime/touch_action.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace kiosk {

namespace {

using host::TransactionType;

ui::Button button(const TouchAction& action, std::string label_key) {
    return ui::Button{action_id(action), std::move(label_key), true};
}

const ui::Button kCancel = button(TouchCommand::Cancel, "action.cancel");
const ui::Button kContinue = button(TouchCommand::Continue, "action.continue");

std::vector<ui::Button> buttons_for(ui::ScreenId screen, const ScreenExtras& extras) {
    switch (screen) {
        case ui::ScreenId::Attract: {
            std::vector<ui::Button> buttons{button(ui::Language::English, "language.english"),
                                            button(ui::Language::SimplifiedChinese, "language.chinese")};
            if (extras.cardless_offered) buttons.push_back(button(TouchCommand::Cardless, "attract.cardless"));
            return buttons;
        }
        case ui::ScreenId::SessionOptions: return {kCancel, kContinue};
        case ui::ScreenId::EnterPin:
        case ui::ScreenId::EnterAmount:
        case ui::ScreenId::AccountChoice:
        case ui::ScreenId::EnterNewPin:
        case ui::ScreenId::ConfirmNewPin:
        case ui::ScreenId::CardlessEntry:
        case ui::ScreenId::MainMenu: return {kCancel};  // the menu's transactions come from `menu`
        case ui::ScreenId::BalanceDisplay: return {kCancel, kContinue};
        case ui::ScreenId::MiniStatement:
        case ui::ScreenId::TransactionDone:
        case ui::ScreenId::ReceiptQr: return {kContinue};
        case ui::ScreenId::ReceiptChoice:
            return {button(TouchCommand::ReceiptNo, "receipt.no"), button(TouchCommand::ReceiptYes, "receipt.yes")};
        case ui::ScreenId::MoreTime:
            return {button(TouchCommand::MoreTimeNo, "more_time.no"),
                    button(TouchCommand::MoreTimeYes, "more_time.yes")};
        // The UI makes the amount buttons (amount_0 … from vm.fast_cash) and puts these after them.
        case ui::ScreenId::WithdrawalAmount: return {button(TouchCommand::OtherAmount, "amount.other"), kCancel};
        // A slow bank: the customer may give up waiting (the request is abandoned, reversed if it
        // may have moved money).
        case ui::ScreenId::Processing: return {kCancel};
        case ui::ScreenId::AnotherTransaction:
            return {button(TouchCommand::AnotherNo, "another.no"), button(TouchCommand::AnotherYes, "another.yes")};
        // The UI makes the faces and the 0–10 buttons; Skip is always there, one touch, last.
        case ui::ScreenId::Survey:
        case ui::ScreenId::SurveyNps: return {button(TouchCommand::SurveySkip, "survey.skip")};
        case ui::ScreenId::SurveyReasons:
            return {button(TouchCommand::SurveyDone, "survey.done"), button(TouchCommand::SurveySkip, "survey.skip")};
        default: return {};
    }
}

std::string account_key(host::AccountType type) {
    return type == host::AccountType::Savings ? "account.savings" : "account.current";
}

// The screen-specific data; every field is read only by the screens docs/ui.md names.
void fill_screen_data(ui::ViewModel& vm, const flow::Context& context, const Session& session,
                      const ScreenExtras& extras) {
    switch (vm.screen) {
        case ui::ScreenId::Attract:
            if (!extras.cards_accepted) vm.message_key = "attract.cards_unavailable";
            break;
        case ui::ScreenId::MainMenu:
            vm.menu = extras.menu;
            // Personalization: one line, never a screen to dismiss; only when the profile has an offer.
            vm.offer_line = offer_line(session, context.language);
            vm.status_lines = complaint_status_lines(session, context.language);  // the same rule: lines, no screen
            break;
        case ui::ScreenId::WithdrawalAmount:
            vm.fast_cash = extras.fast_cash;
            vm.usual_amount = extras.usual_amount;
            break;
        case ui::ScreenId::EnterAmount:
            vm.amount = extras.typed_amount;
            vm.amount_step = extras.amount_step;
            break;
        case ui::ScreenId::AccountChoice:
            vm.message_key = context.state == flow::StateId::ChooseFromAccount ? "account.from" : "account.to";
            for (const host::AccountType type : offered_accounts(context)) vm.accounts.push_back({account_key(type), "", {}});
            break;
        case ui::ScreenId::CardlessEntry:
            if (context.state == flow::StateId::CardlessPhone) {
                vm.entry_field = ui::EntryField::PhoneNumber;
                vm.typed_digits = std::string(session.typed.view());
                vm.pin_digits_entered = 0;
            } else {
                vm.entry_field = ui::EntryField::OneTimeCode;
            }
            break;
        case ui::ScreenId::MiniStatement:
            for (const host::StatementLine& line : session.statement) {
                vm.statement.push_back({format_date(line.date), statement_description_key(line.description), line.amount});
            }
            break;
        case ui::ScreenId::TransactionDone:
            if (context.pending_transaction == TransactionType::Transfer) {
                vm.message_key = "done.transfer";
                vm.amount = context.amount;
            } else if (context.pending_transaction == TransactionType::PinChange) {
                vm.message_key = "done.pin_changed";
            }
            break;
        case ui::ScreenId::TakeCash: vm.amount = context.amount; break;
        case ui::ScreenId::SurveyReasons:
            for (const flow::SurveyReason reason : flow::all_survey_reasons()) {
                const std::vector<flow::SurveyReason>& chosen =
                    context.survey ? context.survey->reasons : std::vector<flow::SurveyReason>{};
                const bool on = std::find(chosen.begin(), chosen.end(), reason) != chosen.end();
                vm.chips.push_back({button(reason, "survey.reason." + std::string(flow::to_string(reason))), on});
            }
            break;
        case ui::ScreenId::ReceiptQr:
            vm.qr_text = extras.e_receipt_text;
            vm.receipt_reference = session.e_receipt_reference;
            break;
        default: break;
    }
}

}  // namespace

ui::ViewModel build_view_model(ui::ScreenId screen, const flow::Context& context, const Session& session,
                               const ScreenExtras& extras) {
    ui::ViewModel vm;
    vm.screen = screen;
    vm.language = context.language;
    vm.accessibility = context.accessibility;
    vm.buttons = buttons_for(screen, extras);
    vm.masked_pan = session.masked_pan;
    vm.pin_digits_entered = context.pin_digits;
    vm.balance = context.balance;
    vm.message_key = context.reason ? flow::i18n_key(*context.reason) : std::string();
    if (screen == ui::ScreenId::EnterPin && context.pin_tries_left < 3) vm.tries_left = context.pin_tries_left;
    vm.seconds_left = extras.seconds_left;
    fill_screen_data(vm, context, session, extras);
    vm.report_problem = report_problem_control(context);
    fill_complaint_screen(vm, context, session, extras.complaint);
    return vm;
}

std::vector<host::AccountType> offered_accounts(const flow::Context& context) {
    std::vector<host::AccountType> accounts;
    for (const host::AccountType type : {host::AccountType::Checking, host::AccountType::Savings}) {
        if (context.state == flow::StateId::ChooseToAccount && context.from_account == type) continue;
        accounts.push_back(type);
    }
    return accounts;
}

std::string statement_description_key(std::string_view text) {
    if (text.starts_with("ATM")) return "statement.atm_withdrawal";
    if (text.starts_with("CARDLESS")) return "statement.cardless_withdrawal";
    if (text.starts_with("TRANSFER IN")) return "statement.transfer_in";
    if (text.starts_with("TRANSFER OUT")) return "statement.transfer_out";
    if (text.starts_with("REVERSAL")) return "statement.refund";
    if (text.starts_with("SALARY")) return "statement.salary";
    if (text.starts_with("DEPOSIT")) return "statement.deposit";
    if (text.starts_with("INTEREST")) return "statement.interest";
    if (text.starts_with("FEE")) return "statement.fee";
    return "statement.other";
}

}  // namespace kiosk
