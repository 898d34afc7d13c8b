// Stable snake_case names of the screens, as journeys, logs and PNG file names use them.
#pragma once

#include <string_view>

#include "ui/view_model.hpp"

namespace kiosk {

std::string_view screen_name(ui::ScreenId screen);

}  // namespace kiosk
