// The parsers of outside bytes on the hot path — device frames and magnetic tracks — against the
// floor of scanning the same bytes once (memchr for the frame delimiter, a digit count for the
// track). A parser far above its floor is doing per-byte work it should not.
#include <algorithm>
#include <cstring>
#include <string>

#include <benchmark/benchmark.h>

#include "drivers/card/track_parser.hpp"
#include "drivers/frame/frame.hpp"
#include "drivers/frame/frame_parser.hpp"

namespace {

using namespace kiosk;

// 64 frames of 32 data bytes back to back, as a busy device would stream them.
Bytes frame_stream() {
    Bytes stream;
    const Bytes data(32, 0x41);
    for (int i = 0; i < 64; ++i) {
        auto frame = drivers::encode_frame(static_cast<std::uint8_t>(0x10 + (i % 4)), data);
        if (frame) stream.insert(stream.end(), frame->begin(), frame->end());
    }
    return stream;
}

void Parse_FrameStream(benchmark::State& state) {
    const Bytes stream = frame_stream();
    drivers::FrameParser parser;
    for (auto _ : state) {
        parser.feed(stream);
        int frames = 0;
        while (auto frame = parser.next()) frames += frame->ok() ? 1 : 0;
        if (frames != 64) state.SkipWithError("lost frames");
        benchmark::DoNotOptimize(frames);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(stream.size()));
}
BENCHMARK(Parse_FrameStream);

void Baseline_ScanFrameStream(benchmark::State& state) {
    const Bytes stream = frame_stream();
    const std::uint8_t delimiter = stream.front();
    for (auto _ : state) {
        int starts = 0;
        const std::uint8_t* at = stream.data();
        const std::uint8_t* end = stream.data() + stream.size();
        while ((at = static_cast<const std::uint8_t*>(std::memchr(at, delimiter, static_cast<std::size_t>(end - at))))) {
            ++starts;
            ++at;
        }
        benchmark::DoNotOptimize(starts);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(stream.size()));
}
BENCHMARK(Baseline_ScanFrameStream);

// A synthetic, Luhn-valid test track (not a deck card): PAN 4000 0000 0000 0002.
const std::string kTrack2 = ";4000000000000002=29122011234567890?";

void Parse_Track2(benchmark::State& state) {
    for (auto _ : state) {
        auto card = drivers::parse_track2(kTrack2);
        if (!card) state.SkipWithError("track rejected");
        benchmark::DoNotOptimize(card);
    }
}
BENCHMARK(Parse_Track2);

void Baseline_CountTrackDigits(benchmark::State& state) {
    for (auto _ : state) {
        auto digits = std::count_if(kTrack2.begin(), kTrack2.end(), [](char c) { return c >= '0' && c <= '9'; });
        benchmark::DoNotOptimize(digits);
    }
}
BENCHMARK(Baseline_CountTrackDigits);

}  // namespace
