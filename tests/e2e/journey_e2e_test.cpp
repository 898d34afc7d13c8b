// Journey telemetry on the simulator (issue 10, item 3): a cash withdrawal's journey record names
// each screen in order with its dwell, each touch by its control and each PIN-pad key by its
// function, with the task, outcome and counts — and never a digit typed, a PAN or a track. A
// visit cancelled at the PIN says where it was abandoned. The transaction record carries the
// amount, its currency and a reference.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/e2e/cx_payloads.hpp"
#include "tests/e2e/kiosk_on_simulator.hpp"

namespace kiosk::test {
namespace {

using flow::StateId;
using nlohmann::json;

class JourneyE2eTest : public KioskOnSimulator {
protected:
    void SetUp() override { start("kiosk-journey"); }

    static std::vector<std::string> screens(const json& journey) {
        std::vector<std::string> names;
        for (const json& step : journey["steps"]) names.push_back(step["screen"].get<std::string>());
        return names;
    }
    static int count(const json& journey, std::string_view type, std::string_view control) {
        int n = 0;
        for (const json& event : journey["events"]) {
            if (event["type"] == type && event.value("control", "") == control) ++n;
        }
        return n;
    }
};

TEST_F(JourneyE2eTest, AWithdrawalsJourneyHasItsStepsAndEventsAndNoDigitTyped) {
    const sim::VirtualCard& chen = sim::card("mc-chen");
    to_menu(chen);
    touch("withdrawal", Millis(500));
    ASSERT_EQ(state(), StateId::WithdrawalAmount);
    touch("amount_0", Millis(2'000));
    ASSERT_EQ(state(), StateId::ReturningCard) << notes_;
    ASSERT_TRUE(rig_->card_reader().take_card().ok());
    pass(Millis(2'000));
    ASSERT_EQ(state(), StateId::TakeCash) << notes_;
    ASSERT_TRUE(rig_->cash().take_notes().ok());
    pass(Millis(1'000));
    touch("receipt_no", Millis(500));
    ASSERT_TRUE(skip_survey()) << "card and cash taken: the survey";
    pass(Millis(7'000));
    ASSERT_EQ(state(), StateId::Attract) << notes_;

    const auto journeys = opened_of_kind(*app_, *rig_, clock_, "journey");
    ASSERT_EQ(journeys.size(), 1u);
    const json& journey = journeys[0].payload;
    EXPECT_EQ(journey["task"], "withdrawal");
    EXPECT_EQ(journey["outcome"], "completed");
    EXPECT_TRUE(journey["abandoned_at"].is_null());
    EXPECT_EQ(journey["segment"], "premier");  // mc-chen's deck profile
    EXPECT_EQ(journey["personalized"], true);
    const std::vector<std::string> expected{"reading_card", "session_options", "enter_pin", "main_menu",
                                            "withdrawal_amount", "processing", "take_card", "dispensing",
                                            "take_cash", "receipt_choice", "survey", "thank_you"};
    EXPECT_EQ(screens(journey), expected);
    EXPECT_EQ(journey["step_count"], expected.size());
    for (const json& step : journey["steps"]) {
        if (step.contains("dwell_ms")) {
            EXPECT_GE(step["dwell_ms"].get<std::int64_t>(), 0);
        }
    }
    EXPECT_EQ(count(journey, "touch", "continue"), 1);
    EXPECT_EQ(count(journey, "touch", "withdrawal"), 1);
    EXPECT_EQ(count(journey, "touch", "amount_0"), 1);
    EXPECT_EQ(count(journey, "touch", "receipt_no"), 1);
    EXPECT_EQ(count(journey, "touch", "survey_skip"), 1);
    EXPECT_EQ(count(journey, "key", "digit"), static_cast<int>(chen.pin.size()));
    EXPECT_EQ(count(journey, "key", "enter"), 1);
    EXPECT_EQ(journey["error_count"], 0);
    EXPECT_GT(journey["total_ms"].get<std::int64_t>(), 0);
    for (const json& event : journey["events"]) {
        EXPECT_FALSE(event.contains("value")) << event.dump();
        if (event["type"] == "key") {
            EXPECT_EQ(event.size(), 4u) << "a key is its time, screen, type and function: " << event.dump();
        }
    }
    // Nothing typed and nothing of the card is in it (the masked PAN is not in a journey either).
    const std::string& text = journeys[0].text;
    EXPECT_EQ(text.find(chen.pin), std::string::npos);
    EXPECT_EQ(text.find(chen.pan), std::string::npos);
    EXPECT_EQ(text.find(chen.pan.substr(chen.pan.size() - 4)), std::string::npos);

    const auto transactions = opened_of_kind(*app_, *rig_, clock_, "transaction");
    ASSERT_EQ(transactions.size(), 1u);
    EXPECT_GT(transactions[0].payload["amount_minor"].get<std::int64_t>(), 0);
    EXPECT_EQ(transactions[0].payload["currency"], "CNY");
    EXPECT_EQ(transactions[0].payload["reference"].get<std::string>().size(), 12u);
}

TEST_F(JourneyE2eTest, ACancelAtThePinIsAnAbandonmentThere) {
    const sim::VirtualCard& alice = sim::card("visa-alice");
    ASSERT_TRUE(rig_->card_reader().insert(alice).ok());
    pass(Millis(1'500));
    touch("continue", Millis(500));
    ASSERT_EQ(state(), StateId::PinEntry);
    rig_->pin_pad().press_digit('2');
    rig_->pin_pad().press_cancel();
    pass(Millis(1'000));
    (void)rig_->card_reader().take_card();
    pass(Millis(6'000));
    ASSERT_EQ(state(), StateId::Attract) << notes_;
    const auto journeys = opened_of_kind(*app_, *rig_, clock_, "journey");
    ASSERT_EQ(journeys.size(), 1u);
    const json& journey = journeys[0].payload;
    EXPECT_EQ(journey["outcome"], "cancelled");
    EXPECT_EQ(journey["task"], "none");
    EXPECT_EQ(journey["abandoned_at"], "enter_pin");
    EXPECT_EQ(count(journey, "key", "digit"), 1);
    EXPECT_EQ(count(journey, "key", "cancel"), 1);
    EXPECT_EQ(count(journey, "cancel", ""), 1);
}

}  // namespace
}  // namespace kiosk::test
