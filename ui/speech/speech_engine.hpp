// Text to sound. SpeechEngine is the seam (tests use a fake); EspeakEngine is espeak-ng's C library
// (Debian libespeak-ng1, voices in espeak-ng-data). espeak-ng keeps global state and is not
// thread-safe: one EspeakEngine at a time in the process, used by one thread (the speech
// worker's). The library itself is started by the first open() and stopped at process exit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "ui/view_model.hpp"

namespace kiosk::ui::speech {

// Signed 16-bit mono samples at `sample_rate` Hz.
struct Pcm {
    std::vector<std::int16_t> samples;
    int sample_rate = 22050;
};

class SpeechEngine {
public:
    virtual ~SpeechEngine() = default;
    // The whole utterance, synthesized before it returns (the caller is a worker, never the loop).
    virtual Result<Pcm> synthesize(std::string_view text, Language language) = 0;
};

struct EspeakOptions {
    std::filesystem::path
        data_dir;                // empty: espeak-ng's own default (Debian: /usr/lib/x86_64-linux-gnu/espeak-ng-data)
    int words_per_minute = 160;  // espeak-ng's 80–450; a little slower than its 175 for first-time listeners
};

// The espeak-ng voice for a language: "en" and "cmn" (Mandarin; Debian 12's "zh" is an MBROLA
// voice that needs the mbrola package, which the kiosk does not use).
[[nodiscard]] std::string_view espeak_voice(Language language);

class EspeakEngine final : public SpeechEngine {
public:
    // Initializes espeak-ng and checks that both voices load. Fails with the library's own message
    // (no data directory, no voice), or when another EspeakEngine is alive in the process.
    static Result<std::unique_ptr<EspeakEngine>> open(const EspeakOptions& options);
    ~EspeakEngine() override;
    EspeakEngine(const EspeakEngine&) = delete;
    EspeakEngine& operator=(const EspeakEngine&) = delete;

    Result<Pcm> synthesize(std::string_view text, Language language) override;

private:
    EspeakEngine(int sample_rate, int words_per_minute)
        : sample_rate_(sample_rate), words_per_minute_(words_per_minute) {}
    Status select_voice(Language language);

    int sample_rate_;
    int words_per_minute_;
    bool voice_set_ = false;
    Language voice_ = Language::English;
};

}  // namespace kiosk::ui::speech
