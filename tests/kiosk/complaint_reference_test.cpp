// Complaint references: KB-YYYYMMDD-XXXX from the kiosk's day and the injected random source,
// four characters of an alphabet without look-alikes, a free one found when others are taken.
#include "kiosk/cx/complaint_reference.hpp"

#include <gtest/gtest.h>

#include <set>

#include "kiosk/cx/cx_day.hpp"

namespace kiosk {
namespace {

TimePoint december_2nd() { return *parse_utc_day("2026-12-02") + Millis(9 * 3'600'000); }

TEST(ComplaintReferenceTest, IsTheKiosksDayAndFourUnambiguousCharacters) {
    SeededRandom random(3);
    for (int i = 0; i < 200; ++i) {
        const std::string reference = draw_complaint_reference(december_2nd(), random);
        ASSERT_EQ(reference.size(), 16U) << reference;
        EXPECT_EQ(reference.substr(0, 12), "KB-20261202-");
        for (const char c : reference.substr(12)) {
            EXPECT_NE(kComplaintReferenceAlphabet.find(c), std::string_view::npos) << reference;
            for (const char lookalike : {'0', 'O', '1', 'I', 'L'}) EXPECT_NE(c, lookalike) << reference;
        }
        EXPECT_TRUE(is_complaint_reference(reference)) << reference;
    }
}

TEST(ComplaintReferenceTest, TheSameSeedDrawsTheSameReferencesAndDifferentSeedsDiffer) {
    SeededRandom a(11), b(11), c(12);
    const std::string first = draw_complaint_reference(december_2nd(), a);
    EXPECT_EQ(first, draw_complaint_reference(december_2nd(), b)) << "randomness only from the injected source";
    std::set<std::string> drawn{first};
    for (int i = 0; i < 50; ++i) drawn.insert(draw_complaint_reference(december_2nd(), c));
    EXPECT_GT(drawn.size(), 45U) << "spread over the alphabet";
}

TEST(ComplaintReferenceTest, ATakenReferenceIsDrawnAgain) {
    SeededRandom probe(21);
    const std::string first = draw_complaint_reference(december_2nd(), probe);
    SeededRandom random(21);
    int asked = 0;
    const auto free = unique_complaint_reference(december_2nd(), random, [&](const std::string& candidate) -> Result<bool> {
        ++asked;
        return candidate == first;
    });
    ASSERT_TRUE(free.ok());
    EXPECT_NE(*free, first);
    EXPECT_EQ(asked, 2);
}

TEST(ComplaintReferenceTest, GivesUpWithAnErrorWhenEveryDrawIsTaken) {
    SeededRandom random(1);
    const auto none = unique_complaint_reference(december_2nd(), random, [](const std::string&) -> Result<bool> { return true; }, 5);
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.error().to_string().find("5 draws"), std::string::npos) << none.error().to_string();
    const auto failing = unique_complaint_reference(
        december_2nd(), random, [](const std::string&) -> Result<bool> { return make_error("store", "disk I/O"); });
    ASSERT_FALSE(failing.ok());
    EXPECT_NE(failing.error().to_string().find("disk I/O"), std::string::npos);
}

TEST(ComplaintReferenceTest, RecognisesOnlyWellFormedReferences) {
    EXPECT_TRUE(is_complaint_reference("KB-20261202-7Q4M"));
    for (const char* bad : {"KB-20261202-7Q4", "KB-2026120A-7Q4M", "KX-20261202-7Q4M", "KB-20261202-7Q4O",
                            "KB-20261202_7Q4M", "", "KB-20261202-7q4m"}) {
        EXPECT_FALSE(is_complaint_reference(bad)) << bad;
    }
}

}  // namespace
}  // namespace kiosk
