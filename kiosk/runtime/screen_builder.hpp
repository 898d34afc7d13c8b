// Turns the flow's context into the view-model of the screen to show: which buttons a screen
// offers (each button's action maps back to a flow event in action_event()), and the data it
// displays. The UI lays it out; nothing here draws.
#pragma once

#include <optional>
#include <string_view>

#include "kiosk/flow/flow_types.hpp"
#include "kiosk/runtime/session.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

ui::ViewModel build_view_model(ui::ScreenId screen, const flow::Context& context, const Session& session,
                               std::optional<int> seconds_left);

// The flow event a touched button stands for; nullopt for an unknown action id.
std::optional<flow::Event> action_event(std::string_view action);

}  // namespace kiosk
