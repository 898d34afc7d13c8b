// RoundTripHostLink: every request to the bank is timed on the worker that sends it; the last one's
// time, length and failure are what the service mode's Network page shows.
#include "host/round_trip_host_link.hpp"

#include <gtest/gtest.h>

namespace kiosk::host {
namespace {

class SteppedClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return now_; }
    void advance(Millis by) { now_ += by; }

private:
    TimePoint now_ = from_unix_millis(1'764'684'000'000);
};

// A bank that takes `latency` per request and fails while `down`.
class SlowBank final : public HostLink {
public:
    explicit SlowBank(SteppedClock& clock) : clock_(clock) {}
    Result<AuthorizationResponse> authorize(const AuthorizationRequest&) override {
        clock_.advance(latency);
        if (down) return make_error("host", "connection refused");
        return AuthorizationResponse{};
    }
    Result<ReversalResponse> reverse(const ReversalRequest&) override {
        clock_.advance(latency);
        if (down) return make_error("host", "connection refused");
        return ReversalResponse{};
    }
    Status echo(std::uint32_t, std::string_view, TimePoint) override {
        clock_.advance(latency);
        if (down) return make_error("host", "connection refused");
        return ok_status();
    }
    Millis latency{23};
    bool down = false;

private:
    SteppedClock& clock_;
};

TEST(RoundTripHostLink, NothingBeforeTheFirstRequest) {
    SteppedClock clock;
    SlowBank bank(clock);
    const RoundTripHostLink link(bank, clock);
    EXPECT_FALSE(link.last_round_trip().has_value());
}

TEST(RoundTripHostLink, AnEchoIsTimedAndAnswered) {
    SteppedClock clock;
    SlowBank bank(clock);
    RoundTripHostLink link(bank, clock);
    const TimePoint sent = clock.now();
    ASSERT_TRUE(link.echo(1, "TERM0001", sent).ok());
    const auto last = link.last_round_trip();
    ASSERT_TRUE(last.has_value());
    EXPECT_TRUE(last->answered);
    EXPECT_EQ(last->took, Millis(23));
    EXPECT_EQ(last->at, sent + Millis(23));
    EXPECT_TRUE(last->error.empty());
}

TEST(RoundTripHostLink, FailuresKeepTheFirstFailureTimeUntilAnAnswer) {
    SteppedClock clock;
    SlowBank bank(clock);
    RoundTripHostLink link(bank, clock);
    bank.down = true;
    EXPECT_FALSE(link.echo(1, "TERM0001", clock.now()).ok());
    const TimePoint first_failure = link.last_round_trip()->at;
    clock.advance(Millis(15'000));
    EXPECT_FALSE(link.authorize(AuthorizationRequest{}).ok());
    auto last = link.last_round_trip();
    EXPECT_FALSE(last->answered);
    EXPECT_EQ(last->failing_since, first_failure) << "unreachable since the first failure";
    EXPECT_NE(last->error.find("connection refused"), std::string::npos);

    bank.down = false;
    bank.latency = Millis(41);
    EXPECT_TRUE(link.reverse(ReversalRequest{}).ok());
    last = link.last_round_trip();
    EXPECT_TRUE(last->answered);
    EXPECT_EQ(last->took, Millis(41));
    EXPECT_FALSE(last->failing_since.has_value());
}

TEST(RoundTripHostLink, ALinkWithoutTotalsSaysNothingAboutTheHost) {
    SteppedClock clock;
    SlowBank bank(clock);  // no totals: the HostLink default answers an error without sending
    RoundTripHostLink link(bank, clock);
    EXPECT_FALSE(link.totals(1, "TERM0001", clock.now()).ok());
    EXPECT_FALSE(link.last_round_trip().has_value());
}

}  // namespace
}  // namespace kiosk::host
