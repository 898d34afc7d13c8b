// SdlAudioOutput queues samples on an SDL audio device; WavLogOutput appends them to one WAV file
// (RIFF, PCM s16le mono) whose header is brought up to date after every sound, so the file is
// valid even if the kiosk stops mid-visit, and logs each utterance as a line of text.
#include "ui/speech/speech_output.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string>

namespace kiosk::ui::speech {
namespace {

constexpr const char* kDomain = "speech";

void put_u32(std::array<char, 44>& header, std::size_t at, std::uint32_t value) {
    for (std::size_t i = 0; i < 4; ++i) header[at + i] = static_cast<char>((value >> (8 * i)) & 0xFFU);
}
void put_u16(std::array<char, 44>& header, std::size_t at, std::uint16_t value) {
    header[at] = static_cast<char>(value & 0xFFU);
    header[at + 1] = static_cast<char>((value >> 8) & 0xFFU);
}

Status create_parent(const std::filesystem::path& file) {
    if (!file.has_parent_path()) return ok_status();
    std::error_code error;
    std::filesystem::create_directories(file.parent_path(), error);
    if (error) return make_error(kDomain, file.parent_path().string() + ": cannot create: " + error.message());
    return ok_status();
}

}  // namespace

Pcm scaled(const Pcm& pcm, int percent) {
    const int volume = std::clamp(percent, 0, kMaxVolume);
    Pcm out;
    out.sample_rate = pcm.sample_rate;
    out.samples.reserve(pcm.samples.size());
    for (const std::int16_t sample : pcm.samples) {
        const int value = sample * volume / kMaxVolume;  // |value| ≤ |sample|: no overflow
        out.samples.push_back(static_cast<std::int16_t>(value));
    }
    return out;
}

// --- SDL ---

Result<std::unique_ptr<SdlAudioOutput>> SdlAudioOutput::open(std::string device, int volume) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        return make_error(kDomain, std::string("SDL audio could not start: ") + SDL_GetError());
    }
    return std::unique_ptr<SdlAudioOutput>(new SdlAudioOutput(std::move(device), volume));
}

SdlAudioOutput::~SdlAudioOutput() {
    if (device_ != 0) SDL_CloseAudioDevice(device_);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

Status SdlAudioOutput::open_device(int sample_rate) {
    if (device_ != 0 && device_rate_ == sample_rate) return ok_status();
    if (device_ != 0) SDL_CloseAudioDevice(device_);
    device_ = 0;
    SDL_AudioSpec wanted{};
    wanted.freq = sample_rate;
    wanted.format = AUDIO_S16SYS;
    wanted.channels = 1;
    wanted.samples = 1024;
    wanted.callback = nullptr;  // SDL_QueueAudio feeds it
    SDL_AudioSpec got{};
    device_ = SDL_OpenAudioDevice(device_name_.empty() ? nullptr : device_name_.c_str(), 0, &wanted, &got, 0);
    if (device_ == 0) {
        return make_error(kDomain, "audio device \"" + (device_name_.empty() ? std::string("default") : device_name_) +
                                       "\" could not open: " + SDL_GetError());
    }
    device_rate_ = sample_rate;
    SDL_PauseAudioDevice(device_, 0);
    return ok_status();
}

Status SdlAudioOutput::play(const Pcm& pcm, std::string_view /*screen*/, std::string_view /*text*/) {
    if (pcm.samples.empty()) return ok_status();
    KIOSK_TRY(open_device(pcm.sample_rate));
    const Pcm loud = scaled(pcm, volume_);
    const auto bytes = static_cast<Uint32>(loud.samples.size() * sizeof(std::int16_t));
    if (SDL_QueueAudio(device_, loud.samples.data(), bytes) != 0) {
        return make_error(kDomain, std::string("audio queue: ") + SDL_GetError());
    }
    return ok_status();
}

void SdlAudioOutput::stop() {
    if (device_ != 0) SDL_ClearQueuedAudio(device_);
}

// --- WAV file and speech log ---

Result<std::unique_ptr<WavLogOutput>> WavLogOutput::open(const std::filesystem::path& wav,
                                                         const std::filesystem::path& log, int volume) {
    KIOSK_TRY(create_parent(wav));
    KIOSK_TRY(create_parent(log));
    std::unique_ptr<WavLogOutput> output(new WavLogOutput(wav, log, volume));
    output->wav_.open(wav, std::ios::binary | std::ios::in | std::ios::out | std::ios::trunc);
    if (!output->wav_) return make_error(kDomain, wav.string() + ": cannot write the speech WAV file");
    output->log_.open(log, std::ios::trunc);
    if (!output->log_) return make_error(kDomain, log.string() + ": cannot write the speech log");
    output->sample_rate_ = 22050;  // espeak-ng's; replaced by the first sound's before any sample lands
    KIOSK_TRY(output->write_header());
    output->sample_rate_ = 0;
    return output;
}

Status WavLogOutput::write_header() {
    constexpr std::uint64_t kMaxData = std::numeric_limits<std::uint32_t>::max() - 36;
    const std::uint64_t data_bytes = std::min<std::uint64_t>(samples_ * 2, kMaxData);
    std::array<char, 44> header{};
    const std::string_view riff = "RIFF", wave = "WAVE", fmt = "fmt ", data = "data";
    std::copy(riff.begin(), riff.end(), header.begin());
    put_u32(header, 4, static_cast<std::uint32_t>(36 + data_bytes));
    std::copy(wave.begin(), wave.end(), header.begin() + 8);
    std::copy(fmt.begin(), fmt.end(), header.begin() + 12);
    put_u32(header, 16, 16);  // PCM format chunk size
    put_u16(header, 20, 1);   // PCM
    put_u16(header, 22, 1);   // mono
    put_u32(header, 24, static_cast<std::uint32_t>(sample_rate_));
    put_u32(header, 28, static_cast<std::uint32_t>(sample_rate_) * 2);  // byte rate
    put_u16(header, 32, 2);                                             // block align
    put_u16(header, 34, 16);                                            // bits per sample
    std::copy(data.begin(), data.end(), header.begin() + 36);
    put_u32(header, 40, static_cast<std::uint32_t>(data_bytes));
    wav_.seekp(0);
    wav_.write(header.data(), static_cast<std::streamsize>(header.size()));
    wav_.seekp(0, std::ios::end);
    wav_.flush();
    if (!wav_) return make_error(kDomain, wav_path_.string() + ": cannot write the speech WAV file");
    return ok_status();
}

Status WavLogOutput::play(const Pcm& pcm, std::string_view screen, std::string_view text) {
    if (!text.empty()) {
        log_ << screen << ": " << text << '\n';
        log_.flush();
        if (!log_) return make_error(kDomain, log_path_.string() + ": cannot write the speech log");
    }
    if (pcm.samples.empty()) return ok_status();
    if (sample_rate_ == 0) sample_rate_ = pcm.sample_rate;
    if (pcm.sample_rate != sample_rate_) {
        return make_error(kDomain, "a sound at " + std::to_string(pcm.sample_rate) + " Hz cannot join the " +
                                       std::to_string(sample_rate_) + " Hz speech WAV file");
    }
    const Pcm loud = scaled(pcm, volume_);
    std::string bytes;
    bytes.reserve(loud.samples.size() * 2);
    for (const std::int16_t sample : loud.samples) {
        const auto value = static_cast<std::uint16_t>(sample);
        bytes += static_cast<char>(value & 0xFFU);
        bytes += static_cast<char>(value >> 8);
    }
    wav_.seekp(0, std::ios::end);
    wav_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    samples_ += loud.samples.size();
    return write_header();
}

}  // namespace kiosk::ui::speech
