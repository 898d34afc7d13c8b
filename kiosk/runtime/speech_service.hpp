// SpeechService: speech guidance for blind customers (docs/ui.md § Speech). The loop tells it every
// screen shown, the headset jack's state and the PIN pad's keys; it decides when to speak and hands
// the work to its own worker thread, which owns the speech engine (espeak-ng is not thread-safe)
// and the audio output. The loop never waits: submitting is a queue push under a mutex.
// Speech is on while headphones are in the jack, or while the customer's session options say so.
// A new screen interrupts what is being said; any key but the audio keys stops it; the audio keys
// repeat the screen and turn the volume up or down. Digits are answered with a tone, never a word.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "common/result.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "ui/speech/speech_engine.hpp"
#include "ui/speech/speech_output.hpp"
#include "ui/view_model.hpp"
#include "ui/viewport.hpp"

namespace kiosk {

class SpeechService {
public:
    // Both run on the worker thread, once, before anything is spoken.
    using EngineFactory = std::function<Result<std::unique_ptr<ui::speech::SpeechEngine>>()>;
    using OutputFactory = std::function<Result<std::unique_ptr<ui::speech::SpeechOutput>>()>;

    struct Parts {
        EngineFactory engine;
        OutputFactory output;
        int volume = 70;       // percent, 0–100: where every session starts
        int volume_step = 10;  // per press of an audio volume key
        int min_volume = 10;   // never silent: a customer who turned it all the way down must still hear
        // A file output (the WAV and its log) plays nothing in real time, so nothing is cut short:
        // every utterance is kept whole, in order, whatever the (virtual) clock did meanwhile.
        bool keep_every_utterance = false;
    };

    // `note` goes to the runtime's log, on the loop thread (from on_turn()).
    SpeechService(Parts parts, std::function<void(const std::string&)> note);
    ~SpeechService();
    SpeechService(const SpeechService&) = delete;
    SpeechService& operator=(const SpeechService&) = delete;

    // --- the loop ---
    // Every screen the runtime shows (redraws too): a new screen, language or set of options is
    // spoken when speech is on; a redraw of the same screen (a dot more in the PIN field) is not.
    void screen_shown(const ui::ViewModel& vm, const ui::Viewport& viewport = {});
    // The headset jack as the sensor board last reported it.
    void headset(bool plugged);
    // The receipt just printed, kept for this visit: the repeat key pressed twice running on one
    // screen reads it aloud (without its card line, ui::speech::receipt_script). Forgotten on Attract.
    void receipt_printed(std::vector<std::string> lines, ui::Language language);
    // Every PIN-pad key, in any state (KeyEntry's one hook).
    void on_key(drivers::PinKey key);
    // The service mode's speech test: the test phrase in `language`, whether or not a headset is in
    // (the technician listens at the jack). Nullopt: it went to the output; else why it cannot.
    [[nodiscard]] std::optional<std::string> test_phrase(ui::Language language);
    // Runs on the loop each turn: the worker's notes (a failed start, a failed output) reach the log.
    void on_turn();

    [[nodiscard]] bool headset_plugged() const { return headset_; }
    [[nodiscard]] bool speaking() const;  // speech is on now (and the engine has not failed)
    [[nodiscard]] int volume() const { return volume_; }
    // Why speech cannot be given (the engine or the output did not start); nullopt: it can.
    [[nodiscard]] std::optional<std::string> problem() const;

    // Tests only: waits in real time until the worker has nothing queued or running.
    bool wait_idle(std::chrono::milliseconds limit);

private:
    struct Job {
        enum class Kind { Say, Tone, Stop, Volume } kind = Kind::Say;
        std::uint64_t serial = 0;  // Say: dropped when an interrupt came after it was queued
        std::string screen;
        std::string text;
        ui::Language language = ui::Language::English;
        int volume = 0;
    };

    void say(const ui::ViewModel& vm);
    void interrupt();  // drops queued speech and stops what plays (loop side)
    void push(Job job);
    void run();
    void start_worker_side();
    void do_job(const Job& job);
    void worker_note(std::string text);
    void output_failed(const Error& error);

    Parts parts_;
    std::function<void(const std::string&)> note_;

    // Loop-side state.
    bool headset_ = false;
    int volume_;
    std::optional<ui::ViewModel> shown_;  // the screen on now, spoken or not
    ui::Viewport viewport_;               // the panel it is on: which function key is beside which choice
    std::string receipt_text_;            // the visit's last receipt, as it would be read
    ui::Language receipt_language_ = ui::Language::English;
    int repeats_ = 0;          // repeat presses running on the screen shown now
    bool talking_ = false;     // an utterance went out since the last interrupt
    std::string last_screen_;  // the screen name of what was said last (the log's prefix)

    // Shared with the worker.
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable idle_;
    std::deque<Job> jobs_;
    bool busy_ = false;
    bool stopping_ = false;
    std::uint64_t interrupt_serial_ = 0;  // bumped by every interrupt
    std::optional<std::string> problem_;
    std::vector<std::string> notes_;

    // Worker-only.
    std::unique_ptr<ui::speech::SpeechEngine> engine_;
    std::unique_ptr<ui::speech::SpeechOutput> output_;
    std::thread worker_;  // last: started once everything above exists
};

}  // namespace kiosk
