// The cash ledger: a replenishment sets loaded and zeroes the cycle in one journaled step, a
// refused count writes nothing, movements add up, the balance equation and the count parser's
// errors name the field.
#include "kiosk/maintenance/cash_ledger.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>

#include "store/business_step.hpp"
#include "store/counters.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"

namespace kiosk::maintenance {
namespace {

class CashLedgerTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = store::Database::open_in_memory();
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(opened).value());
    }
    store::Database& db() { return *database_; }
    static store::JournalLine line() {
        store::JournalLine l;
        l.time_unix_ms = 1000;
        l.actor = store::journal_actor_technician("tech01");
        l.event_type = "cash_replenish";
        l.outcome = "success";
        l.origin = "SIM-0001/maintenance";
        l.resource = "dispenser";
        return l;
    }
    std::size_t journal_size() {
        auto all = store::Journal(db()).read_all();
        return all.ok() ? all->size() : 999;
    }
    std::optional<store::Database> database_;
};

TEST_F(CashLedgerTest, NeverWrittenCassettesReadAsZero) {
    auto read = CashLedger(db()).read(2);
    ASSERT_TRUE(read.ok());
    ASSERT_EQ(read->size(), 2U);
    EXPECT_EQ((*read)[1].cassette, 2U);
    EXPECT_EQ((*read)[1].remaining(), 0);
    EXPECT_EQ((*read)[1].denomination, 0U);
}

TEST_F(CashLedgerTest, ReplenishSetsLoadedZeroesTheCycleAndJournalsIt) {
    CashLedger ledger(db());
    ASSERT_TRUE(ledger.replenish({{200, 10000, 2500}, {150, 5000, 2500}}, line(), nullptr).ok());
    ASSERT_TRUE(store::commit(db(), store::BusinessStep{{}, cash_counter_deltas({{3, 1}, {1, 0}, {0, 2}}), {}, {}}).ok());
    auto mid = ledger.read(2);
    ASSERT_TRUE(mid.ok());
    EXPECT_EQ((*mid)[0].remaining(), 200 - 3 - 1);
    EXPECT_EQ((*mid)[1].remaining(), 150 - 1 - 2);

    ASSERT_TRUE(ledger.replenish({{500, 10000, 2500}, {400, 5000, 2500}}, line(), nullptr).ok());
    auto after = ledger.read(2);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ((*after)[0], (CassetteLedger{1, 10000, 500, 0, 0, 0}));
    EXPECT_EQ((*after)[1], (CassetteLedger{2, 5000, 400, 0, 0, 0}));
    auto journal = store::Journal(db()).read_all();
    ASSERT_TRUE(journal.ok());
    ASSERT_EQ(journal->size(), 2U);
    EXPECT_EQ(journal->back().line.actor, "technician:tech01");
    EXPECT_NE(journal->back().line.detail.find("1=500 (was 196 left)"), std::string::npos) << journal->back().line.detail;
}

TEST_F(CashLedgerTest, ACountAboveCapacityIsRefusedAndNothingIsWritten) {
    CashLedger ledger(db());
    const Status refused = ledger.replenish({{200, 10000, 2500}, {2600, 5000, 2500}}, line(), nullptr);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("cassette 2: 2600 notes is more than its capacity of 2500"),
              std::string::npos)
        << refused.error().message;
    EXPECT_EQ(journal_size(), 0U);
    EXPECT_EQ(store::Counters(db()).all().value_or(std::map<std::string, std::int64_t>{{"x", 1}}).size(), 0U);
}

TEST_F(CashLedgerTest, UnknownCapacityOrDenominationIsRefused) {
    EXPECT_FALSE(validate_loads({{10, 10000, 0}}).ok());
    EXPECT_FALSE(validate_loads({{10, 0, 100}}).ok());
    EXPECT_FALSE(validate_loads({}).ok());
    EXPECT_TRUE(validate_loads({{0, 10000, 100}, {100, 5000, 100}}).ok());
}

TEST_F(CashLedgerTest, MovementDeltasNameTheCassetteAndSkipZeros) {
    const auto deltas = cash_counter_deltas({{0, 4}, {1}, {}});
    ASSERT_EQ(deltas.size(), 2U);
    EXPECT_EQ(deltas[0].name, "cash.cassette.2.dispensed");
    EXPECT_EQ(deltas[0].delta, 4);
    EXPECT_EQ(deltas[1].name, "cash.cassette.1.rejected");
}

TEST(CashBalance, LoadedMinusMovedIsRemainingBesideDeviceAndHost) {
    const std::vector<CassetteLedger> ledgers{{1, 10000, 200, 10, 1, 2}, {2, 5000, 100, 4, 0, 0}};
    const BalanceReport even = balance(ledgers, {187, 96}, HostTotals{3, 10 * 10000 + 4 * 5000, 0, 0});
    EXPECT_EQ(even.cassettes[0].ledger.remaining(), 187);
    EXPECT_EQ(even.dispensed_minor, 120000);
    EXPECT_EQ(even.host_difference(), 0);
    EXPECT_TRUE(even.balanced());

    const BalanceReport short_host = balance(ledgers, {187, 96}, HostTotals{3, 100000, 0, 0});
    EXPECT_EQ(short_host.host_difference(), -20000);
    EXPECT_FALSE(short_host.balanced());
    const BalanceReport device_off = balance(ledgers, {186, 96}, std::nullopt);
    EXPECT_EQ(device_off.cassettes[0].device_difference(), -1);
    EXPECT_FALSE(device_off.balanced());

    const auto printed = balance_lines(even, "CNY", 2);
    ASSERT_FALSE(printed.empty());
    EXPECT_EQ(printed.back(), "BALANCED");
}

TEST(ParseCounts, PlainAndNamedForms) {
    EXPECT_EQ(parse_counts("200,150", 2).value_or(std::vector<std::uint32_t>{}), (std::vector<std::uint32_t>{200, 150}));
    EXPECT_EQ(parse_counts(" 200 150 ", 2).value_or(std::vector<std::uint32_t>{}), (std::vector<std::uint32_t>{200, 150}));
    EXPECT_EQ(parse_counts("2=150,1=200", 2).value_or(std::vector<std::uint32_t>{}), (std::vector<std::uint32_t>{200, 150}));
    EXPECT_EQ(parse_counts("0,0", 2).value_or(std::vector<std::uint32_t>{}), (std::vector<std::uint32_t>{0, 0}));
}

TEST(ParseCounts, ErrorsNameTheField) {
    const auto message = [](std::string_view text) {
        auto parsed = parse_counts(text, 2);
        return parsed.ok() ? std::string("accepted") : parsed.error().message;
    };
    EXPECT_NE(message("200,1x0").find("cassette 2: \"1x0\" is not a whole number"), std::string::npos);
    EXPECT_NE(message("-5,100").find("cassette 1: \"-5\""), std::string::npos);
    EXPECT_NE(message("200").find("cassette 2: no count given"), std::string::npos);
    EXPECT_NE(message("1,2,3").find("more counts than cassettes"), std::string::npos);
    EXPECT_NE(message("1=5,1=6").find("cassette 1: given twice"), std::string::npos);
    EXPECT_NE(message("3=5,1=6").find("not a cassette number"), std::string::npos);
    EXPECT_NE(message("1=5,6").find("mixes"), std::string::npos);
    EXPECT_NE(message("").find("no counts given"), std::string::npos);
    EXPECT_NE(message("99999999999,1").find("not a whole number"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::maintenance
