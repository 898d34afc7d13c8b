// A realistic view-model for every screen, with the button actions and label keys the runtime is
// expected to send. Used by the preview tool and the tests; also documents the contract by example.
#pragma once

#include "ui/view_model.hpp"

namespace kiosk::ui {

[[nodiscard]] ViewModel sample_view_model(ScreenId screen, Language language, Accessibility accessibility = {});

}  // namespace kiosk::ui
