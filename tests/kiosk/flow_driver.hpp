// Drives the pure flow event by event for the flow tests, remembering effects and table rows.
#pragma once

#include <algorithm>
#include <optional>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/flow/flow.hpp"

namespace kiosk::flow {

using host::ResponseCode;
using E = EventKind;
using S = StateId;

namespace detail {

template <std::size_t... Index>
std::optional<Event> signal_event(EventKind kind, std::index_sequence<Index...>) {
    std::optional<Event> made;
    const auto make = [&](auto index) {
        using Payload = std::variant_alternative_t<decltype(index)::value, Event>;
        if constexpr (std::is_default_constructible_v<Payload>) {
            if (static_cast<std::size_t>(kind) == decltype(index)::value) made.emplace(Payload{});
        }
    };
    (make(std::integral_constant<std::size_t, Index>{}), ...);
    return made;
}

}  // namespace detail

// An event that carries nothing but its kind; an event with a payload has its own helper below.
inline Event ev(EventKind kind) {
    std::optional<Event> made = detail::signal_event(kind, std::make_index_sequence<std::variant_size_v<Event>>{});
    if (!made) throw std::invalid_argument("ev(" + std::string(to_string(kind)) + "): this event carries a payload");
    return *made;
}
inline Event declined(ResponseCode code) { return events::HostDeclined(code); }
inline Event approved(std::int64_t fen) { return events::HostApproved(Money{fen, "CNY", 2}); }
inline Event language(ui::Language l) { return events::ChooseLanguage(l); }
inline Event amount(std::int64_t fen) { return events::AmountChosen(Money{fen, "CNY", 2}); }
inline Event not_payable(AmountRefusal why) { return events::AmountNotPayable(why); }
inline Event out_of_service(OutOfServiceReason why) { return events::DevicesFailed(why); }
inline Event option(SessionOption which) { return events::ToggleOption(which); }
inline Event account(host::AccountType type) { return events::AccountChosen(type); }
inline Event typed(int digits) { return events::EntryChanged(digits); }
inline Event csat(int score) { return events::SurveyRated(score); }
inline Event nps(int score) { return events::NpsRated(score); }
inline Event reason(SurveyReason tag) { return events::SurveyReasonToggled(tag); }
inline FlowConfig cash_first() {
    FlowConfig config;
    config.card_before_cash = false;
    return config;
}
// No QR e-receipt either: with the printer down there is no receipt at all.
inline FlowConfig no_e_receipts(FlowConfig config = {}) {
    config.e_receipts = false;
    return config;
}

// Drives the flow and remembers every effect and table row along the way.
class FlowDriver {
public:
    explicit FlowDriver(std::set<std::size_t>* coverage = nullptr, FlowConfig config = {})
        : flow_(std::move(config)), coverage_(coverage) {
        Transition t = flow_.start();
        context_ = t.context;
        effects_ = t.effects;
    }

    FlowDriver& send(const Event& event) {
        context_.receipts_available = receipts_;  // as the runtime stamps it from device fitness
        if (!context_.survey) context_.survey_offer = survey_offer_;  // as the runtime stamps its gate's answer
        context_.speech_headset = headset_;  // as the runtime stamps the headset jack
        Transition t = flow_.step(context_, event);
        if (t.row && coverage_ != nullptr) coverage_->insert(*t.row);
        if (t.row) expect_row_effects_first(transition_table()[*t.row], t.effects);
        last_taken_ = t.row.has_value();
        context_ = t.context;
        effects_ = t.effects;
        return *this;
    }
    FlowDriver& send(EventKind kind) { return send(ev(kind)); }
    // Device fitness says the printer cannot print (degraded mode).
    FlowDriver& printer_down() {
        receipts_ = false;
        return *this;
    }

    // Headphones in (or out of) the audio jack, as the runtime stamps it before every step.
    FlowDriver& headset(bool plugged) {
        headset_ = plugged;
        return *this;
    }

    // The runtime's survey gate says yes (with or without NPS) from now on; nullopt: it says no.
    FlowDriver& offer_survey(std::optional<SurveyOffer> offer) {
        survey_offer_ = offer;
        return *this;
    }

    [[nodiscard]] S state() const { return context_.state; }
    [[nodiscard]] const Context& context() const { return context_; }
    [[nodiscard]] bool last_taken() const { return last_taken_; }
    [[nodiscard]] bool asked(EffectKind kind) const {
        return std::any_of(effects_.begin(), effects_.end(), [&](const Effect& e) { return kind_of(e) == kind; });
    }
    // The last step's effect of this type, if it asked one.
    template <class Payload>
    [[nodiscard]] std::optional<Payload> effect() const {
        for (const Effect& e : effects_) {
            if (const auto* found = std::get_if<Payload>(&e)) return *found;
        }
        return std::nullopt;
    }
    [[nodiscard]] std::vector<EffectKind> kinds() const {
        std::vector<EffectKind> result;
        for (const Effect& e : effects_) result.push_back(kind_of(e));
        return result;
    }
    [[nodiscard]] std::optional<ui::ScreenId> screen() const {
        const auto shown = effect<effects::ShowScreen>();
        return shown ? std::optional(shown->screen) : std::nullopt;
    }

private:
    // The row's own effects (its columns) come first, in row_effects() order, on every step taken.
    static void expect_row_effects_first(const TransitionRow& row, const std::vector<Effect>& effects) {
        const std::vector<EffectKind> columns = row_effects(row);
        std::vector<EffectKind> asked;
        for (std::size_t i = 0; i < effects.size() && i < columns.size(); ++i) asked.push_back(kind_of(effects[i]));
        EXPECT_EQ(asked, columns) << to_string(row.from) << " --" << to_string(row.on) << "--> " << to_string(row.to);
    }

    Flow flow_;
    Context context_;
    std::vector<Effect> effects_;
    std::set<std::size_t>* coverage_;
    bool last_taken_ = false;
    bool receipts_ = true;
    std::optional<SurveyOffer> survey_offer_;
    bool headset_ = false;
};

inline FlowDriver& to_menu(FlowDriver& d) {
    return d.send(E::CardInserted).send(E::CardReadOk).send(E::Continue).send(E::PinDigit).send(E::PinDigit).send(E::PinDigit)
        .send(E::PinDigit).send(E::PinEnter);
}

}  // namespace kiosk::flow
