#include "host/iso8583/host_message_mapping.hpp"

#include <gtest/gtest.h>

#include "host/iso8583/iso8583_codec.hpp"
#include "host/iso8583/iso8583_fields.hpp"

namespace kiosk::host::iso8583 {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

const TimePoint kNow = from_unix_millis(1'767'603'600'000);  // 2026-01-05 09:00:00 UTC
constexpr const char* kPan = "4012888888881881";

AuthorizationRequest withdrawal() {
    AuthorizationRequest r;
    r.type = TransactionType::Withdrawal;
    r.pan = kPan;
    r.expiry_yymm = "2812";
    r.pin_block = Bytes(16, 0xA5);
    r.amount = Money{300'00, "CNY", 2};
    r.stan = 42;
    r.terminal_id = "KIOSK1";
    r.local_time = kNow;
    r.from_account = "CHK-1001";
    return r;
}

// Encodes, decodes (as the wire would) and maps back on the host side.
AuthorizationRequest through_the_wire(const AuthorizationRequest& request) {
    auto message = to_iso(request);
    EXPECT_TRUE(message.ok()) << message.error().to_string();
    auto decoded = decode(*encode(*message));
    EXPECT_TRUE(decoded.ok()) << decoded.error().to_string();
    auto back = authorization_request_from_iso(*decoded, kNow);
    EXPECT_TRUE(back.ok()) << back.error().to_string();
    return *back;
}

TEST(HostMessageMapping, WithdrawalIsAn0200WithTheFieldsTheHostNeeds) {
    auto message = to_iso(withdrawal());
    ASSERT_TRUE(message.ok()) << message.error().to_string();
    EXPECT_EQ(message->mti(), Mti::FinancialRequest);
    EXPECT_EQ(message->get(field::kProcessingCode), "010000");
    EXPECT_EQ(message->get(field::kAmount), "000000030000");
    EXPECT_EQ(message->get(field::kCurrency), "156");
    EXPECT_EQ(message->get(field::kStan), "000042");
    EXPECT_EQ(message->get(field::kTransmissionTime), "0105090000");
    EXPECT_EQ(message->get(field::kLocalTime), "090000");
    EXPECT_EQ(message->get(field::kLocalDate), "0105");
    EXPECT_EQ(message->get(field::kTerminalId), "KIOSK1  ");
    EXPECT_EQ(message->get(field::kFromAccount), "CHK-1001");
    EXPECT_EQ(message->get(field::kPinBlock)->size(), 16U);
    EXPECT_TRUE(message->get(field::kPan) == kPan);
}

TEST(HostMessageMapping, EveryRequestTypeSurvivesTheWire) {
    const auto check = [](const AuthorizationRequest& sent) {
        const AuthorizationRequest got = through_the_wire(sent);
        EXPECT_EQ(got.type, sent.type);
        EXPECT_TRUE(got.pan == sent.pan);
        EXPECT_TRUE(got.pin_block == sent.pin_block);
        EXPECT_TRUE(got.new_pin_block == sent.new_pin_block);
        EXPECT_EQ(got.amount, sent.amount);
        EXPECT_EQ(got.stan, sent.stan);
        EXPECT_EQ(got.terminal_id, sent.terminal_id);
        EXPECT_EQ(got.local_time, sent.local_time);
        EXPECT_EQ(got.from_account, sent.from_account);
        EXPECT_EQ(got.to_account, sent.to_account);
        EXPECT_EQ(got.one_time_code, sent.one_time_code);
        EXPECT_EQ(got.phone_number, sent.phone_number);
    };
    check(withdrawal());
    AuthorizationRequest inquiry = withdrawal();
    inquiry.type = TransactionType::BalanceInquiry;
    inquiry.amount.reset();
    check(inquiry);
    AuthorizationRequest statement = inquiry;
    statement.type = TransactionType::MiniStatement;
    check(statement);
    AuthorizationRequest transfer = withdrawal();
    transfer.type = TransactionType::Transfer;
    transfer.to_account = "SAV-1002";
    check(transfer);
    AuthorizationRequest pin_change = inquiry;
    pin_change.type = TransactionType::PinChange;
    pin_change.new_pin_block = Bytes(16, 0x3C);
    check(pin_change);
    AuthorizationRequest cardless;
    cardless.type = TransactionType::CardlessWithdrawal;
    cardless.amount = Money{500'00, "CNY", 2};
    cardless.one_time_code = "83920471";
    cardless.phone_number = "+8613800138000";
    cardless.stan = 999'999;
    cardless.terminal_id = "KIOSK001";
    cardless.local_time = kNow;
    check(cardless);
    EXPECT_FALSE(to_iso(cardless)->has(field::kPan));
}

// Own-account transfers name account kinds, not numbers: digits 3–6 of the processing code.
TEST(HostMessageMapping, AccountKindsTravelInTheProcessingCode) {
    AuthorizationRequest r = withdrawal();
    r.type = TransactionType::Transfer;
    r.from_type = AccountType::Savings;
    r.to_type = AccountType::Checking;
    auto message = to_iso(r);
    ASSERT_TRUE(message.ok()) << message.error().to_string();
    EXPECT_EQ(message->get(field::kProcessingCode), std::optional<std::string_view>("401020"));
    auto back = authorization_request_from_iso(*message, kNow);
    ASSERT_TRUE(back.ok()) << back.error().to_string();
    EXPECT_EQ(back->from_type, AccountType::Savings);
    EXPECT_EQ(back->to_type, AccountType::Checking);

    Message unknown = *message;
    unknown.set(field::kProcessingCode, "403020");
    EXPECT_EQ(authorization_request_from_iso(unknown, kNow).error().message,
              "field 3 (processing code): unknown from-account type in digits 3-4");
}

TEST(HostMessageMapping, IncompleteRequestsAreRefusedBeforeTheWire) {
    AuthorizationRequest r = withdrawal();
    r.amount.reset();
    EXPECT_FALSE(to_iso(r).ok());
    r = withdrawal();
    r.pin_block.clear();
    EXPECT_EQ(to_iso(r).error().message, "the PIN block is missing");
    r = withdrawal();
    r.stan = 1'000'000;
    EXPECT_EQ(to_iso(r).error().message, "STAN 1000000 is outside 1–999999");
    r = withdrawal();
    r.terminal_id = "TOOLONGID";
    EXPECT_FALSE(to_iso(r).ok());
    r = withdrawal();
    r.amount = Money{100, "XAU", 2};
    EXPECT_FALSE(to_iso(r).ok());
    r = withdrawal();
    r.type = TransactionType::Transfer;
    EXPECT_EQ(to_iso(r).error().message, "a transfer needs the to-account (field 103 or the to-account kind in field 3)");
    r = withdrawal();
    r.type = TransactionType::Reversal;
    EXPECT_FALSE(to_iso(r).ok());
    r = withdrawal();
    r.type = TransactionType::CardlessWithdrawal;
    r.phone_number = "";
    EXPECT_FALSE(to_iso(r).ok());
}

TEST(HostMessageMapping, ResponseWithBalancesAndStatementComesBack) {
    const Message request = *to_iso(withdrawal());
    AuthorizationResponse response;
    response.code = ResponseCode::Approved;
    response.stan = 42;
    response.authorization_id = "A00042";
    response.retrieval_reference = "000000000042";
    response.available_balance = Money{900'00, "CNY", 2};
    response.ledger_balance = Money{-5'00, "CNY", 2};
    response.statement = {{year_month_day{year{2026}, month{1}, day{5}}, Money{-300'00, "CNY", 2}, "ATM KIOSK1"},
                          {year_month_day{year{2025}, month{12}, day{31}}, Money{1200'00, "CNY", 2}, "SALARY"}};
    auto reply = to_iso(response, request);
    ASSERT_TRUE(reply.ok()) << reply.error().to_string();
    EXPECT_EQ(reply->mti(), Mti::FinancialResponse);
    EXPECT_FALSE(reply->has(field::kPan));
    EXPECT_FALSE(reply->has(field::kPinBlock));
    auto wire = decode(*encode(*reply));
    ASSERT_TRUE(wire.ok()) << wire.error().to_string();
    auto back = authorization_response_from_iso(*wire, request);
    ASSERT_TRUE(back.ok()) << back.error().to_string();
    EXPECT_EQ(back->code, ResponseCode::Approved);
    EXPECT_EQ(back->stan, 42U);
    EXPECT_EQ(back->authorization_id, "A00042");
    EXPECT_EQ(back->retrieval_reference, "000000000042");
    EXPECT_EQ(back->available_balance, response.available_balance);
    EXPECT_EQ(back->ledger_balance, response.ledger_balance);
    EXPECT_EQ(back->statement, response.statement);
}

TEST(HostMessageMapping, EveryResponseCodeTravels) {
    const Message request = *to_iso(withdrawal());
    for (const ResponseCode code :
         {ResponseCode::Approved, ResponseCode::DoNotHonour, ResponseCode::InvalidTransaction,
          ResponseCode::InvalidAmount, ResponseCode::OriginalNotFound, ResponseCode::InsufficientFunds,
          ResponseCode::ExpiredCard, ResponseCode::WrongPin, ResponseCode::LimitExceeded,
          ResponseCode::PinTriesExceeded, ResponseCode::InvalidAccount, ResponseCode::InvalidOneTimeCode,
          ResponseCode::OneTimeCodeExpired, ResponseCode::SystemError}) {
        AuthorizationResponse response;
        response.code = code;
        auto back = authorization_response_from_iso(*decode(*encode(*to_iso(response, request))), request);
        ASSERT_TRUE(back.ok()) << to_string(code);
        EXPECT_EQ(back->code, code);
        EXPECT_EQ(response_code_from_iso(iso_code(code)), code);
    }
}

TEST(HostMessageMapping, RepliesThatDoNotAnswerTheRequestAreErrors) {
    const Message request = *to_iso(withdrawal());
    const Message good = *to_iso(AuthorizationResponse{ResponseCode::Approved, 42, {}, {}, "", "", {}}, request);

    Message wrong_mti = good;
    wrong_mti.set_mti(Mti::AuthorizationResponse);
    EXPECT_EQ(authorization_response_from_iso(wrong_mti, request).error().message, "reply MTI 0110 does not answer 0200");
    Message wrong_stan = good;
    wrong_stan.set(field::kStan, "000043");
    EXPECT_EQ(authorization_response_from_iso(wrong_stan, request).error().message,
              "reply field 11 (systems trace audit number) does not match the request");
    Message no_code = good;
    no_code.erase(field::kResponseCode);
    EXPECT_EQ(authorization_response_from_iso(no_code, request).error().message, "reply lacks field 39 (response code)");
    Message unknown_code = good;
    unknown_code.set(field::kResponseCode, "Q7");
    EXPECT_FALSE(authorization_response_from_iso(unknown_code, request).ok());
    Message bad_balance = good;
    bad_balance.set(field::kAdditionalAmounts, "0002156X000000000100");
    EXPECT_FALSE(authorization_response_from_iso(bad_balance, request).ok());
    Message statement_without_balance = good;
    statement_without_balance.set(field::kMiniStatement, "260105D000000030000ATM             ");
    EXPECT_FALSE(authorization_response_from_iso(statement_without_balance, request).ok());
}

TEST(HostMessageMapping, ReversalNamesTheOriginalAndThePartAlreadyDispensed) {
    ReversalRequest reversal;
    reversal.original_type = TransactionType::Withdrawal;
    reversal.original_stan = 42;
    reversal.original_time = kNow;
    reversal.pan = kPan;
    reversal.expiry_yymm = "2812";
    reversal.amount = Money{300'00, "CNY", 2};
    reversal.dispensed = Money{100'00, "CNY", 2};
    reversal.from_account = "CHK-1001";
    reversal.reason = ReversalReason::DeviceMalfunction;
    reversal.stan = 43;
    reversal.terminal_id = "KIOSK1";
    reversal.local_time = kNow + Millis(90'000);

    auto message = to_iso(reversal);
    ASSERT_TRUE(message.ok()) << message.error().to_string();
    EXPECT_EQ(message->mti(), Mti::ReversalAdvice);
    EXPECT_EQ(message->get(field::kOriginalData), "0200000042" "0105090000" + std::string(22, '0'));
    EXPECT_EQ(message->get(field::kReplacementAmounts)->substr(0, 12), "000000010000");
    EXPECT_EQ(message->get(field::kResponseCode), "22");
    EXPECT_FALSE(message->has(field::kPinBlock));

    auto back = reversal_request_from_iso(*decode(*encode(*message)), kNow);
    ASSERT_TRUE(back.ok()) << back.error().to_string();
    EXPECT_EQ(back->original_stan, 42U);
    EXPECT_EQ(back->original_time, kNow);
    EXPECT_EQ(back->dispensed, reversal.dispensed);
    EXPECT_EQ(back->amount, reversal.amount);
    EXPECT_EQ(back->reason, ReversalReason::DeviceMalfunction);
    EXPECT_EQ(back->stan, 43U);
    EXPECT_TRUE(back->pan == reversal.pan);

    auto ack = reversal_response_from_iso(*to_iso(ReversalResponse{ResponseCode::Approved, 43}, *message), *message);
    ASSERT_TRUE(ack.ok()) << ack.error().to_string();
    EXPECT_TRUE(ack->acknowledged());
    EXPECT_FALSE((ReversalResponse{ResponseCode::SystemError, 43}).acknowledged());

    reversal.dispensed = reversal.amount;  // nothing left to reverse
    EXPECT_FALSE(to_iso(reversal).ok());
}

TEST(HostMessageMapping, EchoRoundTrip) {
    const Message echo = echo_request(7, "KIOSK1", kNow);
    auto reply = echo_response(*decode(*encode(echo)));
    ASSERT_TRUE(reply.ok());
    EXPECT_TRUE(check_echo_response(*decode(*encode(*reply)), echo).ok());
}

TEST(HostMessageMapping, DatesWithoutAYearTakeTheNearestYear) {
    // 31 Dec 23:59:59 seen on 5 Jan 2026 is last year's.
    auto late = parse_transmission_time("1231235959", kNow);
    ASSERT_TRUE(late.ok());
    EXPECT_EQ(transmission_time_text(*late), "1231235959");
    EXPECT_LT(*late, kNow);
    EXPECT_GT(*late, kNow - Millis(7 * 86'400'000LL));
    EXPECT_FALSE(parse_transmission_time("1332000000", kNow).ok());
    EXPECT_FALSE(parse_transmission_time("0105250000", kNow).ok());
    EXPECT_FALSE(parse_transmission_time("010509", kNow).ok());
    EXPECT_EQ(*numeric_currency("CNY"), "156");
    EXPECT_EQ(*alphabetic_currency("840"), "USD");
    EXPECT_FALSE(alphabetic_currency("999").ok());
}

}  // namespace
}  // namespace kiosk::host::iso8583
