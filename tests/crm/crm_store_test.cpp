// sim/crm/crm_store and the server on it: what the simulated CRM holds lives in its SQLite file,
// so a restart on the same file still answers a resent record `duplicate`, still has every opened
// record in arrival order, and keeps complaints, profiles and the request log.
#include "sim/crm/crm_store.hpp"

#include <gtest/gtest.h>

#include "crm/https_client.hpp"
#include "crm/wire_format.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "sim_crm_test_support.hpp"
#include "tls_test_support.hpp"

namespace kiosk::sim {
namespace {

using Ids = std::vector<std::string>;

StoredRecord stored(const std::string& id, std::optional<std::string> payload = std::nullopt) {
    return {kiosk::testing::payload_record(id, "survey", payload.value_or("{}")), 1'767'700'000'000, std::move(payload),
            std::nullopt};
}

class CrmStoreTest : public ::testing::Test {
protected:
    CrmStore open() {
        auto store = CrmStore::open(scratch_.path() / "crm.db");
        if (!store) throw std::runtime_error(store.error().to_string());
        return std::move(*store);
    }
    kiosk::testing::ScratchDirectory scratch_;
};

TEST_F(CrmStoreTest, RecordsAndDeliveriesSurviveReopening) {
    {
        auto store = open();
        ASSERT_TRUE(store.insert_record(stored("r-2", R"({"csat":5})")).ok());
        ASSERT_TRUE(store.insert_record(stored("r-1")).ok());
        ASSERT_TRUE(store.count_delivery("r-1").ok());
        ASSERT_TRUE(store.count_delivery("r-1").ok());
    }
    auto store = open();
    EXPECT_TRUE(*store.holds("r-1"));
    EXPECT_FALSE(*store.holds("r-3"));
    EXPECT_EQ(*store.deliveries("r-1"), 2U);
    EXPECT_EQ(*store.deliveries("r-3"), 0U);
    const auto sealed = store.sealed_records();
    ASSERT_EQ(sealed->size(), 2U);
    EXPECT_EQ((*sealed)[0], kiosk::testing::payload_record("r-2", "survey", R"({"csat":5})"));
    const auto opened = store.opened_records();
    ASSERT_EQ(opened->size(), 1U) << "only opened records";
    EXPECT_EQ((*opened)[0].record_id, "r-2");
    EXPECT_EQ((*opened)[0].payload_json, R"({"csat":5})");
    EXPECT_EQ((*opened)[0].received_unix_ms, 1'767'700'000'000);
    EXPECT_EQ((*opened)[0].schema_version, 2U);
    EXPECT_FALSE(store.insert_record(stored("r-1")).ok()) << "the record id is the key";
}

TEST_F(CrmStoreTest, ComplaintsAreNewestFirstAndAResentOneKeepsItsStatus) {
    auto store = open();
    ASSERT_TRUE(store.insert_complaint({"KB-1", "tok", "receipt", ComplaintState::Received, 100}).ok());
    ASSERT_TRUE(store.insert_complaint({"KB-2", "tok", "other", ComplaintState::Received, 200}).ok());
    ASSERT_TRUE(*store.set_complaint_state("KB-1", ComplaintState::InProgress, 300));
    ASSERT_TRUE(store.insert_complaint({"KB-1", "tok", "receipt", ComplaintState::Received, 400}).ok());
    EXPECT_FALSE(*store.set_complaint_state("KB-9", ComplaintState::Resolved, 500));
    const auto complaints = store.complaints_of("tok");
    ASSERT_EQ(complaints->size(), 2U);
    EXPECT_EQ((*complaints)[0].reference, "KB-1");
    EXPECT_EQ((*complaints)[0].state, ComplaintState::InProgress);
    EXPECT_EQ((*complaints)[0].updated_unix_ms, 300);
    EXPECT_TRUE(store.complaints_of("other-token")->empty());
}

TEST_F(CrmStoreTest, ProfilesAndTheRequestLogAreKept) {
    {
        auto store = open();
        ASSERT_TRUE(store.put_profile("tok", R"({"token":"tok"})").ok());
        ASSERT_TRUE(store.put_profile("tok", R"({"token":"tok","segment":"senior"})").ok());
        ASSERT_TRUE(store.log_request({10, "/v1/records", 503, 0}).ok());
        ASSERT_TRUE(store.log_request({20, "/v1/records", 200, 3}).ok());
    }
    auto store = open();
    EXPECT_EQ(**store.profile_json("tok"), R"({"token":"tok","segment":"senior"})");
    EXPECT_FALSE(store.profile_json("nobody")->has_value());
    EXPECT_EQ(*store.request_log(),
              (std::vector<RequestLogEntry>{{10, "/v1/records", 503, 0}, {20, "/v1/records", 200, 3}}));
}

TEST_F(CrmStoreTest, AnEmptyPathIsAPrivateInMemoryStore) {
    auto first = CrmStore::open("");
    auto second = CrmStore::open("");
    ASSERT_TRUE(first.ok() && second.ok());
    ASSERT_TRUE(first->insert_record(stored("r-1")).ok());
    EXPECT_FALSE(*second->holds("r-1"));
}

TEST_F(CrmStoreTest, AnUnopenablePathIsAnErrorNamingIt) {
    const auto store = CrmStore::open("/nonexistent/dir/crm.db");
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().message.find("/nonexistent/dir/crm.db"), std::string::npos) << store.error().message;
}

class SimCrmRestartTest : public ::testing::Test {
protected:
    void SetUp() override { pki_ = kiosk::testing::make_pki(scratch_.path()); }

    std::unique_ptr<SimCrmServer> start() {
        auto options = kiosk::testing::serve_with(pki_);
        options.database_path = scratch_.path() / "crm.db";
        options.open_record = kiosk::testing::plain_opener();
        auto server = SimCrmServer::start(options);
        if (!server) throw std::runtime_error(server.error().to_string());
        return std::move(*server);
    }

    std::vector<crm::RecordResult> post(SimCrmServer& server, const std::vector<security::SealedRecord>& records) {
        crm::HttpsClient client(kiosk::testing::trust(pki_), {Millis{2'000}, Millis{5'000}});
        auto response = client.post_json(server.url(), crm::encode_batch({"K1", records}));
        if (!response) throw std::runtime_error(response.error().to_string());
        Ids ids;
        for (const auto& record : records) ids.push_back(record.header.record_id);
        auto answer = crm::decode_answer(response->body, ids);
        if (!answer) throw std::runtime_error(answer.error().to_string() + ": " + response->body);
        return std::move(*answer);
    }

    kiosk::testing::ScratchDirectory scratch_;
    TestPkiFiles pki_;
};

TEST_F(SimCrmRestartTest, DeduplicationAndOpenedRecordsSurviveARestartOnTheSameFile) {
    const auto survey = kiosk::testing::payload_record("r-1", "survey", R"({"csat":4})");
    const auto journey = kiosk::testing::payload_record("r-2", "journey", R"({"task":"balance"})");
    {
        auto server = start();
        const auto first = post(*server, {survey, journey});
        EXPECT_EQ(first[0].outcome, crm::RecordOutcome::Accepted);
    }
    auto server = start();
    const auto third = kiosk::testing::payload_record("r-3", "survey", R"({"csat":1})");
    const auto resent = post(*server, {journey, third});
    EXPECT_EQ(resent[0].outcome, crm::RecordOutcome::Duplicate) << "known from before the restart";
    EXPECT_EQ(resent[1].outcome, crm::RecordOutcome::Accepted);
    EXPECT_EQ(server->received_ids(), (Ids{"r-1", "r-2", "r-3"}));
    EXPECT_EQ(server->times_delivered("r-2"), 2U);
    const auto opened = server->opened_records();
    ASSERT_EQ(opened.size(), 3U);
    EXPECT_EQ(opened[0].payload_json, R"({"csat":4})");
    EXPECT_EQ(opened[1].kind, "journey");
    EXPECT_EQ(opened[2].record_id, "r-3");
    EXPECT_EQ(server->request_count(), 2U) << "the log spans both runs";
}

TEST_F(SimCrmRestartTest, WithoutAnOpenerRecordsAreKeptUnopened) {
    auto options = kiosk::testing::serve_with(pki_);
    auto server = SimCrmServer::start(options);
    ASSERT_TRUE(server.ok());
    const auto results = post(**server, {kiosk::testing::payload_record("r-1", "survey", "{}")});
    EXPECT_EQ(results[0].outcome, crm::RecordOutcome::Accepted);
    EXPECT_EQ((*server)->received_ids(), Ids{"r-1"});
    EXPECT_TRUE((*server)->opened_records().empty());
}

TEST_F(SimCrmRestartTest, ARecordThatCannotBeOpenedIsRejectedWithTheReasonAndNotKept) {
    auto server = start();
    const auto results = post(*server, {kiosk::testing::payload_record("r-1", "survey", "unopenable"),
                                        kiosk::testing::payload_record("r-2", "survey", "{}")});
    EXPECT_EQ(results[0].outcome, crm::RecordOutcome::Rejected);
    EXPECT_EQ(results[0].reason, "no data key dk-1 for this kiosk");
    EXPECT_EQ(results[1].outcome, crm::RecordOutcome::Accepted);
    EXPECT_EQ(server->received_ids(), Ids{"r-2"});
}

TEST_F(SimCrmRestartTest, AnOpenedComplaintBecomesAComplaintRowReceived) {
    auto server = start();
    const std::string complaint = R"({"reference":"KB-20261202-7Q4M","category":"cash_not_dispensed","session":12,)"
                                  R"("pan_token":"tok-a","amount_minor":50000,"currency":"CNY","language":"en"})";
    post(*server, {kiosk::testing::payload_record("c-1", "complaint", complaint),
                   kiosk::testing::payload_record("c-2", "complaint", R"({"category":"other"})")});
    const auto complaints = server->complaints_of("tok-a");
    ASSERT_EQ(complaints.size(), 1U);
    EXPECT_EQ(complaints[0].reference, "KB-20261202-7Q4M");
    EXPECT_EQ(complaints[0].category, "cash_not_dispensed");
    EXPECT_EQ(complaints[0].state, ComplaintState::Received);
    EXPECT_EQ(server->opened_records().size(), 2U) << "a complaint without a reference is still kept";
    EXPECT_EQ(server->stats().complaints, 1U);
}

}  // namespace
}  // namespace kiosk::sim
