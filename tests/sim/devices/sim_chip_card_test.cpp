// Tests for sim/devices/sim_chip_card.hpp and the deck's chip data: the simulated chip answers
// like an EMV card (FCI, directory, GPO, records), as a T=0 card where the deck says so, and its
// faults fire as armed. Responses are checked as TLV, never printed (they hold the PAN).
#include "sim/devices/sim_chip_card.hpp"

#include <gtest/gtest.h>

#include <set>

#include "drivers/card/luhn.hpp"
#include "drivers/chip/apdu.hpp"
#include "drivers/chip/ber_tlv.hpp"

namespace kiosk::sim {
namespace {

namespace chip = drivers::chip;

Bytes command(const chip::CommandApdu& apdu) { return chip::encode_command(apdu).value(); }

chip::ResponseApdu answer(SimChipCard& card, const chip::CommandApdu& apdu) {
    auto raw = card.answer(command(apdu));
    EXPECT_TRUE(raw.has_value());
    return chip::parse_response(raw.value_or(Bytes{0x6F, 0x00})).value();
}

TEST(SimChipCardDeck, EveryChipCardHasApplicationsWithValidAids) {
    std::set<std::string> profiles;
    for (const auto& c : card_deck()) {
        if (c.chip == ChipProfile::none) {
            EXPECT_TRUE(c.chip_data.applications.empty()) << c.id;
            continue;
        }
        ASSERT_FALSE(c.chip_data.applications.empty()) << c.id;
        for (const auto& app : c.chip_data.applications) {
            auto aid = from_hex(app.aid_hex);
            ASSERT_TRUE(aid.ok()) << c.id;
            EXPECT_GE(aid->size(), 5u) << c.id;
            EXPECT_LE(aid->size(), 16u) << c.id;
            EXPECT_FALSE(app.label.empty()) << c.id;
        }
    }
    EXPECT_EQ(card("mute-chip").chip, ChipProfile::mute);
    EXPECT_TRUE(drivers::luhn_valid(card("mute-chip").pan));
    EXPECT_FALSE(card("unionpay-li").chip_data.has_pse);
    EXPECT_TRUE(card("visa-alice").chip_data.t0_transport);
}

TEST(SimChipCard, AnswersTheEmvSequenceWithTlv) {
    SimChipCard card(sim::card("amex-bob"));
    ASSERT_TRUE(card.power_on().has_value());
    auto pse = answer(card, chip::select_by_name(to_bytes(chip::pse_name)));
    ASSERT_TRUE(pse.ok());
    auto fci = chip::parse_ber_tlv(pse.data);
    ASSERT_TRUE(fci.ok());
    ASSERT_NE(chip::find_tlv(*fci, 0x88), nullptr);

    auto directory = answer(card, chip::read_record(SimChipCard::pse_directory_sfi, 1));
    ASSERT_TRUE(directory.ok());
    auto entries = chip::parse_ber_tlv(directory.data).value();
    ASSERT_NE(chip::find_tlv(entries, 0x4F), nullptr);
    EXPECT_EQ(to_hex(chip::find_tlv(entries, 0x4F)->value), "A00000002501");
    EXPECT_EQ(answer(card, chip::read_record(SimChipCard::pse_directory_sfi, 2)).sw, chip::sw::record_not_found);

    // GPO before an application is selected is refused.
    EXPECT_EQ(answer(card, chip::get_processing_options({})).sw, chip::sw::conditions_not_satisfied);
    ASSERT_TRUE(answer(card, chip::select_by_name(from_hex("A00000002501").value())).ok());
    auto gpo = answer(card, chip::get_processing_options({}));
    ASSERT_TRUE(gpo.ok());
    EXPECT_EQ(gpo.data.front(), 0x80);  // amex-bob answers in format 1

    auto record = answer(card, chip::read_record(2, 1));
    ASSERT_TRUE(record.ok());
    auto objects = chip::parse_ber_tlv(record.data).value();
    ASSERT_NE(chip::find_tlv(objects, 0x5A), nullptr);
    ASSERT_NE(chip::find_tlv(objects, 0x5F24), nullptr);
    EXPECT_EQ(to_hex(chip::find_tlv(objects, 0x5F24)->value), "290531");
    EXPECT_EQ(answer(card, chip::read_record(1, 2)).sw, chip::sw::record_not_found);
    EXPECT_EQ(answer(card, chip::CommandApdu{0x00, 0x20, 0, 0x80, {}, std::nullopt}).sw, chip::sw::ins_not_supported);
    EXPECT_EQ(answer(card, chip::CommandApdu{0x84, 0xB2, 1, 0x0C, {}, 256}).sw, chip::sw::cla_not_supported);
}

TEST(SimChipCard, T0CardAsksForGetResponseAndExactLe) {
    SimChipCard card(sim::card("visa-alice"));
    ASSERT_TRUE(card.power_on().has_value());
    auto select = answer(card, chip::select_by_name(to_bytes(chip::pse_name)));
    EXPECT_EQ(select.sw1(), 0x61);
    EXPECT_TRUE(select.data.empty());
    auto rest = answer(card, chip::get_response(select.sw2()));
    EXPECT_TRUE(rest.ok());
    EXPECT_EQ(rest.data.size(), select.sw2());
    auto wrong_le = answer(card, chip::read_record(1, 1));
    EXPECT_EQ(wrong_le.sw1(), 0x6C);
    auto exact = chip::read_record(1, 1);
    exact.le = wrong_le.sw2();
    EXPECT_TRUE(answer(card, exact).ok());
    EXPECT_EQ(answer(card, chip::get_response(4)).sw, chip::sw::conditions_not_satisfied);  // nothing pending
}

TEST(SimChipCard, FaultsFireAsArmed) {
    SimChipCard card(sim::card("mc-chen"));
    EXPECT_FALSE(card.answer(command(chip::read_record(1, 1))).has_value());  // unpowered: silent
    ASSERT_TRUE(card.power_on().has_value());
    card.mute(FaultMode::once);
    EXPECT_FALSE(card.answer(command(chip::select_by_name(to_bytes(chip::pse_name)))).has_value());
    EXPECT_TRUE(answer(card, chip::select_by_name(to_bytes(chip::pse_name))).ok());
    card.answer_with_status(0x6283, FaultMode::always, 0xB2);
    EXPECT_TRUE(answer(card, chip::select_by_name(to_bytes(chip::pse_name))).ok());  // not B2
    EXPECT_EQ(answer(card, chip::read_record(1, 1)).sw, 0x6283);
    EXPECT_EQ(answer(card, chip::read_record(1, 1)).sw, 0x6283);
    card.answer_with_status(0x6283, FaultMode::off);
    EXPECT_TRUE(answer(card, chip::read_record(1, 1)).ok());
    EXPECT_GE(card.commands_answered(), 5u);
}

TEST(SimChipCard, MuteAndStripeOnlyCardsGiveNoAtrAndGarbageGetsWrongLength) {
    SimChipCard mute(card("mute-chip"));
    EXPECT_FALSE(mute.power_on().has_value());
    SimChipCard stripe_only(card("visa-diana"));
    EXPECT_FALSE(stripe_only.atr().has_value());
    SimChipCard good(card("visa-alice"));
    ASSERT_TRUE(good.power_on().has_value());
    EXPECT_EQ(to_hex(good.answer(from_hex("00A4").value()).value()), "6700");
    EXPECT_EQ(to_hex(good.answer(from_hex("00A40400050102").value()).value()), "6700");
}

}  // namespace
}  // namespace kiosk::sim
