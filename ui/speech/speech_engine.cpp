// EspeakEngine: espeak-ng in synchronous mode; its synth callback appends each chunk of samples to
// the Pcm of the call under way.
#include "ui/speech/speech_engine.hpp"

#include <espeak-ng/espeak_ng.h>

#include <array>
#include <mutex>
#include <string>

namespace kiosk::ui::speech {
namespace {

constexpr const char* kDomain = "speech";

// espeak-ng is one global instance: a second engine would share the first's state. And
// espeak-ng 1.51 (Debian 12) hangs in espeak_ng_Terminate() once it has been initialized a second
// time in a process, so the library is initialized once, on the first open(), and terminated when
// the process exits; an engine holds the one lease on it meanwhile.
struct Library {
    std::mutex mutex;
    bool initialized = false;
    bool leased = false;
    std::filesystem::path data_dir;
    int sample_rate = 0;

    ~Library() {
        if (initialized) espeak_ng_Terminate();
    }
};

Library& library() {
    static Library instance;
    return instance;
}

std::string status_message(espeak_ng_STATUS status) {
    std::array<char, 512> buffer{};
    espeak_ng_GetStatusCodeMessage(status, buffer.data(), buffer.size());
    return buffer.data();
}

Error espeak_error(const std::string& what, espeak_ng_STATUS status) {
    return make_error(kDomain, what + ": " + status_message(status), static_cast<int>(status));
}

// Called by espeak-ng inside espeak_ng_Synthesize (synchronous mode), on the caller's thread.
int collect_samples(short* samples, int count, espeak_EVENT* events) {
    if (samples == nullptr || count <= 0 || events == nullptr || events->user_data == nullptr) return 0;
    auto* into = static_cast<std::vector<std::int16_t>*>(events->user_data);
    into->insert(into->end(), samples, samples + count);
    return 0;  // 0: go on synthesizing
}

}  // namespace

std::string_view espeak_voice(Language language) {
    return language == Language::English ? "en" : "cmn";
}

Result<std::unique_ptr<EspeakEngine>> EspeakEngine::open(const EspeakOptions& options) {
    if (options.words_per_minute < espeakRATE_MINIMUM || options.words_per_minute > espeakRATE_MAXIMUM) {
        return make_error(kDomain, "speech rate " + std::to_string(options.words_per_minute) +
                                       " words per minute is outside espeak-ng's 80-450");
    }
    if (!options.data_dir.empty() && !std::filesystem::is_directory(options.data_dir)) {
        return make_error(kDomain, "espeak-ng data directory " + options.data_dir.string() + " does not exist");
    }
    Library& lib = library();
    const std::lock_guard lock(lib.mutex);
    if (lib.leased) return make_error(kDomain, "an espeak-ng engine is already open in this process");
    if (lib.initialized && lib.data_dir != options.data_dir) {
        return make_error(kDomain, "espeak-ng was started with data directory \"" + lib.data_dir.string() +
                                       "\" in this process and cannot change it");
    }
    if (!lib.initialized) {
        espeak_ng_InitializePath(options.data_dir.empty() ? nullptr : options.data_dir.c_str());
        espeak_ng_ERROR_CONTEXT context = nullptr;
        const espeak_ng_STATUS initialized = espeak_ng_Initialize(&context);
        espeak_ng_ClearErrorContext(&context);
        if (initialized != ENS_OK) {
            return espeak_error("espeak-ng could not start (is espeak-ng-data installed?)", initialized);
        }
        lib.initialized = true;  // from here on terminated only at exit (see Library)
        lib.data_dir = options.data_dir;
        const espeak_ng_STATUS output = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
        if (output != ENS_OK) return espeak_error("espeak-ng output", output);
        espeak_SetSynthCallback(collect_samples);
        lib.sample_rate = espeak_ng_GetSampleRate();
    }
    lib.leased = true;
    std::unique_ptr<EspeakEngine> engine(new EspeakEngine(lib.sample_rate, options.words_per_minute));
    // Both voices now: a missing one is a start-up problem to report, not a silent customer visit.
    for (const Language language : {Language::SimplifiedChinese, Language::English}) {
        if (auto selected = engine->select_voice(language); !selected.ok()) return selected.error();
    }
    return engine;
}

EspeakEngine::~EspeakEngine() {
    Library& lib = library();
    const std::lock_guard lock(lib.mutex);
    lib.leased = false;
}

Status EspeakEngine::select_voice(Language language) {
    if (voice_set_ && voice_ == language) return ok_status();
    const std::string voice(espeak_voice(language));
    if (const espeak_ng_STATUS status = espeak_ng_SetVoiceByName(voice.c_str()); status != ENS_OK) {
        voice_set_ = false;
        return espeak_error("espeak-ng voice \"" + voice + "\"", status);
    }
    // Setting a voice resets the rate to the voice's own.
    if (const espeak_ng_STATUS status = espeak_ng_SetParameter(espeakRATE, words_per_minute_, 0); status != ENS_OK) {
        return espeak_error("espeak-ng rate", status);
    }
    voice_set_ = true;
    voice_ = language;
    return ok_status();
}

Result<Pcm> EspeakEngine::synthesize(std::string_view text, Language language) {
    KIOSK_TRY(select_voice(language));
    Pcm pcm;
    pcm.sample_rate = sample_rate_;
    const std::string terminated(text);  // espeak-ng reads up to the NUL
    const espeak_ng_STATUS status = espeak_ng_Synthesize(terminated.c_str(), terminated.size() + 1, 0, POS_CHARACTER, 0,
                                                         espeakCHARS_UTF8, nullptr, &pcm.samples);
    if (status != ENS_OK) return espeak_error("espeak-ng synthesis", status);
    if (const espeak_ng_STATUS done = espeak_ng_Synchronize(); done != ENS_OK) {
        return espeak_error("espeak-ng synthesis", done);
    }
    return pcm;
}

}  // namespace kiosk::ui::speech
