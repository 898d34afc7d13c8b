// Tests for drivers/chip/apdu.hpp and apdu_exchange.hpp: the command vectors of the facts file
// (protocols.md "EMV contact chip"), cases 1–4 both ways, status words, and the 61xx / 6Cxx
// handling against a channel that answers from a script.
#include "drivers/chip/apdu.hpp"

#include <gtest/gtest.h>

#include <deque>

#include "drivers/chip/apdu_exchange.hpp"

namespace kiosk::drivers::chip {
namespace {

Bytes hex(std::string_view text) { return from_hex(text).value(); }

TEST(Apdu, SelectPseReproducesTheFactsVector) {
    const CommandApdu case3{0x00, 0xA4, 0x04, 0x00, to_bytes(pse_name), std::nullopt};
    EXPECT_EQ(to_hex(encode_command(case3).value()), "00A404000E315041592E5359532E4444463031");
    // What the reader sends: the same, as case 4 with Le = 00 (any length).
    EXPECT_EQ(to_hex(encode_command(select_by_name(to_bytes(pse_name))).value()),
              "00A404000E315041592E5359532E444446303100");
}

TEST(Apdu, ReadRecordAndGpoFollowTheFactsLayout) {
    EXPECT_EQ(to_hex(encode_command(read_record(1, 1)).value()), "00B2010C00");  // (1<<3)|4 = 0C
    EXPECT_EQ(to_hex(encode_command(read_record(2, 3)).value()), "00B2031400");
    EXPECT_EQ(to_hex(encode_command(get_processing_options({})).value()), "80A8000002830000");
    EXPECT_EQ(to_hex(encode_command(get_processing_options(hex("0156"))).value()), "80A80000048302015600");
    EXPECT_EQ(to_hex(encode_command(get_response(0x10)).value()), "00C0000010");
}

TEST(Apdu, EncodesAndParsesAllFourCases) {
    const CommandApdu cases[] = {
        {0x00, 0x84, 0x00, 0x00, {}, std::nullopt},     // case 1
        {0x00, 0xB2, 0x01, 0x0C, {}, 256},              // case 2, Le 00
        {0x00, 0xA4, 0x04, 0x00, hex("A0000000031010"), std::nullopt},  // case 3
        {0x80, 0xA8, 0x00, 0x00, hex("8300"), 0x20},    // case 4
    };
    for (const auto& command : cases) {
        auto encoded = encode_command(command);
        ASSERT_TRUE(encoded.ok());
        auto parsed = parse_command(*encoded);
        ASSERT_TRUE(parsed.ok()) << parsed.error().message;
        EXPECT_TRUE(*parsed == command) << to_hex(*encoded);
    }
    EXPECT_EQ(encode_command(cases[0]).value().size(), 4u);
}

TEST(Apdu, RefusesWhatAShortApduCannotCarry) {
    auto long_data = encode_command({0x00, 0xD6, 0, 0, Bytes(256, 0), std::nullopt});
    ASSERT_FALSE(long_data.ok());
    EXPECT_NE(long_data.error().message.find("256 bytes"), std::string::npos);
    EXPECT_FALSE(encode_command({0x00, 0xB0, 0, 0, {}, 0}).ok());
    EXPECT_FALSE(encode_command({0x00, 0xB0, 0, 0, {}, 257}).ok());
    EXPECT_FALSE(parse_command(hex("00A404")).ok());
    auto bad_lc = parse_command(hex("00A40400050102"));
    ASSERT_FALSE(bad_lc.ok());
    EXPECT_NE(bad_lc.error().message.find("Lc 5"), std::string::npos);
}

TEST(Apdu, ParsesResponsesAndTheirStatusWords) {
    auto ok = parse_response(hex("6F009000"));
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(to_hex(ok->data), "6F00");
    EXPECT_TRUE(ok->ok());
    auto not_found = parse_response(hex("6A82"));
    ASSERT_TRUE(not_found.ok());
    EXPECT_EQ(not_found->sw, sw::file_not_found);
    EXPECT_EQ(not_found->sw1(), 0x6A);
    EXPECT_TRUE(not_found->data.empty());
}

TEST(Apdu, RejectsResponsesWithoutAValidStatus) {
    EXPECT_FALSE(parse_response({}).ok());
    EXPECT_FALSE(parse_response(hex("90")).ok());
    for (const char* bad : {"0102", "6000", "A000", "12345000"}) {
        auto parsed = parse_response(hex(bad));
        ASSERT_FALSE(parsed.ok()) << bad;
        EXPECT_NE(parsed.error().message.find("SW1"), std::string::npos) << parsed.error().message;
    }
}

TEST(Apdu, DescribesStatusWords) {
    EXPECT_EQ(describe_sw(0x9000), "9000 ok");
    EXPECT_EQ(describe_sw(0x6A82), "6A82 file not found");
    EXPECT_EQ(describe_sw(0x6A83), "6A83 record not found");
    EXPECT_EQ(describe_sw(0x6985), "6985 conditions of use not satisfied");
    EXPECT_EQ(describe_sw(0x6283), "6283 selected file invalidated");
    EXPECT_EQ(describe_sw(0x6110), "6110 more data: 16 bytes");
    EXPECT_EQ(describe_sw(0x6C0F), "6C0F wrong Le: resend with 15");
}

// Answers each transmit from a queue and records what was sent.
class ScriptedChannel final : public ChipChannel {
public:
    explicit ScriptedChannel(std::deque<Result<Bytes>> answers) : answers_(std::move(answers)) {}
    Result<Bytes> power_on(Millis) override { return hex("3B00"); }
    Result<Bytes> transmit(ByteView command, Millis) override {
        sent.push_back(to_hex(command));
        if (answers_.empty()) return chip_error(ChipFailure::mute, "script ran out");
        auto next = std::move(answers_.front());
        answers_.pop_front();
        return next;
    }
    Status power_off() override { return ok_status(); }
    [[nodiscard]] ChipPower power() const override { return ChipPower::on; }
    [[nodiscard]] DeviceStatus status() const override { return {DeviceState::online, std::nullopt}; }
    std::vector<std::string> sent;

private:
    std::deque<Result<Bytes>> answers_;
};

TEST(ApduExchange, GetResponseCollectsEveryPiece) {
    ScriptedChannel channel({hex("6104"), hex("010203046102"), hex("05069000")});
    auto response = exchange_apdu(channel, select_by_name(hex("A0000000031010")), Millis{100});
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(to_hex(response->data), "010203040506");
    EXPECT_EQ(response->sw, sw::ok);
    ASSERT_EQ(channel.sent.size(), 3u);
    EXPECT_EQ(channel.sent[1], "00C0000004");
    EXPECT_EQ(channel.sent[2], "00C0000002");
}

TEST(ApduExchange, WrongLeIsResentOnceWithTheCardsLength) {
    ScriptedChannel channel({hex("6C03"), hex("7001AA9000")});
    auto response = exchange_apdu(channel, read_record(1, 1), Millis{100});
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(to_hex(response->data), "7001AA");
    ASSERT_EQ(channel.sent.size(), 2u);
    EXPECT_EQ(channel.sent[1], "00B2010C03");
}

TEST(ApduExchange, EndlessMoreDataIsAProtocolError) {
    std::deque<Result<Bytes>> answers;
    for (int i = 0; i < max_get_response_rounds + 5; ++i) answers.emplace_back(hex("00016101"));
    ScriptedChannel channel(std::move(answers));
    auto response = exchange_apdu(channel, select_by_name(hex("A0000000031010")), Millis{100});
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(chip_failure_of(response.error()), ChipFailure::protocolError);
    EXPECT_EQ(channel.sent.size(), static_cast<std::size_t>(max_get_response_rounds) + 1);
}

TEST(ApduExchange, MalformedResponsesAndChannelFailuresAreTyped) {
    ScriptedChannel garbage({hex("12")});
    auto bad = exchange_apdu(garbage, read_record(1, 1), Millis{100});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(chip_failure_of(bad.error()), ChipFailure::protocolError);
    EXPECT_NE(bad.error().message.find("malformed response"), std::string::npos);

    ScriptedChannel removed({chip_error(ChipFailure::cardRemoved, "card removed")});
    auto gone = exchange_apdu(removed, read_record(1, 1), Millis{100});
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(chip_failure_of(gone.error()), ChipFailure::cardRemoved);
}

}  // namespace
}  // namespace kiosk::drivers::chip
