// Writes every screen, in both languages and in the normal, high-contrast and large-text looks,
// as PNGs for people to look at. Run: build/<dir>/bin/ui_preview [out-dir] [font-dir]
// (defaults: out/ui-preview, /usr/share/fonts/opentype/noto). Exit 1 if any screen reports a
// layout error (text that does not fit), after writing everything.
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <vector>

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
        // Every screen's sample, plus the busiest real case: PIN entry again after a wrong PIN.
        struct Sample {
            ScreenId screen;
            std::string name;
            std::string message_key;
            std::optional<int> tries_left;
        };
        std::vector<Sample> samples;
        for (const ScreenSpec& spec : all_screens()) samples.push_back({spec.id, std::string(spec.name), {}, {}});
        samples.push_back({ScreenId::EnterPin, "enter_pin_retry", "pin.wrong", 2});

        int failures = 0;
        int written = 0;
        for (const Sample& sample : samples) {
            for (const auto& [language, code] : languages) {
                for (const Variant& variant : variants) {
                    auto vm = sample_view_model(sample.screen, language, variant.accessibility);
                    if (!sample.message_key.empty()) vm.message_key = sample.message_key;
                    if (sample.tries_left) vm.tries_left = sample.tries_left;
                    const std::string name = sample.name + "_" + code + variant.suffix + ".png";
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
