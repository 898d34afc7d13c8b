// Frames: rendering screens headless in software (text shaping with Noto Sans CJK, buttons, card),
// each against the floor of clearing the same surface (SDL_FillRect) in the same run.
//   Render_MainMenu/{0,1}      1024×768, English / 简体中文, the whole screen each time
//   Render_Screen_1080p/<id>   1920×1080, each screen drawn whole (a new screen; text cache warm)
//   Render_Cold_1080p/<id>     the same with the text cache emptied first: what the cache saves
//   Render_Tick_1080p/<id>     the screens that move while they stay up (activity dots,
//                              countdowns): one steady frame, repainting only what moved
//   Baseline_ClearSurface, Baseline_ClearSurface_1080p
// Every 1080p benchmark times each frame itself and reports median_ms and p99_ms counters (the
// frame budget in docs/benchmarks.md, "Frames", is median ≤ 4 ms, p99 ≤ 12 ms).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "ui/renderer.hpp"
#include "ui/sample_view_models.hpp"
#include "ui/screens.hpp"
#include "ui/sdl_session.hpp"

namespace {

using namespace kiosk::ui;
using Clock = std::chrono::steady_clock;

const Viewport kFullHd = viewport_for(1920, 1080);

// Frame times → the counters every 1080p benchmark reports.
void report(benchmark::State& state, std::vector<double>& milliseconds) {
    if (milliseconds.empty()) return;
    std::sort(milliseconds.begin(), milliseconds.end());
    const auto at = [&](double quantile) {
        const auto index = static_cast<std::size_t>(quantile * static_cast<double>(milliseconds.size() - 1));
        return milliseconds[index];
    };
    state.counters["median_ms"] = at(0.5);
    state.counters["p99_ms"] = at(0.99);
    state.counters["max_ms"] = milliseconds.back();
}

template <typename Frame>
void timed_frames(benchmark::State& state, Frame&& frame) {
    std::vector<double> milliseconds;
    for (auto _ : state) {
        const auto start = Clock::now();
        if (!frame()) {
            state.SkipWithError("render failed");
            return;
        }
        const std::chrono::duration<double> took = Clock::now() - start;
        state.SetIterationTime(took.count());
        milliseconds.push_back(took.count() * 1000.0);
    }
    report(state, milliseconds);
}

ScreenId screen_arg(const benchmark::State& state) { return all_screens()[static_cast<std::size_t>(state.range(0))].id; }

void Render_MainMenu(benchmark::State& state) {
    const SdlSession session(SdlSession::Video::Off);
    const Renderer renderer(FontPaths::debian_default(), "Kiosk Bank");
    auto surface = Renderer::make_surface();
    const auto language = state.range(0) == 0 ? Language::English : Language::SimplifiedChinese;
    const ViewModel vm = sample_view_model(ScreenId::MainMenu, language);
    for (auto _ : state) {
        if (auto drawn = renderer.render_full(vm, *surface); !drawn) state.SkipWithError("render failed");
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

// Every screen's index in all_screens(); the 1080p benchmarks run once per screen.
void every_screen(benchmark::internal::Benchmark* bench) {
    for (std::size_t i = 0; i < all_screens().size(); ++i) bench->Arg(static_cast<std::int64_t>(i));
    bench->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(100);
}

// The screens that repaint while they stay up.
void ticking_screens(benchmark::internal::Benchmark* bench) {
    for (std::size_t i = 0; i < all_screens().size(); ++i) {
        const ScreenSpec& spec = all_screens()[i];
        const ViewModel vm = sample_view_model(spec.id, Language::English);
        if (spec.widget == ScreenWidget::Activity || vm.seconds_left) bench->Arg(static_cast<std::int64_t>(i));
    }
    bench->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(300);
}

void Render_Screen_1080p(benchmark::State& state) {
    const SdlSession session(SdlSession::Video::Off);
    const Renderer renderer(FontPaths::debian_default(), "Kiosk Bank", kFullHd);
    auto surface = Renderer::make_surface(kFullHd);
    const ViewModel vm = sample_view_model(screen_arg(state), Language::SimplifiedChinese);
    (void)renderer.render_full(vm, *surface);  // warm: a screen seen before has its text shaped
    timed_frames(state, [&] { return renderer.render_full(vm, *surface).ok(); });
    state.SetLabel(std::string(screen_spec(vm.screen).name));
}
BENCHMARK(Render_Screen_1080p)->Apply(every_screen);

void Render_Cold_1080p(benchmark::State& state) {
    const SdlSession session(SdlSession::Video::Off);
    const Renderer renderer(FontPaths::debian_default(), "Kiosk Bank", kFullHd);
    auto surface = Renderer::make_surface(kFullHd);
    const ViewModel vm = sample_view_model(screen_arg(state), Language::SimplifiedChinese);
    timed_frames(state, [&] {
        renderer.forget_shaped_text();
        return renderer.render_full(vm, *surface).ok();
    });
    state.SetLabel(std::string(screen_spec(vm.screen).name));
}
BENCHMARK(Render_Cold_1080p)->Arg(3)->Arg(18)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(30);

void Render_Tick_1080p(benchmark::State& state) {
    const SdlSession session(SdlSession::Video::Off);
    const Renderer renderer(FontPaths::debian_default(), "Kiosk Bank", kFullHd);
    auto surface = Renderer::make_surface(kFullHd);
    ViewModel vm = sample_view_model(screen_arg(state), Language::SimplifiedChinese);
    if (!vm.seconds_left && screen_spec(vm.screen).widget != ScreenWidget::Activity) vm.seconds_left = 30;
    (void)renderer.render(vm, *surface);
    int tick = 0;
    timed_frames(state, [&] {
        ++tick;
        vm.activity_frame = tick;
        if (vm.seconds_left) vm.seconds_left = 10 + (100 - tick % 100);  // 110 … 11: two and three digits
        return renderer.render(vm, *surface).ok();
    });
    const auto counts = renderer.frame_counts();
    state.counters["partial_frames"] = static_cast<double>(counts.partial);
    state.SetLabel(std::string(screen_spec(vm.screen).name));
}
BENCHMARK(Render_Tick_1080p)->Apply(ticking_screens);

void Baseline_ClearSurface_1080p(benchmark::State& state) {
    const SdlSession session(SdlSession::Video::Off);
    auto surface = Renderer::make_surface(kFullHd);
    timed_frames(state, [&] {
        SDL_FillRect(surface.get(), nullptr, 0xFFFFFFFF);
        benchmark::DoNotOptimize(surface->pixels);
        return true;
    });
}
BENCHMARK(Baseline_ClearSurface_1080p)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(300);

}  // namespace
