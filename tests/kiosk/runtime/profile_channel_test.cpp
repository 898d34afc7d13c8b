// ProfileChannel over a fake source: an answer in time personalizes and is cached; a late one is
// dropped (and counted) and the cache answers; a failure falls back on the cache or on nothing;
// "no profile" forgets the cached one; a visit that ended drops its answer.
#include "kiosk/runtime/profile_channel.hpp"

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/profile_fakes.hpp"

namespace kiosk::test {
namespace {

class ProfileChannelTest : public ::testing::Test {
protected:
    ~ProfileChannelTest() override {
        source.gate.open();
        loop.settle(worker);
    }
    ProfileChannel make_channel(ProfileCache* with_cache) {
        return ProfileChannel(loop.ports(), ProfileChannel::Parts{worker, with_cache, Millis{300}},
                              [this](const CustomerProfile& profile, ProfileOrigin origin) {
                                  applied.push_back(profile);
                                  origins.push_back(origin);
                              });
    }

    LoopHarness loop;
    FakeProfileSource source;
    ProfileWorker worker{"customer profiles", source, loop.mailbox, loop.clock};
    CashStore store{loop.clock};
    ProfileCache cache{store.database, store.sealer, store.random, loop.clock, "KIOSK001"};
    std::vector<CustomerProfile> applied;
    std::vector<ProfileOrigin> origins;
    const std::string token = "a1b2c3";
};

TEST_F(ProfileChannelTest, AnAnswerInTimeIsAppliedAndCached) {
    source.answer = std::optional<CustomerProfile>(chinese_senior_profile());
    ProfileChannel channel = make_channel(&cache);
    channel.ask(token);
    loop.settle(worker);
    ASSERT_EQ(applied.size(), 1u);
    EXPECT_EQ(origins[0], ProfileOrigin::Crm);
    EXPECT_EQ(applied[0].segment, "senior");
    EXPECT_EQ(channel.counts().answered, 1u);
    auto cached = cache.find(token);
    ASSERT_TRUE(cached.ok()) << cached.error().to_string();
    ASSERT_TRUE(cached->has_value());
    EXPECT_EQ((*cached)->language, ui::Language::SimplifiedChinese);
}

TEST_F(ProfileChannelTest, ALateAnswerIsDroppedAndCountedAndTheCachedProfileIsUsedAtTheDeadline) {
    CustomerProfile cached = chinese_senior_profile();
    cached.segment = "cached";
    ASSERT_TRUE(cache.store(token, cached).ok());
    source.answer = std::optional<CustomerProfile>(chinese_senior_profile());
    source.gate.close();  // the CRM stalls
    ProfileChannel channel = make_channel(&cache);
    channel.ask(token);
    ASSERT_TRUE(source.gate.wait_entered(1));
    loop.clock.advance(Millis{299});
    worker.expire(loop.clock.now());
    loop.run_mail();
    EXPECT_TRUE(applied.empty()) << "applied before the deadline without an answer";
    loop.clock.advance(Millis{2});
    worker.expire(loop.clock.now());
    loop.run_mail();
    ASSERT_EQ(applied.size(), 1u);
    EXPECT_EQ(origins[0], ProfileOrigin::Cache);
    EXPECT_EQ(applied[0].segment, "cached");
    EXPECT_EQ(channel.counts().late, 1u);
    EXPECT_EQ(channel.counts().from_cache, 1u);
    source.gate.open();  // the answer comes after all: dropped
    loop.settle(worker);
    EXPECT_EQ(applied.size(), 1u);
    EXPECT_EQ(channel.late_dropped(), 1u);
}

TEST_F(ProfileChannelTest, AFailedSourceWithNothingCachedLeavesTheVisitUnpersonalizedWithANote) {
    source.answer = make_error("curl", "GET failed: connection refused");
    ProfileChannel channel = make_channel(&cache);
    channel.ask(token);
    loop.settle(worker);
    EXPECT_TRUE(applied.empty());
    EXPECT_EQ(channel.counts().failed, 1u);
    EXPECT_TRUE(loop.noted("unpersonalized"));
    EXPECT_TRUE(loop.posted.empty()) << "nothing reaches the flow";
}

TEST_F(ProfileChannelTest, AFailedSourceFallsBackOnTheCachedProfile) {
    ASSERT_TRUE(cache.store(token, chinese_senior_profile()).ok());
    source.answer = make_error("crm", "customer profile refused: not JSON");
    ProfileChannel channel = make_channel(&cache);
    channel.ask(token);
    loop.settle(worker);
    ASSERT_EQ(applied.size(), 1u);
    EXPECT_EQ(origins[0], ProfileOrigin::Cache);
}

TEST_F(ProfileChannelTest, NoProfileAtTheBankForgetsTheCachedOne) {
    ASSERT_TRUE(cache.store(token, chinese_senior_profile()).ok());
    ProfileChannel channel = make_channel(&cache);
    channel.ask(token);  // the source answers "none"
    loop.settle(worker);
    EXPECT_TRUE(applied.empty());
    EXPECT_EQ(channel.counts().none, 1u);
    auto cached = cache.find(token);
    ASSERT_TRUE(cached.ok());
    EXPECT_FALSE(cached->has_value());
}

TEST_F(ProfileChannelTest, TheAnswerToAVisitThatEndedIsDropped) {
    source.answer = std::optional<CustomerProfile>(chinese_senior_profile());
    source.gate.close();
    ProfileChannel channel = make_channel(nullptr);
    channel.ask(token);
    ASSERT_TRUE(source.gate.wait_entered(1));
    channel.abandon();
    EXPECT_FALSE(channel.outstanding());
    source.gate.open();
    loop.settle(worker);
    EXPECT_TRUE(applied.empty());
    EXPECT_EQ(channel.late_dropped(), 1u);
}

TEST_F(ProfileChannelTest, ACardlessVisitAsksForNothing) {
    ProfileChannel channel = make_channel(nullptr);
    channel.ask("");
    loop.settle(worker);
    EXPECT_EQ(source.calls, 0);
    EXPECT_EQ(channel.counts().asked, 0u);
}

}  // namespace
}  // namespace kiosk::test
