// Fuzzes the incremental frame parser with a byte stream from a card-reader mechanism or PIN pad,
// fed in chunks of fuzzer-chosen sizes with frames taken out in between. The chunking must not
// change which frames come out: the same stream fed in one piece is the reference.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "drivers/frame/frame_parser.hpp"
#include "fuzz_check.hpp"

namespace {

using kiosk::Bytes;
using kiosk::drivers::Frame;
using kiosk::drivers::FrameError;
using kiosk::drivers::FrameParser;

// Everything the parser reports except noise: how many bytes of noise are skipped at a time
// depends on how they arrived, every other decision must not.
struct Outcome {
    bool is_frame = false;
    Frame frame;
    FrameError error = FrameError::noiseBeforeStx;

    friend bool operator==(const Outcome&, const Outcome&) = default;
};

// A parser waits for at most one whole frame; anything more means it stopped making progress.
constexpr std::size_t max_buffered = kiosk::drivers::frame_max_data + kiosk::drivers::frame_overhead;

void check_frame(const Frame& frame) {
    FUZZ_CHECK(frame.data.size() <= kiosk::drivers::frame_max_data);
    const auto encoded = kiosk::drivers::encode_frame(frame);
    FUZZ_CHECK(encoded.ok());
    FrameParser again;
    again.feed(*encoded);
    const auto reparsed = again.next();
    FUZZ_CHECK(reparsed.has_value() && reparsed->ok() && reparsed->value() == frame);
    FUZZ_CHECK(again.buffered() == 0);
}

// Takes out everything the buffered bytes allow; each call must consume or stop.
void drain(FrameParser& parser, std::vector<Outcome>& outcomes) {
    while (true) {
        const std::size_t before = parser.buffered();
        auto next = parser.next();
        if (!next) break;
        FUZZ_CHECK(parser.buffered() < before);
        if (next->ok()) {
            check_frame(next->value());
            outcomes.push_back(Outcome{true, std::move(*next).value(), {}});
            continue;
        }
        const auto kind = kiosk::drivers::frame_error_of(next->error());
        FUZZ_CHECK(kind.has_value() && *kind != FrameError::dataTooLong);
        if (*kind != FrameError::noiseBeforeStx) outcomes.push_back(Outcome{false, {}, *kind});
    }
    FUZZ_CHECK(parser.buffered() < max_buffered);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider provider(data, size);
    // Chunk sizes come from the end of the input, the stream from the front (see ConsumeBytes).
    Bytes stream;
    FrameParser chunked;
    std::vector<Outcome> chunked_outcomes;
    while (provider.remaining_bytes() > 0) {
        const auto chunk_size = provider.ConsumeIntegralInRange<std::size_t>(1, 64);
        const Bytes chunk = provider.ConsumeBytes<std::uint8_t>(chunk_size);
        stream.insert(stream.end(), chunk.begin(), chunk.end());
        chunked.feed(chunk);
        if (provider.ConsumeBool()) drain(chunked, chunked_outcomes);
    }
    drain(chunked, chunked_outcomes);

    FrameParser whole;
    std::vector<Outcome> whole_outcomes;
    whole.feed(stream);
    drain(whole, whole_outcomes);

    FUZZ_CHECK(chunked_outcomes == whole_outcomes);
    FUZZ_CHECK(chunked.buffered() == whole.buffered());
    return 0;
}
