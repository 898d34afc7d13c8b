// Rendering one screen headless (text shaping with Noto Sans CJK, buttons, card) in both
// languages, against the floor of clearing the same 1024×768 surface. A frame budget at 60 Hz is
// 16.7 ms; the touchscreen only redraws on events, so this shows the margin, not a frame rate.
#include <benchmark/benchmark.h>

#include "ui/renderer.hpp"
#include "ui/sample_view_models.hpp"
#include "ui/sdl_session.hpp"

namespace {

using namespace kiosk::ui;

void Render_MainMenu(benchmark::State& state) {
    const SdlSession session(SdlSession::Video::Off);
    const Renderer renderer(FontPaths::debian_default(), "Kiosk Bank");
    auto surface = Renderer::make_surface();
    const auto language = state.range(0) == 0 ? Language::English : Language::SimplifiedChinese;
    const ViewModel vm = sample_view_model(ScreenId::MainMenu, language);
    for (auto _ : state) {
        if (auto drawn = renderer.render(vm, *surface); !drawn) state.SkipWithError("render failed");
        benchmark::DoNotOptimize(surface->pixels);
    }
    state.SetLabel(language == Language::English ? "en" : "zh");
}
BENCHMARK(Render_MainMenu)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void Baseline_ClearSurface(benchmark::State& state) {
    const SdlSession session(SdlSession::Video::Off);
    auto surface = Renderer::make_surface();
    for (auto _ : state) {
        SDL_FillRect(surface.get(), nullptr, 0xFFFFFFFF);
        benchmark::DoNotOptimize(surface->pixels);
    }
}
BENCHMARK(Baseline_ClearSurface)->Unit(benchmark::kMillisecond);

}  // namespace
