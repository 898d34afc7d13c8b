// Displays: offscreen keeps the last screen, saves it as PNG and turns injected touches into
// actions; the window display (on SDL's dummy video driver, no real screen needed) turns
// clicks, keys and the close button into input events; the factory picks the right one.
#include "ui/display.hpp"

#include <SDL_image.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "ui/layout.hpp"
#include "ui/offscreen_display.hpp"
#include "ui/sample_view_models.hpp"
#include "ui/sdl_handles.hpp"
#include "ui/window_display.hpp"

namespace kiosk::ui {
namespace {

Rect button_rect(const ViewModel& vm, std::size_t index) { return layout_screen(vm).buttons.at(index).rect; }

TEST(OffscreenDisplay, SavesTheLastScreenAsAPng) {
    OffscreenDisplay display(FontPaths::debian_default(), "Kiosk Bank");
    ASSERT_TRUE(display.show(sample_view_model(ScreenId::Attract, Language::SimplifiedChinese)).ok());
    const auto path = std::filesystem::path(::testing::TempDir()) / "kiosk_ui_display" / "attract.png";
    std::filesystem::remove(path);
    ASSERT_TRUE(display.save_png(path).ok());
    UniqueSurface loaded(IMG_Load(path.c_str()));
    ASSERT_TRUE(loaded) << IMG_GetError();
    EXPECT_EQ(loaded->w, kScreenWidth);
    EXPECT_EQ(loaded->h, kScreenHeight);
    EXPECT_EQ(display.surface().w, kScreenWidth);
}

TEST(OffscreenDisplay, SavingToAnUnwritablePlaceIsAnError) {
    OffscreenDisplay display(FontPaths::debian_default(), "Kiosk Bank");
    ASSERT_TRUE(display.show(ViewModel{}).ok());
    EXPECT_FALSE(display.save_png("/proc/kiosk-cannot-write-here/x.png").ok());
}

TEST(OffscreenDisplay, TouchesOnButtonsBecomeActions) {
    OffscreenDisplay display(FontPaths::debian_default(), "Kiosk Bank");
    display.touch(500, 700);  // nothing shown yet: ignored
    ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::English);
    vm.menu->withdrawal = Offer::Unavailable;
    ASSERT_TRUE(display.show(vm).ok());
    const Rect withdrawal = button_rect(vm, 0);  // disabled
    const Rect balance = button_rect(vm, 1);
    display.touch(balance.x + 10, balance.y + 10);
    display.touch(withdrawal.x + 10, withdrawal.y + 10);
    display.touch(kScreenWidth / 2, 200);  // the card
    const auto events = display.poll_input();
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events[0], (InputEvent{InputEvent::Kind::Action, "balance", {}}));
    EXPECT_TRUE(display.poll_input().empty());
}

TEST(MakeDisplay, OffscreenIsChosenWhenAsked) {
    DisplayOptions options;
    options.kind = DisplayKind::Offscreen;
    const auto display = make_display(options);
    ASSERT_NE(dynamic_cast<OffscreenDisplay*>(display.get()), nullptr);
    EXPECT_TRUE(display->show(sample_view_model(ScreenId::ThankYou, Language::English)).ok());
    EXPECT_TRUE(display->poll_input().empty());
}

TEST(MakeDisplay, MissingFontDirectoryThrowsNamingTheFile) {
    DisplayOptions options;
    options.fonts = FontPaths::in_directory("/no/fonts/here");
    try {
        (void)make_display(options);
        FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("/no/fonts/here/NotoSansCJK-"), std::string::npos) << error.what();
    }
}

class WindowDisplayTest : public ::testing::Test {
protected:
    // SDL's dummy video driver gives a real SDL window without a screen (CI, containers). The
    // offscreen driver would work too, but it loads Mesa's EGL, whose allocations LeakSanitizer flags.
    static void SetUpTestSuite() { setenv("SDL_VIDEODRIVER", "dummy", 1); }

    static void push_click(Uint32 type, int x, int y) {
        SDL_Event event{};
        event.type = type;
        event.button.button = SDL_BUTTON_LEFT;
        event.button.x = x;
        event.button.y = y;
        ASSERT_EQ(SDL_PushEvent(&event), 1) << SDL_GetError();
    }
};

TEST_F(WindowDisplayTest, ClickOnAButtonBecomesItsAction) {
    DisplayOptions options;
    options.kind = DisplayKind::Window;
    const auto display = make_display(options);
    ASSERT_NE(dynamic_cast<WindowDisplay*>(display.get()), nullptr);
    const ViewModel vm = sample_view_model(ScreenId::ReceiptChoice, Language::English);
    ASSERT_TRUE(display->show(vm).ok());
    (void)display->poll_input();  // window-shown events and the like

    const Rect yes = button_rect(vm, 1);
    push_click(SDL_MOUSEBUTTONDOWN, yes.x + 30, yes.y + 30);
    push_click(SDL_MOUSEBUTTONUP, yes.x + 40, yes.y + 40);
    const auto events = display->poll_input();
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events[0], (InputEvent{InputEvent::Kind::Action, "receipt_yes", {}}));
}

TEST_F(WindowDisplayTest, SlidingOffAButtonCancelsThePress) {
    DisplayOptions options;
    options.kind = DisplayKind::Window;
    const auto display = make_display(options);
    const ViewModel vm = sample_view_model(ScreenId::ReceiptChoice, Language::English);
    ASSERT_TRUE(display->show(vm).ok());
    (void)display->poll_input();
    const Rect no = button_rect(vm, 0);
    const Rect yes = button_rect(vm, 1);
    push_click(SDL_MOUSEBUTTONDOWN, no.x + 30, no.y + 30);
    push_click(SDL_MOUSEBUTTONUP, yes.x + 30, yes.y + 30);
    EXPECT_TRUE(display->poll_input().empty());
}

TEST_F(WindowDisplayTest, KeysAndCloseBecomeEvents) {
    WindowDisplay display(FontPaths::debian_default(), "Kiosk Bank", false);
    ASSERT_TRUE(display.show(sample_view_model(ScreenId::Attract, Language::English)).ok());
    (void)display.poll_input();

    SDL_Event key{};
    key.type = SDL_KEYDOWN;
    key.key.keysym.sym = SDLK_RETURN;
    ASSERT_EQ(SDL_PushEvent(&key), 1);
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    ASSERT_EQ(SDL_PushEvent(&quit), 1);

    const auto events = display.poll_input();
    ASSERT_EQ(events.size(), 2U);
    EXPECT_EQ(events[0], (InputEvent{InputEvent::Kind::Key, {}, "Return"}));
    EXPECT_EQ(events[1].kind, InputEvent::Kind::Quit);
}

}  // namespace
}  // namespace kiosk::ui
