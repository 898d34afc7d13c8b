// How MainMenu, WithdrawalAmount, AccountChoice and SessionOptions turn view-model data into
// buttons. The order is fixed so customers find the same thing in the same place every visit.
#include "ui/shown_buttons.hpp"

namespace kiosk::ui {
namespace {

ShownButton plain(Button button) { return ShownButton{std::move(button), {}, {}, {}, {}, false, {}, false}; }

void add_transaction(std::vector<ShownButton>& out, Offer offer, const char* action, const char* label_key) {
    if (offer == Offer::Hidden) return;
    out.push_back(plain(Button{action, label_key, offer == Offer::Available}));
}

void add_menu(std::vector<ShownButton>& out, const MenuOffers& menu) {
    add_transaction(out, menu.withdrawal, "withdrawal", "menu.withdrawal");
    add_transaction(out, menu.balance, "balance", "menu.balance");
    add_transaction(out, menu.mini_statement, "mini_statement",
                    menu.mini_statement_on_screen_only ? "menu.mini_statement_screen" : "menu.mini_statement");
    add_transaction(out, menu.transfer, "transfer", "menu.transfer");
    add_transaction(out, menu.change_pin, "change_pin", "menu.change_pin");
}

void add_amounts(std::vector<ShownButton>& out, const ViewModel& vm) {
    if (vm.usual_amount) {
        ShownButton usual = plain(Button{kUsualAmountAction, "amount.usual", true});
        usual.amount = vm.usual_amount;
        usual.marked = true;
        out.push_back(std::move(usual));
    }
    for (std::size_t i = 0; i < vm.fast_cash.size(); ++i) {
        ShownButton button = plain(Button{fast_cash_action(i), "", true});
        button.amount = vm.fast_cash[i];
        out.push_back(std::move(button));
    }
}

void add_accounts(std::vector<ShownButton>& out, const ViewModel& vm) {
    for (std::size_t i = 0; i < vm.accounts.size(); ++i) {
        const AccountOption& account = vm.accounts[i];
        ShownButton button = plain(Button{account_action(i), account.type_key, true});
        button.data = account.masked_number;
        button.note_amount = account.balance;
        out.push_back(std::move(button));
    }
}

void add_toggle(std::vector<ShownButton>& out, const char* action, const char* label_key, bool on) {
    ShownButton toggle = plain(Button{action, label_key, true});
    toggle.on = on;
    out.push_back(std::move(toggle));
}

void add_session_options(std::vector<ShownButton>& out, const ViewModel& vm) {
    // One language button that switches to the other language, labelled in that language's own
    // script: a customer who cannot read the current one still recognises their own.
    if (vm.language == Language::English) {
        out.push_back(plain(Button{"lang_zh", "language.chinese", true}));
    } else {
        out.push_back(plain(Button{"lang_en", "language.english", true}));
    }
    add_toggle(out, "large_text", "options.large_text", vm.accessibility.large_text);
    add_toggle(out, "high_contrast", "options.high_contrast", vm.accessibility.high_contrast);
    add_toggle(out, "speech", "options.speech", vm.accessibility.speech);
}

// The five faces, worst to best, left to right (the order every satisfaction scale reads).
void add_faces(std::vector<ShownButton>& out) {
    for (int score = 1; score <= 5; ++score) {
        ShownButton face = plain(Button{survey_csat_action(score), "survey.csat." + std::to_string(score), true});
        face.face = score;
        out.push_back(std::move(face));
    }
}

void add_chips(std::vector<ShownButton>& out, const ViewModel& vm) {
    for (const Chip& chip : vm.chips) {
        ShownButton toggle = plain(chip.button);
        toggle.on = chip.on;
        toggle.chip = true;
        out.push_back(std::move(toggle));
    }
}

// 0–10 as plain numbers: the scale's meaning is the screen's instruction.
void add_nps(std::vector<ShownButton>& out) {
    for (int score = 0; score <= 10; ++score) {
        ShownButton number = plain(Button{survey_nps_action(score), "", true});
        number.data = std::to_string(score);
        out.push_back(std::move(number));
    }
}

}  // namespace

std::string survey_csat_action(int score) { return "survey_csat_" + std::to_string(score); }

std::string survey_nps_action(int score) { return "survey_nps_" + std::to_string(score); }

std::string fast_cash_action(std::size_t index) { return "amount_" + std::to_string(index); }

std::string account_action(std::size_t index) { return "account_" + std::to_string(index); }

std::vector<ShownButton> shown_buttons(const ViewModel& vm) {
    std::vector<ShownButton> out;
    switch (vm.screen) {
        case ScreenId::MainMenu:
            if (vm.menu) add_menu(out, *vm.menu);
            break;
        case ScreenId::WithdrawalAmount: add_amounts(out, vm); break;
        case ScreenId::AccountChoice: add_accounts(out, vm); break;
        case ScreenId::SessionOptions: add_session_options(out, vm); break;
        case ScreenId::Survey: add_faces(out); break;
        case ScreenId::SurveyReasons: add_chips(out, vm); break;
        case ScreenId::SurveyNps: add_nps(out); break;
        default: break;
    }
    for (const Button& button : vm.buttons) {
        ShownButton shown = plain(button);
        shown.marked = button.marked;  // the pre-selected complaint category
        out.push_back(std::move(shown));
    }
    return out;
}

}  // namespace kiosk::ui
