// Speech guidance at the runtime: a headset plugged in on Attract starts speech with no other
// step; a new screen interrupts the old utterance; the audio keys repeat and change the volume;
// digits beep; timers stretch with the headset; an engine that fails leaves the kiosk serving.
#include "kiosk/runtime/speech_service.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <fstream>
#include <iterator>

#include "kiosk/runtime/runtime.hpp"
#include "tests/kiosk/runtime/runtime_fakes.hpp"

namespace kiosk::test {
namespace {

using flow::StateId;
using ui::ScreenId;

// Sound is one sample per character: enough to tell utterances apart, no espeak-ng needed.
class FakeEngine final : public ui::speech::SpeechEngine {
public:
    explicit FakeEngine(Gate& gate) : gate_(gate) {}
    Result<ui::speech::Pcm> synthesize(std::string_view text, ui::Language) override {
        gate_.enter();
        return ui::speech::Pcm{std::vector<std::int16_t>(text.size(), 1000), 22050};
    }

private:
    Gate& gate_;
};

// What reached the audio output, in order: "say <screen>: <text>", "tone", "stop", "volume N".
class Heard {
public:
    void add(std::string what) {
        const std::lock_guard lock(mutex_);
        events_.push_back(std::move(what));
    }
    std::vector<std::string> events() const {
        const std::lock_guard lock(mutex_);
        return events_;
    }
    std::vector<std::string> said() const {
        std::vector<std::string> lines;
        for (const std::string& e : events())
            if (e.starts_with("say ")) lines.push_back(e.substr(4));
        return lines;
    }
    int count(const std::string& what) const {
        int n = 0;
        for (const std::string& e : events()) n += e == what ? 1 : 0;
        return n;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::string> events_;
};

class FakeOutput final : public ui::speech::SpeechOutput {
public:
    explicit FakeOutput(Heard& heard) : heard_(heard) {}
    Status play(const ui::speech::Pcm&, std::string_view screen, std::string_view text) override {
        heard_.add(text.empty() ? std::string("tone") : "say " + std::string(screen) + ": " + std::string(text));
        return Status{};
    }
    void stop() override { heard_.add("stop"); }
    void set_volume(int percent) override { heard_.add("volume " + std::to_string(percent)); }

private:
    Heard& heard_;
};

SpeechService::Parts fake_parts(Gate& gate, Heard& heard) {
    SpeechService::Parts parts;
    parts.engine = [&gate]() -> Result<std::unique_ptr<ui::speech::SpeechEngine>> {
        return std::unique_ptr<ui::speech::SpeechEngine>(std::make_unique<FakeEngine>(gate));
    };
    parts.output = [&heard]() -> Result<std::unique_ptr<ui::speech::SpeechOutput>> {
        return std::unique_ptr<ui::speech::SpeechOutput>(std::make_unique<FakeOutput>(heard));
    };
    parts.volume = 70;
    return parts;
}

ui::ViewModel screen(ScreenId id, std::uint64_t generation, ui::Language language = ui::Language::English) {
    ui::ViewModel vm;
    vm.screen = id;
    vm.generation = generation;
    vm.language = language;
    return vm;
}

bool any_starts_with(const std::vector<std::string>& lines, std::string_view prefix) {
    for (const std::string& line : lines)
        if (line.starts_with(prefix)) return true;
    return false;
}

// --- the service alone ---

class SpeechServiceTest : public ::testing::Test {
protected:
    void settle() { ASSERT_TRUE(speech.wait_idle(5s)); }

    Gate gate;
    Heard heard;
    std::vector<std::string> notes;
    SpeechService speech{fake_parts(gate, heard), [this](const std::string& text) { notes.push_back(text); }};
};

TEST_F(SpeechServiceTest, SilentUntilAHeadsetOrTheSessionOptionAsks) {
    speech.screen_shown(screen(ScreenId::Attract, 1));
    settle();
    EXPECT_TRUE(heard.said().empty());
    EXPECT_FALSE(speech.speaking());

    ui::ViewModel options = screen(ScreenId::SessionOptions, 2);
    options.accessibility.speech = true;  // the customer's own toggle, no headset
    speech.screen_shown(options);
    settle();
    ASSERT_EQ(heard.said().size(), 1U);
    EXPECT_TRUE(heard.said()[0].starts_with("session_options: Before you start.")) << heard.said()[0];
}

TEST_F(SpeechServiceTest, PluggingInSpeaksTheScreenOnNowAndUnpluggingStops) {
    speech.screen_shown(screen(ScreenId::Attract, 1));
    speech.headset(true);
    settle();
    ASSERT_EQ(heard.said().size(), 1U);
    EXPECT_TRUE(heard.said()[0].starts_with("attract: Welcome.")) << heard.said()[0];
    speech.headset(false);
    speech.screen_shown(screen(ScreenId::ReadingCard, 2));
    settle();
    EXPECT_EQ(heard.said().size(), 1U) << "spoke after the headset was pulled out";
}

TEST_F(SpeechServiceTest, ANewScreenInterruptsTheOldUtterance) {
    speech.headset(true);
    gate.close();
    speech.screen_shown(screen(ScreenId::ReadingCard, 1));
    ASSERT_TRUE(gate.wait_entered(1));  // the old screen is being synthesized
    speech.screen_shown(screen(ScreenId::Processing, 2));
    gate.open();
    settle();
    const std::vector<std::string> said = heard.said();
    ASSERT_EQ(said.size(), 1U) << "the old screen was still played";
    EXPECT_TRUE(said[0].starts_with("processing: Please wait.")) << said[0];
    EXPECT_GE(heard.count("stop"), 1);
}

TEST_F(SpeechServiceTest, ARedrawOfTheSameScreenIsNotSpokenAgainButALanguageChangeIs) {
    speech.headset(true);
    ui::ViewModel pin = screen(ScreenId::EnterPin, 1);
    speech.screen_shown(pin);
    pin.pin_digits_entered = 1;  // the dot of a digit: the tone said it
    speech.screen_shown(pin);
    settle();
    EXPECT_EQ(heard.said().size(), 1U);
    pin.language = ui::Language::SimplifiedChinese;
    speech.screen_shown(pin);
    settle();
    ASSERT_EQ(heard.said().size(), 2U);
    EXPECT_TRUE(heard.said()[1].starts_with("enter_pin: 请输入密码")) << heard.said()[1];
}

TEST_F(SpeechServiceTest, RepeatKeySaysTheScreenAgainAsItIsNow) {
    speech.headset(true);
    ui::ViewModel pin = screen(ScreenId::EnterPin, 1);
    speech.screen_shown(pin);
    pin.pin_digits_entered = 3;
    speech.screen_shown(pin);
    settle();
    speech.on_key(drivers::PinKey::audio_repeat);
    settle();
    const std::vector<std::string> said = heard.said();
    ASSERT_EQ(said.size(), 2U);
    EXPECT_NE(said[1].find("3 digits entered."), std::string::npos) << said[1];
}

TEST_F(SpeechServiceTest, RepeatTwiceReadsTheReceiptWithoutTheCardAndTheNextCustomerNeverHearsIt) {
    speech.headset(true);
    speech.receipt_printed({"Kiosk Bank", "Card 622848******1234", "Balance CNY 10.00"}, ui::Language::English);
    speech.screen_shown(screen(ScreenId::AnotherTransaction, 1));
    settle();
    speech.on_key(drivers::PinKey::audio_repeat);
    settle();
    speech.on_key(drivers::PinKey::audio_repeat);
    settle();
    std::vector<std::string> said = heard.said();
    ASSERT_EQ(said.size(), 3U);  // the screen, once more, then the receipt
    EXPECT_EQ(said[2], "receipt: Your receipt. Kiosk Bank. Balance CNY 10.00.");
    for (const std::string& line : said) EXPECT_EQ(line.find("1234"), std::string::npos) << line;

    speech.screen_shown(screen(ScreenId::Attract, 2));
    speech.on_key(drivers::PinKey::audio_repeat);
    speech.on_key(drivers::PinKey::audio_repeat);
    settle();
    said = heard.said();
    EXPECT_FALSE(said.back().starts_with("receipt:")) << "the last customer's receipt was read on Attract";
}

TEST_F(SpeechServiceTest, DigitsBeepAndStopTheSpeechButAreNeverSpoken) {
    speech.headset(true);
    speech.screen_shown(screen(ScreenId::EnterPin, 1));
    settle();
    speech.on_key(drivers::PinKey::digit);
    speech.on_key(drivers::PinKey::digit);
    settle();
    EXPECT_EQ(heard.count("tone"), 2) << "each key is heard, however fast";
    EXPECT_EQ(heard.said().size(), 1U);
    EXPECT_GE(heard.count("stop"), 1) << "the first key stopped the speech";
}

TEST_F(SpeechServiceTest, VolumeKeysStepWithinBoundsAndUnpluggingResetsIt) {
    speech.headset(true);
    speech.screen_shown(screen(ScreenId::Attract, 1));
    settle();
    speech.on_key(drivers::PinKey::audio_volume_up);
    EXPECT_EQ(speech.volume(), 80);
    for (int i = 0; i < 5; ++i) speech.on_key(drivers::PinKey::audio_volume_up);
    EXPECT_EQ(speech.volume(), 100);
    for (int i = 0; i < 12; ++i) speech.on_key(drivers::PinKey::audio_volume_down);
    EXPECT_EQ(speech.volume(), 10) << "never silent";
    settle();
    const std::vector<std::string> events = heard.events();
    std::vector<std::string> volumes;
    for (const std::string& e : events)
        if (e.starts_with("volume ")) volumes.push_back(e);
    ASSERT_GE(volumes.size(), 3U);
    EXPECT_EQ(volumes[0], "volume 70");  // the start
    EXPECT_EQ(volumes[1], "volume 80");
    EXPECT_EQ(volumes.back(), "volume 10");
    EXPECT_EQ(heard.said().size(), 1U) << "volume keys do not stop or repeat the speech";
    speech.headset(false);
    EXPECT_EQ(speech.volume(), 70);
}

TEST(SpeechServiceFailure, AnEngineThatFailsIsNotedOnceAndNothingIsSaid) {
    Heard heard;
    std::vector<std::string> notes;
    SpeechService::Parts parts;
    parts.engine = []() -> Result<std::unique_ptr<ui::speech::SpeechEngine>> {
        return make_error("speech", "espeak-ng could not start: no data");
    };
    parts.output = [&heard]() -> Result<std::unique_ptr<ui::speech::SpeechOutput>> {
        return std::unique_ptr<ui::speech::SpeechOutput>(std::make_unique<FakeOutput>(heard));
    };
    SpeechService speech(std::move(parts), [&](const std::string& text) { notes.push_back(text); });
    ASSERT_TRUE(speech.wait_idle(5s));
    speech.headset(true);
    speech.screen_shown(screen(ScreenId::Attract, 1));
    speech.screen_shown(screen(ScreenId::ReadingCard, 2));
    ASSERT_TRUE(speech.wait_idle(5s));
    speech.on_turn();
    speech.on_turn();
    ASSERT_EQ(notes.size(), 1U);
    EXPECT_NE(notes[0].find("espeak-ng could not start: no data"), std::string::npos) << notes[0];
    ASSERT_TRUE(speech.problem().has_value());
    EXPECT_FALSE(speech.speaking());
    EXPECT_TRUE(heard.said().empty());
}

class BrokenOutput final : public ui::speech::SpeechOutput {
public:
    Status play(const ui::speech::Pcm&, std::string_view, std::string_view) override {
        return make_error("speech", "audio device \"default\" could not open: no card");
    }
    void stop() override {}
    void set_volume(int) override {}
};

TEST(SpeechServiceFailure, AnAudioDeviceThatFailsAtItsFirstSoundIsNotedOnceAndSpeechStops) {
    Gate gate;
    Heard unused;
    std::vector<std::string> notes;
    SpeechService::Parts parts = fake_parts(gate, unused);
    parts.output = []() -> Result<std::unique_ptr<ui::speech::SpeechOutput>> {
        return std::unique_ptr<ui::speech::SpeechOutput>(std::make_unique<BrokenOutput>());
    };
    SpeechService speech(std::move(parts), [&](const std::string& text) { notes.push_back(text); });
    speech.headset(true);
    speech.screen_shown(screen(ScreenId::Attract, 1));
    ASSERT_TRUE(speech.wait_idle(5s));
    speech.screen_shown(screen(ScreenId::ReadingCard, 2));
    speech.on_key(drivers::PinKey::digit);
    ASSERT_TRUE(speech.wait_idle(5s));
    speech.on_turn();
    ASSERT_EQ(notes.size(), 1U);
    EXPECT_NE(notes[0].find("no card"), std::string::npos) << notes[0];
    EXPECT_FALSE(speech.speaking());
    ASSERT_TRUE(speech.problem().has_value());
}

// --- in the runtime ---

class FakeDisplay final : public ui::Display {
public:
    Status show(const ui::ViewModel& vm) override {
        shown.push_back(vm.screen);
        return Status{};
    }
    std::vector<ui::InputEvent> poll_input() override { return {}; }
    std::vector<ScreenId> shown;
};

class RuntimeSpeechTest : public ::testing::Test {
protected:
    RuntimeSpeechTest() {
        card.tracks = test_tracks();
        pad.expected_pan = test_pan();
        runtime.attach_speech(speech);
    }
    ~RuntimeSpeechTest() override { (void)runtime.wait_for_workers(5s); }
    void settle() {
        for (int turn = 0; turn < 20; ++turn) {
            ASSERT_TRUE(runtime.wait_for_workers(5s));
            runtime.tick();
        }
        ASSERT_TRUE(speech.wait_idle(5s));
    }
    // The next fitness round reads the sensors, headset jack included.
    void next_fitness_round() {
        clock.advance(Runtime::fitness_interval);
        settle();
        clock.advance(Millis(1));
        settle();
    }
    void plug_headset(bool plugged) {
        {
            const std::lock_guard lock(sensors.mutex);
            sensors.readings.headset_plugged = plugged;
        }
        next_fitness_round();
    }

    ManualClock clock;
    CallLog log;
    FakeCardReader card{log};
    FakePinPad pad{log};
    FakePrinter printer{log};
    FakeSensors sensors{log};
    FakeHostLink link{log};
    FakeDisplay display;
    FakeRecordSink sink;
    Bytes key = Bytes(32, 0x42);
    security::PanTokenizer tokenizer{ByteView(key.data(), key.size())};
    Gate gate;
    Heard heard;
    SpeechService speech{fake_parts(gate, heard), nullptr};
    Runtime runtime{RuntimeParts{clock, Devices{card, pad, printer, nullptr, &sensors}, link, display, sink, tokenizer,
                                 "TERM0001", "Kiosk Bank"},
                    flow::Flow{}};
};

TEST_F(RuntimeSpeechTest, AHeadsetPluggedInOnAttractStartsSpeechWithNoOtherInput) {
    runtime.start();
    settle();
    next_fitness_round();
    ASSERT_EQ(runtime.context().state, StateId::Attract);
    EXPECT_TRUE(heard.said().empty());

    plug_headset(true);
    EXPECT_TRUE(speech.headset_plugged());
    ASSERT_FALSE(heard.said().empty());
    EXPECT_TRUE(heard.said().front().starts_with("attract: Welcome. Please insert your card")) << heard.said().front();

    // The visit that follows is spoken screen by screen, and its timers stretch as in a speech session.
    runtime.post(flow::events::CardInserted{});
    settle();
    ASSERT_EQ(runtime.context().state, StateId::SessionOptions);
    EXPECT_TRUE(any_starts_with(heard.said(), "session_options: Before you start.")) << heard.said().back();
    const flow::FlowConfig config;
    ASSERT_TRUE(runtime.timer_deadline().has_value());
    EXPECT_EQ(*runtime.timer_deadline() - clock.now(), *config.timeout_for(StateId::SessionOptions, true));
    EXPECT_NE(*config.timeout_for(StateId::SessionOptions, true), *config.timeout_for(StateId::SessionOptions, false));

    plug_headset(false);
    const std::size_t said = heard.said().size();
    runtime.touch("continue");
    settle();
    ASSERT_EQ(runtime.context().state, StateId::PinEntry);
    EXPECT_EQ(heard.said().size(), said) << "spoke after the headset was pulled out";
    ASSERT_TRUE(runtime.timer_deadline().has_value());
    EXPECT_EQ(*runtime.timer_deadline() - clock.now(), *config.timeout_for(StateId::PinEntry, false));
}

TEST_F(RuntimeSpeechTest, PadKeysReachSpeechThroughTheOneHook) {
    runtime.start();
    settle();
    plug_headset(true);
    const std::size_t said = heard.said().size();
    {
        const std::lock_guard lock(pad.mutex);
        pad.events.push_back(
            {drivers::PinPadEvent(drivers::PinPadEvent::Kind::keyPressed, drivers::PinKey::audio_repeat, 0)});
    }
    settle();
    ASSERT_EQ(heard.said().size(), said + 1);
    EXPECT_TRUE(heard.said().back().starts_with("attract: ")) << heard.said().back();
    {
        const std::lock_guard lock(pad.mutex);
        pad.events.push_back(
            {drivers::PinPadEvent(drivers::PinPadEvent::Kind::keyPressed, drivers::PinKey::audio_volume_up, 0)});
    }
    settle();
    EXPECT_EQ(speech.volume(), 80);
}

// The headless form: the same run through the WAV output writes the speech log a test reads.
TEST(RuntimeSpeechLog, TheSpeechLogHasOneLinePerUtterancePrefixedByTheScreen) {
    const auto dir = std::filesystem::temp_directory_path() / ("speech-log-" + std::to_string(::getpid()));
    Gate gate;
    Heard unused;  // the WAV output replaces the fake one
    {
        SpeechService::Parts parts = fake_parts(gate, unused);
        parts.output = [&dir]() -> Result<std::unique_ptr<ui::speech::SpeechOutput>> {
            auto output = ui::speech::WavLogOutput::open(dir / "speech.wav", dir / "speech.log", 70);
            if (!output.ok()) return output.error();
            return std::unique_ptr<ui::speech::SpeechOutput>(std::move(*output));
        };
        SpeechService speech(std::move(parts), nullptr);
        speech.headset(true);
        speech.screen_shown(screen(ScreenId::Attract, 1));
        ASSERT_TRUE(speech.wait_idle(5s));
        speech.screen_shown(screen(ScreenId::ReadingCard, 2));
    }  // the service says what is queued before it stops
    std::ifstream in(dir / "speech.log");
    const std::string log{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_TRUE(log.starts_with("attract: Welcome. Please insert your card")) << log;
    EXPECT_NE(log.find("\nreading_card: Reading your card."), std::string::npos) << log;
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kiosk::test
