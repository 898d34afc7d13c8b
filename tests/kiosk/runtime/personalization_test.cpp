// personalize(): the profile sets the usual amount, offer, segment and complaints; the language and
// accessibility only while the customer has not chosen their own and has not yet seen the menu.
#include "kiosk/runtime/personalization.hpp"

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/profile_fakes.hpp"

namespace kiosk::test {
namespace {

TEST(Personalization, AProfileSetsLanguageAccessibilityUsualAmountOfferAndSegment) {
    Session session;
    flow::Context context;
    const PersonalizationResult result = personalize(chinese_senior_profile(), CustomerChoices{}, session, context);
    EXPECT_TRUE(result.language_changed);
    EXPECT_TRUE(result.accessibility_changed);
    EXPECT_EQ(context.language, ui::Language::SimplifiedChinese);
    EXPECT_TRUE(context.accessibility.large_text);
    EXPECT_FALSE(context.accessibility.high_contrast);
    EXPECT_TRUE(session.personalized);
    EXPECT_EQ(session.usual_amount, (Money{500'00, "CNY", 2}));
    EXPECT_EQ(session.segment, "senior");
    EXPECT_EQ(offer_line(session, context.language), "本月购汇免手续费");
    EXPECT_EQ(offer_line(session, ui::Language::English), "Travel money without fees this month");
}

TEST(Personalization, TheCustomersOwnLanguageAndOptionsAreKept) {
    Session session;
    flow::Context context;
    context.accessibility.high_contrast = true;
    const PersonalizationResult result =
        personalize(chinese_senior_profile(), CustomerChoices{true, true, false}, session, context);
    EXPECT_FALSE(result.language_changed);
    EXPECT_FALSE(result.accessibility_changed);
    EXPECT_EQ(context.language, ui::Language::English);
    EXPECT_FALSE(context.accessibility.large_text);
    EXPECT_TRUE(context.accessibility.high_contrast);
    EXPECT_EQ(session.segment, "senior") << "the rest of the profile still applies";
}

TEST(Personalization, OnceTheMenuWasShownItsLanguageStaysButTheOfferComes) {
    Session session;
    flow::Context context;
    personalize(chinese_senior_profile(), CustomerChoices{false, false, true}, session, context);
    EXPECT_EQ(context.language, ui::Language::English);
    EXPECT_FALSE(context.accessibility.large_text);
    EXPECT_EQ(offer_line(session, context.language), "Travel money without fees this month");
}

TEST(Personalization, AProfileNeverSwitchesAnOptionOff) {
    Session session;
    flow::Context context;
    context.accessibility.speech = true;
    CustomerProfile profile;
    profile.accessibility = AccessibilityPreferences{false, false, false};
    personalize(profile, CustomerChoices{}, session, context);
    EXPECT_TRUE(context.accessibility.speech);
}

TEST(Personalization, NoOfferNoLine) {
    Session session;
    EXPECT_EQ(offer_line(session, ui::Language::English), "");
}

}  // namespace
}  // namespace kiosk::test
