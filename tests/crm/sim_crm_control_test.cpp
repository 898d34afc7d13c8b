// The simulated CRM's control endpoints under /v1/sim/, driven by SimCrmControlClient over mutual
// TLS: a fault set there strikes the records endpoint, a profile put there is answered, a complaint
// status set there shows in the profile, and stats and the request log tell what happened. Off
// unless enabled. The JSON of the control messages round-trips and refuses nonsense.
#include "sim/crm/sim_crm_control_client.hpp"

#include <gtest/gtest.h>

#include "crm/https_client.hpp"
#include "crm/profile_format.hpp"
#include "crm/wire_format.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "sim_crm_test_support.hpp"
#include "tls_test_support.hpp"

namespace kiosk::sim {
namespace {

class SimCrmControlTest : public ::testing::Test {
protected:
    void start(bool control) {
        pki_ = kiosk::testing::make_pki(scratch_.path());
        auto options = kiosk::testing::serve_with(pki_);
        options.client_ca_file = pki_.ca.certificate;
        options.enable_control = control;
        options.open_record = kiosk::testing::plain_opener();
        auto started = SimCrmServer::start(options);
        ASSERT_TRUE(started.ok()) << started.error().to_string();
        server_ = std::move(*started);
        SimCrmConnection connection;
        connection.port = server_->port();
        connection.ca_file = pki_.ca.certificate;
        connection.client_cert_file = pki_.client.certificate;
        connection.client_key_file = pki_.client.private_key;
        connection.timeout = Millis{3'000};
        control_ = std::make_unique<SimCrmControlClient>(connection);
    }

    int post_record(const std::string& id, const std::string& kind = "survey", const std::string& payload = "{}") {
        crm::TlsSettings tls = kiosk::testing::trust(pki_);
        tls.client_cert_file = pki_.client.certificate.string();
        tls.client_key_file = pki_.client.private_key.string();
        crm::HttpsClient client(tls, {Millis{2'000}, Millis{5'000}});
        const auto response =
            client.post_json(server_->url(), crm::encode_batch({"K1", {kiosk::testing::payload_record(id, kind, payload)}}));
        return response.ok() ? static_cast<int>(response->status) : 0;
    }

    kiosk::testing::ScratchDirectory scratch_;
    TestPkiFiles pki_;
    std::unique_ptr<SimCrmServer> server_;
    std::unique_ptr<SimCrmControlClient> control_;
};

TEST_F(SimCrmControlTest, AFaultSetOverControlStrikesTheRecordsEndpoint) {
    start(true);
    ASSERT_TRUE(control_->inject(CrmFault::Unavailable, 2, CrmEndpoint::Records, "9").ok());
    EXPECT_EQ(post_record("r-1"), 503);
    EXPECT_EQ(post_record("r-1"), 503);
    EXPECT_EQ(post_record("r-1"), 200);
    const auto stats = control_->stats();
    ASSERT_TRUE(stats.ok()) << stats.error().to_string();
    EXPECT_EQ(stats->records_held, 1U);
    EXPECT_EQ(stats->records_opened, 1U);
    EXPECT_EQ(stats->record_requests_by_status, (std::map<int, std::size_t>{{200, 1}, {503, 2}}));
    const auto log = control_->requests();
    ASSERT_TRUE(log.ok()) << log.error().to_string();
    ASSERT_EQ(log->size(), 3U);
    EXPECT_EQ((*log)[2].records_in_batch, 1U);
}

TEST_F(SimCrmControlTest, ClearFaultsHealsAtOnce) {
    start(true);
    ASSERT_TRUE(control_->inject(CrmFault::ServerError, 50).ok());
    EXPECT_EQ(post_record("r-1"), 500);
    ASSERT_TRUE(control_->clear_faults().ok());
    EXPECT_EQ(post_record("r-1"), 200);
}

TEST_F(SimCrmControlTest, AProfileAndAComplaintStatusSetOverControlAreAnswered) {
    start(true);
    CustomerProfile profile;
    profile.offer = ProfileOffer{"fx-1", "No fees", "免手续费"};
    ASSERT_TRUE(control_->put_profile("tok-a", profile).ok());
    ASSERT_EQ(post_record("c-1", "complaint", R"({"reference":"KB-5","category":"receipt","pan_token":"tok-a"})"), 200);
    ASSERT_TRUE(control_->set_complaint_state("KB-5", ComplaintState::Resolved).ok());
    const auto unknown = control_->set_complaint_state("KB-404", ComplaintState::Resolved);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().native_code, 404);

    const auto answer = kiosk::testing::get_profile(server_->port(), pki_, "tok-a");
    ASSERT_EQ(answer.status, 200) << answer.error;
    const auto decoded = crm::decode_profile(answer.body);
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    ASSERT_TRUE(decoded->offer);
    EXPECT_EQ(decoded->offer->text_zh, "免手续费");
    ASSERT_EQ(decoded->complaints.size(), 1U);
    EXPECT_EQ(decoded->complaints[0].state, ComplaintState::Resolved);
}

TEST_F(SimCrmControlTest, ARefusedControlRequestSaysWhy) {
    start(true);
    const auto refused = control_->inject(CrmFault::Stall, 0);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().native_code, 400);
    EXPECT_NE(refused.error().message.find("times"), std::string::npos) << refused.error().message;
}

TEST_F(SimCrmControlTest, ControlIsOffUnlessEnabled) {
    start(false);
    const auto refused = control_->inject(CrmFault::ServerError);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().native_code, 404);
    EXPECT_EQ(post_record("r-1"), 200);
}

TEST(SimCrmControlMessages, RoundTripAndRefuseNonsense) {
    const FaultRequest fault{CrmFault::ResetMidAnswer, 3, CrmEndpoint::Profiles, "5"};
    EXPECT_EQ(*decode_fault_request(encode_fault_request(fault)), fault);
    const auto defaults = decode_fault_request(R"({"fault":"refuse"})");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->times, 1);
    EXPECT_EQ(defaults->endpoint, CrmEndpoint::Records);
    EXPECT_FALSE(decode_fault_request(R"({"fault":"melt"})").ok());
    EXPECT_FALSE(decode_fault_request(R"({"fault":"refuse","times":"2"})").ok());
    EXPECT_FALSE(decode_fault_request(R"({"fault":"throttled","retry_after":"1\r\nX-Evil: 1"})").ok());

    SimCrmStats stats;
    stats.records_held = 4;
    stats.records_opened = 3;
    stats.complaints = 1;
    stats.record_requests_by_status = {{0, 1}, {200, 3}};
    stats.profile_requests_by_status = {{404, 2}};
    EXPECT_EQ(*decode_stats(encode_stats(stats)), stats);
    EXPECT_FALSE(decode_stats(R"({"records_held":-1})").ok());

    const std::vector<RequestLogEntry> log{{1, "/v1/records", 200, 3}, {2, "/v1/profiles", 0, 0}};
    EXPECT_EQ(*decode_request_log(encode_request_log(log)), log);
    EXPECT_EQ(*decode_complaint_update(encode_complaint_update(ComplaintState::InProgress)), ComplaintState::InProgress);
    EXPECT_FALSE(decode_complaint_update(R"({"status":"closed"})").ok());
}

}  // namespace
}  // namespace kiosk::sim
