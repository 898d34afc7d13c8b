// Each fault of the simulated CRM as crm::HttpsClient sees it: what arrives (status, body, a
// named transport error), what the CRM stored, and what its request log says, so tests that check
// the kiosk's reaction can rely on the fault doing exactly what its name says.
#include <gtest/gtest.h>

#include <chrono>

#include "crm/https_client.hpp"
#include "crm/wire_format.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "memory_record_queue.hpp"
#include "tls_test_support.hpp"

namespace kiosk::sim {
namespace {

using namespace std::chrono_literals;
using std::chrono::steady_clock;
using Ids = std::vector<std::string>;

security::SealedRecord record(const std::string& id) { return kiosk::testing::test_record(id); }

class SimCrmFaultTest : public ::testing::Test {
protected:
    void SetUp() override {
        pki_ = kiosk::testing::make_pki(scratch_.path());
        auto started = SimCrmServer::start(kiosk::testing::serve_with(pki_));
        ASSERT_TRUE(started.ok()) << started.error().to_string();
        server_ = std::move(*started);
        client_ = std::make_unique<crm::HttpsClient>(kiosk::testing::trust(pki_),
                                                     crm::HttpTimeouts{Millis{2'000}, Millis{1'000}});
    }

    Result<crm::HttpResponse> post(const Ids& ids) {
        crm::UploadBatch batch{"K1", {}};
        for (const auto& id : ids) batch.records.push_back(record(id));
        return client_->post_json(server_->url(), crm::encode_batch(batch));
    }

    [[nodiscard]] int last_logged_status() const { return server_->request_log().back().http_status; }

    kiosk::testing::ScratchDirectory scratch_;
    TestPkiFiles pki_;
    std::unique_ptr<SimCrmServer> server_;
    std::unique_ptr<crm::HttpsClient> client_;
};

TEST_F(SimCrmFaultTest, RefuseClosesTheConnectionWithoutAnAnswerAndStoresNothing) {
    server_->inject(CrmFault::Refuse, 2);
    for (int i = 0; i < 2; ++i) {
        const auto response = post({"r-1"});
        ASSERT_FALSE(response.ok()) << "HTTP " << response->status;
        EXPECT_EQ(response.error().domain, "curl");
        EXPECT_EQ(response.error().native_code, static_cast<int>(CURLE_GOT_NOTHING)) << response.error().message;
    }
    EXPECT_TRUE(server_->received_ids().empty());
    EXPECT_EQ(last_logged_status(), 0) << "no HTTP answer";
    EXPECT_TRUE(post({"r-1"}).ok()) << "healed after two requests";
    EXPECT_EQ(server_->received_ids(), Ids{"r-1"});
}

TEST_F(SimCrmFaultTest, StallAnswersNothingUntilTheClientGivesUp) {
    server_->inject(CrmFault::Stall);
    const auto start = steady_clock::now();
    const auto response = post({"r-1"});
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().native_code, static_cast<int>(CURLE_OPERATION_TIMEDOUT)) << response.error().message;
    EXPECT_GE(steady_clock::now() - start, 900ms) << "held until the client's 1 s total timeout";
    EXPECT_TRUE(server_->received_ids().empty());
    EXPECT_TRUE(post({"r-1"}).ok()) << "the stalled request's thread is free again";
}

TEST_F(SimCrmFaultTest, StallNeverHoldsUpShuttingTheServerDown) {
    server_->inject(CrmFault::Stall);
    crm::HttpsClient patient(kiosk::testing::trust(pki_), {Millis{2'000}, Millis{30'000}});
    std::thread waiting([&] { static_cast<void>(patient.post_json(server_->url(), crm::encode_batch({"K1", {record("r-1")}}))); });
    // Wait until the request reached the server and stalls there.
    for (int i = 0; i < 200 && server_->request_log().empty(); ++i) std::this_thread::sleep_for(10ms);
    ASSERT_EQ(server_->request_log().size(), 1U);
    const auto start = steady_clock::now();
    server_.reset();
    EXPECT_LT(steady_clock::now() - start, 2s);
    waiting.join();
}

TEST_F(SimCrmFaultTest, ServerErrorIs500AndStoresNothing) {
    server_->inject(CrmFault::ServerError);
    const auto response = post({"r-1"});
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->status, 500);
    EXPECT_TRUE(server_->received_ids().empty());
    EXPECT_EQ(last_logged_status(), 500);
}

TEST_F(SimCrmFaultTest, UnavailableIs503WithRetryAfterAndStoresNothing) {
    server_->set_retry_after("12");
    server_->inject(CrmFault::Unavailable);
    const auto response = post({"r-1"});
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->status, 503);
    EXPECT_EQ(response->retry_after, "12");
    EXPECT_TRUE(server_->received_ids().empty());
}

TEST_F(SimCrmFaultTest, ThrottledIs429WithRetryAfterAndStoresNothing) {
    server_->inject(CrmFault::Throttled);
    const auto response = post({"r-1"});
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->status, 429);
    EXPECT_EQ(response->retry_after, "1") << "the default";
    EXPECT_EQ(last_logged_status(), 429);
}

TEST_F(SimCrmFaultTest, PartialBatchStoresAndAnswersOnlyTheFirstHalf) {
    server_->inject(CrmFault::PartialBatch);
    const Ids ids = {"r-1", "r-2", "r-3", "r-4", "r-5"};
    const auto response = post(ids);
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->status, 200);
    const auto answer = crm::decode_answer(response->body, ids);
    ASSERT_TRUE(answer.ok()) << answer.error().to_string();
    ASSERT_EQ(answer->size(), 2U);
    EXPECT_EQ((*answer)[0].record_id, "r-1");
    EXPECT_EQ((*answer)[1].record_id, "r-2");
    EXPECT_EQ(server_->received_ids(), (Ids{"r-1", "r-2"}));
    EXPECT_EQ(server_->times_delivered("r-3"), 0U) << "the second half was never read";
    EXPECT_EQ(server_->request_log().back().records_in_batch, 5U) << "the log counts what was sent";
}

TEST_F(SimCrmFaultTest, ResetMidAnswerStoresTheBatchThenCutsTheAnswer) {
    server_->inject(CrmFault::ResetMidAnswer);
    const auto response = post({"r-1", "r-2"});
    ASSERT_FALSE(response.ok()) << "HTTP " << response->status << " " << response->body;
    EXPECT_EQ(response.error().domain, "curl");
    EXPECT_TRUE(response.error().native_code == static_cast<int>(CURLE_PARTIAL_FILE) ||
                response.error().native_code == static_cast<int>(CURLE_RECV_ERROR))
        << response.error().message;
    EXPECT_EQ(server_->received_ids(), (Ids{"r-1", "r-2"}));
    EXPECT_EQ(last_logged_status(), 0);
}

TEST_F(SimCrmFaultTest, MalformedAnswerStoresTheBatchButAnswersGarbage) {
    server_->inject(CrmFault::MalformedAnswer);
    const Ids ids = {"r-1"};
    const auto response = post(ids);
    ASSERT_TRUE(response.ok()) << response.error().to_string();
    EXPECT_EQ(response->status, 200);
    EXPECT_FALSE(crm::decode_answer(response->body, ids).ok());
    EXPECT_EQ(server_->received_ids(), ids);
}

TEST_F(SimCrmFaultTest, LostAnswerStoresTheBatchButAnswers500) {
    server_->inject(CrmFault::LostAnswer);
    const auto response = post({"r-1"});
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->status, 500);
    EXPECT_EQ(server_->received_ids(), Ids{"r-1"});
}

TEST_F(SimCrmFaultTest, FaultsAreTakenInTheOrderInjectedAndClearFaultsHealsAtOnce) {
    server_->inject(CrmFault::ServerError);
    server_->inject(CrmFault::Throttled);
    server_->inject(CrmFault::ServerError, 5);
    EXPECT_EQ(post({"r-1"})->status, 500);
    EXPECT_EQ(post({"r-1"})->status, 429);
    server_->clear_faults();
    EXPECT_EQ(post({"r-1"})->status, 200);
}

TEST_F(SimCrmFaultTest, AProfileFaultLeavesTheRecordsEndpointAlone) {
    server_->inject(CrmFault::ServerError, 1, CrmEndpoint::Profiles);
    EXPECT_EQ(post({"r-1"})->status, 200);
    EXPECT_EQ(server_->received_ids(), Ids{"r-1"});
}

TEST(CrmFaultNames, EveryFaultRoundTripsThroughItsName) {
    for (const auto fault : {CrmFault::Refuse, CrmFault::Stall, CrmFault::ServerError, CrmFault::Unavailable,
                             CrmFault::Throttled, CrmFault::PartialBatch, CrmFault::ResetMidAnswer,
                             CrmFault::MalformedAnswer, CrmFault::LostAnswer}) {
        const auto parsed = parse_fault(fault_name(fault));
        ASSERT_TRUE(parsed.ok()) << fault_name(fault);
        EXPECT_EQ(*parsed, fault);
    }
    EXPECT_FALSE(parse_fault("explode").ok());
    EXPECT_EQ(*parse_endpoint("profiles"), CrmEndpoint::Profiles);
    EXPECT_FALSE(parse_endpoint("journal").ok());
}

}  // namespace
}  // namespace kiosk::sim
