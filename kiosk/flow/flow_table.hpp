// The customer flow as a table, after the NDC/DDC state-table tradition: every row says "in this
// state, on this event (and this guard), go to that state, doing this". Entering a state has
// standard effects given by its StateSpec. Tests measure which rows were taken; the DOT export
// draws the same rows, so the diagram cannot drift from the code.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/flow/flow_types.hpp"

namespace kiosk::flow {

// A row is only tried for an event of its own kind (`on`), so guards and actions read the payload
// with std::get of that kind's type (events::HostDeclined for HostDeclined, …).
using Guard = bool (*)(const Context&, const Event&);
using Action = void (*)(Context&, const Event&);

// The effects a row may ask before its target state is entered (TransitionRow::first).
using FirstEffect = std::variant<effects::TakePinBlock, effects::TakeNewPinBlock, effects::CheckTechnician,
                                 effects::EndServiceMode>;

struct TransitionRow {
    StateId from;
    EventKind on;
    StateId to;
    std::string_view guard_name;  // empty: no guard
    Guard guard = nullptr;
    Action action = nullptr;      // updates the context before the target state is entered
    // An internal transition stays in the state without re-entering it (no entry effects): the
    // screen is refreshed and the inactivity timer restarted, as after a PIN key press.
    bool internal = false;
    // Taking this row may leave the host holding money the customer did not get: the flow asks
    // for a reversal (after retracting the notes when the reason is CashNotTaken).
    std::optional<host::ReversalReason> reverse{};
    // An effect carried out before the target state is entered: the PIN block is taken from the
    // pad the moment its entry completes, before anything else can start a new entry.
    std::optional<FirstEffect> first{};
    // A host answer is a business step: RecordTransaction (the pending transaction and the
    // answer's code), whatever the flow does next.
    bool record = false;
    // The customer took the cash: SettleWithdrawal closes the in-flight bracket.
    bool settle = false;
};

// The effects a row asks itself, in the order Flow::step asks them (before the target state's
// entry effects): RecordTransaction, the `first` effect, SettleWithdrawal, then RetractCash (notes
// not taken) and ReverseTransaction. For the diagram and the tests.
std::vector<EffectKind> row_effects(const TransitionRow& row);

std::span<const TransitionRow> transition_table();

// The states the table knows, in declaration order (for coverage and diagrams).
std::span<const StateId> all_states();

// The i18n key of every reason the table's actions can set (close_reason.hpp), a decline once per
// host response code: the i18n test checks each has a translation.
std::vector<std::string> message_keys();

// The visit may end with the survey: the runtime's gate offered it (Context::survey_offer) and
// nothing failed or was cancelled (no reason). Asked once card and cash are with the customer.
[[nodiscard]] bool survey_due(const Context& context);
// The complaint category a failure of this visit suggests (dispense failed → cash not dispensed,
// receipt not printed → receipt, card kept → card retained); nullopt when nothing failed that way.
[[nodiscard]] std::optional<ComplaintCategory> failure_category(const Context& context);
// Where a visit goes once its card is out: the complaint screens when "Report a problem" was
// touched, the offer after a failure, else the survey when due, else ThankYou.
[[nodiscard]] StateId after_card_returned(const Context& context);

// True when the table has a row the context's state takes for this event now (its guard holds):
// a control is offered exactly when the flow would act on it ("Report a problem").
[[nodiscard]] bool takes(const Context& context, const Event& event);

// Which screen shows a context: usually fixed per state, but the close state shows why it closes.
ui::ScreenId screen_for(const Context& context);

}  // namespace kiosk::flow
