// cx_stat_of: what the kiosk keeps of a record for its own statistics names no card, customer or
// transaction, and keeps what the index needs.
#include "kiosk/cx/cx_stat.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using nlohmann::json;

constexpr std::int64_t kNoon = 1'767'614'400'000;  // 2026-01-05T12:00:00.000Z

TEST(CxStat, AJourneyKeepsItsSummaryAndLosesTheCustomersTrail) {
    const json payload{{"session", 12},
                       {"pan_token", "tok-123"},
                       {"cardless", false},
                       {"task", "withdrawal"},
                       {"outcome", "cancelled"},
                       {"total_ms", 41'250},
                       {"language", "zh-CN"},
                       {"segment", "senior"},
                       {"steps", json::array({{{"screen", "main_menu"}, {"dwell_ms", 5200}}})},
                       {"events", json::array({{{"type", "touch"}, {"control", "withdraw"}}})},
                       {"error_count", 1},
                       {"abandoned_at", "enter_pin"}};
    const store::CxStat stat = cx_stat_of("journey", payload, from_unix_millis(kNoon));
    EXPECT_EQ(stat.day, "2026-01-05");
    EXPECT_EQ(stat.kind, "journey");
    const json summary = json::parse(stat.summary_json);
    for (const char* gone : {"pan_token", "steps", "events", "session"}) EXPECT_FALSE(summary.contains(gone)) << gone;
    EXPECT_EQ(summary["outcome"], "cancelled");
    EXPECT_EQ(summary["total_ms"], 41'250);
    EXPECT_EQ(summary["abandoned_at"], "enter_pin");
    EXPECT_EQ(summary["segment"], "senior");
    EXPECT_EQ(stat.summary_json.find("tok-123"), std::string::npos);
}

TEST(CxStat, ATransactionOrComplaintLosesCardAndReferenceFields) {
    const json transaction{{"type", "withdrawal"},       {"response", "approved"}, {"stan", 4711},
                           {"pan_token", "tok"},          {"masked_pan", "622848******1234"},
                           {"reference", "000000004711"}, {"amount_minor", 50000}, {"currency", "CNY"}};
    const json kept = json::parse(cx_stat_of("transaction", transaction, from_unix_millis(kNoon)).summary_json);
    EXPECT_EQ(kept, (json{{"type", "withdrawal"}, {"response", "approved"}, {"amount_minor", 50000}, {"currency", "CNY"}}));
    const json complaint{{"reference", "KB-20260105-7Q4M"}, {"category", "card_retained"}, {"pan_token", "tok"},
                         {"transaction_reference", "000000004711"}, {"detail", "the card was kept"},
                         {"card_track2", ";4111111111111111=2512?"}};  // a field the contract never had
    const json summary = json::parse(cx_stat_of("complaint", complaint, from_unix_millis(kNoon)).summary_json);
    EXPECT_EQ(summary, (json{{"category", "card_retained"}}));
}

TEST(CxStat, APayloadThatIsNotAnObjectBecomesAnEmptySummary) {
    EXPECT_EQ(cx_stat_of("journey", json::array({1, 2}), from_unix_millis(kNoon)).summary_json, "{}");
}

}  // namespace
}  // namespace kiosk
