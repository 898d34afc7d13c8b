// The utterance for a screen: title, instruction, notices, the screen's figures, then the choices
// in the order ui::shown_buttons() lays them out, each named by choice_key_label().
#include "ui/speech/speech_script.hpp"

#include <optional>
#include <string_view>

#include "ui/i18n.hpp"
#include "ui/key_map.hpp"
#include "ui/screens.hpp"
#include "ui/shown_buttons.hpp"

namespace kiosk::ui::speech {
namespace {

// Ends a piece with the language's full stop unless it already ends in punctuation, so espeak-ng
// pauses between pieces and the log reads as sentences.
bool ends_in_punctuation(std::string_view text) {
    for (std::string_view mark : {".", "?", "!", ":", ",", "。", "？", "！", "：", "，", "…"}) {
        if (text.size() >= mark.size() && text.substr(text.size() - mark.size()) == mark) return true;
    }
    return false;
}

class Script {
public:
    explicit Script(Language language) : language_(language) {}

    void say(std::string_view piece) {
        if (piece.empty()) return;
        if (!text_.empty() && language_ == Language::English) text_ += ' ';
        // A line break would split the speech log's one-line-per-utterance form.
        for (const char c : piece) text_ += (c == '\n' || c == '\r') ? ' ' : c;
        if (!ends_in_punctuation(piece)) text_ += language_ == Language::English ? "." : "。";
    }
    // "label: value" as one sentence.
    void say_labelled(std::string_view label, std::string_view value) {
        std::string piece(label);
        piece += language_ == Language::English ? ": " : "：";
        piece += value;
        say(piece);
    }
    [[nodiscard]] std::string_view tr(std::string_view key) const { return translate(key, language_); }
    [[nodiscard]] Language language() const { return language_; }
    std::string take() { return std::move(text_); }

private:
    Language language_;
    std::string text_;
};

// The digits typed into a secret field are never spoken, only how many there are.
void say_digits_entered(Script& script, std::size_t count) {
    script.say(fill(script.tr("speech.digits_entered"), std::to_string(count)));
}

// As the button shows it, minus anything that reads like a card or account number (masked or not).
std::string choice_text(const ShownButton& shown, Language language) {
    std::string text;
    if (shown.amount) {
        text = format_cash(*shown.amount, language);
        if (!shown.button.label_key.empty())
            text += std::string(language == Language::English ? ", " : "，") +
                    std::string(translate(shown.button.label_key, language));
    } else if (shown.button.label_key.empty()) {
        text = shown.data;  // a literal label: the survey's 0–10
    } else {
        text = translate(shown.button.label_key, language);
    }
    const std::string_view comma = language == Language::English ? ", " : "，";
    if (shown.note_amount) text += std::string(comma) + format_money(*shown.note_amount, language);
    if (shown.on) text += std::string(comma) + std::string(translate(*shown.on ? "toggle.on" : "toggle.off", language));
    if (shown.marked && !shown.amount)
        text += std::string(comma) + std::string(translate("speech.suggested", language));
    if (!shown.button.enabled) text += std::string(comma) + std::string(translate("speech.unavailable", language));
    return text;
}

void say_notice(Script& script, const ViewModel& vm, const ScreenSpec& spec) {
    const bool show_message =
        !vm.message_key.empty() && vm.message_key != spec.implied_message_key && !spec.title_from_message;
    if (show_message) script.say(script.tr(vm.message_key));
    if (spec.shows_tries_left && vm.tries_left) {
        script.say(fill(script.tr("wrong_pin.tries_left"), std::to_string(*vm.tries_left)));
    }
}

// The dot a screen shows for each digit of a secret being typed.
constexpr std::string_view kMaskDot = "\u2022";

[[nodiscard]] bool is_masked(std::string_view value) {
    if (value.empty() || value.size() % kMaskDot.size() != 0) return false;
    for (std::size_t at = 0; at < value.size(); at += kMaskDot.size()) {
        if (value.substr(at, kMaskDot.size()) != kMaskDot) return false;
    }
    return true;
}

void say_widget(Script& script, const ViewModel& vm, ScreenWidget widget) {
    const Language language = script.language();
    switch (widget) {
        case ScreenWidget::None:
        case ScreenWidget::CardSlot:
        case ScreenWidget::Activity:
            return;
        case ScreenWidget::PinField:
            say_digits_entered(script, static_cast<std::size_t>(vm.pin_digits_entered));
            return;
        case ScreenWidget::EntryField:
            // The phone number is shown, but spoken it would be overheard as easily as the code.
            say_digits_entered(script, vm.entry_field == EntryField::OneTimeCode
                                           ? static_cast<std::size_t>(vm.pin_digits_entered)
                                           : vm.typed_digits.size());
            return;
        case ScreenWidget::Balance:
            if (vm.balance) script.say_labelled(script.tr("balance.label"), format_money(*vm.balance, language));
            return;
        case ScreenWidget::Countdown:
            return;  // seconds_left is said for every screen that has it
        case ScreenWidget::AmountField:
            if (vm.amount) script.say_labelled(script.tr("amount.label"), format_cash(*vm.amount, language));
            if (vm.amount_step)
                script.say(fill(script.tr("enter_amount.step"), format_cash(*vm.amount_step, language)));
            return;
        case ScreenWidget::Amount:
            if (vm.amount) script.say_labelled(script.tr("amount.label"), format_money(*vm.amount, language));
            return;
        case ScreenWidget::Statement:
            if (vm.balance) script.say_labelled(script.tr("statement.balance"), format_money(*vm.balance, language));
            if (vm.statement.empty()) script.say(script.tr("statement.empty"));
            for (const StatementLine& line : vm.statement) {
                const std::string amount =
                    (line.amount.minor_units > 0 ? "+" : "") + format_money(line.amount, language);
                script.say(line.date + (language == Language::English ? ", " : "，") +
                           std::string(script.tr(line.description_key)) +
                           (language == Language::English ? ", " : "，") + amount);
            }
            return;
        case ScreenWidget::QrCode:
            if (!vm.receipt_reference.empty()) {
                script.say_labelled(script.tr(vm.screen == ScreenId::ComplaintDone ? "complaint_done.reference"
                                                                                   : "receipt_qr.reference"),
                                    vm.receipt_reference);
            }
            return;
        case ScreenWidget::Facts:
        case ScreenWidget::ServiceLines:  // the service pages' "label: value" lines (a speech test hears them)
            for (const FactLine& fact : vm.facts) {
                if (is_masked(fact.value)) {  // a secret typed so far (the technician's PIN): its count only
                    script.say(script.tr(fact.label_key));
                    say_digits_entered(script, fact.value.size() / std::string_view(kMaskDot).size());
                    continue;
                }
                const std::string value = fact_value(fact, language);
                script.say_labelled(script.tr(fact.label_key), value);
            }
            return;
    }
}

}  // namespace

std::string choice_key_label(const ViewModel& vm, std::size_t index, const Viewport& viewport) {
    // The key the customer presses for it: a digit where one chooses (easiest to find by touch on
    // the pad's 1–9 block), else its function key. A disabled choice has no key: it is only named.
    std::optional<ChoiceKey> key;
    for (const KeyBinding& binding : key_bindings(vm, viewport)) {
        if (binding.button != index) continue;
        if (!key || (binding.key.kind == ChoiceKey::Kind::Digit && key->kind != ChoiceKey::Kind::Digit)) key = binding.key;
    }
    if (!key) return {};
    return fill(translate("speech.option", vm.language), key->label());
}

std::string speech_script(const ViewModel& vm, const Viewport& viewport) {
    Script script(vm.language);
    const ScreenSpec& spec = screen_spec(vm.screen);
    const ScreenText text = screen_text(vm);
    script.say(script.tr(text.title_key));
    if (!text.body_key.empty()) script.say(script.tr(text.body_key));
    if (vm.screen == ScreenId::MainMenu) {
        for (const std::string& line : vm.status_lines) script.say(line);
        script.say(vm.offer_line);
    }
    say_notice(script, vm, spec);
    say_widget(script, vm, spec.widget);
    if (vm.seconds_left) script.say(fill(script.tr("speech.seconds_left"), std::to_string(*vm.seconds_left)));
    const std::vector<ShownButton> choices = shown_buttons(vm);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const std::string key = choice_key_label(vm, i, viewport);
        if (key.empty()) {
            script.say(choice_text(choices[i], vm.language));
        } else {
            script.say_labelled(key, choice_text(choices[i], vm.language));
        }
    }
    return script.take();
}

std::string receipt_script(std::span<const std::string> lines, Language language) {
    Script script(language);
    script.say(translate("speech.receipt", language));
    for (const std::string& line : lines) {
        if (line.find('*') != std::string::npos) continue;  // the masked card number
        bool words = false;
        for (const char c : line) words = words || (c != '-' && c != '=' && c != ' ');
        if (words) script.say(line);
    }
    return script.take();
}

}  // namespace kiosk::ui::speech
