// Where speech goes: the audio device (SdlAudioOutput: the headset jack, or the speaker) or, on a
// headless run and in tests, a WAV file plus a text log with one line per utterance
// ("<screen>: <text>"), which tests read. Each output is owned and used by one thread, the
// speech worker's.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string_view>

#include "common/result.hpp"
#include "ui/speech/speech_engine.hpp"

namespace kiosk::ui::speech {

inline constexpr int kMaxVolume = 100;

// `pcm` scaled to `percent` of its level (0–100), with no wrap-around.
[[nodiscard]] Pcm scaled(const Pcm& pcm, int percent);

class SpeechOutput {
public:
    virtual ~SpeechOutput() = default;
    // Queues `pcm` after what is playing. `screen` and `text` name the utterance (the speech log's
    // line); an empty `text` is a sound only (the key tone), which the log does not list.
    virtual Status play(const Pcm& pcm, std::string_view screen, std::string_view text) = 0;
    // Drops whatever is queued or playing: the customer moved on.
    virtual void stop() = 0;
    // 0–100, applied to what is queued from now on.
    virtual void set_volume(int percent) = 0;
};

class SdlAudioOutput final : public SpeechOutput {
public:
    // Opens SDL's audio subsystem; the device itself opens with the first sound's sample rate.
    // `device`: empty for the system's default (on the kiosk, the headset jack's card).
    static Result<std::unique_ptr<SdlAudioOutput>> open(std::string device, int volume);
    ~SdlAudioOutput() override;
    SdlAudioOutput(const SdlAudioOutput&) = delete;
    SdlAudioOutput& operator=(const SdlAudioOutput&) = delete;

    Status play(const Pcm& pcm, std::string_view screen, std::string_view text) override;
    void stop() override;
    void set_volume(int percent) override { volume_ = percent; }

private:
    SdlAudioOutput(std::string device, int volume) : device_name_(std::move(device)), volume_(volume) {}
    Status open_device(int sample_rate);

    std::string device_name_;
    int volume_;
    SDL_AudioDeviceID device_ = 0;
    int device_rate_ = 0;
};

class WavLogOutput final : public SpeechOutput {
public:
    // Starts both files afresh (their directories are created). Fails naming the file.
    static Result<std::unique_ptr<WavLogOutput>> open(const std::filesystem::path& wav,
                                                      const std::filesystem::path& log, int volume);

    Status play(const Pcm& pcm, std::string_view screen, std::string_view text) override;
    void stop() override {}  // a file plays nothing: every utterance is kept whole
    void set_volume(int percent) override { volume_ = percent; }

    [[nodiscard]] std::uint64_t samples_written() const { return samples_; }

private:
    WavLogOutput(std::filesystem::path wav_path, std::filesystem::path log_path, int volume)
        : wav_path_(std::move(wav_path)), log_path_(std::move(log_path)), volume_(volume) {}
    Status write_header();

    std::filesystem::path wav_path_;
    std::filesystem::path log_path_;
    std::fstream wav_;
    std::ofstream log_;
    int volume_;
    int sample_rate_ = 0;  // set by the first sound; one WAV file has one rate
    std::uint64_t samples_ = 0;
};

}  // namespace kiosk::ui::speech
