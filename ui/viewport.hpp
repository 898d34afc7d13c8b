// The display a screen is drawn for: its size in pixels and its pixel density. Every length in the
// layout and the painters is written in design units — pixels of the reference panel, a 15-inch
// 4:3 1024×768 touchscreen (85.3 dpi, 0.298 mm a pixel) — and turned into this display's pixels by
// px(), so a button is as many millimetres tall on every panel and the 1024×768 screens are
// pixel-for-pixel what they were before displays became configurable.
#pragma once

#include <optional>
#include <string>

namespace kiosk::ui {

// 1024 px over the 304.8 mm width of a 15-inch 4:3 panel.
inline constexpr double kReferenceDpi = 1024.0 / (304.8 / 25.4);
// The smallest screen, in design units, that every screen's content is laid out for: the
// reference panel, either way round. A denser panel than that allows is drawn at a smaller scale
// (targets shrink in millimetres; viewport_problem() refuses what would shrink them below 15 mm).
inline constexpr int kMinDesignLong = 1024;
inline constexpr int kMinDesignShort = 768;
inline constexpr double kMinimumTargetMillimetres = 15.0;

struct Viewport {
    int width = 1024;
    int height = 768;
    double dpi = kReferenceDpi;

    // Display pixels per design unit: the panel's density over the reference's, lowered when the
    // panel has fewer design units than kMinDesignLong × kMinDesignShort at that density.
    [[nodiscard]] double scale() const;
    // A design-unit length in this display's pixels (exact at scale 1).
    [[nodiscard]] int px(int design_units) const;
    [[nodiscard]] bool portrait() const { return height > width; }
    // The display's size in design units: what the layout has to work with.
    [[nodiscard]] int design_width() const;
    [[nodiscard]] int design_height() const;
    // `pixels` of this display in millimetres at its dpi.
    [[nodiscard]] double millimetres(int pixels) const { return pixels * 25.4 / dpi; }

    friend bool operator==(const Viewport&, const Viewport&) = default;
};

// The DPI assumed for a panel when the configuration gives none (docs/ui.md, "Displays and
// resolutions"): 1024×768 15" 85 dpi; 1280×1024 17" 96 dpi; 1920×1080 either way round 21.5"
// 102 dpi; 1366×768 15.6" 100 dpi; 1280×800 / 800×1280 10.1" 149 dpi → drawn at the minimum
// design size; any other panel: its short side taken as 768 design units.
[[nodiscard]] double assumed_dpi(int width, int height);

// The viewport for a panel of `width`×`height` pixels at `dpi` (or the assumed one).
[[nodiscard]] Viewport viewport_for(int width, int height, std::optional<double> dpi = std::nullopt);

// Why the screens cannot be drawn on this display, or nothing: a size outside 640–7680 ×
// 480–7680 px, a dpi outside 40–600, or a panel so small for its dpi that a 96-unit button would be
// under 15 mm.
[[nodiscard]] std::optional<std::string> viewport_problem(const Viewport& viewport);

}  // namespace kiosk::ui
