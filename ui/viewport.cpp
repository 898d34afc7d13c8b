// Scale arithmetic of viewport.hpp and the table of panels whose density we assume.
#include "ui/viewport.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::ui {
namespace {

constexpr int kButtonDesignHeight = 96;  // layout.hpp kButtonHeight: the smallest touch target's side

struct KnownPanel {
    int width;
    int height;
    double dpi;
};

// Diagonal → dpi = hypot(w, h) / inches. Kiosk panels of these sizes are what the resolution says.
constexpr KnownPanel kKnownPanels[] = {
    {1024, 768, kReferenceDpi},  // 15" 4:3
    {1280, 1024, 96.4},          // 17" 5:4
    {1920, 1080, 102.5},         // 21.5" 16:9
    {1080, 1920, 102.5},         // 21.5" 16:9 portrait
    {1366, 768, 100.5},          // 15.6" 16:9
};

}  // namespace

double Viewport::scale() const {
    const double by_density = dpi / kReferenceDpi;
    const int long_side = std::max(width, height);
    const int short_side = std::min(width, height);
    const double by_size = std::min(static_cast<double>(long_side) / kMinDesignLong,
                                    static_cast<double>(short_side) / kMinDesignShort);
    return std::min(by_density, by_size);
}

int Viewport::px(int design_units) const {
    const double s = scale();
    if (s == 1.0) return design_units;
    return static_cast<int>(std::lround(design_units * s));
}

int Viewport::design_width() const { return static_cast<int>(std::lround(width / scale())); }
int Viewport::design_height() const { return static_cast<int>(std::lround(height / scale())); }

double assumed_dpi(int width, int height) {
    for (const KnownPanel& panel : kKnownPanels) {
        if (panel.width == width && panel.height == height) return panel.dpi;
    }
    return kReferenceDpi * std::min(width, height) / kMinDesignShort;
}

Viewport viewport_for(int width, int height, std::optional<double> dpi) {
    return Viewport{width, height, dpi.value_or(assumed_dpi(width, height))};
}

std::optional<std::string> viewport_problem(const Viewport& v) {
    const std::string size = std::to_string(v.width) + "x" + std::to_string(v.height);
    if (v.width < 640 || v.width > 7680 || v.height < 480 || v.height > 7680) {
        return "display size " + size + " is outside 640-7680 x 480-7680 pixels";
    }
    if (!(v.dpi >= 40.0 && v.dpi <= 600.0)) return "display dpi " + std::to_string(v.dpi) + " is outside 40-600";
    const double target = v.millimetres(v.px(kButtonDesignHeight));
    if (target < kMinimumTargetMillimetres) {
        char text[160];
        std::snprintf(text, sizeof text, "a %s display at %.0f dpi is too small: touch targets would be %.1f mm, under %.0f mm",
                      size.c_str(), v.dpi, target, kMinimumTargetMillimetres);
        return std::string(text);
    }
    return std::nullopt;
}

}  // namespace kiosk::ui
