// The complaint screens and the header's "Report a problem" (docs/ui.md § Complaints): drawn in
// both languages and every look, the acknowledgement with and without its QR code, the menu's
// status lines, and the header control touchable exactly where it is drawn — only when available.
#include <gtest/gtest.h>

#include "tests/ui/render_fixture.hpp"
#include "ui/i18n.hpp"
#include "ui/layout.hpp"
#include "ui/sample_view_models.hpp"

namespace kiosk::ui {
namespace {

class ComplaintScreensTest : public RendererTest {
protected:
    // Every language and look: normal, large text, high contrast, both.
    template <class Check>
    void every_look(ScreenId screen, Check check) {
        for (const Language language : {Language::English, Language::SimplifiedChinese}) {
            for (const bool large : {false, true}) {
                for (const bool contrast : {false, true}) {
                    ViewModel vm = sample_view_model(screen, language, Accessibility{large, contrast, false});
                    check(vm, std::string(language == Language::English ? "en" : "zh") + (large ? "_large" : "") +
                                  (contrast ? "_hc" : ""));
                }
            }
        }
    }
};

TEST_F(ComplaintScreensTest, TheAcknowledgementWithItsQrCodeFitsInEveryLook) {
    every_look(ScreenId::ComplaintDone, [&](ViewModel vm, const std::string& look) {
        vm.message_key = "complaint.scan_qr";
        vm.qr_text = "https://complaints.kioskbank.example/c/KB-20261202-7Q4M";
        render_ok(vm, "complaint_done_qr_" + look + ".png");
    });
}

TEST_F(ComplaintScreensTest, WithoutQrTextTheAcknowledgementDrawsNoCode) {
    ViewModel vm = sample_view_model(ScreenId::ComplaintDone, Language::English);
    const auto without = render_ok(vm);
    vm.qr_text = "https://complaints.kioskbank.example/c/KB-20261202-7Q4M";
    const auto with = render_ok(vm);
    EXPECT_NE(without, with) << "the code is drawn only when the slip could not be printed";
}

TEST_F(ComplaintScreensTest, TheMenuCarriesTwoStatusLinesAndItsOfferInEveryLook) {
    every_look(ScreenId::MainMenu, [&](ViewModel vm, const std::string& look) {
        vm.offer_line = vm.language == Language::English ? "Travel money without fees this month" : "本月购汇免手续费";
        vm.status_lines = {fill(translate("menu.complaint_in_progress", vm.language), "KB-20261202-7Q4M"),
                           fill(translate("menu.complaint_resolved", vm.language), "KB-20261118-K2XP")};
        render_ok(vm, "main_menu_status_" + look + ".png");
    });
}

TEST_F(ComplaintScreensTest, TheHeaderControlIsTouchableWhereDrawnOnlyWhenAvailable) {
    ViewModel vm = sample_view_model(ScreenId::MainMenu, Language::English);
    ASSERT_EQ(vm.report_problem, Offer::Available);
    const ScreenLayout layout = layout_screen(vm);
    ASSERT_TRUE(layout.report_problem);
    const Rect target = *layout.report_problem;
    EXPECT_EQ(target.right(), kScreenWidth - kMarginX) << "the right end of the header, on every screen";
    EXPECT_EQ(target.h, kHeaderHeight);
    EXPECT_EQ(hit_test(vm, target.x + target.w / 2, target.y + target.h / 2), std::string("report_problem"));
    vm.report_problem = Offer::Unavailable;
    EXPECT_EQ(hit_test(vm, target.x + target.w / 2, target.y + target.h / 2), std::nullopt) << "grey and inert";
    vm.report_problem = Offer::Hidden;
    EXPECT_FALSE(layout_screen(vm).report_problem);
    // The same place on another screen.
    ViewModel attract = sample_view_model(ScreenId::Attract, Language::SimplifiedChinese);
    EXPECT_EQ(layout_screen(attract).report_problem, target);
}

TEST_F(ComplaintScreensTest, ThePreSelectedCategoryIsDrawnDifferently) {
    ViewModel vm = sample_view_model(ScreenId::ComplaintCategory, Language::English);
    ASSERT_TRUE(vm.buttons.front().marked);
    const auto marked = render_ok(vm);
    vm.buttons.front().marked = false;
    EXPECT_NE(render_ok(vm), marked);
}

}  // namespace
}  // namespace kiosk::ui
