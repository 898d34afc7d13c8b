// The TLS policy and pinning used by a raw OpenSSL client (as the host link would), against the
// simulated CRM server on loopback: TLS 1.3 preferred, TLS 1.2 with a forward-secret AEAD suite
// accepted, TLS 1.0/1.1 refused with words, and the peer's key checked against primary and backup pins.
#include <sys/socket.h>
#include <sys/time.h>

#include <gtest/gtest.h>

#include <openssl/err.h>

#include "common/random_source.hpp"
#include "security/openssl_handles.hpp"
#include "security/tls_pin.hpp"
#include "security/tls_policy.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "sim/crm/test_pki.hpp"

namespace kiosk::security {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct Connection {
    SslCtxPtr context;
    SslPtr ssl;
    HandshakeObserver observer;
    bool handshake_ok = false;
};

// A blocking client with 5 s socket timeouts (a test must never hang on a silent peer).
void connect_with_policy(Connection& connection, int port, const std::filesystem::path& ca_file) {
    connection.context.reset(SSL_CTX_new(TLS_client_method()));
    ASSERT_TRUE(connection.context);
    SSL_CTX* context = connection.context.get();
    ASSERT_TRUE(apply_client_tls_policy(*context).ok());
    ASSERT_EQ(SSL_CTX_load_verify_locations(context, ca_file.c_str(), nullptr), 1);
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nullptr);
    observe_handshake(*context, connection.observer);

    BIO* tcp = BIO_new_connect(("127.0.0.1:" + std::to_string(port)).c_str());
    ASSERT_NE(tcp, nullptr);
    if (BIO_do_connect(tcp) != 1) {
        BIO_free_all(tcp);
        FAIL() << "cannot connect to the simulated server";
    }
    const int fd = static_cast<int>(BIO_get_fd(tcp, nullptr));
    const timeval timeout{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    connection.ssl.reset(SSL_new(context));
    ASSERT_TRUE(connection.ssl);
    SSL_set_bio(connection.ssl.get(), tcp, tcp);  // the SSL owns the BIO now
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(connection.ssl.get()), "127.0.0.1");
    connection.handshake_ok = SSL_connect(connection.ssl.get()) == 1;
    ERR_clear_error();
}

class TlsRawClientTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-tls-raw-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        directory_ = pattern;
        const TimePoint now = SystemClock().now();  // OpenSSL verifies against the real time
        auto pki = sim::generate_test_pki(directory_, {sim::valid_around(now), sim::valid_around(now), false}, serials_);
        ASSERT_TRUE(pki.ok()) << pki.error().to_string();
        pki_ = *pki;
    }
    void TearDown() override {
        std::error_code ignored;
        std::filesystem::remove_all(directory_, ignored);
    }

    std::unique_ptr<sim::SimCrmServer> serve(int min_version, int max_version, const std::string& ciphers = "") {
        sim::SimCrmOptions options;
        options.certificate_file = pki_.server.certificate;
        options.private_key_file = pki_.server.private_key;
        options.min_tls_version = min_version;
        options.max_tls_version = max_version;
        options.cipher_list = ciphers;
        auto server = sim::SimCrmServer::start(options);
        if (!server) throw std::runtime_error(server.error().to_string());
        return std::move(*server);
    }

    std::filesystem::path directory_;
    SeededRandom serials_{41};
    sim::TestPkiFiles pki_;
};

TEST_F(TlsRawClientTest, PrefersTls13AndAcceptsTheBackupPin) {
    auto server = serve(0, 0);
    Connection connection;
    connect_with_policy(connection, server->port(), pki_.ca.certificate);
    ASSERT_TRUE(connection.handshake_ok);
    EXPECT_EQ(SSL_version(connection.ssl.get()), TLS1_3_VERSION);

    auto spare = sim::make_spare_key();
    ASSERT_TRUE(spare.ok());
    const auto primary_then_backup = parse_pin_list(spare->pin + ";" + pki_.server_pin, PinRequirement::PrimaryAndBackup, "pins");
    ASSERT_TRUE(primary_then_backup.ok()) << primary_then_backup.error().to_string();
    EXPECT_TRUE(check_peer_pin(*connection.ssl, *primary_then_backup, "crm.test:443").ok());

    auto other = sim::make_spare_key();
    ASSERT_TRUE(other.ok());
    const auto wrong = parse_pin_list(spare->pin + ";" + other->pin, PinRequirement::PrimaryAndBackup, "pins");
    ASSERT_TRUE(wrong.ok());
    const Status refused = check_peer_pin(*connection.ssl, *wrong, "crm.test:443");
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(contains(refused.error().message, "crm.test:443")) << refused.error().message;
    EXPECT_TRUE(contains(refused.error().message, pki_.server_pin)) << "names the key the server showed";
    EXPECT_TRUE(contains(refused.error().message, other->pin)) << "and the pins it should have matched";
}

TEST_F(TlsRawClientTest, Tls12ServerGetsAForwardSecretAeadSuite) {
    auto server = serve(0, TLS1_2_VERSION);
    Connection connection;
    connect_with_policy(connection, server->port(), pki_.ca.certificate);
    ASSERT_TRUE(connection.handshake_ok);
    EXPECT_EQ(SSL_version(connection.ssl.get()), TLS1_2_VERSION);
    const std::string suite = SSL_CIPHER_get_name(SSL_get_current_cipher(connection.ssl.get()));
    EXPECT_TRUE(suite.starts_with("ECDHE-")) << suite;
    EXPECT_TRUE(contains(suite, "GCM") || contains(suite, "CHACHA20")) << suite;
}

TEST_F(TlsRawClientTest, LegacyServerIsRefusedAndTheReasonNamed) {
    auto server = serve(TLS1_VERSION, TLS1_1_VERSION, "DEFAULT@SECLEVEL=0");
    Connection connection;
    connect_with_policy(connection, server->port(), pki_.ca.certificate);
    EXPECT_FALSE(connection.handshake_ok);
    const std::string reason = describe_handshake_refusal(connection.observer, false);
    EXPECT_TRUE(contains(reason, "TLS 1.2 or later")) << reason;
}

TEST(TlsPolicy, RaisesAWeakMinimumAndLiftsALowMaximum) {
    SslCtxPtr context(SSL_CTX_new(TLS_client_method()));
    ASSERT_TRUE(context);
    SSL_CTX_set_min_proto_version(context.get(), TLS1_VERSION);
    SSL_CTX_set_max_proto_version(context.get(), TLS1_1_VERSION);
    ASSERT_TRUE(apply_client_tls_policy(*context).ok());
    EXPECT_EQ(SSL_CTX_get_min_proto_version(context.get()), TLS1_2_VERSION);
    EXPECT_EQ(SSL_CTX_get_max_proto_version(context.get()), 0) << "0 = the highest this OpenSSL knows (TLS 1.3)";
    EXPECT_NE(SSL_CTX_get_options(context.get()) & SSL_OP_NO_RENEGOTIATION, 0U);

    SSL_CTX_set_min_proto_version(context.get(), TLS1_3_VERSION);  // stricter than the policy: kept
    ASSERT_TRUE(apply_client_tls_policy(*context).ok());
    EXPECT_EQ(SSL_CTX_get_min_proto_version(context.get()), TLS1_3_VERSION);
}

TEST(TlsPolicy, VersionNames) {
    EXPECT_EQ(tls_version_name(TLS1_1_VERSION), "TLS 1.1");
    EXPECT_EQ(tls_version_name(TLS1_3_VERSION), "TLS 1.3");
    EXPECT_EQ(tls_version_name(0x7f1c), "protocol version 0x7f1c");
}

}  // namespace
}  // namespace kiosk::security
