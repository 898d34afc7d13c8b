// Turns the flow's context into the view-model of the screen to show: which buttons a screen
// offers (each button's action maps back to a flow event in action_event()), and the data it
// displays. The UI lays it out; nothing here draws.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "kiosk/flow/flow_types.hpp"
#include "kiosk/runtime/session.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

// `fast_cash`: the amounts the cassettes can pay now; empty disables the withdrawal button.
ui::ViewModel build_view_model(ui::ScreenId screen, const flow::Context& context, const Session& session,
                               std::optional<int> seconds_left, const std::vector<Money>& fast_cash = {});

// "amount_0", "amount_1", …: the fast-cash button for the i-th offered amount.
std::string amount_action(std::size_t index);
std::optional<std::size_t> amount_index(std::string_view action);

// The flow event a touched button stands for; nullopt for an unknown action id.
std::optional<flow::Event> action_event(std::string_view action);

}  // namespace kiosk
