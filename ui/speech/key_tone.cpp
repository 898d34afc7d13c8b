// key_tone(): a faded sine, computed once per key press (about 1,500 samples).
#include "ui/speech/key_tone.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::ui::speech {

Pcm key_tone(int sample_rate) {
    constexpr double kFrequency = 1000.0;
    constexpr double kSeconds = 0.070;
    constexpr double kFadeSeconds = 0.008;
    constexpr double kAmplitude = 12000.0;  // well under full scale: a beep, not an alarm
    Pcm pcm;
    pcm.sample_rate = sample_rate;
    const auto count = static_cast<std::size_t>(kSeconds * sample_rate);
    const double fade = kFadeSeconds * sample_rate;
    pcm.samples.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double t = static_cast<double>(i) / sample_rate;
        const double edge = std::min({1.0, static_cast<double>(i) / fade, static_cast<double>(count - i) / fade});
        const double value = kAmplitude * edge * std::sin(2.0 * std::numbers::pi * kFrequency * t);
        pcm.samples.push_back(static_cast<std::int16_t>(std::lround(value)));
    }
    return pcm;
}

}  // namespace kiosk::ui::speech
