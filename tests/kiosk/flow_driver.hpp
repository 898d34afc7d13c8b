// Drives the pure flow event by event for the flow tests, remembering effects and table rows.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "kiosk/flow/flow.hpp"

namespace kiosk::flow {

using host::ResponseCode;
using E = EventKind;
using S = StateId;

inline Event ev(EventKind kind) { return Event{kind, {}, {}, {}}; }
inline Event declined(ResponseCode code) { return Event{E::HostDeclined, {}, {}, code}; }
inline Event approved(std::int64_t fen) { return Event{E::HostApproved, {}, Money{fen, "CNY", 2}, {}}; }
inline Event language(ui::Language l) { return Event{E::ChooseLanguage, l, {}, {}}; }
inline Event amount(std::int64_t fen) {
    Event e = ev(E::AmountChosen);
    e.amount = Money{fen, "CNY", 2};
    return e;
}
inline Event not_payable(std::string key) {
    Event e = ev(E::AmountNotPayable);
    e.message_key = std::move(key);
    return e;
}
inline Event out_of_service(std::string key) {
    Event e = ev(E::DevicesFailed);
    e.message_key = std::move(key);
    return e;
}
inline Event option(SessionOption which) {
    Event e = ev(E::ToggleOption);
    e.option = which;
    return e;
}
inline Event account(host::AccountType type) {
    Event e = ev(E::AccountChosen);
    e.account = type;
    return e;
}
inline Event typed(int digits) {
    Event e = ev(E::EntryChanged);
    e.digits = digits;
    return e;
}
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
        Transition t = flow_.step(context_, event);
        if (t.row && coverage_ != nullptr) coverage_->insert(*t.row);
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

    [[nodiscard]] S state() const { return context_.state; }
    [[nodiscard]] const Context& context() const { return context_; }
    [[nodiscard]] bool last_taken() const { return last_taken_; }
    [[nodiscard]] bool asked(EffectKind kind) const {
        return std::any_of(effects_.begin(), effects_.end(), [&](const Effect& e) { return e.kind == kind; });
    }
    [[nodiscard]] std::optional<Effect> effect(EffectKind kind) const {
        for (const Effect& e : effects_) {
            if (e.kind == kind) return e;
        }
        return std::nullopt;
    }
    [[nodiscard]] std::vector<EffectKind> kinds() const {
        std::vector<EffectKind> result;
        for (const Effect& e : effects_) result.push_back(e.kind);
        return result;
    }
    [[nodiscard]] std::optional<ui::ScreenId> screen() const {
        for (const Effect& e : effects_) {
            if (e.kind == EffectKind::ShowScreen) return e.screen;
        }
        return std::nullopt;
    }

private:
    Flow flow_;
    Context context_;
    std::vector<Effect> effects_;
    std::set<std::size_t>* coverage_;
    bool last_taken_ = false;
    bool receipts_ = true;
};

inline FlowDriver& to_menu(FlowDriver& d) {
    return d.send(E::CardInserted).send(E::CardReadOk).send(E::Continue).send(E::PinDigit).send(E::PinDigit).send(E::PinDigit)
        .send(E::PinDigit).send(E::PinEnter);
}

}  // namespace kiosk::flow
