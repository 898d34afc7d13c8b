// Personalization on the simulator (issue 10, item 6): a customer whose profile prefers Chinese and
// has a usual amount and an offer finds the visit in Chinese, "your usual" on the amount screen
// and the offer as one line on the main menu; the journey records the segment. With the CRM
// failing, the sealed cache of an earlier visit personalizes the next one. A customer without an
// offer sees no offer line. Set KIOSK_E2E_SCREENS=<dir> to keep the PNGs; the menu's is always
// written to the test's directory as main_menu_offer.png.
#include <gtest/gtest.h>

#include "tests/e2e/cx_payloads.hpp"
#include "tests/e2e/kiosk_on_simulator.hpp"

namespace kiosk::test {
namespace {

using flow::StateId;

class FailingProfileSource final : public ProfileSource {
public:
    Result<std::optional<CustomerProfile>> fetch(std::string_view) override {
        return make_error("curl", "GET https://crm.invalid/profiles failed: connection refused");
    }
};

class PersonalizationE2eTest : public KioskOnSimulator {
protected:
    void SetUp() override { start("kiosk-personalization"); }

    void leave() {
        touch("cancel");
        (void)rig_->card_reader().take_card();
        pass(Millis(6'000));
        ASSERT_EQ(state(), StateId::Attract) << notes_;
    }
};

TEST_F(PersonalizationE2eTest, AProfileChangesTheLanguageTheUsualAmountAndTheOffer) {
    const sim::VirtualCard& li = sim::card("unionpay-li");
    ASSERT_TRUE(rig_->card_reader().insert(li).ok());
    pass(Millis(1'500));
    ASSERT_EQ(state(), StateId::SessionOptions);
    EXPECT_EQ(runtime().context().language, ui::Language::SimplifiedChinese) << "options shown in the preferred language";
    EXPECT_EQ(last_screen_.language, ui::Language::SimplifiedChinese);
    touch("continue", Millis(500));
    type(li.pin);
    ASSERT_EQ(state(), StateId::MainMenu) << notes_;
    EXPECT_EQ(last_screen_.offer_line, "本月购汇免手续费");
    const std::filesystem::path png = dir_ / "main_menu_offer.png";
    ASSERT_TRUE(display_->save_png(png).ok());
    if (const char* keep = std::getenv("KIOSK_E2E_SCREENS")) {
        std::filesystem::create_directories(keep);
        std::filesystem::copy_file(png, std::filesystem::path(keep) / "main_menu_offer.png",
                                   std::filesystem::copy_options::overwrite_existing);
    }
    EXPECT_TRUE(notes_.find("display:") == std::string::npos) << "the menu with its offer line fits: " << notes_;

    touch("withdrawal");
    ASSERT_EQ(state(), StateId::WithdrawalAmount);
    EXPECT_EQ(last_screen_.usual_amount, (Money{300'00, "CNY", 2}));
    EXPECT_TRUE(last_screen_.offer_line.empty()) << "the offer is the menu's line only";
    leave();

    const auto journeys = opened_of_kind(*app_, *rig_, clock_, "journey");
    ASSERT_EQ(journeys.size(), 1u);
    EXPECT_EQ(journeys[0].payload["personalized"], true);
    EXPECT_EQ(journeys[0].payload["segment"], "senior");
    EXPECT_EQ(journeys[0].payload["language"], "zh-CN");
    EXPECT_EQ(runtime().profile_counts().answered, 1u);
}

TEST_F(PersonalizationE2eTest, ACustomerWhoChoseEnglishKeepsItButGetsTheRestOfTheProfile) {
    runtime().touch("lang_en");
    pass(Millis(200));
    to_menu(sim::card("unionpay-li"));
    EXPECT_EQ(runtime().context().language, ui::Language::English);
    EXPECT_EQ(last_screen_.offer_line, "Travel money without fees this month");
    leave();
}

TEST_F(PersonalizationE2eTest, WithTheCrmFailingTheCachedProfilePersonalizesTheNextVisit) {
    to_menu(sim::card("unionpay-li"));  // the deck's profile arrives and is cached, sealed
    leave();
    FailingProfileSource failing;
    runtime().attach_profile_source(failing);
    to_menu(sim::card("unionpay-li"));
    EXPECT_EQ(runtime().context().language, ui::Language::SimplifiedChinese);
    EXPECT_EQ(last_screen_.offer_line, "本月购汇免手续费");
    EXPECT_EQ(runtime().profile_counts().failed, 1u);
    EXPECT_EQ(runtime().profile_counts().from_cache, 1u);
    EXPECT_NE(notes_.find("the cached profile is used"), std::string::npos);
    leave();
}

TEST_F(PersonalizationE2eTest, ACustomerWithoutAProfileSeesNoOfferAndStaysInEnglish) {
    to_menu(sim::card("visa-alice"));
    EXPECT_EQ(runtime().context().language, ui::Language::English);
    EXPECT_TRUE(last_screen_.offer_line.empty());
    leave();
    const auto journeys = opened_of_kind(*app_, *rig_, clock_, "journey");
    ASSERT_EQ(journeys.size(), 1u);
    EXPECT_EQ(journeys[0].payload["personalized"], false);
    EXPECT_TRUE(journeys[0].payload["segment"].is_null());
}

}  // namespace
}  // namespace kiosk::test
