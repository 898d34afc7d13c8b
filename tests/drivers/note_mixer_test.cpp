// Tests for drivers/cash/note_mixer.hpp: exhaustive over every amount up to a bound for several
// cassette configurations, against a brute-force enumeration of every note combination — the
// plan must pay exactly, use the fewest notes, and every refusal must carry the right reason.
#include "drivers/cash/note_mixer.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <numeric>

namespace kiosk::drivers {
namespace {

CassetteInfo cassette(std::uint32_t yuan, std::uint32_t count,
                      CassetteState state = CassetteState::ok, std::string currency = "CNY") {
    return CassetteInfo{std::move(currency), yuan * 100, count, 0, state};
}

Money cny(std::int64_t fen) { return Money{fen, "CNY", 2}; }

// Fewest notes for every value (fen) reachable with at most `max_notes` notes, by enumerating
// every combination of counts of the usable CNY cassettes.
std::map<std::int64_t, std::uint32_t> brute_force(const std::vector<CassetteInfo>& cassettes,
                                                  std::uint32_t max_notes) {
    std::vector<CassetteInfo> usable;
    for (const auto& c : cassettes) {
        if (c.usable() && c.currency == "CNY") usable.push_back(c);
    }
    std::map<std::int64_t, std::uint32_t> fewest;
    std::function<void(std::size_t, std::int64_t, std::uint32_t)> walk =
        [&](std::size_t i, std::int64_t value, std::uint32_t notes) {
            if (notes > max_notes) return;
            if (i == usable.size()) {
                auto [it, inserted] = fewest.emplace(value, notes);
                if (!inserted) it->second = std::min(it->second, notes);
                return;
            }
            for (std::uint32_t k = 0; k <= usable[i].count && notes + k <= max_notes; ++k) {
                walk(i + 1, value + std::int64_t{k} * usable[i].denomination, notes + k);
            }
        };
    walk(0, 0, 0);
    return fewest;
}

struct Config {
    const char* name;
    std::vector<CassetteInfo> cassettes;
    std::uint32_t max_notes;
};

void PrintTo(const Config& config, std::ostream* out) { *out << config.name; }

class NoteMixerExhaustive : public ::testing::TestWithParam<Config> {};

TEST_P(NoteMixerExhaustive, EveryAmountIsPaidOptimallyOrRefusedWithTheRightReason) {
    const Config& config = GetParam();
    const NoteMixer mixer(config.max_notes);
    const auto fewest = brute_force(config.cassettes, config.max_notes);

    std::int64_t available = 0;
    std::uint64_t gcd = 0;
    std::int64_t largest = 0;
    for (const auto& c : config.cassettes) {
        if (!c.usable() || c.currency != "CNY") continue;
        available += std::int64_t{c.denomination} * c.count;
        gcd = std::gcd(gcd, std::uint64_t{c.denomination});
        largest = std::max<std::int64_t>(largest, c.denomination);
    }
    const auto unlimited = brute_force(config.cassettes, 100000);
    const std::int64_t bound = available + 5000;  // past everything the dispenser holds
    int paid = 0;
    for (std::int64_t fen = 0; fen <= bound; fen += 500) {  // half-yuan steps hit non-multiples
        auto plan = mixer.plan(cny(fen), config.cassettes);
        const auto best = fewest.find(fen);
        if (fen > 0 && best != fewest.end()) {
            ASSERT_TRUE(plan.ok()) << config.name << " " << fen << ": " << plan.error().message;
            std::int64_t total = 0;
            std::uint32_t notes = 0;
            for (std::size_t i = 0; i < config.cassettes.size(); ++i) {
                const auto& c = config.cassettes[i];
                ASSERT_LE(plan->notes[i], c.count);
                if (plan->notes[i] > 0) {
                    ASSERT_TRUE(c.usable() && c.currency == "CNY");
                }
                total += std::int64_t{plan->notes[i]} * c.denomination;
                notes += plan->notes[i];
            }
            EXPECT_EQ(total, fen) << config.name;
            EXPECT_EQ(notes, plan->total_notes);
            EXPECT_EQ(notes, best->second) << config.name << " " << fen << ": not the fewest notes";
            ++paid;
            continue;
        }
        ASSERT_FALSE(plan.ok()) << config.name << " paid " << fen << " which brute force cannot";
        auto reason = mix_failure_of(plan.error());
        ASSERT_TRUE(reason.has_value());
        MixFailure expected = MixFailure::noCombination;
        if (fen <= 0) expected = MixFailure::nonPositiveAmount;
        else if (gcd == 0) expected = MixFailure::noNotesAvailable;
        else if (fen > available) expected = MixFailure::exceedsAvailable;
        else if (fen % static_cast<std::int64_t>(gcd) != 0) expected = MixFailure::notAMultiple;
        else if (fen > largest * config.max_notes || unlimited.count(fen) != 0) {
            expected = MixFailure::tooManyNotes;  // only more notes than one dispense holds could pay it
        }
        EXPECT_EQ(*reason, expected) << config.name << " " << fen << ": " << plan.error().message;
    }
    EXPECT_EQ(paid > 0, gcd != 0) << config.name << ": paid " << paid << " amounts";
}

INSTANTIATE_TEST_SUITE_P(
    Configs, NoteMixerExhaustive,
    ::testing::Values(
        Config{"four_denominations", {cassette(100, 6), cassette(50, 3), cassette(20, 4), cassette(10, 2)}, 40},
        Config{"twenties_and_fifties", {cassette(20, 5), cassette(50, 4)}, 40},
        Config{"note_limit", {cassette(100, 8), cassette(10, 9)}, 6},
        Config{"same_denomination_twice", {cassette(100, 3), cassette(100, 2), cassette(50, 1)}, 40},
        Config{"broken_and_foreign_cassettes",
               {cassette(100, 4, CassetteState::inoperative), cassette(50, 3), cassette(20, 0),
                cassette(10, 5, CassetteState::ok, "USD"), cassette(5, 4, CassetteState::missing)},
               40},
        Config{"nothing_usable", {cassette(100, 0), cassette(50, 5, CassetteState::manipulated)}, 40}),
    [](const ::testing::TestParamInfo<Config>& test) { return std::string(test.param.name); });

TEST(NoteMixer, PrefersLargerNotesAmongEqualCounts) {
    // 100 = 1×100 only; 150 = 100+50 (2 notes) beats 50×3; 60 = 50+10 (2) not 20×3.
    const std::vector<CassetteInfo> cassettes{cassette(100, 5), cassette(50, 5), cassette(20, 5),
                                              cassette(10, 5)};
    EXPECT_EQ(NoteMixer().plan(cny(15000), cassettes)->notes, (std::vector<std::uint32_t>{1, 1, 0, 0}));
    EXPECT_EQ(NoteMixer().plan(cny(6000), cassettes)->notes, (std::vector<std::uint32_t>{0, 1, 0, 1}));
}

// A customer who prefers small notes gets the most notes one dispense may hold, still exactly the
// amount, still within what each cassette has; an amount plan() refuses is refused alike.
TEST(NoteMixer, SmallNotesPlanHasTheMostNotesWithinTheLimit) {
    const std::vector<CassetteInfo> cassettes{cassette(100, 50), cassette(50, 50), cassette(20, 3), cassette(10, 2)};
    const NoteMixer mixer(40);
    auto small = mixer.plan_small_notes(cny(30000), cassettes);
    ASSERT_TRUE(small.ok()) << small.error().to_string();
    // 300 = 1×10 + 2×20 + 5×50 → 8 notes, the most any mix makes (fewest: 3×100).
    EXPECT_EQ(small->notes, (std::vector<std::uint32_t>{0, 5, 2, 1}));
    EXPECT_EQ(small->total_notes, 8U);

    const NoteMixer strict(5);  // the per-dispense limit wins over the preference
    auto capped = strict.plan_small_notes(cny(30000), cassettes);
    ASSERT_TRUE(capped.ok());
    EXPECT_LE(capped->total_notes, 5U);
    std::int64_t paid = 0;
    for (std::size_t i = 0; i < cassettes.size(); ++i) paid += std::int64_t{cassettes[i].denomination} * capped->notes[i];
    EXPECT_EQ(paid, 30000);
    EXPECT_GE(capped->total_notes, mixer.plan(cny(30000), cassettes)->total_notes);

    EXPECT_EQ(mixer.plan_small_notes(cny(3000 + 5), cassettes).error().message,
              mixer.plan(cny(3000 + 5), cassettes).error().message);
}

// Against brute force on the same cassettes: the small-notes plan pays exactly, stays within the
// counts and the limit, and no plan has more notes.
TEST(NoteMixer, SmallNotesPlanMatchesBruteForce) {
    const std::vector<CassetteInfo> cassettes{cassette(100, 4), cassette(50, 3), cassette(20, 4)};
    const NoteMixer mixer(8);
    for (std::int64_t fen = 2000; fen <= 60000; fen += 1000) {
        auto fewest = mixer.plan(cny(fen), cassettes);
        auto small = mixer.plan_small_notes(cny(fen), cassettes);
        ASSERT_EQ(fewest.ok(), small.ok()) << fen;
        if (!small.ok()) continue;
        std::uint32_t most = 0;
        for (std::uint32_t a = 0; a <= 4; ++a)
            for (std::uint32_t b = 0; b <= 3; ++b)
                for (std::uint32_t c = 0; c <= 4; ++c)
                    if (a * 10000 + b * 5000 + c * 2000 == fen && a + b + c <= 8) most = std::max(most, a + b + c);
        EXPECT_EQ(small->total_notes, most) << fen;
        EXPECT_EQ(std::int64_t{small->notes[0]} * 10000 + small->notes[1] * 5000 + small->notes[2] * 2000, fen);
    }
}

TEST(NoteMixer, ExplainsAnInfeasibleAmountAndOffersTheNearestPayable) {
    const std::vector<CassetteInfo> cassettes{cassette(20, 5), cassette(50, 4)};
    auto plan = NoteMixer().plan(cny(3000), cassettes);
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.error().message,
              "no combination of the available notes makes CNY 30.00; nearest payable: CNY 20.00 and CNY 40.00");
}

TEST(NoteMixer, MessagesNameTheAmountsInvolved) {
    const std::vector<CassetteInfo> cassettes{cassette(100, 2), cassette(50, 1)};
    EXPECT_EQ(NoteMixer().plan(cny(30000), cassettes).error().message,
              "CNY 300.00 exceeds the CNY 250.00 the dispenser holds");
    EXPECT_EQ(NoteMixer().plan(cny(12000), cassettes).error().message,
              "CNY 120.00 is not a multiple of CNY 50.00, the smallest step the available notes allow");
    EXPECT_EQ(NoteMixer().plan(cny(0), cassettes).error().message, "amount must be positive, got CNY 0.00");
    EXPECT_EQ(NoteMixer().plan(Money{100, "EUR", 2}, cassettes).error().message,
              "no usable EUR notes in the dispenser");
    EXPECT_EQ(NoteMixer(2).plan(cny(25000), cassettes).error().message,
              "CNY 250.00 needs more than 2 notes, the most one dispense holds (CNY 200.00 at most)");
}

TEST(NoteMixer, MessagesUseTheOneMoneyFormatter) {
    // common/money.hpp formats; the mixer's messages must not grow a second style.
    const std::vector<CassetteInfo> cassettes{cassette(100, 100)};
    EXPECT_EQ(NoteMixer().plan(cny(-250), cassettes).error().message,
              "amount must be positive, got " + format_money(cny(-250)));
    EXPECT_EQ(NoteMixer().plan(cny(150000000), cassettes).error().message,
              "CNY 1,500,000.00 exceeds the CNY 10,000.00 the dispenser holds");
}

}  // namespace
}  // namespace kiosk::drivers
