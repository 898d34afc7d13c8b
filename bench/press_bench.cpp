// Touch to pressed frame: a finger goes down on a menu button and the display draws that button
// pressed (hit-test on the layout, then the whole screen rendered again: OffscreenDisplay::press,
// the same path WindowDisplay takes before presenting), against clearing the same 1024×768
// surface in the same run. The press must show within a frame (16.7 ms at 60 Hz) to feel immediate.
#include <benchmark/benchmark.h>

#include <SDL.h>

#include "ui/layout.hpp"
#include "ui/offscreen_display.hpp"
#include "ui/sample_view_models.hpp"

namespace {

using namespace kiosk::ui;

void Press_TouchToPressedFrame(benchmark::State& state) {
    OffscreenDisplay display(FontPaths::debian_default(), "Kiosk Bank");
    const ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::English);
    if (!display.show(vm).ok()) state.SkipWithError("render failed");
    const Rect button = layout_screen(vm).buttons.at(1).rect;
    for (auto _ : state) {
        if (!display.press(button.x + button.w / 2, button.y + button.h / 2).ok()) state.SkipWithError("press failed");
        benchmark::DoNotOptimize(display.surface().pixels);
        state.PauseTiming();
        (void)display.release(0, 0);  // slid off: up again, nothing queued
        state.ResumeTiming();
    }
}
BENCHMARK(Press_TouchToPressedFrame)->Unit(benchmark::kMillisecond);

void Baseline_ClearPressSurface(benchmark::State& state) {
    OffscreenDisplay display(FontPaths::debian_default(), "Kiosk Bank");
    SDL_Surface& surface = const_cast<SDL_Surface&>(display.surface());  // the very surface pressed above
    for (auto _ : state) {
        SDL_FillRect(&surface, nullptr, 0xFFFFFFFF);
        benchmark::DoNotOptimize(surface.pixels);
    }
}
BENCHMARK(Baseline_ClearPressSurface)->Unit(benchmark::kMillisecond);

}  // namespace
