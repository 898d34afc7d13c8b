// make_speech_service(): [speech] → engine and output factories for the speech worker.
#include "kiosk/app/speech_setup.hpp"

namespace kiosk {

std::unique_ptr<SpeechService> make_speech_service(const SpeechConfig& config,
                                                   std::function<void(const std::string&)> note) {
    if (!config.enabled) return nullptr;
    SpeechService::Parts parts;
    parts.volume = config.volume;
    parts.keep_every_utterance = config.output == SpeechOutputKind::Wav;
    parts.engine = [config]() -> Result<std::unique_ptr<ui::speech::SpeechEngine>> {
        auto engine = ui::speech::EspeakEngine::open({config.data_dir, config.words_per_minute});
        if (!engine.ok()) return engine.error();
        return std::unique_ptr<ui::speech::SpeechEngine>(std::move(*engine));
    };
    parts.output = [config]() -> Result<std::unique_ptr<ui::speech::SpeechOutput>> {
        if (config.output == SpeechOutputKind::Wav) {
            auto output = ui::speech::WavLogOutput::open(config.wav_path, config.log_path, config.volume);
            if (!output.ok()) return output.error();
            return std::unique_ptr<ui::speech::SpeechOutput>(std::move(*output));
        }
        auto output = ui::speech::SdlAudioOutput::open(config.audio_device, config.volume);
        if (!output.ok()) return output.error();
        return std::unique_ptr<ui::speech::SpeechOutput>(std::move(*output));
    };
    return std::make_unique<SpeechService>(std::move(parts), std::move(note));
}

}  // namespace kiosk
