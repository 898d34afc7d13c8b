// crm/https_client against the simulated CRM on loopback: it succeeds only with a trusted, valid,
// pinned certificate over TLS 1.2+, and every failure is a bounded, named Error.
#include "crm/https_client.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "crm/wire_format.hpp"
#include "security/openssl_error.hpp"
#include "security/openssl_handles.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "tls_test_support.hpp"

namespace kiosk::crm {
namespace {

using namespace std::chrono_literals;
using std::chrono::steady_clock;

const HttpTimeouts quick{Millis{2'000}, Millis{5'000}};

std::string one_record_batch(const std::string& id = "rec-1") {
    security::SealedRecord record;
    record.header = {id, "journey", "K1", "dk-1", 1, 1'767'603'600'000};
    record.iv = Bytes(12, 1);
    record.ciphertext = to_bytes("sealed");
    record.tag = Bytes(16, 2);
    return encode_batch({"K1", {record}, {}});
}

class HttpsClientTest : public ::testing::Test {
protected:
    void SetUp() override { pki_ = kiosk::testing::make_pki(scratch_.path()); }

    std::unique_ptr<sim::SimCrmServer> start_server(sim::SimCrmOptions options) {
        auto server = sim::SimCrmServer::start(options);
        if (!server) throw std::runtime_error(server.error().to_string());
        return std::move(*server);
    }
    std::unique_ptr<sim::SimCrmServer> start_server() { return start_server(kiosk::testing::serve_with(pki_)); }

    kiosk::testing::ScratchDirectory scratch_;
    sim::TestPkiFiles pki_;
};

TEST_F(HttpsClientTest, PostsJsonAndReadsTheAnswer) {
    auto server = start_server();
    HttpsClient client(kiosk::testing::trust(pki_), quick);
    const auto response = client.post_json(server->url(), one_record_batch());
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->status, 200);
    const std::vector<std::string> sent = {"rec-1"};
    const auto answer = decode_answer(response->body, sent);
    ASSERT_TRUE(answer.ok()) << answer.error().to_string() << "\n" << response->body;
    ASSERT_EQ(answer->size(), 1U);
    EXPECT_EQ((*answer)[0].outcome, RecordOutcome::Accepted);
    EXPECT_EQ(server->received_ids(), sent);
}

TEST_F(HttpsClientTest, ReusesTheConnectionForConsecutiveRequests) {
    auto server = start_server();
    HttpsClient client(kiosk::testing::trust(pki_), quick);
    ASSERT_TRUE(client.post_json(server->url(), one_record_batch("a")).ok());
    ASSERT_TRUE(client.post_json(server->url(), one_record_batch("b")).ok());
    EXPECT_EQ(server->request_count(), 2U);
}

TEST_F(HttpsClientTest, ServerCertificateFromAnotherCaIsRefused) {
    auto server = start_server();
    kiosk::testing::ScratchDirectory elsewhere;
    const auto foreign = kiosk::testing::make_pki(elsewhere.path(), 99);
    HttpsClient client(kiosk::testing::trust(foreign), quick);
    const auto response = client.post_json(server->url(), one_record_batch());
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().domain, "curl");
    EXPECT_EQ(response.error().native_code, static_cast<int>(CURLE_PEER_FAILED_VERIFICATION));
    EXPECT_NE(response.error().message.find(server->url()), std::string::npos) << response.error().message;
    EXPECT_EQ(server->request_count(), 0U);
}

TEST_F(HttpsClientTest, MatchingPinIsAccepted) {
    auto server = start_server();
    auto tls = kiosk::testing::trust(pki_);
    tls.pinned_public_keys = pki_.server_pin;
    HttpsClient client(tls, quick);
    const auto response = client.post_json(server->url(), one_record_batch());
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->status, 200);
}

TEST_F(HttpsClientTest, BackupPinIsAccepted) {
    auto server = start_server();
    auto tls = kiosk::testing::trust(pki_);
    tls.pinned_public_keys = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;" + pki_.server_pin;
    HttpsClient client(tls, quick);
    const auto response = client.post_json(server->url(), one_record_batch());
    ASSERT_TRUE(response.ok()) << response.error().to_string();
}

TEST_F(HttpsClientTest, PinMismatchIsRefusedByNameBeforeAnythingIsSent) {
    auto server = start_server();
    kiosk::testing::ScratchDirectory elsewhere;
    const auto other = kiosk::testing::make_pki(elsewhere.path(), 98);
    auto tls = kiosk::testing::trust(pki_);  // the chain is trusted, only the key is not ours
    tls.pinned_public_keys = other.server_pin;
    HttpsClient client(tls, quick);
    const auto response = client.post_json(server->url(), one_record_batch());
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().native_code, static_cast<int>(CURLE_SSL_PINNEDPUBKEYNOTMATCH));
    EXPECT_NE(response.error().message.find("pinned"), std::string::npos) << response.error().message;
    EXPECT_NE(response.error().message.find(other.server_pin), std::string::npos);
    EXPECT_EQ(server->request_count(), 0U);
    EXPECT_TRUE(server->received_ids().empty());
}

TEST_F(HttpsClientTest, ExpiredServerCertificateIsRefused) {
    kiosk::testing::ScratchDirectory elsewhere;
    const TimePoint now = kiosk::testing::real_now();
    const auto expired = kiosk::testing::make_pki(elsewhere.path(), 3, {now - 30 * 24h, now - 24h});
    auto server = start_server(kiosk::testing::serve_with(expired));
    HttpsClient client(kiosk::testing::trust(expired), quick);
    const auto response = client.post_json(server->url(), one_record_batch());
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().native_code, static_cast<int>(CURLE_PEER_FAILED_VERIFICATION));
    EXPECT_NE(response.error().message.find("expired"), std::string::npos) << response.error().message;
    EXPECT_EQ(server->request_count(), 0U);
}

TEST_F(HttpsClientTest, ServerOfferingOnlyTls11IsRefused) {
    auto server = start_server(kiosk::testing::serve_legacy_tls_with(pki_));
    ASSERT_EQ(kiosk::testing::legacy_handshake_version(server->port()), TLS1_1_VERSION)
        << "the legacy server must really speak TLS 1.1";

    HttpsClient client(kiosk::testing::trust(pki_), quick);
    const auto response = client.post_json(server->url(), one_record_batch());
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().native_code, static_cast<int>(CURLE_SSL_CONNECT_ERROR)) << response.error().to_string();
    EXPECT_NE(response.error().message.find("TLS 1.2 or later"), std::string::npos) << response.error().message;
    EXPECT_EQ(server->request_count(), 0U);
}

TEST_F(HttpsClientTest, NegotiatesTls13WithAModernServer) {
    auto options = kiosk::testing::serve_with(pki_);
    options.min_tls_version = TLS1_3_VERSION;  // a server that would refuse anything less
    auto server = start_server(options);
    HttpsClient client(kiosk::testing::trust(pki_), quick);
    const auto response = client.post_json(server->url(), one_record_batch());
    ASSERT_TRUE(response.ok()) << response.error().to_string();
}

TEST_F(HttpsClientTest, Tls12ServerIsAcceptedWithAForwardSecretSuite) {
    auto options = kiosk::testing::serve_with(pki_);
    options.max_tls_version = TLS1_2_VERSION;
    options.cipher_list = "ECDHE-ECDSA-AES128-GCM-SHA256";
    auto server = start_server(options);
    HttpsClient client(kiosk::testing::trust(pki_), quick);
    ASSERT_TRUE(client.post_json(server->url(), one_record_batch()).ok());
}

TEST_F(HttpsClientTest, ServerRequiringAClientCertificateGetsOneWhenConfigured) {
    auto options = kiosk::testing::serve_with(pki_);
    options.client_ca_file = pki_.ca.certificate;
    auto server = start_server(options);

    HttpsClient anonymous(kiosk::testing::trust(pki_), quick);
    const auto refused = anonymous.post_json(server->url(), one_record_batch("a"));
    EXPECT_FALSE(refused.ok());

    auto tls = kiosk::testing::trust(pki_);
    tls.client_cert_file = pki_.client.certificate.string();
    tls.client_key_file = pki_.client.private_key.string();
    HttpsClient identified(tls, quick);
    const auto response = identified.post_json(server->url(), one_record_batch("b"));
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(server->received_ids(), std::vector<std::string>{"b"});
}

TEST_F(HttpsClientTest, ServerThatNeverAnswersTimesOutWithinTheTotalTimeout) {
    kiosk::testing::SilentListener silent;
    HttpsClient client(kiosk::testing::trust(pki_), {Millis{300}, Millis{400}});
    const auto start = steady_clock::now();
    const auto response = client.post_json(silent.url(), one_record_batch());
    const auto elapsed = steady_clock::now() - start;
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().native_code, static_cast<int>(CURLE_OPERATION_TIMEDOUT));
    EXPECT_NE(response.error().message.find("timed out"), std::string::npos) << response.error().message;
    EXPECT_LT(elapsed, 3s);
}

TEST_F(HttpsClientTest, SlowAnswerTimesOut) {
    auto server = start_server();
    server->set_answer_delay(Millis{3'000});
    HttpsClient client(kiosk::testing::trust(pki_), {Millis{1'000}, Millis{500}});
    const auto start = steady_clock::now();
    const auto response = client.post_json(server->url(), one_record_batch());
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().native_code, static_cast<int>(CURLE_OPERATION_TIMEDOUT));
    EXPECT_LT(steady_clock::now() - start, 2'500ms);
}

TEST_F(HttpsClientTest, ReturnsStatusAndRetryAfterOfAThrottledAnswer) {
    auto server = start_server();
    server->set_retry_after("7");
    server->inject(sim::CrmFault::Throttled);
    HttpsClient client(kiosk::testing::trust(pki_), quick);
    const auto response = client.post_json(server->url(), one_record_batch());
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->status, 429);
    EXPECT_EQ(response->retry_after, "7");
}

TEST_F(HttpsClientTest, CancelAbortsTheRequestInFlightAndResumeAllowsNewOnes) {
    auto server = start_server();
    server->set_answer_delay(Millis{20'000});
    HttpsClient client(kiosk::testing::trust(pki_), {Millis{2'000}, Millis{30'000}});
    std::thread canceller([&client] {
        std::this_thread::sleep_for(200ms);
        client.cancel();
    });
    const auto start = steady_clock::now();
    const auto response = client.post_json(server->url(), one_record_batch("a"));
    canceller.join();
    ASSERT_FALSE(response.ok());
    EXPECT_NE(response.error().message.find("stopped"), std::string::npos) << response.error().message;
    EXPECT_LT(steady_clock::now() - start, 2s);

    EXPECT_FALSE(client.post_json(server->url(), one_record_batch("b")).ok()) << "still cancelled";
    server->set_answer_delay(Millis{0});
    client.resume();
    EXPECT_TRUE(client.post_json(server->url(), one_record_batch("c")).ok());
}

TEST_F(HttpsClientTest, PlainHttpIsNeverUsed) {
    auto server = start_server();
    HttpsClient client(kiosk::testing::trust(pki_), quick);
    const std::string plain = "http://127.0.0.1:" + std::to_string(server->port()) + "/v1/records";
    const auto response = client.post_json(plain, one_record_batch());
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().native_code, static_cast<int>(CURLE_UNSUPPORTED_PROTOCOL));
    EXPECT_EQ(server->request_count(), 0U);
}

}  // namespace
}  // namespace kiosk::crm
