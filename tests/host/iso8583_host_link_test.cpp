// The kiosk's ISO 8583 link against the simulated bank's TLS server on 127.0.0.1: real TLS, real
// framing, real codec on both ends. No timing assertions: a "late" answer is held far longer
// than the link's timeout, and only the kind of outcome is checked.
#include "host/iso8583_host_link.hpp"

#include <gtest/gtest.h>

#include "sim/crm/test_pki.hpp"
#include "sim/host/sim_bank_server.hpp"
#include "tests/host/sim_bank_fixture.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::host {
namespace {

using test::cny;
using test::kPan;

sim::TestPkiFiles make_pki(const std::filesystem::path& directory, std::uint64_t seed) {
    SeededRandom serials(seed);
    const sim::Validity validity = sim::valid_around(SystemClock().now());  // OpenSSL checks real time
    auto pki = sim::generate_test_pki(directory, {validity, validity, true}, serials);
    if (!pki.ok()) throw std::runtime_error(pki.error().to_string());
    return std::move(*pki);
}

class Iso8583HostLinkTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::create_directories(scratch_.file("pki"));
        pki_ = make_pki(scratch_.file("pki"), 3);
        sim::SimBankServerOptions options;
        options.tls = {pki_.server.certificate, pki_.server.private_key, pki_.ca.certificate};
        options.clock = &clock_;
        auto server = sim::SimBankServer::start(options, bank_);
        ASSERT_TRUE(server.ok()) << server.error().to_string();
        server_ = std::move(*server);
    }

    Iso8583LinkSettings settings(std::chrono::milliseconds reply_timeout = std::chrono::milliseconds(10'000)) const {
        Iso8583LinkSettings s;
        s.port = server_->port();
        s.tls = {pki_.ca.certificate, pki_.client.certificate, pki_.client.private_key};
        s.reply_timeout = reply_timeout;
        return s;
    }

    std::unique_ptr<Iso8583HostLink> link(std::chrono::milliseconds reply_timeout = std::chrono::milliseconds(10'000)) {
        auto created = Iso8583HostLink::create(settings(reply_timeout));
        if (!created.ok()) throw std::runtime_error(created.error().to_string());
        return std::move(*created);
    }

    AuthorizationRequest withdrawal(std::int64_t amount) {
        return test::card_request(TransactionType::Withdrawal, ++stan_, clock_.now(), cny(amount));
    }

    store::test::TempDirectory scratch_;
    sim::VirtualClock clock_;
    std::shared_ptr<sim::SimBank> bank_ = test::make_bank();
    sim::TestPkiFiles pki_;
    std::unique_ptr<sim::SimBankServer> server_;
    std::uint32_t stan_ = 100;
};

TEST_F(Iso8583HostLinkTest, WithdrawalMovesMoneyAndReportsTheBalance) {
    auto host = link();
    auto response = host->authorize(withdrawal(300'00));
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->code, ResponseCode::Approved);
    EXPECT_EQ(response->stan, stan_);
    EXPECT_EQ(response->available_balance, cny(1'700'00));
    EXPECT_EQ(response->authorization_id.size(), 6U);
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(1'700'00));
    EXPECT_TRUE(host->connected());
    // The next request reuses the connection.
    ASSERT_TRUE(host->authorize(withdrawal(100'00)).ok());
    EXPECT_EQ(server_->connections_accepted(), 1U);
}

TEST_F(Iso8583HostLinkTest, EveryTransactionTypeTravels) {
    auto host = link();
    auto wrong_pin = test::card_request(TransactionType::BalanceInquiry, ++stan_, clock_.now(), std::nullopt, "9999");
    EXPECT_EQ(host->authorize(wrong_pin)->code, ResponseCode::WrongPin);

    auto transfer = test::card_request(TransactionType::Transfer, ++stan_, clock_.now(), cny(500'00));
    transfer.to_account = "SAV-1002";
    EXPECT_EQ(host->authorize(transfer)->code, ResponseCode::Approved);
    EXPECT_EQ(bank_->balance_of_account("SAV-1002"), cny(5'500'00));

    auto statement = host->authorize(test::card_request(TransactionType::MiniStatement, ++stan_, clock_.now()));
    ASSERT_TRUE(statement.ok()) << statement.error().to_string();
    ASSERT_EQ(statement->statement.size(), 1U);
    EXPECT_EQ(statement->statement[0].amount, cny(-500'00));
    EXPECT_EQ(statement->statement[0].description, "TRANSFER OUT");

    auto change = test::card_request(TransactionType::PinChange, ++stan_, clock_.now());
    change.new_pin_block = *security::encipher_format4(test::pin_key(), "5678", kPan, Bytes(8, 0x42));
    EXPECT_EQ(host->authorize(change)->code, ResponseCode::Approved);
    EXPECT_EQ(host->authorize(test::card_request(TransactionType::BalanceInquiry, ++stan_, clock_.now(), std::nullopt,
                                                 "5678"))->code,
              ResponseCode::Approved);

    ASSERT_TRUE(bank_->stage_cardless_code({"246810", "+8613800138000", "CHK-1001", cny(1'000'00),
                                            clock_.now() + Millis(600'000)}).ok());
    AuthorizationRequest cardless;
    cardless.type = TransactionType::CardlessWithdrawal;
    cardless.one_time_code = "246810";
    cardless.phone_number = "+8613800138000";
    cardless.amount = cny(200'00);
    cardless.stan = ++stan_;
    cardless.terminal_id = "KIOSK001";
    cardless.local_time = clock_.now();
    EXPECT_EQ(host->authorize(cardless)->code, ResponseCode::Approved);
    cardless.stan = ++stan_;
    EXPECT_EQ(host->authorize(cardless)->code, ResponseCode::InvalidOneTimeCode);
    EXPECT_EQ(bank_->balance_of_account("CHK-1001"), cny(1'300'00));

    EXPECT_TRUE(host->echo(++stan_, "KIOSK001", clock_.now()).ok());
}

TEST_F(Iso8583HostLinkTest, AnswerLaterThanTheTimeoutIsATimeoutAndTheReversalRestoresTheMoney) {
    auto host = link(std::chrono::milliseconds(300));
    bank_->set_answer_delay(Millis(60'000));  // held until the server stops: far beyond the timeout
    bank_->inject(sim::HostFault::LateAnswer);
    const AuthorizationRequest request = withdrawal(400'00);
    auto late = host->authorize(request);
    ASSERT_FALSE(late.ok());
    EXPECT_TRUE(is_timeout(late.error())) << late.error().to_string();
    EXPECT_NE(late.error().message.find("timed out"), std::string::npos);
    EXPECT_FALSE(host->connected());
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(1'600'00));  // the host did debit

    auto reversed = host->reverse(test::reversal_of(request, ++stan_, cny(0)));
    ASSERT_TRUE(reversed.ok()) << reversed.error().to_string();
    EXPECT_TRUE(reversed->acknowledged());
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(2'000'00));
    // The same 0420 again (its 0430 was lost, say): acknowledged, money moves once.
    EXPECT_TRUE(host->reverse(test::reversal_of(request, stan_, cny(0)))->acknowledged());
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(2'000'00));
}

TEST_F(Iso8583HostLinkTest, DroppedConnectionIsAnErrorAndTheNextRequestReconnects) {
    auto host = link();
    bank_->inject(sim::HostFault::DropAfterProcessing);
    const AuthorizationRequest request = withdrawal(250'00);
    auto dropped = host->authorize(request);
    ASSERT_FALSE(dropped.ok());
    EXPECT_NE(dropped.error().message.find("connection"), std::string::npos) << dropped.error().to_string();
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(1'750'00));
    // Partial dispense later: 100 came out, 150 goes back.
    auto reversed = host->reverse(test::reversal_of(request, ++stan_, cny(100'00), ReversalReason::DeviceMalfunction));
    ASSERT_TRUE(reversed.ok()) << reversed.error().to_string();
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(1'900'00));
    EXPECT_EQ(server_->connections_accepted(), 2U);
}

TEST_F(Iso8583HostLinkTest, TruncatedReplyIsRejectedAsMalformed) {
    auto host = link();
    bank_->inject(sim::HostFault::MalformedAnswer);
    auto reply = host->authorize(withdrawal(10'00));
    ASSERT_FALSE(reply.ok());
    EXPECT_NE(reply.error().message.find("malformed reply"), std::string::npos) << reply.error().to_string();
    EXPECT_NE(reply.error().message.find("truncated"), std::string::npos) << reply.error().to_string();
    EXPECT_EQ(reply.error().domain, "host");
}

TEST_F(Iso8583HostLinkTest, UnreachableAndSystemErrorFaults) {
    auto host = link();
    bank_->inject(sim::HostFault::Unreachable);
    bank_->inject(sim::HostFault::SystemError);
    EXPECT_FALSE(host->authorize(withdrawal(10'00)).ok());
    auto system_error = host->authorize(withdrawal(10'00));
    ASSERT_TRUE(system_error.ok()) << system_error.error().to_string();
    EXPECT_EQ(system_error->code, ResponseCode::SystemError);
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(2'000'00));
}

TEST_F(Iso8583HostLinkTest, NobodyListeningIsAConnectError) {
    Iso8583LinkSettings s = settings();
    const int port = server_->port();
    server_.reset();
    s.port = port;
    auto host = Iso8583HostLink::create(s);
    ASSERT_TRUE(host.ok());
    auto reply = (*host)->authorize(withdrawal(10'00));
    ASSERT_FALSE(reply.ok());
    EXPECT_NE(reply.error().message.find("connect"), std::string::npos) << reply.error().to_string();
}

TEST_F(Iso8583HostLinkTest, AServerSignedByAnotherCaIsRefused) {
    std::filesystem::create_directories(scratch_.file("other"));
    const sim::TestPkiFiles other = make_pki(scratch_.file("other"), 9);
    Iso8583LinkSettings s = settings();
    s.tls.ca_file = other.ca.certificate;  // trusts a CA that did not sign the bank's certificate
    auto host = Iso8583HostLink::create(s);
    ASSERT_TRUE(host.ok());
    auto reply = (*host)->authorize(withdrawal(10'00));
    ASSERT_FALSE(reply.ok());
    EXPECT_NE(reply.error().message.find("handshake"), std::string::npos) << reply.error().to_string();
    EXPECT_EQ(bank_->log().size(), 0U);
}

TEST_F(Iso8583HostLinkTest, AClientWithoutTheBanksTrustIsRefusedByTheServer) {
    std::filesystem::create_directories(scratch_.file("other"));
    const sim::TestPkiFiles other = make_pki(scratch_.file("other"), 11);
    Iso8583LinkSettings s = settings();
    s.tls.client_certificate = other.client.certificate;  // signed by a CA the bank does not know
    s.tls.client_key = other.client.private_key;
    auto host = Iso8583HostLink::create(s);
    ASSERT_TRUE(host.ok());
    EXPECT_FALSE((*host)->authorize(withdrawal(10'00)).ok());
    EXPECT_EQ(bank_->log().size(), 0U);
}

TEST_F(Iso8583HostLinkTest, TotalsTravelAsAn0500AndCountEveryWithdrawalAndReversal) {
    auto host = link();
    auto none = host->totals(++stan_, "KIOSK001", clock_.now());
    ASSERT_TRUE(none.ok()) << none.error().to_string();
    EXPECT_EQ(*none, ReconciliationTotals{});

    ASSERT_TRUE(host->authorize(withdrawal(300'00)).ok());
    const AuthorizationRequest partly_given_back = withdrawal(250'00);
    ASSERT_TRUE(host->authorize(partly_given_back).ok());
    ASSERT_TRUE(host->reverse(test::reversal_of(partly_given_back, ++stan_, cny(100'00),
                                                ReversalReason::DeviceMalfunction))
                    .ok());
    auto totals = host->totals(++stan_, "KIOSK001", clock_.now());
    ASSERT_TRUE(totals.ok()) << totals.error().to_string();
    EXPECT_EQ(*totals, (ReconciliationTotals{2, 400'00, 1, 150'00}));
    EXPECT_EQ(*totals, bank_->totals("KIOSK001")) << "what the bank holds, through the wire";
    auto other = host->totals(++stan_, "KIOSK002", clock_.now());
    ASSERT_TRUE(other.ok()) << other.error().to_string();
    EXPECT_EQ(*other, ReconciliationTotals{}) << "another terminal's totals are its own";
    EXPECT_EQ(server_->connections_accepted(), 1U);
}

TEST_F(Iso8583HostLinkTest, RefusedOrTruncatedTotalsAreErrorsAndTheNextRequestReconnects) {
    auto host = link();
    bank_->inject(sim::HostFault::SystemError);
    auto refused = host->totals(++stan_, "KIOSK001", clock_.now());
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("refused the reconciliation request: response code 96"), std::string::npos)
        << refused.error().to_string();
    bank_->inject(sim::HostFault::MalformedAnswer);
    auto truncated = host->totals(++stan_, "KIOSK001", clock_.now());
    ASSERT_FALSE(truncated.ok());
    EXPECT_NE(truncated.error().message.find("malformed reply"), std::string::npos) << truncated.error().to_string();
    EXPECT_FALSE(host->connected());
    auto bad_stan = host->totals(0, "KIOSK001", clock_.now());
    ASSERT_FALSE(bad_stan.ok()) << "nothing sent under STAN 0";
    EXPECT_NE(bad_stan.error().message.find("STAN 0"), std::string::npos);
    EXPECT_TRUE(host->totals(++stan_, "KIOSK001", clock_.now()).ok());
    EXPECT_EQ(server_->connections_accepted(), 3U);
    EXPECT_EQ(server_->rejected_requests(), 0U);
}

TEST_F(Iso8583HostLinkTest, BadSettingsFailAtStartUp) {
    Iso8583LinkSettings s = settings();
    s.port = 0;
    EXPECT_FALSE(Iso8583HostLink::create(s).ok());
    s = settings();
    s.tls.client_key = scratch_.file("missing.key");
    auto missing = Iso8583HostLink::create(s);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("missing.key"), std::string::npos);
    s = settings();
    s.address = "bank.example";  // not numeric: refused rather than an unbounded DNS lookup
    auto named = Iso8583HostLink::create(s);
    ASSERT_TRUE(named.ok());
    auto reply = (*named)->authorize(withdrawal(1));
    ASSERT_FALSE(reply.ok());
    EXPECT_NE(reply.error().message.find("not a numeric IP address"), std::string::npos) << reply.error().to_string();
}

}  // namespace
}  // namespace kiosk::host
