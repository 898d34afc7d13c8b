#include "kiosk/runtime/screen_builder.hpp"

#include <map>
#include <string>

namespace kiosk {

namespace {

flow::Event plain(flow::EventKind kind) { return flow::Event{kind, {}, {}, {}}; }

std::vector<ui::Button> buttons_for(ui::ScreenId screen, const std::vector<Money>& fast_cash) {
    const ui::Button cancel{"cancel", "action.cancel", true};
    switch (screen) {
        case ui::ScreenId::Attract:
            return {{"lang_en", "language.english", true}, {"lang_zh", "language.chinese", true}};
        case ui::ScreenId::EnterPin: return {cancel};
        case ui::ScreenId::MainMenu:
            // Withdrawal is disabled (not hidden) when no amount can be paid, so the menu keeps its shape.
            return {{"balance", "menu.balance", true}, {"withdrawal", "menu.withdrawal", !fast_cash.empty()}, cancel};
        case ui::ScreenId::BalanceDisplay: return {cancel, {"continue", "action.continue", true}};
        case ui::ScreenId::ReceiptChoice:
            return {{"receipt_no", "receipt.no", true}, {"receipt_yes", "receipt.yes", true}};
        case ui::ScreenId::MoreTime:
            return {{"more_time_no", "more_time.no", true}, {"more_time_yes", "more_time.yes", true}};
        // The UI makes the amount buttons (amount_0 … from vm.fast_cash) and puts these after them.
        case ui::ScreenId::WithdrawalAmount: return {cancel};
        case ui::ScreenId::AnotherTransaction:
            return {{"another_no", "another.no", true}, {"another_yes", "another.yes", true}};
        default: return {};
    }
}

}  // namespace

ui::ViewModel build_view_model(ui::ScreenId screen, const flow::Context& context, const Session& session,
                               std::optional<int> seconds_left, const std::vector<Money>& fast_cash) {
    ui::ViewModel vm;
    vm.screen = screen;
    vm.language = context.language;
    vm.buttons = buttons_for(screen, fast_cash);
    if (screen == ui::ScreenId::WithdrawalAmount) vm.fast_cash = fast_cash;
    if (screen == ui::ScreenId::TakeCash) vm.amount = context.amount;
    vm.masked_pan = session.masked_pan;
    vm.pin_digits_entered = context.pin_digits;
    vm.balance = context.balance;
    vm.message_key = context.message_key;
    if (screen == ui::ScreenId::EnterPin && context.pin_tries_left < 3) vm.tries_left = context.pin_tries_left;
    vm.seconds_left = seconds_left;
    return vm;
}

std::string amount_action(std::size_t index) { return "amount_" + std::to_string(index); }

std::optional<std::size_t> amount_index(std::string_view action) {
    constexpr std::string_view prefix = "amount_";
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

std::optional<flow::Event> action_event(std::string_view action) {
    using flow::EventKind;
    static const std::map<std::string, EventKind, std::less<>> kinds{
        {"balance", EventKind::ChooseBalance},    {"cancel", EventKind::Cancel},
        {"continue", EventKind::Continue},        {"receipt_yes", EventKind::ReceiptYes},
        {"receipt_no", EventKind::ReceiptNo},     {"more_time_yes", EventKind::MoreTimeYes},
        {"more_time_no", EventKind::MoreTimeNo},  {"withdrawal", EventKind::ChooseWithdrawal},
        {"another_yes", EventKind::AnotherYes},   {"another_no", EventKind::AnotherNo},
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
