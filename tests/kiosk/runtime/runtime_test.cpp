// The Runtime (the loop) with fake drivers, a fake host link, a fake display and a fake record
// sink: it starts in Attract, shows a state's screen before the work the state asks for, drops
// touches made on a replaced screen, and keeps turning (and animating) while the host is silent.
#include "kiosk/runtime/runtime.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/profile_fakes.hpp"
#include "tests/kiosk/runtime/runtime_fakes.hpp"
#include "ui/key_map.hpp"

namespace kiosk::test {
namespace {

using flow::StateId;
using ui::ScreenId;

// Records every screen shown, and how much work (not polls) the runtime had outstanding then.
class FakeDisplay final : public ui::Display {
public:
    Status show(const ui::ViewModel& vm) override {
        shown.push_back(vm.screen);
        last = vm;
        work_outstanding_at_show.push_back(runtime != nullptr ? runtime->work_outstanding() : 0);
        return Status{};
    }
    std::vector<ui::InputEvent> poll_input() override { return {}; }

    const Runtime* runtime = nullptr;
    std::vector<ScreenId> shown;
    ui::ViewModel last;
    std::vector<std::size_t> work_outstanding_at_show;
};

class RuntimeTest : public ::testing::Test {
protected:
    RuntimeTest() {
        card.tracks = test_tracks();
        pad.expected_pan = test_pan();
        display.runtime = &runtime;
    }
    ~RuntimeTest() override {
        for (Gate* gate : {&link.gate, &card.gate, &pad.gate, &pad.block_gate}) gate->open();
        (void)runtime.wait_for_workers(5s);
    }
    // Turns until every worker is idle and nothing is left to run (bounded).
    void settle() {
        for (int turn = 0; turn < 20; ++turn) {
            ASSERT_TRUE(runtime.wait_for_workers(5s));
            runtime.tick();
        }
    }
    // Card in, read, session options, PIN typed and entered: the main menu.
    void to_main_menu() {
        runtime.post(flow::events::CardInserted{});
        settle();
        ASSERT_EQ(runtime.context().state, StateId::SessionOptions);
        runtime.touch("continue");
        settle();
        ASSERT_EQ(runtime.context().state, StateId::PinEntry);
        for (int digit = 0; digit < 4; ++digit) runtime.post(flow::events::PinDigit{});
        runtime.post(flow::events::PinEnter{});
        settle();
        ASSERT_EQ(runtime.context().state, StateId::MainMenu);
    }
    std::size_t index_of(ScreenId screen) const {
        for (std::size_t i = 0; i < display.shown.size(); ++i) if (display.shown[i] == screen) return i;
        return display.shown.size();
    }

    ManualClock clock;
    CallLog log;
    FakeCardReader card{log};
    FakePinPad pad{log};
    FakePrinter printer{log};
    FakeHostLink link{log};
    FakeDisplay display;
    FakeRecordSink sink;
    Bytes key = Bytes(32, 0x42);
    security::PanTokenizer tokenizer{ByteView(key.data(), key.size())};
    Runtime runtime{RuntimeParts{clock, Devices{card, pad, printer}, link, display, sink, tokenizer, "TERM0001",
                                 "Kiosk Bank"},
                    flow::Flow{}};
};

TEST_F(RuntimeTest, StartShowsAttract) {
    runtime.start();
    ASSERT_FALSE(display.shown.empty());
    EXPECT_EQ(display.shown.front(), ScreenId::Attract);
    EXPECT_EQ(runtime.context().state, StateId::Attract);
    EXPECT_GE(runtime.frames_drawn(), 1u);
}

TEST_F(RuntimeTest, AStateScreenIsShownBeforeTheRequestItAsksForIsSubmitted) {
    runtime.start();
    settle();
    to_main_menu();
    ASSERT_EQ(log.count("host.authorize"), 0);
    runtime.touch("balance");
    runtime.tick();
    ASSERT_EQ(runtime.context().state, StateId::Authorizing);
    const std::size_t processing = index_of(ScreenId::Processing);
    ASSERT_LT(processing, display.shown.size());
    EXPECT_EQ(display.work_outstanding_at_show[processing], 0u) << "the host request went out before its screen";
    EXPECT_EQ(runtime.work_outstanding(), 1u);
    settle();
    EXPECT_EQ(log.count("host.authorize"), 1);
    EXPECT_EQ(runtime.context().state, StateId::ShowBalance);
}

TEST_F(RuntimeTest, ATouchMadeOnAReplacedScreenIsDroppedAndCounted) {
    runtime.start();
    settle();
    runtime.post(flow::events::CardInserted{});
    runtime.tick();
    const std::uint64_t reading_card = runtime.screen_generation();
    settle();
    ASSERT_EQ(runtime.context().state, StateId::SessionOptions);
    ASSERT_NE(runtime.screen_generation(), reading_card);
    runtime.touch("continue", reading_card);
    settle();
    EXPECT_EQ(runtime.stale_touches_dropped(), 1u);
    EXPECT_EQ(runtime.context().state, StateId::SessionOptions);
    runtime.touch("continue", runtime.screen_generation());
    settle();
    EXPECT_EQ(runtime.stale_touches_dropped(), 1u);
    EXPECT_EQ(runtime.context().state, StateId::PinEntry);
}

TEST_F(RuntimeTest, TheLoopKeepsTurningAndAnimatingWhileTheHostIsSilent) {
    runtime.start();
    settle();
    to_main_menu();
    link.gate.close();
    runtime.touch("balance");
    runtime.tick();
    ASSERT_TRUE(link.gate.wait_entered(1));
    ASSERT_EQ(runtime.context().state, StateId::Authorizing);
    const std::uint64_t frames = runtime.frames_drawn();
    // A tick that waited on the host would wait forever (only this thread opens the gate): a
    // watchdog opens it after 10 s so the test fails instead of hanging. No timing is asserted.
    std::mutex mutex;
    std::condition_variable changed;
    bool ticks_done = false;
    bool rescued = false;
    std::thread watchdog([&] {
        std::unique_lock lock(mutex);
        if (!changed.wait_for(lock, 10s, [&] { return ticks_done; })) {
            rescued = true;
            link.gate.open();
        }
    });
    for (int turn = 0; turn < 4; ++turn) {
        clock.advance(Runtime::activity_interval);
        runtime.tick();
    }
    {
        const std::lock_guard lock(mutex);
        ticks_done = true;
    }
    changed.notify_all();
    watchdog.join();
    ASSERT_FALSE(rescued) << "tick() waited on the host";
    EXPECT_GE(runtime.frames_drawn(), frames + 4) << "the waiting screen did not animate";
    EXPECT_EQ(runtime.context().state, StateId::Authorizing);
    EXPECT_EQ(log.count("host.authorize"), 0);
    link.gate.open();
    settle();
    EXPECT_EQ(runtime.context().state, StateId::ShowBalance);
}

TEST_F(RuntimeTest, AnEventFromADeviceThatIsNotFittedIsDropped) {
    std::vector<std::string> notes;
    runtime.on_note = [&](const std::string& note) { notes.push_back(note); };
    runtime.start();
    to_main_menu();
    const flow::StateId before = runtime.context().state;
    runtime.post(flow::events::CashTaken{});  // this kiosk has no dispenser
    settle();
    EXPECT_EQ(runtime.context().state, before);
    EXPECT_TRUE(std::any_of(notes.begin(), notes.end(), [](const std::string& note) {
        return note.find("no cash dispenser is fitted") != std::string::npos;
    }));
}

}  // namespace
}  // namespace kiosk::test

namespace kiosk::test {
namespace {

// Personalization never makes the customer wait: a CRM that stalls past the 300 ms deadline (on the
// loop's clock) leaves the visit unpersonalized, the menu comes without it, and its late answer
// is dropped and counted.
class RuntimeProfileTest : public RuntimeTest {
protected:
    ~RuntimeProfileTest() override {
        profiles.gate.open();
        (void)runtime.wait_for_workers(5s);  // the source is gone before the runtime's worker
    }
    // Turns (the fakes answer at once) until `done`, bounded in real time; the stalled profile
    // worker is never waited for.
    template <class Done>
    bool turn_until(Done done) {
        const auto until = std::chrono::steady_clock::now() + 5s;
        while (std::chrono::steady_clock::now() < until) {
            runtime.tick();
            if (done()) return true;
            std::this_thread::sleep_for(1ms);
        }
        return false;
    }

    FakeProfileSource profiles;
};

TEST_F(RuntimeProfileTest, ALateProfileDoesNotDelayTheCustomerAndItsAnswerIsDropped) {
    profiles.answer = std::optional<CustomerProfile>(chinese_senior_profile());
    profiles.gate.close();  // the CRM stalls
    runtime.attach_profile_source(profiles);
    runtime.start();
    runtime.post(flow::events::CardInserted{});
    ASSERT_TRUE(turn_until([&] { return runtime.context().state == StateId::SessionOptions; }));
    ASSERT_TRUE(profiles.gate.wait_entered(1)) << "the profile is asked for once the card is read";
    runtime.touch("continue");
    ASSERT_TRUE(turn_until([&] { return runtime.context().state == StateId::PinEntry; }));
    for (int digit = 0; digit < 4; ++digit) runtime.post(flow::events::PinDigit{});
    runtime.post(flow::events::PinEnter{});
    ASSERT_TRUE(turn_until([&] { return runtime.context().state == StateId::MainMenu; }))
        << "the menu came while the profile was still on its way";
    EXPECT_EQ(runtime.profile_counts().late, 0u);
    clock.advance(Millis{301});
    runtime.tick();
    EXPECT_EQ(runtime.profile_counts().late, 1u);
    EXPECT_FALSE(runtime.session().personalized);
    profiles.gate.open();  // the answer comes after all
    ASSERT_TRUE(turn_until([&] { return runtime.late_profiles_dropped() == 1; }));
    EXPECT_FALSE(runtime.session().personalized);
    EXPECT_EQ(runtime.context().language, ui::Language::English);
    EXPECT_EQ(runtime.context().state, StateId::MainMenu);
}

TEST_F(RuntimeProfileTest, AProfileInTimeSwitchesTheLanguageOfTheScreenShown) {
    profiles.answer = std::optional<CustomerProfile>(chinese_senior_profile());
    runtime.attach_profile_source(profiles);
    runtime.start();
    settle();
    runtime.post(flow::events::CardInserted{});
    settle();
    ASSERT_EQ(runtime.context().state, StateId::SessionOptions);
    EXPECT_TRUE(runtime.session().personalized);
    EXPECT_EQ(runtime.context().language, ui::Language::SimplifiedChinese);
    EXPECT_TRUE(runtime.context().accessibility.large_text);
    EXPECT_EQ(runtime.session().segment, "senior");
    EXPECT_EQ(runtime.late_profiles_dropped(), 0u);
}

}  // namespace
}  // namespace kiosk::test

namespace kiosk::test {
namespace {

using drivers::PinKey;
using drivers::PinPadEvent;

// Operation from the PIN pad (docs/ui.md): outside an entry the pad reports its keys and a key
// chooses what a touch on that button would; a key meant for a screen that has gone is dropped.
class RuntimePadKeysTest : public RuntimeTest {
protected:
    void key(PinKey which, std::optional<char> digit = std::nullopt) {
        const std::lock_guard lock(pad.mutex);
        pad.events.push_back({PinPadEvent{PinPadEvent::Kind::keyPressed, which, 0, digit}});
    }
    // The poll brings the key, its button is drawn pressed, and key_flash later its action is taken.
    void after_the_flash() {
        settle();
        clock.advance(Runtime::key_flash);
        settle();
    }
    // The key drawn for `action` on the screen shown now, of the kind asked for.
    std::optional<ui::ChoiceKey> key_for(std::string_view action, ui::ChoiceKey::Kind kind) {
        for (const ui::KeyBinding& binding : ui::key_bindings(display.last)) {
            if (binding.action == action && binding.key.kind == kind) return binding.key;
        }
        return std::nullopt;
    }
    bool navigating() {
        const std::lock_guard lock(pad.mutex);
        return !pad.begun.empty() && pad.begun.back().mode == drivers::EntryMode::navigation;
    }
};

TEST_F(RuntimePadKeysTest, OnTheMenuAFunctionKeyGivesTheBalanceFlow) {
    runtime.start();
    settle();
    to_main_menu();
    EXPECT_TRUE(navigating()) << "no entry on the menu: the pad reports keys for choosing";
    const auto f_key = key_for("balance", ui::ChoiceKey::Kind::Function);
    ASSERT_TRUE(f_key.has_value());
    key(static_cast<PinKey>(static_cast<int>(PinKey::f1) + f_key->number - 1));
    after_the_flash();
    EXPECT_EQ(log.count("host.authorize"), 1);
    EXPECT_EQ(runtime.context().state, StateId::ShowBalance);
    EXPECT_EQ(runtime.stale_keys_dropped(), 0u);
}

TEST_F(RuntimePadKeysTest, ADigitChoosesTheNthButtonAndEnterTheFocusedOne) {
    runtime.start();
    settle();
    runtime.post(flow::events::CardInserted{});
    settle();
    ASSERT_EQ(runtime.context().state, StateId::SessionOptions);
    key(PinKey::enter);  // the focus starts on Continue
    after_the_flash();
    ASSERT_EQ(runtime.context().state, StateId::PinEntry);
    for (int digit = 0; digit < 4; ++digit) runtime.post(flow::events::PinDigit{});
    runtime.post(flow::events::PinEnter{});
    settle();
    ASSERT_EQ(runtime.context().state, StateId::MainMenu);
    const auto digit = key_for("balance", ui::ChoiceKey::Kind::Digit);
    ASSERT_TRUE(digit.has_value());
    EXPECT_EQ(digit->number, 1) << "no dispenser here: balance is the first button";
    key(PinKey::digit, static_cast<char>('0' + digit->number));
    after_the_flash();
    EXPECT_EQ(runtime.context().state, StateId::ShowBalance);
}

TEST_F(RuntimePadKeysTest, AKeyPressedOnAScreenThatHasGoneIsDropped) {
    runtime.start();
    settle();
    to_main_menu();
    settle();
    ASSERT_TRUE(runtime.wait_for_workers(5s));  // the last poll has answered (nothing)
    key(PinKey::f6);                            // pressed on the menu…
    runtime.post(flow::events::Timeout{});      // …as the menu gives way to "More time?"
    after_the_flash();
    EXPECT_EQ(runtime.context().state, StateId::MoreTime);
    EXPECT_EQ(runtime.stale_keys_dropped(), 1u);
    EXPECT_EQ(log.count("host.authorize"), 0);
}

TEST_F(RuntimePadKeysTest, AChoiceWhoseScreenGoesDuringItsFlashIsDropped) {
    runtime.start();
    settle();
    to_main_menu();
    key(PinKey::f6);
    settle();  // drawn pressed, not yet acted on
    EXPECT_EQ(runtime.context().state, StateId::MainMenu);
    runtime.post(flow::events::Timeout{});
    runtime.tick();
    ASSERT_EQ(runtime.context().state, StateId::MoreTime);
    after_the_flash();
    EXPECT_EQ(runtime.stale_keys_dropped(), 1u);
    EXPECT_EQ(runtime.context().state, StateId::MoreTime);
}

TEST_F(RuntimePadKeysTest, ThePinEntryNeverTakesADigitValue) {
    runtime.start();
    settle();
    runtime.post(flow::events::CardInserted{});
    settle();
    runtime.touch("continue");
    settle();
    ASSERT_EQ(runtime.context().state, StateId::PinEntry);
    {
        const std::lock_guard lock(pad.mutex);
        ASSERT_EQ(pad.begun.back().mode, drivers::EntryMode::pin) << "no navigation while a PIN is typed";
    }
    const int before = runtime.context().pin_digits;
    key(PinKey::digit, '7');  // a navigation digit still on its way when the PIN entry began
    settle();
    EXPECT_EQ(runtime.context().pin_digits, before) << "a digit with a value is never a PIN digit";
    key(PinKey::digit);  // the pad's masked PIN digit
    settle();
    EXPECT_EQ(runtime.context().pin_digits, before + 1);
    EXPECT_EQ(runtime.context().state, StateId::PinEntry);
}

}  // namespace
}  // namespace kiosk::test
