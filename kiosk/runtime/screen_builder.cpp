#include "kiosk/runtime/screen_builder.hpp"

#include <map>
#include <string>

namespace kiosk {

namespace {

flow::Event plain(flow::EventKind kind) { return flow::Event{kind, {}, {}, {}}; }

std::vector<ui::Button> buttons_for(ui::ScreenId screen) {
    const ui::Button cancel{"cancel", "action.cancel", true};
    switch (screen) {
        case ui::ScreenId::Attract:
            return {{"lang_en", "language.english", true}, {"lang_zh", "language.chinese", true}};
        case ui::ScreenId::EnterPin: return {cancel};
        case ui::ScreenId::MainMenu:
            // Withdrawal arrives with the cash flows; shown disabled so the menu's shape is stable.
            return {{"balance", "menu.balance", true}, {"withdrawal", "menu.withdrawal", false}, cancel};
        case ui::ScreenId::BalanceDisplay: return {cancel, {"continue", "action.continue", true}};
        case ui::ScreenId::ReceiptChoice:
            return {{"receipt_no", "receipt.no", true}, {"receipt_yes", "receipt.yes", true}};
        case ui::ScreenId::MoreTime:
            return {{"more_time_no", "more_time.no", true}, {"more_time_yes", "more_time.yes", true}};
        default: return {};
    }
}

}  // namespace

ui::ViewModel build_view_model(ui::ScreenId screen, const flow::Context& context, const Session& session,
                               std::optional<int> seconds_left) {
    ui::ViewModel vm;
    vm.screen = screen;
    vm.language = context.language;
    vm.buttons = buttons_for(screen);
    vm.masked_pan = session.masked_pan;
    vm.pin_digits_entered = context.pin_digits;
    vm.balance = context.balance;
    vm.message_key = context.message_key;
    if (screen == ui::ScreenId::EnterPin && context.pin_tries_left < 3) vm.tries_left = context.pin_tries_left;
    vm.seconds_left = seconds_left;
    return vm;
}

std::optional<flow::Event> action_event(std::string_view action) {
    using flow::EventKind;
    static const std::map<std::string, EventKind, std::less<>> kinds{
        {"balance", EventKind::ChooseBalance},    {"cancel", EventKind::Cancel},
        {"continue", EventKind::Continue},        {"receipt_yes", EventKind::ReceiptYes},
        {"receipt_no", EventKind::ReceiptNo},     {"more_time_yes", EventKind::MoreTimeYes},
        {"more_time_no", EventKind::MoreTimeNo},
    };
    if (action == "lang_en" || action == "lang_zh") {
        flow::Event event = plain(EventKind::ChooseLanguage);
        event.language = action == "lang_zh" ? ui::Language::SimplifiedChinese : ui::Language::English;
        return event;
    }
    const auto found = kinds.find(action);
    if (found == kinds.end()) return std::nullopt;
    return plain(found->second);
}

}  // namespace kiosk
