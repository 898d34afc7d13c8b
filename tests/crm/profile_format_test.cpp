// crm/profile_format: the profile JSON of docs/cx-records.md survives encode → decode, and the
// strict decoder refuses what the kiosk must ignore (too large, not JSON, a field of the wrong
// type, unknown names) with an Error that names what was wrong.
#include "crm/profile_format.hpp"

#include <gtest/gtest.h>

namespace kiosk::crm {
namespace {

CustomerProfile full_profile() {
    CustomerProfile profile;
    profile.language = ui::Language::SimplifiedChinese;
    profile.accessibility = AccessibilityPreferences{true, false, true};
    profile.favourite_withdrawal = Money{50'000, "CNY", 2};
    profile.prefers_small_notes = true;
    profile.segment = "senior";
    profile.offer = ProfileOffer{"fx-2026-12", "Travel money without fees this month", "本月购汇免手续费"};
    profile.complaints = {{"KB-20261202-7Q4M", ComplaintState::InProgress, 1'767'603'600'000},
                          {"KB-20261101-A1B2", ComplaintState::Resolved, 1'765'000'000'000}};
    return profile;
}

void expect_same(const CustomerProfile& a, const CustomerProfile& b) {
    EXPECT_EQ(a.language, b.language);
    ASSERT_EQ(a.accessibility.has_value(), b.accessibility.has_value());
    if (a.accessibility) {
        EXPECT_EQ(a.accessibility->large_text, b.accessibility->large_text);
        EXPECT_EQ(a.accessibility->high_contrast, b.accessibility->high_contrast);
        EXPECT_EQ(a.accessibility->speech, b.accessibility->speech);
    }
    EXPECT_EQ(a.favourite_withdrawal, b.favourite_withdrawal);
    EXPECT_EQ(a.prefers_small_notes, b.prefers_small_notes);
    EXPECT_EQ(a.segment, b.segment);
    ASSERT_EQ(a.offer.has_value(), b.offer.has_value());
    if (a.offer) {
        EXPECT_EQ(a.offer->id, b.offer->id);
        EXPECT_EQ(a.offer->text_en, b.offer->text_en);
        EXPECT_EQ(a.offer->text_zh, b.offer->text_zh);
    }
    ASSERT_EQ(a.complaints.size(), b.complaints.size());
    for (std::size_t i = 0; i < a.complaints.size(); ++i) {
        EXPECT_EQ(a.complaints[i].reference, b.complaints[i].reference);
        EXPECT_EQ(a.complaints[i].state, b.complaints[i].state);
        EXPECT_EQ(a.complaints[i].updated_unix_ms, b.complaints[i].updated_unix_ms);
    }
}

std::string refusal(std::string_view json, std::size_t max_bytes = max_profile_bytes) {
    const auto decoded = decode_profile(json, max_bytes);
    if (decoded.ok()) return "(accepted)";
    EXPECT_EQ(decoded.error().domain, "crm");
    return decoded.error().message;
}

TEST(ProfileFormat, AFullProfileSurvivesEncodeAndDecode) {
    const std::string json = encode_profile(full_profile(), "tok-1");
    const auto decoded = decode_profile(json);
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    expect_same(*decoded, full_profile());
}

TEST(ProfileFormat, EncodesTheContractsFieldNames) {
    const std::string json = encode_profile(full_profile(), "tok-1");
    for (const char* field : {R"("token":"tok-1")", R"("language":"zh-CN")", R"("usual_amount_minor":50000)",
                              R"("currency":"CNY")", R"("segment":"senior")", R"("status":"in_progress")",
                              R"("large_text":true)", R"("zh-CN":"本月购汇免手续费")"}) {
        EXPECT_NE(json.find(field), std::string::npos) << field << " in " << json;
    }
}

TEST(ProfileFormat, OnlyTheTokenIsRequired) {
    const auto decoded = decode_profile(R"({"token":"tok-1"})");
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    expect_same(*decoded, CustomerProfile{});
    EXPECT_EQ(encode_profile(CustomerProfile{}, "tok-1"), R"({"token":"tok-1"})");
}

TEST(ProfileFormat, UnknownFieldsAreTolerated) {
    EXPECT_TRUE(decode_profile(R"({"token":"t","loyalty_tier":"gold","language":"en"})").ok());
}

TEST(ProfileFormat, MoreThanTheLimitIsRefusedUnread) {
    const std::string padded = R"({"token":"t","segment":")" + std::string(9000, 'x') + R"("})";
    const std::string message = refusal(padded);
    EXPECT_NE(message.find("more than the 8192 allowed"), std::string::npos) << message;
    EXPECT_TRUE(decode_profile(padded, 20'000).ok()) << "the limit is a parameter";
}

TEST(ProfileFormat, NotJsonOrNotAnObjectIsRefused) {
    EXPECT_NE(refusal("<html>").find("not valid JSON"), std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t")").find("not valid JSON"), std::string::npos);
    EXPECT_NE(refusal(R"(["token"])").find("not a JSON object"), std::string::npos);
}

TEST(ProfileFormat, AFieldOfTheWrongTypeIsRefusedByName) {
    EXPECT_NE(refusal(R"({"language":"en"})").find("token is missing"), std::string::npos);
    EXPECT_NE(refusal(R"({"token":7})").find("token is not a string"), std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","language":1})").find("language is not a string"), std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","accessibility":{"speech":"yes"}})").find("accessibility.speech"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","usual_amount_minor":500.5,"currency":"CNY"})").find("usual_amount_minor"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","offer":"fees"})").find("offer is not an object"), std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","offer":{"id":"o","en":"x"}})").find("offer.zh-CN is missing"), std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","complaints":{}})").find("complaints is not an array"), std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","complaints":[{"reference":"KB-1","status":"open","updated_unix_ms":1}]})")
                  .find("complaints[0].status"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","complaints":[{"reference":"KB-1","status":"resolved"}]})")
                  .find("complaints[0].updated_unix_ms is missing"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","prefers_small_notes":1})").find("prefers_small_notes"), std::string::npos);
}

TEST(ProfileFormat, UnknownLanguageAndAnAmountWithoutAKnownCurrencyAreRefused) {
    EXPECT_NE(refusal(R"({"token":"t","language":"fr"})").find("language is neither"), std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","usual_amount_minor":5000})").find("no currency"), std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","usual_amount_minor":5000,"currency":"XYZ"})").find("ISO 4217"), std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","usual_amount_minor":-5,"currency":"CNY"})").find("not positive"), std::string::npos);
    EXPECT_NE(refusal(R"({"token":"t","usual_amount_minor":18446744073709551615,"currency":"CNY"})")
                  .find("not a 64-bit integer"),
              std::string::npos);
}

TEST(ProfileFormat, NullMeansAbsent) {
    const auto decoded = decode_profile(R"({"token":"t","language":null,"offer":null,"complaints":null})");
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    EXPECT_FALSE(decoded->language);
    EXPECT_FALSE(decoded->offer);
}

TEST(ProfileFormat, ComplaintStateNamesRoundTrip) {
    for (const auto state : {ComplaintState::Received, ComplaintState::InProgress, ComplaintState::Resolved}) {
        EXPECT_EQ(*parse_complaint_state(complaint_state_name(state)), state);
    }
    EXPECT_FALSE(parse_complaint_state("open").ok());
}

}  // namespace
}  // namespace kiosk::crm
