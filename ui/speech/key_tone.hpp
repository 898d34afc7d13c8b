// The PIN pad's audible "a key was taken" beep in speech sessions: one short tone for every digit,
// the same whichever digit it was, so a listener (or a recording) learns nothing of the PIN.
#pragma once

#include "ui/speech/speech_engine.hpp"

namespace kiosk::ui::speech {

// A 1 kHz tone of 70 ms at `sample_rate`, faded in and out (no click).
[[nodiscard]] Pcm key_tone(int sample_rate = 22050);

}  // namespace kiosk::ui::speech
