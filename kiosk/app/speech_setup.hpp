// Builds the kiosk's SpeechService from [speech] (docs/configuration.md): espeak-ng as the engine,
// the SDL audio device or a WAV file with its text log as the output. Both are opened on the
// speech worker's thread; a failure there is logged once and the kiosk serves without speech.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/runtime/speech_service.hpp"

namespace kiosk {

// nullptr when speech.enabled is false.
std::unique_ptr<SpeechService> make_speech_service(const SpeechConfig& config,
                                                   std::function<void(const std::string&)> note);

}  // namespace kiosk
