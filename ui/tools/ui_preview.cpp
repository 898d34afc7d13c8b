// Writes every screen, in both languages and in the normal, high-contrast and large-text looks,
// as PNGs for people to look at. Run: build/<dir>/bin/ui_preview [out-dir] [font-dir] [WxH[@dpi]]
// (defaults: out/ui-preview, /usr/share/fonts/opentype/noto, 1024x768 at its assumed dpi;
// e.g. 1920x1080, 1080x1920@102.5 — docs/ui.md, "Displays and resolutions"). Exit 1 if any screen reports a
// layout error (text that does not fit), after writing everything.
#include <cstdio>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
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
        Viewport viewport;
        if (argc > 3) {
            int width = 0;
            int height = 0;
            double dpi = 0;
            const int read = std::sscanf(argv[3], "%dx%d@%lf", &width, &height, &dpi);
            if (read < 2) throw std::runtime_error(std::string("expected WIDTHxHEIGHT[@DPI], got ") + argv[3]);
            viewport = viewport_for(width, height, read == 3 ? std::optional<double>(dpi) : std::nullopt);
        }
        OffscreenDisplay display(fonts, "Kiosk Bank 自助银行", viewport);

        struct Variant {
            const char* suffix;
            Accessibility accessibility;
        };
        const Variant variants[] = {{"", {}}, {"_hc", {false, true}}, {"_large", {true, false}}, {"_large_hc", {true, true}}};
        const std::pair<Language, const char*> languages[] = {{Language::English, "en"},
                                                              {Language::SimplifiedChinese, "zh"}};
        // Every screen's sample, plus the busiest real case (PIN entry again after a wrong PIN)
        // and the other states of the flow screens: degraded menu, the code field, a mismatch.
        struct Sample {
            ScreenId screen;
            std::string name;
            std::function<void(ViewModel&)> change;
        };
        std::vector<Sample> samples;
        for (const ScreenSpec& spec : all_screens()) samples.push_back({spec.id, std::string(spec.name), {}});
        samples.push_back({ScreenId::EnterPin, "enter_pin_retry", [](ViewModel& vm) {
                               vm.message_key = "pin.wrong";
                               vm.tries_left = 2;
                           }});
        samples.push_back({ScreenId::MainMenu, "main_menu_degraded", [](ViewModel& vm) {
                               vm.menu->withdrawal = Offer::Hidden;  // no dispenser
                               vm.menu->mini_statement_on_screen_only = true;  // no printer
                               vm.menu->transfer = Offer::Unavailable;
                           }});
        samples.push_back({ScreenId::CardlessEntry, "cardless_code", [](ViewModel& vm) {
                               vm.entry_field = EntryField::OneTimeCode;
                               vm.typed_digits.clear();
                               vm.pin_digits_entered = 5;
                               vm.message_key = "cardless.code_invalid";
                           }});
        samples.push_back({ScreenId::EnterNewPin, "enter_new_pin_mismatch",
                           [](ViewModel& vm) { vm.message_key = "new_pin.mismatch"; }});
        samples.push_back({ScreenId::EnterAmount, "enter_amount_empty", [](ViewModel& vm) {
                               vm.amount.reset();
                               vm.message_key = "amount.not_multiple";
                           }});
        samples.push_back({ScreenId::TransactionDone, "transaction_done_pin", [](ViewModel& vm) {
                               vm.message_key = "done.pin_changed";
                               vm.amount.reset();
                           }});

        int failures = 0;
        int written = 0;
        for (const Sample& sample : samples) {
            for (const auto& [language, code] : languages) {
                for (const Variant& variant : variants) {
                    auto vm = sample_view_model(sample.screen, language, variant.accessibility);
                    if (sample.change) sample.change(vm);
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
