// Tests for drivers/chip/emv_reader.hpp against the simulated chip (sim/devices/sim_chip_card.hpp)
// through the in-process SimChipChannel: every chip card in the deck is read, and each broken
// card or injected fault gives the error naming its step and status word. PANs are compared with
// EXPECT_TRUE so a failure never prints one.
#include "drivers/chip/emv_reader.hpp"

#include <gtest/gtest.h>

#include "drivers/card/track_parser.hpp"
#include "drivers/chip/apdu.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/devices/sim_chip_channel.hpp"

namespace kiosk::drivers::chip {
namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

bool readable(const sim::VirtualCard& card) {
    return card.chip == sim::ChipProfile::emv && card.id != "bad-luhn";
}

// The application a terminal must choose: the card's highest priority one.
std::string expected_label(const sim::VirtualCard& card) {
    const sim::ChipApplication* best = nullptr;
    for (const auto& app : card.chip_data.applications) {
        if (best == nullptr || app.priority < best->priority) best = &app;
    }
    return best == nullptr ? "" : best->label;
}

TEST(EmvReader, ReadsEveryReadableChipCardInTheDeck) {
    int read_cards = 0;
    for (const auto& card : sim::card_deck()) {
        if (!readable(card)) continue;
        sim::SimChipChannel channel;
        channel.insert(card);
        auto data = EmvReader(channel).read();
        ASSERT_TRUE(data.ok()) << card.id << ": " << data.error().to_string();
        EXPECT_TRUE(data->pan == card.pan) << card.id;
        EXPECT_EQ(data->expiry_yymmdd.substr(0, 4), card.expiry_yymm) << card.id;
        EXPECT_EQ(data->application_label, expected_label(card)) << card.id;
        EXPECT_EQ(data->service_code, card.service_code) << card.id;
        // Chip and stripe agree on what the session uses.
        auto stripe = parse_track2(card.track2());
        ASSERT_TRUE(stripe.ok()) << card.id;
        EXPECT_TRUE(data->to_card_data() == *stripe) << card.id;
        EXPECT_FALSE(data->track2_equivalent.empty()) << card.id;
        EXPECT_EQ(channel.power(), ChipPower::on) << card.id;  // left powered for the transaction
        EXPECT_EQ(channel.status().state, DeviceState::online);
        ++read_cards;
    }
    EXPECT_GE(read_cards, 7);
}

TEST(EmvReader, ChoosesTheHighestPriorityApplicationFromThePse) {
    sim::SimChipChannel channel;
    channel.insert(sim::card("mc-chen"));
    auto data = EmvReader(channel).read();
    ASSERT_TRUE(data.ok()) << data.error().to_string();
    EXPECT_EQ(data->application_label, "MAESTRO");
    EXPECT_EQ(to_hex(data->aid), "A0000000043060");
}

TEST(EmvReader, FallsBackToTheCandidateListWithoutAPse) {
    sim::SimChipChannel channel;
    channel.insert(sim::card("unionpay-li"));
    auto data = EmvReader(channel).read();
    ASSERT_TRUE(data.ok()) << data.error().to_string();
    EXPECT_EQ(to_hex(data->aid), "A000000333010101");

    // The same card with a terminal that accepts only Visa: nothing to select.
    sim::SimChipChannel again;
    again.insert(sim::card("unionpay-li"));
    EmvReaderOptions visa_only;
    visa_only.candidate_aids = {from_hex("A0000000031010").value()};
    auto refused = EmvReader(again, visa_only).read();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().domain, emv_error_domain);
    EXPECT_TRUE(starts_with(refused.error().message, "SELECT AID (candidate list, no PSE)")) << refused.error().message;
    EXPECT_EQ(refused.error().native_code, sw::file_not_found);
}

TEST(EmvReader, UnreadableChipFailsAtItsFirstRecordWithTheStatusWord) {
    sim::SimChipChannel channel;
    channel.insert(sim::card("unreadable-chip"));
    auto data = EmvReader(channel).read();
    ASSERT_FALSE(data.ok());
    EXPECT_EQ(data.error().domain, emv_error_domain);
    EXPECT_EQ(data.error().native_code, sw::no_precise_diagnosis);
    EXPECT_EQ(data.error().message, "READ RECORD (SFI 1, record 1): card answered 6F00 no precise diagnosis");
}

TEST(EmvReader, MuteChipAndStripeOnlyCardGiveNoAtr) {
    for (const char* id : {"mute-chip", "visa-diana"}) {
        sim::SimChipChannel channel;
        channel.insert(sim::card(id));
        auto data = EmvReader(channel).read();
        ASSERT_FALSE(data.ok()) << id;
        EXPECT_EQ(chip_failure_of(data.error()), ChipFailure::mute) << id;
        EXPECT_TRUE(starts_with(data.error().message, "power on: no ATR")) << data.error().message;
        EXPECT_EQ(channel.status().state, DeviceState::userError) << id;
        EXPECT_EQ(channel.power(), ChipPower::off) << id;
    }
}

TEST(EmvReader, BadLuhnChipIsRejectedWithoutShowingThePan) {
    sim::SimChipChannel channel;
    channel.insert(sim::card("bad-luhn"));
    auto data = EmvReader(channel).read();
    ASSERT_FALSE(data.ok());
    EXPECT_EQ(data.error().domain, emv_error_domain);
    EXPECT_NE(data.error().message.find("Luhn"), std::string::npos) << data.error().message;
    EXPECT_EQ(data.error().message.find(sim::card("bad-luhn").pan), std::string::npos);
}

TEST(EmvReader, EmptyReaderIsNoCard) {
    sim::SimChipChannel channel;
    auto data = EmvReader(channel).read();
    ASSERT_FALSE(data.ok());
    EXPECT_EQ(chip_failure_of(data.error()), ChipFailure::noCard);
}

struct InjectedFault {
    const char* name;
    std::uint8_t ins;          // the instruction the fault fires on
    std::uint16_t sw;          // 0: the chip goes mute instead
    sim::FaultMode mode;
    const char* message_prefix;
};

class EmvReaderFaults : public testing::TestWithParam<InjectedFault> {};

TEST_P(EmvReaderFaults, NameTheStepAndStatus) {
    const InjectedFault& fault = GetParam();
    sim::SimChipChannel channel;
    sim::SimChipCard& card = channel.insert(sim::card("amex-bob"));
    if (fault.sw == 0) {
        card.mute(fault.mode, fault.ins);
    } else {
        card.answer_with_status(fault.sw, fault.mode, fault.ins);
    }
    auto data = EmvReader(channel).read();
    ASSERT_FALSE(data.ok()) << fault.name;
    EXPECT_TRUE(starts_with(data.error().message, fault.message_prefix)) << data.error().message;
    if (fault.sw != 0) {
        EXPECT_EQ(data.error().domain, emv_error_domain);
        EXPECT_EQ(data.error().native_code, fault.sw);
    } else {
        EXPECT_EQ(chip_failure_of(data.error()), ChipFailure::mute);
        EXPECT_EQ(channel.status().state, DeviceState::userError);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, EmvReaderFaults,
    testing::Values(
        InjectedFault{"pse_refused", 0xA4, 0x6985, sim::FaultMode::once,
                      "SELECT PSE: card answered 6985 conditions of use not satisfied"},
        InjectedFault{"directory_unreadable", 0xB2, 0x6F00, sim::FaultMode::once,
                      "READ RECORD (SFI 1, record 1) of the PSE directory: card answered 6F00"},
        // A directory that is empty (6A83 at once) sends the reader to its candidate list, which
        // finds the application; its records then fail the same way.
        InjectedFault{"records_missing", 0xB2, 0x6A83, sim::FaultMode::always,
                      "READ RECORD (SFI 1, record 1): card answered 6A83 record not found"},
        InjectedFault{"gpo_refused", 0xA8, 0x6985, sim::FaultMode::once,
                      "GET PROCESSING OPTIONS: card answered 6985"},
        InjectedFault{"mute_on_select", 0xA4, 0, sim::FaultMode::once, "SELECT PSE: no answer"},
        InjectedFault{"mute_on_gpo", 0xA8, 0, sim::FaultMode::once, "GET PROCESSING OPTIONS: no answer"},
        InjectedFault{"mute_on_records", 0xB2, 0, sim::FaultMode::always,
                      "READ RECORD (SFI 1, record 1) of the PSE directory: no answer"}),
    [](const testing::TestParamInfo<InjectedFault>& param) { return std::string(param.param.name); });

TEST(EmvReader, CardRemovedWhilePoweredIsADeviceStateNotACrash) {
    sim::SimChipChannel channel;
    channel.insert(sim::card("visa-alice"));
    ASSERT_TRUE(channel.power_on(Millis{100}).ok());
    channel.remove();
    auto answer = channel.transmit(encode_command(read_record(1, 1)).value(), Millis{100});
    ASSERT_FALSE(answer.ok());
    EXPECT_EQ(chip_failure_of(answer.error()), ChipFailure::cardRemoved);
    EXPECT_EQ(channel.status().state, DeviceState::userError);
    EXPECT_EQ(channel.power(), ChipPower::off);
    auto again = channel.transmit(encode_command(read_record(1, 1)).value(), Millis{100});
    EXPECT_EQ(chip_failure_of(again.error()), ChipFailure::notPowered);
}

}  // namespace
}  // namespace kiosk::drivers::chip
