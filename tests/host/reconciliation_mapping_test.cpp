// The 0500/0510 reconciliation totals: the request's fields, a round trip through the codec on
// both ends, and every malformed 0510 refused with an error naming what was wrong.
#include "host/iso8583/reconciliation_mapping.hpp"

#include <gtest/gtest.h>

#include "host/iso8583/iso8583_codec.hpp"
#include "host/iso8583/iso8583_fields.hpp"

namespace kiosk::host::iso8583 {
namespace {

const TimePoint kNow = from_unix_millis(1'767'603'600'000);  // 2026-01-05 09:00:00 UTC
constexpr ReconciliationTotals kTotals{9, 4'100'00, 2, 300'00};  // 9 withdrawals, 2 reversed in part

Message through_the_wire(const Message& message) {
    auto wire = encode(message);
    EXPECT_TRUE(wire.ok()) << wire.error().to_string();
    auto decoded = decode(wire->view());
    EXPECT_TRUE(decoded.ok()) << decoded.error().to_string();
    return *decoded;
}

Message request() { return *reconciliation_request(77, "KIOSK1", kNow); }

// The sim bank's answer to request(), as the kiosk receives it.
Message approved_reply() { return through_the_wire(*reconciliation_response(through_the_wire(request()), ResponseCode::Approved, kTotals)); }

std::string refusal(const Message& reply) {
    auto totals = reconciliation_totals_from_iso(reply, request());
    EXPECT_FALSE(totals.ok());
    return totals.ok() ? std::string("accepted") : totals.error().message;
}

TEST(ReconciliationMapping, RequestIsAn0500NamingTheTerminalUnderItsOwnStan) {
    const Message message = request();
    EXPECT_EQ(message.mti(), Mti::ReconciliationRequest);
    EXPECT_EQ(message.get(field::kProcessingCode), "900000");
    EXPECT_EQ(message.get(field::kTransmissionTime), "0105090000");
    EXPECT_EQ(message.get(field::kStan), "000077");
    EXPECT_EQ(message.get(field::kTerminalId), "KIOSK1  ");
    EXPECT_EQ(message.fields().size(), 4U);
    auto wire = encode(message);
    ASSERT_TRUE(wire.ok());
    EXPECT_EQ(std::string(wire->begin(), wire->begin() + 4), "0500");
}

TEST(ReconciliationMapping, RequestRefusesABadStanOrTerminal) {
    EXPECT_NE(reconciliation_request(0, "KIOSK1", kNow).error().message.find("STAN 0"), std::string::npos);
    EXPECT_NE(reconciliation_request(1, "", kNow).error().message.find("terminal id"), std::string::npos);
    EXPECT_NE(reconciliation_request(1, "NINECHARS", kNow).error().message.find("terminal id"), std::string::npos);
}

TEST(ReconciliationMapping, TotalsRoundTripThroughTheCodecOnBothEnds) {
    // Host side: the 0500 as the bank decodes it.
    auto query = reconciliation_request_from_iso(through_the_wire(request()), kNow);
    ASSERT_TRUE(query.ok()) << query.error().to_string();
    EXPECT_EQ(query->stan, 77U);
    EXPECT_EQ(query->terminal_id, "KIOSK1");
    EXPECT_EQ(query->transmission_time, kNow);

    const Message reply = approved_reply();
    EXPECT_EQ(reply.mti(), Mti::ReconciliationResponse);
    EXPECT_EQ(reply.get(field::kResponseCode), "00");
    EXPECT_EQ(reply.get(field::kCreditsNumber), "0000000000");
    EXPECT_EQ(reply.get(field::kDebitsNumber), "0000000009");
    EXPECT_EQ(reply.get(field::kDebitsReversalNumber), "0000000002");
    EXPECT_EQ(reply.get(field::kCreditsAmount), "0000000000000000");
    EXPECT_EQ(reply.get(field::kDebitsAmount), "0000000000440000") << "gross: 4,100.00 kept + 300.00 given back";
    EXPECT_EQ(reply.get(field::kDebitsReversalAmount), "0000000000030000");
    EXPECT_EQ(reply.get(field::kNetSettlementAmount), "D0000000000410000");
    EXPECT_EQ(reply.get(field::kStan), "000077");

    auto totals = reconciliation_totals_from_iso(reply, request());
    ASSERT_TRUE(totals.ok()) << totals.error().to_string();
    EXPECT_EQ(*totals, kTotals);
}

TEST(ReconciliationMapping, The0510CarriesItsTotalsBehindASecondaryBitmap) {
    auto wire = encode(*reconciliation_response(request(), ResponseCode::Approved, kTotals));
    ASSERT_TRUE(wire.ok());
    ASSERT_GE(wire->size(), 20U);
    EXPECT_EQ(std::string(wire->begin(), wire->begin() + 4), "0510");
    std::string bitmaps;
    for (std::size_t i = 4; i < 20; ++i) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        bitmaps += kHex[wire->data()[i] >> 4U];
        bitmaps += kHex[wire->data()[i] & 0x0FU];
    }
    // Primary: 1 (secondary), 3, 7, 11, 39, 41; secondary: 74, 76, 77, 86, 88, 89, 97.
    EXPECT_EQ(bitmaps, "A220000002800000" "0058058080000000");
}

TEST(ReconciliationMapping, NoTransactionsYetIsZeroTotalsWithACreditSignedNet) {
    const Message reply = through_the_wire(*reconciliation_response(request(), ResponseCode::Approved, {}));
    EXPECT_EQ(reply.get(field::kNetSettlementAmount), "C0000000000000000");
    auto totals = reconciliation_totals_from_iso(reply, request());
    ASSERT_TRUE(totals.ok()) << totals.error().to_string();
    EXPECT_EQ(*totals, ReconciliationTotals{});
}

TEST(ReconciliationMapping, ARefusedRequestCarriesNoTotalsAndIsAnError) {
    const Message reply = *reconciliation_response(request(), ResponseCode::SystemError, kTotals);
    EXPECT_FALSE(reply.has(field::kDebitsAmount));
    EXPECT_EQ(refusal(reply), "the host refused the reconciliation request: response code 96 (system_error)");
}

TEST(ReconciliationMapping, MalformedRepliesAreRefusedNamingWhatWasWrong) {
    struct Case {
        const char* what;
        void (*spoil)(Message&);
        std::string expected;
    };
    const std::vector<Case> cases{
        {"wrong MTI", [](Message& m) { m.set_mti(Mti::FinancialResponse); },
         "reply MTI 0210 does not answer 0500 (expected 0510)"},
        {"STAN mismatch", [](Message& m) { m.set(field::kStan, std::string("000078")); },
         "reply field 11 (systems trace audit number) does not match the request"},
        {"other terminal", [](Message& m) { m.set(field::kTerminalId, std::string("KIOSK2  ")); },
         "reply field 41 (card acceptor terminal identification) does not match the request"},
        {"processing code", [](Message& m) { m.set(field::kProcessingCode, std::string("010000")); },
         "reply field 3 (processing code) does not match the request"},
        {"no response code", [](Message& m) { m.erase(field::kResponseCode); },
         "reply lacks field 39 (response code)"},
        {"missing debits amount", [](Message& m) { m.erase(field::kDebitsAmount); },
         "reply lacks field 88 (debits, amount)"},
        {"missing debits number", [](Message& m) { m.erase(field::kDebitsNumber); },
         "reply lacks field 76 (debits, number)"},
        {"missing net amount", [](Message& m) { m.erase(field::kNetSettlementAmount); },
         "reply lacks field 97 (amount, net settlement)"},
        {"non-numeric amount", [](Message& m) { m.set(field::kDebitsReversalAmount, std::string("00000000000300X0")); },
         "field 89 (debits, reversal amount) is not numeric"},
        {"short amount", [](Message& m) { m.set(field::kDebitsAmount, std::string("440000")); },
         "field 88 (debits, amount) must be 16 digits, has 6 characters"},
        {"net sign", [](Message& m) { m.set(field::kNetSettlementAmount, std::string("X0000000000410000")); },
         "field 97 (amount, net settlement): the sign must be C or D"},
        {"net digits", [](Message& m) { m.set(field::kNetSettlementAmount, std::string("D00000000004100A0")); },
         "field 97 (amount, net settlement): the amount is not numeric"},
        {"net does not add up", [](Message& m) { m.set(field::kNetSettlementAmount, std::string("D0000000000440000")); },
         "field 97 (amount, net settlement) D0000000000440000 is not credits − debits + debit reversals (fields 86, "
         "88, 89) = D0000000000410000"},
        {"more reversed than debited", [](Message& m) {
             m.set(field::kDebitsReversalAmount, std::string("0000000000450000"));
             m.set(field::kNetSettlementAmount, std::string("C0000000000010000"));
         },
         "field 89 (debits, reversal amount) is more than field 88 (debits, amount)"},
        {"more reversals than debits", [](Message& m) { m.set(field::kDebitsReversalNumber, std::string("0000000010")); },
         "field 77 (debits, reversal number): 10 reversals of only 9 debits (field 76)"},
        {"credits", [](Message& m) { m.set(field::kCreditsNumber, std::string("0000000001")); },
         "fields 74 and 86 (credits): the host reports 1 credits, but this terminal takes no deposits"},
    };
    for (const Case& c : cases) {
        Message reply = approved_reply();
        c.spoil(reply);
        EXPECT_EQ(refusal(reply), c.expected) << c.what;
    }
}

TEST(ReconciliationMapping, TheBankRefusesAMalformed0500) {
    Message wrong_code = request();
    wrong_code.set(field::kProcessingCode, std::string("310000"));
    EXPECT_EQ(reconciliation_request_from_iso(wrong_code, kNow).error().message,
              "field 3 (processing code) of an 0500 must be 900000");
    Message no_terminal = request();
    no_terminal.erase(field::kTerminalId);
    EXPECT_EQ(reconciliation_request_from_iso(no_terminal, kNow).error().message,
              "the 0500 lacks field 41 (card acceptor terminal identification)");
    Message echo(Mti::NetworkRequest);
    EXPECT_FALSE(reconciliation_request_from_iso(echo, kNow).ok());
    EXPECT_FALSE(reconciliation_response(echo, ResponseCode::Approved, kTotals).ok());
    EXPECT_FALSE(reconciliation_response(request(), ResponseCode::Approved, {1, -5, 0, 0}).ok()) << "negative";
}

TEST(ReconciliationMapping, TheCodecRefusesTotalsOfTheWrongShape) {
    Message reply = approved_reply();
    reply.set(field::kNetSettlementAmount, std::string("D-000000000410000"));  // '-' is not an an character
    auto wire = encode(reply);
    ASSERT_FALSE(wire.ok());
    EXPECT_NE(wire.error().message.find("field 97 (amount, net settlement)"), std::string::npos) << wire.error().message;
}

}  // namespace
}  // namespace kiosk::host::iso8583
