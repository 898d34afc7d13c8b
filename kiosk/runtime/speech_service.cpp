// SpeechService: the loop side decides what to say; the worker synthesizes and plays it. An
// interrupt bumps a serial: speech queued or being synthesized before it is dropped, and the
// output's own queue is cleared, so a customer who has moved on never hears the old screen.
#include "kiosk/runtime/speech_service.hpp"

#include <algorithm>

#include "kiosk/runtime/screen_names.hpp"
#include "ui/i18n.hpp"
#include "ui/speech/key_tone.hpp"
#include "ui/speech/speech_script.hpp"

namespace kiosk {
namespace {

// What makes a screen worth saying again when it is drawn once more.
bool same_showing(const ui::ViewModel& a, const ui::ViewModel& b) {
    return a.generation == b.generation && a.screen == b.screen && a.language == b.language &&
           a.accessibility.large_text == b.accessibility.large_text &&
           a.accessibility.high_contrast == b.accessibility.high_contrast &&
           a.accessibility.speech == b.accessibility.speech;
}

}  // namespace

SpeechService::SpeechService(Parts parts, std::function<void(const std::string&)> note)
    : parts_(std::move(parts)), note_(std::move(note)), volume_(std::clamp(parts_.volume, 0, ui::speech::kMaxVolume)) {
    worker_ = std::thread([this] { run(); });
}

SpeechService::~SpeechService() {
    {
        // What is queued is still said (a headless run's last screen reaches its log); nothing new comes.
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

bool SpeechService::speaking() const {
    const bool wanted = headset_ || (shown_ && shown_->accessibility.speech);
    return wanted && !problem().has_value();
}

std::optional<std::string> SpeechService::problem() const {
    const std::lock_guard lock(mutex_);
    return problem_;
}

void SpeechService::screen_shown(const ui::ViewModel& vm, const ui::Viewport& viewport) {
    const bool was_speaking = speaking();
    const bool new_showing = !shown_ || !same_showing(*shown_, vm);
    shown_ = vm;
    viewport_ = viewport;
    if (new_showing) repeats_ = 0;
    if (vm.screen == ui::ScreenId::Attract) receipt_text_.clear();  // the next customer's visit
    if (!speaking()) {
        if (was_speaking) interrupt();  // switched off on SessionOptions: silence at once
        return;
    }
    if (new_showing || !was_speaking) say(vm);
}

void SpeechService::headset(bool plugged) {
    if (plugged == headset_) return;
    headset_ = plugged;
    if (!plugged) {
        // The next customer's headphones start at the configured level, not the last customer's.
        volume_ = std::clamp(parts_.volume, parts_.min_volume, ui::speech::kMaxVolume);
        push(Job{Job::Kind::Volume, 0, {}, {}, ui::Language::English, volume_});
        if (!speaking()) interrupt();
        return;
    }
    // No other step: the screen on now is spoken at once, Attract included.
    if (shown_ && speaking()) say(*shown_);
}

void SpeechService::receipt_printed(std::vector<std::string> lines, ui::Language language) {
    receipt_text_ = ui::speech::receipt_script(lines, language);
    receipt_language_ = language;
}

void SpeechService::on_key(drivers::PinKey key) {
    if (!speaking()) return;
    if (key != drivers::PinKey::audio_repeat) repeats_ = 0;
    switch (key) {
        case drivers::PinKey::audio_repeat:
            interrupt();
            if (++repeats_ >= 2 && !receipt_text_.empty()) {
                talking_ = true;
                push(Job{Job::Kind::Say, 0, "receipt", receipt_text_, receipt_language_, 0});
                repeats_ = 0;
                return;
            }
            if (shown_) say(*shown_);  // as it is now: the digits typed so far, the amount so far
            return;
        case drivers::PinKey::audio_volume_up:
        case drivers::PinKey::audio_volume_down: {
            const int step = key == drivers::PinKey::audio_volume_up ? parts_.volume_step : -parts_.volume_step;
            volume_ = std::clamp(volume_ + step, parts_.min_volume, ui::speech::kMaxVolume);
            push(Job{Job::Kind::Volume, 0, {}, {}, ui::Language::English, volume_});
            // The tone at the new level tells the customer how loud it now is, without words.
            push(Job{Job::Kind::Tone, 0, last_screen_, {}, ui::Language::English, 0});
            return;
        }
        case drivers::PinKey::digit:
            if (talking_) interrupt();  // the next key stops what is being said
            push(Job{Job::Kind::Tone, 0, last_screen_, {}, ui::Language::English, 0});
            return;
        default:
            if (talking_) interrupt();
            return;
    }
}

void SpeechService::say(const ui::ViewModel& vm) {
    interrupt();
    last_screen_ = std::string(screen_name(vm.screen));
    talking_ = true;
    push(Job{Job::Kind::Say, 0, last_screen_, ui::speech::speech_script(vm, viewport_), vm.language, 0});
}

std::optional<std::string> SpeechService::test_phrase(ui::Language language) {
    if (std::optional<std::string> why = problem()) return why;
    interrupt();
    last_screen_ = "speech_test";
    talking_ = true;
    push(Job{Job::Kind::Say, 0, last_screen_, std::string(ui::translate("speech.test_phrase", language)), language, 0});
    return std::nullopt;
}

void SpeechService::interrupt() {
    talking_ = false;
    if (parts_.keep_every_utterance) return;
    {
        const std::lock_guard lock(mutex_);
        ++interrupt_serial_;
        // Tones stay: each key pressed is heard, however fast the keys come.
        std::erase_if(jobs_, [](const Job& job) { return job.kind == Job::Kind::Say; });
        jobs_.push_back(Job{Job::Kind::Stop, 0, {}, {}, ui::Language::English, 0});
    }
    wake_.notify_one();
}

void SpeechService::push(Job job) {
    {
        const std::lock_guard lock(mutex_);
        if (problem_) return;  // nothing can be said; the problem was noted once
        job.serial = interrupt_serial_;
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
}

void SpeechService::on_turn() {
    std::vector<std::string> notes;
    {
        const std::lock_guard lock(mutex_);
        notes.swap(notes_);
    }
    for (const std::string& text : notes) {
        if (note_) note_(text);
    }
}

bool SpeechService::wait_idle(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, limit, [this] { return jobs_.empty() && !busy_; });
}

// --- the worker ---

void SpeechService::worker_note(std::string text) {
    const std::lock_guard lock(mutex_);
    notes_.push_back(std::move(text));
}

// The audio device opens with the first sound (a kiosk that never speaks never needs one); when it
// fails, or a file cannot be written, that is said once and speech stops as if it had not started.
void SpeechService::output_failed(const Error& error) {
    const std::lock_guard lock(mutex_);
    if (problem_) return;
    problem_ = "speech output failed: " + error.message;
    notes_.push_back(*problem_ + "; the kiosk serves without speech guidance");
    jobs_.clear();
}

void SpeechService::start_worker_side() {
    auto engine =
        parts_.engine
            ? parts_.engine()
            : Result<std::unique_ptr<ui::speech::SpeechEngine>>(make_error("speech", "no speech engine configured"));
    auto output =
        engine.ok() && parts_.output
            ? parts_.output()
            : Result<std::unique_ptr<ui::speech::SpeechOutput>>(make_error("speech", "no audio output configured"));
    std::optional<std::string> problem;
    if (!engine.ok()) {
        problem = "speech engine did not start: " + engine.error().message;
    } else if (!output.ok()) {
        problem = "speech output did not start: " + output.error().message;
    } else {
        engine_ = std::move(*engine);
        output_ = std::move(*output);
        output_->set_volume(volume_);
    }
    const std::lock_guard lock(mutex_);
    if (problem) {
        // Said once; the kiosk serves on without speech, and the health watch reports it.
        problem_ = *problem;
        notes_.push_back(*problem + "; the kiosk serves without speech guidance");
        jobs_.clear();
    }
}

void SpeechService::run() {
    start_worker_side();
    std::unique_lock lock(mutex_);
    for (;;) {
        idle_.notify_all();
        wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) break;  // stopping, and nothing left to say
        Job job = std::move(jobs_.front());
        jobs_.pop_front();
        busy_ = true;
        lock.unlock();
        do_job(job);
        lock.lock();
        busy_ = false;
    }
    lock.unlock();
    output_.reset();
    engine_.reset();  // on the thread that used it
}

void SpeechService::do_job(const Job& job) {
    if (!engine_ || !output_) return;
    auto interrupted = [&] {
        const std::lock_guard lock(mutex_);
        return job.serial != interrupt_serial_;
    };
    switch (job.kind) {
        case Job::Kind::Stop:
            output_->stop();
            return;
        case Job::Kind::Volume:
            output_->set_volume(job.volume);
            return;
        case Job::Kind::Tone: {
            if (auto played = output_->play(ui::speech::key_tone(), job.screen, {}); !played.ok()) {
                output_failed(played.error());
            }
            return;
        }
        case Job::Kind::Say: {
            if (interrupted()) return;
            auto pcm = engine_->synthesize(job.text, job.language);
            if (!pcm.ok()) {
                worker_note("speech synthesis on " + job.screen + ": " + pcm.error().message);
                return;
            }
            // The customer may have moved on while it was being synthesized.
            if (interrupted()) return;
            if (auto played = output_->play(*pcm, job.screen, job.text); !played.ok()) output_failed(played.error());
            return;
        }
    }
}

}  // namespace kiosk
