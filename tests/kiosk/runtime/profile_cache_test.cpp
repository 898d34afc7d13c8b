// ProfileCache: a profile is kept sealed per token until its expiry, replaced when stored again,
// never used once expired (and deleted then), forgotten on request, and pruned in bulk.
#include "kiosk/runtime/profile_cache.hpp"

#include <gtest/gtest.h>

#include "store/statement.hpp"
#include "tests/kiosk/runtime/profile_fakes.hpp"

namespace kiosk::test {
namespace {

class ProfileCacheTest : public ::testing::Test {
protected:
    std::int64_t rows() { return store::query_int64(store.database, "SELECT count(*) FROM profile_cache").value_or(-1); }

    ManualClock clock;
    CashStore store{clock};
    ProfileCache cache{store.database, store.sealer, store.random, clock, "KIOSK001", std::chrono::hours(72)};
};

TEST_F(ProfileCacheTest, AStoredProfileIsFoundForItsTokenOnly) {
    ASSERT_TRUE(cache.store("tok-1", chinese_senior_profile()).ok());
    auto found = cache.find("tok-1");
    ASSERT_TRUE(found.ok()) << found.error().to_string();
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->favourite_withdrawal, (Money{500'00, "CNY", 2}));
    EXPECT_EQ((*found)->offer->text_zh, "本月购汇免手续费");
    auto other = cache.find("tok-2");
    ASSERT_TRUE(other.ok());
    EXPECT_FALSE(other->has_value());
}

TEST_F(ProfileCacheTest, TheRowIsSealedNotPlainText) {
    ASSERT_TRUE(cache.store("tok-1", chinese_senior_profile()).ok());
    auto statement = store::Statement::prepare(store.database, "SELECT ciphertext FROM profile_cache");
    ASSERT_TRUE(statement.ok());
    ASSERT_TRUE(statement->step().value_or(false));
    const Bytes cipher = statement->column_blob(0);
    const std::string text(cipher.begin(), cipher.end());
    EXPECT_EQ(text.find("senior"), std::string::npos);
}

TEST_F(ProfileCacheTest, StoringAgainReplacesTheProfile) {
    ASSERT_TRUE(cache.store("tok-1", chinese_senior_profile()).ok());
    CustomerProfile changed = chinese_senior_profile();
    changed.segment = "standard";
    ASSERT_TRUE(cache.store("tok-1", changed).ok());
    EXPECT_EQ(rows(), 1);
    EXPECT_EQ((*cache.find("tok-1"))->segment, "standard");
}

TEST_F(ProfileCacheTest, AnExpiredProfileIsNeverUsedAndIsDeleted) {
    ASSERT_TRUE(cache.store("tok-1", chinese_senior_profile()).ok());
    clock.advance(std::chrono::hours(71));
    EXPECT_TRUE(cache.find("tok-1")->has_value());
    clock.advance(std::chrono::hours(1));
    auto found = cache.find("tok-1");
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(found->has_value());
    EXPECT_EQ(rows(), 0);
}

TEST_F(ProfileCacheTest, ForgetAndPrune) {
    ASSERT_TRUE(cache.store("tok-1", chinese_senior_profile()).ok());
    ASSERT_TRUE(cache.store("tok-2", chinese_senior_profile()).ok());
    ASSERT_TRUE(cache.forget("tok-1").ok());
    EXPECT_EQ(rows(), 1);
    clock.advance(std::chrono::hours(73));
    EXPECT_EQ(cache.prune().value_or(-1), 1);
    EXPECT_EQ(rows(), 0);
}

}  // namespace
}  // namespace kiosk::test
