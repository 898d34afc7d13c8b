#include "kiosk/runtime/screen_names.hpp"

#include "ui/screens.hpp"

namespace kiosk {

// The ui screen table holds the one list of names (ui/screens.cpp); a new ScreenId gets its name there.
std::string_view screen_name(ui::ScreenId screen) { return ui::screen_spec(screen).name; }

}  // namespace kiosk
