#include "kiosk/app/screen_saving_display.hpp"

#include <cstdio>
#include <stdexcept>

#include "kiosk/runtime/screen_names.hpp"

namespace kiosk {

ScreenSavingDisplay::ScreenSavingDisplay(ui::OffscreenDisplay& inner, std::filesystem::path directory)
    : inner_(inner), directory_(std::move(directory)) {
    std::error_code error;
    std::filesystem::create_directories(directory_, error);
    if (error) throw std::runtime_error(directory_.string() + ": cannot create: " + error.message());
}

Status ScreenSavingDisplay::show(const ui::ViewModel& vm) {
    KIOSK_TRY(inner_.show(vm));
    char number[8];
    std::snprintf(number, sizeof number, "%04d", ++saved_ % 10000);
    const std::string name = std::string(number) + "-" + std::string(screen_name(vm.screen)) + "-" +
                             (vm.language == ui::Language::English ? "en" : "zh") + ".png";
    return inner_.save_png(directory_ / name);
}

}  // namespace kiosk
