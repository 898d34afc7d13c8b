// sim/crm/sim_crm_server: deduplicates on record id, answers per record, and each injected fault
// does exactly what its name says (stored or not, answer status, body).
#include "sim/crm/sim_crm_server.hpp"

#include <gtest/gtest.h>

#include "crm/https_client.hpp"
#include "crm/wire_format.hpp"
#include "tls_test_support.hpp"

namespace kiosk::sim {
namespace {

security::SealedRecord record(const std::string& id) {
    security::SealedRecord sealed;
    sealed.header = {id, "survey", "K1", "dk-1", 1, 1'767'603'600'000};
    sealed.iv = Bytes(12, 3);
    sealed.ciphertext = to_bytes("payload of " + id);
    sealed.tag = Bytes(16, 4);
    return sealed;
}

class SimCrmServerTest : public ::testing::Test {
protected:
    void SetUp() override {
        pki_ = kiosk::testing::make_pki(scratch_.path());
        auto started = SimCrmServer::start(kiosk::testing::serve_with(pki_));
        ASSERT_TRUE(started.ok()) << started.error().to_string();
        server_ = std::move(*started);
        client_ = std::make_unique<crm::HttpsClient>(kiosk::testing::trust(pki_),
                                                     crm::HttpTimeouts{Millis{2'000}, Millis{5'000}});
    }

    crm::HttpResponse post(const std::vector<std::string>& ids) {
        crm::UploadBatch batch{"K1", {}, {}};
        for (const auto& id : ids) batch.records.push_back(record(id));
        auto response = client_->post_json(server_->url(), crm::encode_batch(batch));
        if (!response) throw std::runtime_error(response.error().to_string());
        return std::move(*response);
    }

    std::vector<crm::RecordResult> answer(const crm::HttpResponse& response, const std::vector<std::string>& ids) {
        auto decoded = crm::decode_answer(response.body, ids);
        if (!decoded) throw std::runtime_error(decoded.error().to_string());
        return std::move(*decoded);
    }

    kiosk::testing::ScratchDirectory scratch_;
    TestPkiFiles pki_;
    std::unique_ptr<SimCrmServer> server_;
    std::unique_ptr<crm::HttpsClient> client_;
};

TEST_F(SimCrmServerTest, BindsLoopbackOnAnOsChosenPort) {
    EXPECT_GT(server_->port(), 0);
    EXPECT_EQ(server_->url(), "https://127.0.0.1:" + std::to_string(server_->port()) + "/v1/records");
}

TEST_F(SimCrmServerTest, KeepsRecordsInArrivalOrderAndIntact) {
    const std::vector<std::string> ids = {"r-3", "r-1", "r-2"};
    const auto results = answer(post(ids), ids);
    ASSERT_EQ(results.size(), 3U);
    for (const auto& result : results) EXPECT_EQ(result.outcome, crm::RecordOutcome::Accepted);
    EXPECT_EQ(server_->received_ids(), ids);
    EXPECT_EQ(server_->received()[1], record("r-1"));
}

TEST_F(SimCrmServerTest, ResentRecordIsAnsweredDuplicateAndCountedOnce) {
    static_cast<void>(post({"r-1", "r-2"}));
    const std::vector<std::string> resent = {"r-2", "r-3"};
    const auto results = answer(post(resent), resent);
    ASSERT_EQ(results.size(), 2U);
    EXPECT_EQ(results[0].outcome, crm::RecordOutcome::Duplicate);
    EXPECT_EQ(results[1].outcome, crm::RecordOutcome::Accepted);
    EXPECT_EQ(server_->received_ids(), (std::vector<std::string>{"r-1", "r-2", "r-3"}));
    EXPECT_EQ(server_->times_delivered("r-2"), 2U);
    EXPECT_EQ(server_->times_delivered("r-1"), 1U);
}

TEST_F(SimCrmServerTest, RejectedRecordIsAnsweredWithItsReasonAndNotStored) {
    server_->reject_record("r-bad", "unknown schema_version 9");
    const std::vector<std::string> ids = {"r-ok", "r-bad"};
    const auto results = answer(post(ids), ids);
    ASSERT_EQ(results.size(), 2U);
    EXPECT_EQ(results[1].outcome, crm::RecordOutcome::Rejected);
    EXPECT_EQ(results[1].reason, "unknown schema_version 9");
    EXPECT_EQ(server_->received_ids(), std::vector<std::string>{"r-ok"});
}

TEST_F(SimCrmServerTest, ServerErrorFaultStoresNothingForTheNextNRequests) {
    server_->inject(CrmFault::ServerError, 2);
    EXPECT_EQ(post({"r-1"}).status, 500);
    EXPECT_EQ(post({"r-1"}).status, 500);
    EXPECT_TRUE(server_->received_ids().empty());
    EXPECT_EQ(post({"r-1"}).status, 200);
    EXPECT_EQ(server_->received_ids(), std::vector<std::string>{"r-1"});
    EXPECT_EQ(server_->request_count(), 3U);
}

TEST_F(SimCrmServerTest, ThrottledFaultAnswers429WithRetryAfter) {
    server_->set_retry_after("30");
    server_->inject(CrmFault::Throttled);
    const auto response = post({"r-1"});
    EXPECT_EQ(response.status, 429);
    EXPECT_EQ(response.retry_after, "30");
    EXPECT_TRUE(server_->received_ids().empty());
}

TEST_F(SimCrmServerTest, MalformedAnswerFaultStoresTheBatchButAnswersGarbage) {
    server_->inject(CrmFault::MalformedAnswer);
    const std::vector<std::string> ids = {"r-1"};
    const auto response = post(ids);
    EXPECT_EQ(response.status, 200);
    EXPECT_FALSE(crm::decode_answer(response.body, ids).ok());
    EXPECT_EQ(server_->received_ids(), ids);
}

TEST_F(SimCrmServerTest, LostAnswerFaultStoresTheBatchButAnswers500) {
    server_->inject(CrmFault::LostAnswer);
    EXPECT_EQ(post({"r-1"}).status, 500);
    EXPECT_EQ(server_->received_ids(), std::vector<std::string>{"r-1"});
}

TEST_F(SimCrmServerTest, MalformedBatchIsABadRequest) {
    const auto response = client_->post_json(server_->url(), R"({"kiosk_id":"K1","records":[{"id":"x"}]})");
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->status, 400);
    EXPECT_TRUE(server_->received_ids().empty());
}

TEST(SimCrmServerStart, BadCertificatePathIsAnError) {
    SimCrmOptions options;
    options.certificate_file = "/nonexistent/server.pem";
    options.private_key_file = "/nonexistent/server.key";
    const auto server = SimCrmServer::start(options);
    ASSERT_FALSE(server.ok());
    EXPECT_NE(server.error().message.find("/nonexistent/server.pem"), std::string::npos) << server.error().message;
}

}  // namespace
}  // namespace kiosk::sim
