// GET /v1/profiles/<token> of the simulated CRM: the stored profile merged with that customer's
// complaint statuses (newest first) as the profile JSON of docs/cx-records.md, 404 for a token it
// does not know, and the same mutual TLS as the records endpoint.
#include <gtest/gtest.h>

#include "crm/https_client.hpp"
#include "crm/profile_format.hpp"
#include "crm/wire_format.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "sim/virtual_clock.hpp"
#include "sim_crm_test_support.hpp"
#include "tls_test_support.hpp"

namespace kiosk::sim {
namespace {

class SimCrmProfileTest : public ::testing::Test {
protected:
    void SetUp() override {
        pki_ = kiosk::testing::make_pki(scratch_.path());
        auto options = kiosk::testing::serve_with(pki_);
        options.client_ca_file = pki_.ca.certificate;  // mutual TLS
        options.open_record = kiosk::testing::plain_opener();
        options.clock = &clock_;
        auto started = SimCrmServer::start(options);
        ASSERT_TRUE(started.ok()) << started.error().to_string();
        server_ = std::move(*started);
    }

    kiosk::testing::ProfileAnswer get(const std::string& token, bool with_client_certificate = true) {
        return kiosk::testing::get_profile(server_->port(), pki_, token, with_client_certificate);
    }

    void complain(const std::string& record_id, const std::string& reference) {
        crm::TlsSettings tls = kiosk::testing::trust(pki_);
        tls.client_cert_file = pki_.client.certificate.string();
        tls.client_key_file = pki_.client.private_key.string();
        crm::HttpsClient client(tls, {Millis{2'000}, Millis{5'000}});
        const std::string payload =
            R"({"reference":")" + reference + R"(","category":"receipt","pan_token":"tok-a","language":"en"})";
        const auto response = client.post_json(
            server_->url(), crm::encode_batch({"K1", {kiosk::testing::payload_record(record_id, "complaint", payload)}}));
        ASSERT_TRUE(response.ok()) << response.error().to_string();
        ASSERT_EQ(response->status, 200);
    }

    kiosk::testing::ScratchDirectory scratch_;
    TestPkiFiles pki_;
    VirtualClock clock_;
    std::unique_ptr<SimCrmServer> server_;
};

TEST_F(SimCrmProfileTest, AStoredProfileIsAnsweredAsTheContractsJson) {
    CustomerProfile profile;
    profile.language = ui::Language::SimplifiedChinese;
    profile.segment = "senior";
    profile.favourite_withdrawal = Money{50'000, "CNY", 2};
    ASSERT_TRUE(server_->put_profile("tok-a", profile).ok());
    const auto answer = get("tok-a");
    ASSERT_TRUE(answer.answered) << answer.error;
    EXPECT_EQ(answer.status, 200);
    const auto decoded = crm::decode_profile(answer.body);
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    EXPECT_EQ(decoded->language, ui::Language::SimplifiedChinese);
    EXPECT_EQ(decoded->segment, "senior");
    EXPECT_EQ(decoded->favourite_withdrawal, (Money{50'000, "CNY", 2}));
    EXPECT_NE(answer.body.find(R"("token":"tok-a")"), std::string::npos);
}

TEST_F(SimCrmProfileTest, AnUnknownTokenIs404) {
    const auto answer = get("tok-nobody");
    ASSERT_TRUE(answer.answered) << answer.error;
    EXPECT_EQ(answer.status, 404);
}

TEST_F(SimCrmProfileTest, WithoutAClientCertificateTheConnectionIsRefused) {
    ASSERT_TRUE(server_->put_profile("tok-a", CustomerProfile{}).ok());
    const auto answer = get("tok-a", false);
    EXPECT_FALSE(answer.answered) << "HTTP " << answer.status;
    EXPECT_TRUE(server_->request_log().empty()) << "refused in the handshake, before any request";
}

TEST_F(SimCrmProfileTest, ComplaintsOfTheCustomerAreMergedNewestFirstWithTheirStatus) {
    CustomerProfile profile;
    profile.segment = "standard";
    ASSERT_TRUE(server_->put_profile("tok-a", profile).ok());
    complain("c-1", "KB-1");
    clock_.advance(Millis{60'000});
    complain("c-2", "KB-2");
    clock_.advance(Millis{60'000});
    ASSERT_TRUE(*server_->set_complaint_state("KB-1", ComplaintState::InProgress));

    const auto answer = get("tok-a");
    ASSERT_EQ(answer.status, 200) << answer.error;
    const auto decoded = crm::decode_profile(answer.body);
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    EXPECT_EQ(decoded->segment, "standard");
    ASSERT_EQ(decoded->complaints.size(), 2U);
    EXPECT_EQ(decoded->complaints[0].reference, "KB-1") << "updated last, so first";
    EXPECT_EQ(decoded->complaints[0].state, ComplaintState::InProgress);
    EXPECT_EQ(decoded->complaints[0].updated_unix_ms, to_unix_millis(clock_.now()));
    EXPECT_EQ(decoded->complaints[1].reference, "KB-2");
    EXPECT_EQ(decoded->complaints[1].state, ComplaintState::Received);
}

TEST_F(SimCrmProfileTest, ACustomerKnownOnlyByAComplaintHasAProfileOfItsComplaints) {
    complain("c-1", "KB-7");
    const auto answer = get("tok-a");
    ASSERT_EQ(answer.status, 200) << answer.error;
    const auto decoded = crm::decode_profile(answer.body);
    ASSERT_TRUE(decoded.ok());
    ASSERT_EQ(decoded->complaints.size(), 1U);
    EXPECT_EQ(decoded->complaints[0].reference, "KB-7");
}

TEST_F(SimCrmProfileTest, ProfileFaultsAreTheirOwn) {
    ASSERT_TRUE(server_->put_profile("tok-a", CustomerProfile{}).ok());
    server_->inject(CrmFault::Unavailable, 1, CrmEndpoint::Profiles);
    server_->inject(CrmFault::MalformedAnswer, 1, CrmEndpoint::Profiles);
    server_->inject(CrmFault::Refuse, 1, CrmEndpoint::Profiles);
    EXPECT_EQ(get("tok-a").status, 503);
    const auto malformed = get("tok-a");
    EXPECT_EQ(malformed.status, 200);
    EXPECT_FALSE(crm::decode_profile(malformed.body).ok());
    EXPECT_FALSE(get("tok-a").answered) << "refused";
    EXPECT_EQ(get("tok-a").status, 200) << "healed";
    const auto stats = server_->stats();
    EXPECT_EQ(stats.profile_requests_by_status, (std::map<int, std::size_t>{{0, 1}, {200, 2}, {503, 1}}));
    EXPECT_TRUE(stats.record_requests_by_status.empty());
}

}  // namespace
}  // namespace kiosk::sim
