// The host link's TLS policy against the simulated bank over real TLS, certificates made at test
// time: a bank key matching neither pin, a TLS 1.0/1.1-only bank, an expired bank certificate and
// a bank demanding a client certificate the kiosk lacks are each refused before any request is
// processed, with words that say why, and the kiosk does not even connect with its own expired
// client certificate; the backup pin is accepted; the start-up expiry report flags
// a client certificate about to expire and an expired one.
#include <gtest/gtest.h>

#include <chrono>

#include "host/host_certificate_expiry.hpp"
#include "host/iso8583_host_link.hpp"
#include "sim/crm/test_pki.hpp"
#include "sim/host/sim_bank_server.hpp"
#include "tests/host/sim_bank_fixture.hpp"
#include "tests/security/legacy_tls_probe.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::host {
namespace {

using namespace std::chrono_literals;
using test::cny;
using test::kPan;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// OpenSSL checks validity against the real time, so every window is built around it.
TimePoint real_now() { return SystemClock().now(); }

std::string spare_pin() {
    auto spare = sim::make_spare_key();
    if (!spare.ok()) throw std::runtime_error(spare.error().to_string());
    return spare->pin;
}

security::PinSet pins(const std::vector<std::string>& texts) {
    auto parsed = security::parse_pin_set(texts, security::PinRequirement::PrimaryAndBackup, "test pins");
    if (!parsed.ok()) throw std::runtime_error(parsed.error().to_string());
    return std::move(*parsed);
}

class Iso8583HostLinkTlsTest : public ::testing::Test {
protected:
    sim::TestPkiFiles make_pki(const std::string& name, sim::Validity server_validity,
                               sim::Validity client_validity = sim::valid_around(real_now())) {
        const std::filesystem::path directory = scratch_.file(name);
        std::filesystem::create_directories(directory);
        auto pki = sim::generate_test_pki(directory, {sim::valid_around(real_now()), server_validity, true},
                                          client_validity, serials_);
        if (!pki.ok()) throw std::runtime_error(pki.error().to_string());
        return std::move(*pki);
    }
    sim::TestPkiFiles make_pki(const std::string& name) { return make_pki(name, sim::valid_around(real_now())); }

    void serve(const sim::TestPkiFiles& pki, int min_version = 0, int max_version = 0, const std::string& ciphers = "") {
        sim::SimBankServerOptions options;
        options.tls = {pki.server.certificate, pki.server.private_key, pki.ca.certificate};
        options.clock = &clock_;
        options.min_tls_version = min_version;
        options.max_tls_version = max_version;
        options.cipher_list = ciphers;
        auto server = sim::SimBankServer::start(options, bank_);
        ASSERT_TRUE(server.ok()) << server.error().to_string();
        server_ = std::move(*server);
    }

    Iso8583LinkSettings settings(const sim::TestPkiFiles& pki, security::PinSet pinned) const {
        Iso8583LinkSettings s;
        s.port = server_->port();
        s.tls = {pki.ca.certificate, pki.client.certificate, pki.client.private_key};
        s.pinned_keys = std::move(pinned);
        s.connect_timeout = 5s;
        s.reply_timeout = 5s;
        return s;
    }

    // The outcome of one balance inquiry over a fresh link with these settings.
    Result<AuthorizationResponse> balance_inquiry(const Iso8583LinkSettings& s) {
        auto link = Iso8583HostLink::create(s);
        if (!link.ok()) return link.error();
        return (*link)->authorize(test::card_request(TransactionType::BalanceInquiry, ++stan_, clock_.now()));
    }

    [[nodiscard]] std::string endpoint() const { return "bank host 127.0.0.1:" + std::to_string(server_->port()); }

    store::test::TempDirectory scratch_;
    SeededRandom serials_{5};
    sim::VirtualClock clock_;
    std::shared_ptr<sim::SimBank> bank_ = test::make_bank();
    std::unique_ptr<sim::SimBankServer> server_;
    std::uint32_t stan_ = 500;
};

TEST_F(Iso8583HostLinkTlsTest, WithdrawalOverThePinnedLinkMovesMoney) {
    const sim::TestPkiFiles pki = make_pki("bank");
    serve(pki);
    auto link = Iso8583HostLink::create(settings(pki, pins({pki.server_pin, spare_pin()})));
    ASSERT_TRUE(link.ok()) << link.error().to_string();
    auto response = (*link)->authorize(test::card_request(TransactionType::Withdrawal, ++stan_, clock_.now(), cny(300'00)));
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->code, ResponseCode::Approved);
    EXPECT_EQ(response->available_balance, cny(1'700'00));
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(1'700'00));
    auto balance = (*link)->authorize(test::card_request(TransactionType::BalanceInquiry, ++stan_, clock_.now()));
    ASSERT_TRUE(balance.ok()) << balance.error().to_string();
    EXPECT_EQ(balance->available_balance, cny(1'700'00));
    EXPECT_EQ(server_->connections_accepted(), 1U) << "the pinned connection is kept and reused";
}

TEST_F(Iso8583HostLinkTlsTest, TheBackupPinIsAccepted) {
    const sim::TestPkiFiles pki = make_pki("bank");
    serve(pki);
    // The bank already moved to the key the fleet carries as its backup pin.
    auto response = balance_inquiry(settings(pki, pins({spare_pin(), pki.server_pin})));
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->code, ResponseCode::Approved);
}

TEST_F(Iso8583HostLinkTlsTest, AKeyMatchingNeitherPinIsRefusedBeforeAnythingIsSent) {
    const sim::TestPkiFiles pki = make_pki("bank");
    serve(pki);
    const std::string primary = spare_pin();
    const std::string backup = spare_pin();
    auto response = balance_inquiry(settings(pki, pins({primary, backup})));
    ASSERT_FALSE(response.ok());
    const std::string& message = response.error().message;
    EXPECT_TRUE(contains(message, endpoint())) << message;
    EXPECT_TRUE(contains(message, "matches none of the pinned keys")) << message;
    EXPECT_TRUE(contains(message, pki.server_pin)) << "names the key the bank showed: " << message;
    EXPECT_TRUE(contains(message, primary) && contains(message, backup)) << message;
    EXPECT_EQ(response.error().domain, "host");
    EXPECT_EQ(server_->connections_accepted(), 1U);
    EXPECT_EQ(bank_->log().size(), 0U) << "no request reached the bank";
}

TEST_F(Iso8583HostLinkTlsTest, ABankOfferingOnlyTls10Or11IsRefusedAndTheReasonNamed) {
    const sim::TestPkiFiles pki = make_pki("bank");
    // OpenSSL 3 on Debian refuses TLS < 1.2 at security level 1 and up: the *bank* drops to 0.
    serve(pki, TLS1_VERSION, TLS1_1_VERSION, "DEFAULT@SECLEVEL=0");
    ASSERT_EQ(kiosk::testing::legacy_handshake_version(server_->port(), pki.client.certificate, pki.client.private_key),
              TLS1_1_VERSION)
        << "the legacy bank must really speak TLS 1.1 for the refusal to mean anything";
    auto response = balance_inquiry(settings(pki, pins({pki.server_pin, spare_pin()})));
    ASSERT_FALSE(response.ok());
    const std::string& message = response.error().message;
    EXPECT_TRUE(contains(message, endpoint())) << message;
    EXPECT_TRUE(contains(message, "TLS 1.1 or older")) << message;
    EXPECT_TRUE(contains(message, "requires TLS 1.2 or later")) << message;
    EXPECT_EQ(bank_->log().size(), 0U);
}

TEST_F(Iso8583HostLinkTlsTest, AnExpiredBankCertificateIsRefusedAndTheReasonNamed) {
    const TimePoint now = real_now();
    const sim::TestPkiFiles pki = make_pki("expired-bank", {now - 30 * 24h, now - 24h});
    serve(pki);
    auto response = balance_inquiry(settings(pki, pins({pki.server_pin, spare_pin()})));
    ASSERT_FALSE(response.ok());
    const std::string& message = response.error().message;
    EXPECT_TRUE(contains(message, "the server's certificate was refused: certificate has expired")) << message;
    EXPECT_TRUE(contains(message, endpoint())) << message;
    EXPECT_TRUE(contains(message, "handshake with the bank host")) << message;
    EXPECT_EQ(bank_->log().size(), 0U);
}

TEST_F(Iso8583HostLinkTlsTest, ABankDemandingAClientCertificateTheKioskLacksIsNamed) {
    const sim::TestPkiFiles pki = make_pki("bank");
    serve(pki);
    Iso8583LinkSettings s = settings(pki, pins({pki.server_pin, spare_pin()}));
    s.tls.client_certificate.clear();
    s.tls.client_key.clear();
    auto response = balance_inquiry(s);
    ASSERT_FALSE(response.ok());
    const std::string& message = response.error().message;
    EXPECT_TRUE(contains(message, "demands a client certificate (mutual TLS) and the kiosk has none configured")) << message;
    EXPECT_EQ(bank_->log().size(), 0U);
}

TEST_F(Iso8583HostLinkTlsTest, AnExpiredClientCertificateIsRefusedBeforeConnecting) {
    const TimePoint now = real_now();
    const sim::TestPkiFiles pki = make_pki("bank", sim::valid_around(now), {now - 400 * 24h, now - 2 * 24h});
    serve(pki);
    auto response = balance_inquiry(settings(pki, pins({pki.server_pin, spare_pin()})));
    ASSERT_FALSE(response.ok());
    const std::string& message = response.error().message;
    EXPECT_TRUE(contains(message, endpoint() + ": not connecting: bank host client certificate " +
                                      pki.client.certificate.string()))
        << message;
    EXPECT_TRUE(contains(message, "EXPIRED")) << message;
    EXPECT_EQ(server_->connections_accepted(), 0U) << "refused before connecting";
}

TEST_F(Iso8583HostLinkTlsTest, TheCertificateClockJudgesTheKiosksOwnCertificates) {
    const sim::TestPkiFiles pki = make_pki("bank");  // everything valid for a year
    serve(pki);
    sim::VirtualClock in_400_days(real_now() + 400 * 24h);
    Iso8583LinkSettings s = settings(pki, pins({pki.server_pin, spare_pin()}));
    s.certificate_clock = &in_400_days;
    auto response = balance_inquiry(s);
    ASSERT_FALSE(response.ok());
    const std::string& message = response.error().message;
    EXPECT_TRUE(contains(message, "not connecting")) << message;
    EXPECT_TRUE(contains(message, "bank host client certificate")) << message;
    EXPECT_TRUE(contains(message, "bank host CA certificate")) << message;
    EXPECT_EQ(server_->connections_accepted(), 0U);
}

TEST_F(Iso8583HostLinkTlsTest, ACertificateWithoutItsKeyFailsAtStartUp) {
    const sim::TestPkiFiles pki = make_pki("bank");
    serve(pki);
    Iso8583LinkSettings s = settings(pki, {});
    s.tls.client_key.clear();
    auto link = Iso8583HostLink::create(s);
    ASSERT_FALSE(link.ok());
    EXPECT_TRUE(contains(link.error().message, pki.client.certificate.string() + " has no key file configured"))
        << link.error().message;
}

TEST_F(Iso8583HostLinkTlsTest, ExpiryReportFlagsAClientCertificateAboutToExpireAndAnExpiredOne) {
    const TimePoint now = real_now();
    const sim::TestPkiFiles soon = make_pki("soon", sim::valid_around(now), {now - 300 * 24h, now + 12 * 24h});
    const sim::TestPkiFiles expired = make_pki("expired", sim::valid_around(now), {now - 400 * 24h, now - 2 * 24h});
    const sim::TestPkiFiles fine = make_pki("fine");
    const auto with_files = [](const sim::TestPkiFiles& pki) {
        Iso8583LinkSettings s;
        s.tls = {pki.ca.certificate, pki.client.certificate, pki.client.private_key};
        return s;
    };

    const auto soon_report = check_host_certificate_expiry(with_files(soon), now);
    ASSERT_TRUE(soon_report.ok()) << soon_report.error().to_string();
    EXPECT_EQ(soon_report->worst(), security::ExpiryState::ExpiringSoon);
    ASSERT_EQ(soon_report->notices().size(), 1U);
    EXPECT_TRUE(contains(soon_report->notices()[0], "bank host client certificate")) << soon_report->notices()[0];
    EXPECT_TRUE(contains(soon_report->notices()[0], "expires in 11 days") ||
                contains(soon_report->notices()[0], "expires in 12 days"))
        << soon_report->notices()[0];

    const auto expired_report = check_host_certificate_expiry(with_files(expired), now);
    ASSERT_TRUE(expired_report.ok()) << expired_report.error().to_string();
    EXPECT_EQ(expired_report->worst(), security::ExpiryState::Expired);
    EXPECT_FALSE(expired_report->usable());
    ASSERT_EQ(expired_report->notices().size(), 1U);
    EXPECT_TRUE(contains(expired_report->notices()[0], "bank host client certificate")) << expired_report->notices()[0];
    EXPECT_TRUE(contains(expired_report->notices()[0], "EXPIRED")) << expired_report->notices()[0];

    const auto fine_report = check_host_certificate_expiry(with_files(fine), now);
    ASSERT_TRUE(fine_report.ok()) << fine_report.error().to_string();
    EXPECT_EQ(fine_report->worst(), security::ExpiryState::Valid);
    EXPECT_EQ(fine_report->certificates.size(), 2U) << "client certificate and CA";
    EXPECT_TRUE(fine_report->notices().empty());

    Iso8583LinkSettings missing = with_files(fine);
    missing.tls.client_certificate = scratch_.file("nope.pem");
    const auto unreadable = check_host_certificate_expiry(missing, now);
    ASSERT_FALSE(unreadable.ok());
    EXPECT_TRUE(contains(unreadable.error().message, "bank host client certificate")) << unreadable.error().message;
}

}  // namespace
}  // namespace kiosk::host
