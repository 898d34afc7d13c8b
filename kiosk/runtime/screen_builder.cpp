#include "kiosk/runtime/screen_builder.hpp"

#include "kiosk/runtime/receipt_builder.hpp"

#include <map>
#include <string>

namespace kiosk {

namespace {

using host::TransactionType;

flow::Event plain(flow::EventKind kind) { return flow::Event{kind, {}, {}, {}}; }

const ui::Button kCancel{"cancel", "action.cancel", true};
const ui::Button kContinue{"continue", "action.continue", true};

std::vector<ui::Button> buttons_for(ui::ScreenId screen, const ScreenExtras& extras) {
    switch (screen) {
        case ui::ScreenId::Attract: {
            std::vector<ui::Button> buttons{{"lang_en", "language.english", true}, {"lang_zh", "language.chinese", true}};
            if (extras.cardless_offered) buttons.push_back({"cardless", "attract.cardless", true});
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
            return {{"receipt_no", "receipt.no", true}, {"receipt_yes", "receipt.yes", true}};
        case ui::ScreenId::MoreTime:
            return {{"more_time_no", "more_time.no", true}, {"more_time_yes", "more_time.yes", true}};
        // The UI makes the amount buttons (amount_0 … from vm.fast_cash) and puts these after them.
        case ui::ScreenId::WithdrawalAmount: return {{"other_amount", "amount.other", true}, kCancel};
        case ui::ScreenId::AnotherTransaction:
            return {{"another_no", "another.no", true}, {"another_yes", "another.yes", true}};
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
        case ui::ScreenId::MainMenu: vm.menu = extras.menu; break;
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
    vm.message_key = context.message_key;
    if (screen == ui::ScreenId::EnterPin && context.pin_tries_left < 3) vm.tries_left = context.pin_tries_left;
    vm.seconds_left = extras.seconds_left;
    fill_screen_data(vm, context, session, extras);
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

std::string amount_action(std::size_t index) { return "amount_" + std::to_string(index); }

namespace {

std::optional<std::size_t> indexed(std::string_view action, std::string_view prefix) {
    if (!action.starts_with(prefix) || action.size() == prefix.size() || action.size() > prefix.size() + 2) {
        return std::nullopt;
    }
    std::size_t index = 0;
    for (const char c : action.substr(prefix.size())) {
        if (c < '0' || c > '9') return std::nullopt;
        index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return index;
}

}  // namespace

std::optional<std::size_t> amount_index(std::string_view action) { return indexed(action, "amount_"); }
std::optional<std::size_t> account_index(std::string_view action) { return indexed(action, "account_"); }

std::optional<flow::Event> action_event(std::string_view action) {
    using flow::EventKind;
    static const std::map<std::string, EventKind, std::less<>> kinds{
        {"balance", EventKind::ChooseBalance},    {"cancel", EventKind::Cancel},
        {"continue", EventKind::Continue},        {"receipt_yes", EventKind::ReceiptYes},
        {"receipt_no", EventKind::ReceiptNo},     {"more_time_yes", EventKind::MoreTimeYes},
        {"more_time_no", EventKind::MoreTimeNo},  {"withdrawal", EventKind::ChooseWithdrawal},
        {"another_yes", EventKind::AnotherYes},   {"another_no", EventKind::AnotherNo},
        {"mini_statement", EventKind::ChooseMiniStatement}, {"transfer", EventKind::ChooseTransfer},
        {"change_pin", EventKind::ChooseChangePin}, {"other_amount", EventKind::ChooseOtherAmount},
        {"cardless", EventKind::ChooseCardless},
    };
    static const std::map<std::string, flow::SessionOption, std::less<>> options{
        {"large_text", flow::SessionOption::LargeText},
        {"high_contrast", flow::SessionOption::HighContrast},
        {"speech", flow::SessionOption::Speech},
    };
    if (action == "lang_en" || action == "lang_zh") {
        flow::Event event = plain(EventKind::ChooseLanguage);
        event.language = action == "lang_zh" ? ui::Language::SimplifiedChinese : ui::Language::English;
        return event;
    }
    if (const auto option = options.find(action); option != options.end()) {
        flow::Event event = plain(EventKind::ToggleOption);
        event.option = option->second;
        return event;
    }
    const auto found = kinds.find(action);
    if (found == kinds.end()) return std::nullopt;
    return plain(found->second);
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
