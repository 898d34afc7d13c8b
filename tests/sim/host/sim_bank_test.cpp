#include "sim/host/sim_bank.hpp"

#include <gtest/gtest.h>

#include "security/pin_block.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/host/sim_bank_deck.hpp"
#include "sim/host/sim_bank_host.hpp"
#include "sim/virtual_clock.hpp"

namespace kiosk::sim {
namespace {

using host::ResponseCode;
using host::TransactionType;

const Bytes kPinKey{0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF};
const Bytes kPad{0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
constexpr const char* kPan = "4012888888881881";
constexpr const char* kOtherPan = "5555555555554444";
const TimePoint kMonday = from_unix_millis(VirtualClock::default_start_unix_ms);  // 2026-01-05 09:00 UTC
constexpr Millis kDay{86'400'000};

Money cny(std::int64_t minor) { return Money{minor, "CNY", 2}; }

class SimBankTest : public ::testing::Test {
protected:
    SimBankTest() : bank_(kPinKey, cny(1'000'00)) {
        EXPECT_TRUE(bank_.add_customer({kPan, "1234", "2812",
                                        {{"CHK-1", AccountKind::Checking, cny(2'000'00)},
                                         {"SAV-1", AccountKind::Savings, cny(5'000'00)}},
                                        std::nullopt})
                        .ok());
        EXPECT_TRUE(bank_.add_customer({kOtherPan, "1111", "2812", {{"CHK-2", AccountKind::Checking, cny(10'00)}}, cny(50'00)})
                        .ok());
    }

    host::AuthorizationRequest request(TransactionType type, std::optional<Money> amount = std::nullopt,
                                       std::string_view pin = "1234", const char* pan = kPan) {
        host::AuthorizationRequest r;
        r.type = type;
        r.pan = pan;
        r.pin_block = *security::encipher_format4(kPinKey, pin, pan, kPad);
        r.amount = std::move(amount);
        r.stan = ++stan_;
        r.terminal_id = "KIOSK1";
        r.local_time = kMonday + Millis(stan_ * 1000);
        return r;
    }

    host::ReversalRequest reversal_of(const host::AuthorizationRequest& original, std::int64_t dispensed = 0) {
        host::ReversalRequest r;
        r.original_type = original.type;
        r.original_stan = original.stan;
        r.original_time = original.local_time;
        r.pan = original.pan;
        r.amount = *original.amount;
        r.dispensed = cny(dispensed);
        r.from_account = original.from_account;
        r.to_account = original.to_account;
        r.stan = ++stan_;
        r.terminal_id = original.terminal_id;
        r.local_time = original.local_time + Millis(60'000);
        return r;
    }

    SimBank bank_;
    std::uint32_t stan_ = 0;
};

TEST_F(SimBankTest, WithdrawalDebitsTheDefaultAccountAndPostsIt) {
    const auto response = bank_.authorize(request(TransactionType::Withdrawal, cny(300'00)));
    EXPECT_EQ(response.code, ResponseCode::Approved);
    EXPECT_EQ(response.available_balance, cny(1'700'00));
    EXPECT_EQ(response.authorization_id.size(), 6U);
    EXPECT_EQ(response.retrieval_reference.size(), 12U);
    EXPECT_EQ(bank_.balance_of_card(kPan), cny(1'700'00));
    EXPECT_EQ(bank_.balance_of_account("SAV-1"), cny(5'000'00));
    ASSERT_EQ(bank_.postings("CHK-1").size(), 1U);
    EXPECT_EQ(bank_.postings("CHK-1")[0].amount, cny(-300'00));
}

TEST_F(SimBankTest, DeclinesLeaveBalancesAlone) {
    EXPECT_EQ(bank_.authorize(request(TransactionType::Withdrawal, cny(30'00), "1111", kOtherPan)).code,
              ResponseCode::InsufficientFunds);
    EXPECT_EQ(bank_.authorize(request(TransactionType::Withdrawal, cny(0))).code, ResponseCode::InvalidAmount);
    EXPECT_EQ(bank_.authorize(request(TransactionType::Withdrawal, Money{100, "USD", 2})).code, ResponseCode::InvalidAmount);
    EXPECT_EQ(bank_.authorize(request(TransactionType::Withdrawal, cny(1), "1234", "4111111111111111")).code,
              ResponseCode::DoNotHonour);
    auto other_account = request(TransactionType::BalanceInquiry);
    other_account.from_account = "CHK-2";  // not this cardholder's
    EXPECT_EQ(bank_.authorize(other_account).code, ResponseCode::InvalidAccount);
    EXPECT_EQ(bank_.balance_of_card(kPan), cny(2'000'00));
    EXPECT_EQ(bank_.balance_of_card(kOtherPan), cny(10'00));
}

TEST_F(SimBankTest, ExpiredCardIsDeclined) {
    ASSERT_TRUE(bank_.add_customer({"5105105105105100", "1234", "2512", {{"CHK-9", AccountKind::Checking, cny(1)}}, {}}).ok());
    EXPECT_EQ(bank_.authorize(request(TransactionType::BalanceInquiry, {}, "1234", "5105105105105100")).code,
              ResponseCode::ExpiredCard);
}

TEST_F(SimBankTest, ThirdWrongPinBlocksTheCardUntilTheBankResetsIt) {
    EXPECT_EQ(bank_.authorize(request(TransactionType::BalanceInquiry, {}, "9999")).code, ResponseCode::WrongPin);
    EXPECT_EQ(bank_.authorize(request(TransactionType::BalanceInquiry, {}, "1234")).code, ResponseCode::Approved);
    EXPECT_EQ(bank_.authorize(request(TransactionType::BalanceInquiry, {}, "9999")).code, ResponseCode::WrongPin);
    EXPECT_EQ(bank_.authorize(request(TransactionType::BalanceInquiry, {}, "9998")).code, ResponseCode::WrongPin);
    EXPECT_EQ(bank_.authorize(request(TransactionType::BalanceInquiry, {}, "9997")).code, ResponseCode::PinTriesExceeded);
    EXPECT_EQ(bank_.authorize(request(TransactionType::BalanceInquiry, {}, "1234")).code, ResponseCode::PinTriesExceeded);
}

TEST_F(SimBankTest, DailyLimitCountsTheDayAndReversalsGiveItBack) {
    const auto first = request(TransactionType::Withdrawal, cny(800'00));
    EXPECT_EQ(bank_.authorize(first).code, ResponseCode::Approved);
    EXPECT_EQ(bank_.authorize(request(TransactionType::Withdrawal, cny(300'00))).code, ResponseCode::LimitExceeded);
    EXPECT_EQ(bank_.withdrawn_on(kPan, kMonday), cny(800'00));
    EXPECT_EQ(bank_.reverse(reversal_of(first)).code, ResponseCode::Approved);
    EXPECT_EQ(bank_.withdrawn_on(kPan, kMonday), cny(0));
    EXPECT_EQ(bank_.authorize(request(TransactionType::Withdrawal, cny(1'000'00))).code, ResponseCode::Approved);
    auto tomorrow = request(TransactionType::Withdrawal, cny(500'00));
    tomorrow.local_time += kDay;
    EXPECT_EQ(bank_.authorize(tomorrow).code, ResponseCode::Approved);
    // The second customer's own, lower limit.
    ASSERT_TRUE(bank_.add_customer({"6011000990139424", "1111", "2812", {{"CHK-3", AccountKind::Checking, cny(500'00)}}, cny(50'00)}).ok());
    EXPECT_EQ(bank_.authorize(request(TransactionType::Withdrawal, cny(60'00), "1111", "6011000990139424")).code,
              ResponseCode::LimitExceeded);
}

TEST_F(SimBankTest, TransferBetweenOwnAccounts) {
    auto transfer = request(TransactionType::Transfer, cny(250'00));
    transfer.to_account = "SAV-1";
    EXPECT_EQ(bank_.authorize(transfer).code, ResponseCode::Approved);
    EXPECT_EQ(bank_.balance_of_account("CHK-1"), cny(1'750'00));
    EXPECT_EQ(bank_.balance_of_account("SAV-1"), cny(5'250'00));

    auto to_stranger = request(TransactionType::Transfer, cny(1'00));
    to_stranger.to_account = "CHK-2";
    EXPECT_EQ(bank_.authorize(to_stranger).code, ResponseCode::InvalidAccount);
    auto to_itself = request(TransactionType::Transfer, cny(1'00));
    to_itself.to_account = "CHK-1";
    EXPECT_EQ(bank_.authorize(to_itself).code, ResponseCode::InvalidTransaction);

    EXPECT_EQ(bank_.reverse(reversal_of(transfer)).code, ResponseCode::Approved);
    EXPECT_EQ(bank_.balance_of_account("CHK-1"), cny(2'000'00));
    EXPECT_EQ(bank_.balance_of_account("SAV-1"), cny(5'000'00));
}

// What the kiosk sends: account kinds (field 3), no account numbers.
TEST_F(SimBankTest, TransferByAccountKindFindsTheCardholdersAccounts) {
    auto transfer = request(TransactionType::Transfer, cny(100'00));
    transfer.from_type = host::AccountType::Savings;
    transfer.to_type = host::AccountType::Checking;
    EXPECT_EQ(bank_.authorize(transfer).code, ResponseCode::Approved);
    EXPECT_EQ(bank_.balance_of_account("SAV-1"), cny(4'900'00));
    EXPECT_EQ(bank_.balance_of_account("CHK-1"), cny(2'100'00));

    auto no_such_kind = request(TransactionType::Transfer, cny(1'00), "1111", kOtherPan);
    no_such_kind.to_type = host::AccountType::Savings;  // the other card has only a checking account
    EXPECT_EQ(bank_.authorize(no_such_kind).code, ResponseCode::InvalidAccount);
}

TEST_F(SimBankTest, MiniStatementShowsTheLastTenPostingsNewestFirst) {
    for (int i = 1; i <= 12; ++i) {
        ASSERT_EQ(bank_.authorize(request(TransactionType::Withdrawal, cny(i))).code, ResponseCode::Approved);
    }
    const auto statement = bank_.authorize(request(TransactionType::MiniStatement));
    ASSERT_EQ(statement.code, ResponseCode::Approved);
    ASSERT_EQ(statement.statement.size(), 10U);
    EXPECT_EQ(statement.statement.front().amount, cny(-12));
    EXPECT_EQ(statement.statement.back().amount, cny(-3));
    EXPECT_EQ(statement.statement.front().description, "ATM KIOSK1");
}

TEST_F(SimBankTest, PinChangeTakesTheNewPin) {
    auto change = request(TransactionType::PinChange);
    change.new_pin_block = *security::encipher_format4(kPinKey, "8642", kPan, kPad);
    EXPECT_EQ(bank_.authorize(change).code, ResponseCode::Approved);
    EXPECT_EQ(bank_.authorize(request(TransactionType::BalanceInquiry, {}, "1234")).code, ResponseCode::WrongPin);
    EXPECT_EQ(bank_.authorize(request(TransactionType::BalanceInquiry, {}, "8642")).code, ResponseCode::Approved);
    auto garbage = request(TransactionType::PinChange, {}, "8642");
    garbage.new_pin_block = Bytes(16, 0x00);
    EXPECT_EQ(bank_.authorize(garbage).code, ResponseCode::InvalidTransaction);
}

TEST_F(SimBankTest, CardlessCodeIsSingleUseLimitedAndExpires) {
    ASSERT_TRUE(bank_.stage_cardless_code({"123456", "+8613800138000", "CHK-1", cny(500'00), kMonday + Millis(3'600'000)}).ok());
    ASSERT_TRUE(bank_.stage_cardless_code({"654321", "+8613800138000", "CHK-1", cny(500'00), kMonday - Millis(1)}).ok());
    EXPECT_FALSE(bank_.stage_cardless_code({"000000", "+86", "NOPE", cny(1), kMonday}).ok());
    const auto cardless = [this](std::string code, std::string phone, std::int64_t amount) {
        host::AuthorizationRequest r;
        r.type = TransactionType::CardlessWithdrawal;
        r.one_time_code = std::move(code);
        r.phone_number = std::move(phone);
        r.amount = cny(amount);
        r.stan = ++stan_;
        r.terminal_id = "KIOSK1";
        r.local_time = kMonday + Millis(stan_ * 1000);
        return r;
    };
    EXPECT_EQ(bank_.authorize(cardless("123456", "+8613900000000", 100'00)).code, ResponseCode::InvalidOneTimeCode);
    EXPECT_EQ(bank_.authorize(cardless("999999", "+8613800138000", 100'00)).code, ResponseCode::InvalidOneTimeCode);
    EXPECT_EQ(bank_.authorize(cardless("654321", "+8613800138000", 100'00)).code, ResponseCode::OneTimeCodeExpired);
    EXPECT_EQ(bank_.authorize(cardless("123456", "+8613800138000", 600'00)).code, ResponseCode::LimitExceeded);
    const auto approved = cardless("123456", "+8613800138000", 400'00);
    EXPECT_EQ(bank_.authorize(approved).code, ResponseCode::Approved);
    EXPECT_EQ(bank_.balance_of_account("CHK-1"), cny(1'600'00));
    EXPECT_EQ(bank_.authorize(cardless("123456", "+8613800138000", 400'00)).code, ResponseCode::InvalidOneTimeCode);
    EXPECT_EQ(bank_.reverse(reversal_of(approved)).code, ResponseCode::Approved);
    EXPECT_EQ(bank_.balance_of_account("CHK-1"), cny(2'000'00));
}

TEST_F(SimBankTest, ReversalRestoresExactlyOnceAndOnlyWhatWasNotDispensed) {
    const auto withdrawal = request(TransactionType::Withdrawal, cny(500'00));
    ASSERT_EQ(bank_.authorize(withdrawal).code, ResponseCode::Approved);
    const auto partial = reversal_of(withdrawal, 200'00);  // 200 came out, 300 stayed in the machine
    EXPECT_EQ(bank_.reverse(partial).code, ResponseCode::Approved);
    EXPECT_EQ(bank_.balance_of_card(kPan), cny(1'800'00));
    EXPECT_EQ(bank_.reverse(partial).code, ResponseCode::Approved);  // a retried 0420
    EXPECT_EQ(bank_.reverse(reversal_of(withdrawal)).code, ResponseCode::Approved);
    EXPECT_EQ(bank_.balance_of_card(kPan), cny(1'800'00));

    auto unknown = reversal_of(withdrawal);
    unknown.original_stan = 9999;
    EXPECT_EQ(bank_.reverse(unknown).code, ResponseCode::OriginalNotFound);
    EXPECT_TRUE((host::ReversalResponse{ResponseCode::OriginalNotFound, 1}).acknowledged());
    EXPECT_EQ(bank_.log().back().reversal, true);
}

TEST(SimBankHostFaults, LateAnswerBeyondTheLinkTimeoutIsATimeoutAfterTheMoneyMoved) {
    VirtualClock clock;
    SimBankHost host(kPinKey);
    host.add_account({kPan, "1234", "2812", cny(1'000'00)});
    host.use_clock(clock, Millis(30'000));
    host.bank().set_answer_delay(Millis(45'000));
    host.inject(HostFault::LateAnswer);

    host::AuthorizationRequest r;
    r.type = TransactionType::Withdrawal;
    r.pan = kPan;
    r.pin_block = *security::encipher_format4(kPinKey, "1234", kPan, kPad);
    r.amount = cny(100'00);
    r.stan = 5;
    r.terminal_id = "KIOSK1";
    r.local_time = clock.now();
    const TimePoint before = clock.now();
    auto late = host.authorize(r);
    ASSERT_FALSE(late.ok());
    EXPECT_NE(late.error().message.find("timed out"), std::string::npos);
    EXPECT_EQ(clock.now() - before, Millis(30'000));
    EXPECT_EQ(host.balance_of(kPan), cny(900'00));  // the bank did process it

    host::ReversalRequest reversal{TransactionType::Withdrawal, 5, r.local_time, kPan, "", cny(100'00), cny(0), "", "",
                                   host::AccountType::Default, host::AccountType::Default,
                                   host::ReversalReason::HostTimeout, 6, "KIOSK1", clock.now()};
    host.inject(HostFault::DropAfterProcessing);
    EXPECT_FALSE(host.reverse(reversal).ok());  // processed, answer lost
    EXPECT_EQ(host.balance_of(kPan), cny(1'000'00));
    auto retried = host.reverse(reversal);
    ASSERT_TRUE(retried.ok());
    EXPECT_TRUE(retried->acknowledged());
    EXPECT_EQ(host.balance_of(kPan), cny(1'000'00));  // restored once

    host.bank().set_answer_delay(Millis(2'000));
    host.inject(HostFault::LateAnswer);
    r.stan = 7;
    EXPECT_TRUE(host.authorize(r).ok());  // late but within the timeout
    host.inject(HostFault::MalformedAnswer);
    r.stan = 8;
    EXPECT_FALSE(host.authorize(r).ok());
}

TEST(SimBankDeck, EveryDeckCardBecomesACustomerWithItsAccounts) {
    SimBank bank(kPinKey);
    ASSERT_TRUE(add_card_deck(bank, [](std::size_t i) { return cny(static_cast<std::int64_t>(1'000'00 + i)); }).ok());
    const VirtualCard& alice = card("visa-alice");
    EXPECT_EQ(bank.balance_of_card(alice.pan), cny(1'000'00));
    ASSERT_EQ(alice.account_ids.size(), 2U);
    EXPECT_EQ(bank.balance_of_account(alice.account_ids[1]), cny(10'000'00));
    EXPECT_FALSE(add_card_deck(bank, [](std::size_t) { return cny(0); }).ok());  // already there
}

}  // namespace
}  // namespace kiosk::sim
