// decode_profile is strict (docs/cx-records.md § The customer profile): a profile round-trips
// through encode_profile; one that is not JSON, too large, without a token or with a field of the
// wrong type is refused whole.
#include "crm/profile_format.hpp"

#include <gtest/gtest.h>

namespace kiosk::crm {
namespace {

TEST(ProfileFormat, TheContractsExampleDecodes) {
    const auto profile = decode_profile(R"({"token": "ab12", "language": "zh-CN",
        "accessibility": {"large_text": true, "high_contrast": false, "speech": false},
        "usual_amount_minor": 50000, "currency": "CNY", "segment": "senior",
        "offer": {"id": "fx-2026-12", "en": "Travel money without fees this month", "zh-CN": "本月购汇免手续费"},
        "complaints": [{"reference": "KB-20261202-7Q4M", "status": "in_progress", "updated_unix_ms": 1767603600123}]})");
    ASSERT_TRUE(profile.ok()) << profile.error().to_string();
    EXPECT_EQ(profile->language, ui::Language::SimplifiedChinese);
    EXPECT_TRUE(profile->accessibility->large_text);
    EXPECT_EQ(profile->favourite_withdrawal, (Money{50'000, "CNY", 2}));
    EXPECT_EQ(profile->segment, "senior");
    EXPECT_EQ(profile->offer->text_zh, "本月购汇免手续费");
    ASSERT_EQ(profile->complaints.size(), 1u);
    EXPECT_EQ(profile->complaints[0].state, ComplaintState::InProgress);
}

TEST(ProfileFormat, OnlyTheTokenIsRequired) {
    const auto profile = decode_profile(R"({"token": "ab12"})");
    ASSERT_TRUE(profile.ok());
    EXPECT_FALSE(profile->language.has_value());
    EXPECT_FALSE(profile->offer.has_value());
}

TEST(ProfileFormat, EncodeThenDecodeGivesTheSameProfile) {
    CustomerProfile profile;
    profile.language = ui::Language::English;
    profile.accessibility = AccessibilityPreferences{false, true, true};
    profile.favourite_withdrawal = Money{300'00, "CNY", 2};
    profile.prefers_small_notes = true;
    profile.segment = "standard";
    profile.offer = ProfileOffer{"o1", "One line", "一行"};
    profile.complaints = {{"KB-1", ComplaintState::Resolved, 42}};
    const auto back = decode_profile(encode_profile(profile, "tok"));
    ASSERT_TRUE(back.ok()) << back.error().to_string();
    EXPECT_EQ(back->language, profile.language);
    EXPECT_TRUE(back->accessibility->speech);
    EXPECT_EQ(back->favourite_withdrawal, profile.favourite_withdrawal);
    EXPECT_TRUE(back->prefers_small_notes);
    EXPECT_EQ(back->offer->text_en, "One line");
    EXPECT_EQ(back->complaints[0].state, ComplaintState::Resolved);
    EXPECT_EQ(back->complaints[0].updated_unix_ms, 42);
}

TEST(ProfileFormat, MalformedOrWrongOrTooLargeProfilesAreRefused) {
    for (const char* bad : {
             "not json", "[1, 2]", R"({"language": "en"})", R"({"token": 7})", R"({"token": "t", "language": "fr"})",
             R"({"token": "t", "language": 1})", R"({"token": "t", "accessibility": {"large_text": "yes"}})",
             R"({"token": "t", "usual_amount_minor": "500"})", R"({"token": "t", "usual_amount_minor": 500})",
             R"({"token": "t", "usual_amount_minor": 500, "currency": "XXX"})",
             R"({"token": "t", "usual_amount_minor": -5, "currency": "CNY"})", R"({"token": "t", "segment": 3})",
             R"({"token": "t", "offer": {"id": "x", "en": "e"}})", R"({"token": "t", "complaints": {}})",
             R"({"token": "t", "complaints": [{"reference": "KB", "status": "lost"}]})"}) {
        EXPECT_FALSE(decode_profile(bad).ok()) << bad;
    }
    const std::string large = R"({"token": "t", "segment": ")" + std::string(9'000, 'x') + "\"}";
    const auto refused = decode_profile(large);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("more than 8192"), std::string::npos);
    EXPECT_TRUE(decode_profile(large, 16'384).ok());
}

}  // namespace
}  // namespace kiosk::crm
