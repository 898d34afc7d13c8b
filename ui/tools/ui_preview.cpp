// Writes every screen, in both languages and in the normal, high-contrast and large-text looks,
// as PNGs for people to look at. Run: build/<dir>/bin/ui_preview [out-dir] [font-dir]
// (defaults: out/ui-preview, /usr/share/fonts/opentype/noto). Exit 1 if any screen reports a
// layout error (text that does not fit), after writing everything.
#include <cstdio>
#include <exception>
#include <string>

#include "ui/offscreen_display.hpp"
#include "ui/sample_view_models.hpp"
#include "ui/screens.hpp"

int main(int argc, char** argv) {
    using namespace kiosk::ui;
    try {
        const std::filesystem::path out_dir = argc > 1 ? argv[1] : "out/ui-preview";
        const FontPaths fonts = argc > 2 ? FontPaths::in_directory(argv[2]) : FontPaths::debian_default();
        OffscreenDisplay display(fonts, "Kiosk Bank 自助银行");

        struct Variant {
            const char* suffix;
            Accessibility accessibility;
        };
        const Variant variants[] = {{"", {}}, {"_hc", {false, true}}, {"_large", {true, false}}, {"_large_hc", {true, true}}};
        const std::pair<Language, const char*> languages[] = {{Language::English, "en"},
                                                              {Language::SimplifiedChinese, "zh"}};
        int failures = 0;
        int written = 0;
        for (const ScreenSpec& spec : all_screens()) {
            for (const auto& [language, code] : languages) {
                for (const Variant& variant : variants) {
                    const auto vm = sample_view_model(spec.id, language, variant.accessibility);
                    const std::string name = std::string(spec.name) + "_" + code + variant.suffix + ".png";
                    const auto shown = display.show(vm);
                    if (!shown.ok()) {
                        std::fprintf(stderr, "%s: %s\n", name.c_str(), shown.error().to_string().c_str());
                        ++failures;
                    }
                    const auto saved = display.save_png(out_dir / name);
                    if (!saved.ok()) {
                        std::fprintf(stderr, "%s\n", saved.error().to_string().c_str());
                        return 1;
                    }
                    ++written;
                }
            }
        }
        std::printf("wrote %d screens to %s (%d with layout errors)\n", written, out_dir.c_str(), failures);
        return failures == 0 ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "ui_preview: %s\n", error.what());
        return 1;
    }
}
