// The uploader against CRM answers that must not be trusted — not JSON, results without ids, ids
// that were never sent, too few results — each a failed batch: nothing deleted, the error kept for
// the technician and logged. And what it must do with good ones: a rejected record is reported and
// never sent again; transactions, complaints and surveys have no attempt limit; the journal anchor
// of the queue travels with the batch; batch_size is clamped to 1–200.
#include "crm/uploader.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <thread>

#include "memory_record_queue.hpp"
#include "sim/virtual_clock.hpp"
#include "tls_test_support.hpp"

namespace kiosk::crm {
namespace {

using Ids = std::vector<std::string>;

// An HTTPS endpoint that answers every POST with `answer(request body)`: a CRM gone wrong.
class ScriptedCrm {
public:
    explicit ScriptedCrm(const sim::TestPkiFiles& pki)
        : server_(pki.server.certificate.c_str(), pki.server.private_key.c_str()) {
        server_.set_keep_alive_timeout(1);
        server_.Post("/v1/records", [this](const httplib::Request& request, httplib::Response& response) {
            std::lock_guard lock(mutex_);
            bodies_.push_back(request.body);
            response.set_content(answer_(request.body), "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        for (int i = 0; i < 5000 && !server_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~ScriptedCrm() {
        server_.stop();
        thread_.join();
    }
    ScriptedCrm(const ScriptedCrm&) = delete;
    ScriptedCrm& operator=(const ScriptedCrm&) = delete;

    void answer_with(std::function<std::string(const std::string&)> answer) {
        std::lock_guard lock(mutex_);
        answer_ = std::move(answer);
    }
    [[nodiscard]] std::string url() const { return "https://127.0.0.1:" + std::to_string(port_) + "/v1/records"; }
    std::vector<std::string> bodies() {
        std::lock_guard lock(mutex_);
        return bodies_;
    }

private:
    httplib::SSLServer server_;
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
    std::function<std::string(const std::string&)> answer_ = [](const std::string&) { return std::string("{}"); };
    std::vector<std::string> bodies_;
};

// Every id of the batch answered with `status`.
std::string answer_all(const std::string& body, const std::string& status) {
    const auto batch = decode_batch(body);
    std::vector<RecordResult> results;
    if (batch.ok()) {
        for (const auto& record : batch->records) {
            results.push_back({record.header.record_id, status == "accepted" ? RecordOutcome::Accepted : RecordOutcome::Duplicate, ""});
        }
    }
    return encode_answer(results);
}

class UploaderAnswersTest : public ::testing::Test {
protected:
    void SetUp() override {
        pki_ = kiosk::testing::make_pki(scratch_.path());
        crm_ = std::make_unique<ScriptedCrm>(pki_);
        std::lock_guard lock(outbox_.mutex);
        outbox_.pending = {kiosk::testing::test_record("r-1", "transaction"), kiosk::testing::test_record("r-2", "survey")};
    }
    std::unique_ptr<Uploader> make_uploader(std::size_t batch_size = 200) {
        UploaderConfig config;
        config.endpoint = crm_->url();
        config.kiosk_id = "K1";
        config.batch_size = batch_size;
        config.tls = kiosk::testing::trust(pki_);
        config.tls.pinned_public_keys = pki_.server_pin;
        config.timeouts = {Millis{2'000}, Millis{5'000}};
        return std::make_unique<Uploader>(std::move(config), std::make_unique<kiosk::testing::MemoryRecordQueue>(outbox_),
                                          clock_, random_, waiter_);
    }
    // One round against `answer`: it must fail, keep both records and say `why`.
    void expect_failed_batch(const std::string& answer, const std::string& why) {
        crm_->answer_with([answer](const std::string&) { return answer; });
        auto uploader = make_uploader();
        const UploadSummary summary = uploader->upload_once();
        ASSERT_FALSE(summary.ok()) << answer;
        EXPECT_NE(summary.error->message.find(why), std::string::npos) << summary.error->message;
        EXPECT_EQ(summary.acknowledged, 0U);
        EXPECT_EQ(summary.dead_lettered, 0U);
        EXPECT_EQ(outbox_.pending_ids(), (Ids{"r-1", "r-2"})) << answer;
        EXPECT_TRUE(outbox_.dead_letters.empty());
        EXPECT_EQ(outbox_.failures["r-1"].first, 1) << "the failed attempt is noted";
        const auto status = uploader->status();
        ASSERT_TRUE(status.last_error.has_value());  // for the technician (and logged by record())
        EXPECT_EQ(status.consecutive_failures, 1U);
    }

    kiosk::testing::ScratchDirectory scratch_;
    sim::TestPkiFiles pki_;
    std::unique_ptr<ScriptedCrm> crm_;
    kiosk::testing::MemoryOutbox outbox_;
    sim::VirtualClock clock_;
    SeededRandom random_{10};
    SteadyWaiter waiter_;
};

TEST_F(UploaderAnswersTest, AnAnswerThatIsNotJsonIsAFailedBatch) {
    expect_failed_batch("<html>502 Bad Gateway</html>", "not valid JSON");
}

TEST_F(UploaderAnswersTest, AnAnswerWithoutResultsIsAFailedBatch) { expect_failed_batch("{}", "results is missing"); }

TEST_F(UploaderAnswersTest, AResultWithoutAnIdIsAFailedBatch) {
    expect_failed_batch(R"({"results":[{"status":"accepted"},{"id":"r-2","status":"accepted"}]})", ".id is missing");
}

TEST_F(UploaderAnswersTest, AnAcknowledgementOfAnIdNeverSentIsAFailedBatch) {
    expect_failed_batch(R"({"results":[{"id":"r-1","status":"accepted"},{"id":"r-99","status":"accepted"}]})",
                        "was not in the batch sent");
}

TEST_F(UploaderAnswersTest, AnEmptyResultListAcknowledgesNothing) {
    expect_failed_batch(R"({"results":[]})", "answered 0 of 2 records");
}

TEST_F(UploaderAnswersTest, ARejectedRecordIsReportedAndNeverSentAgain) {
    crm_->answer_with([](const std::string& body) {
        const auto batch = decode_batch(body);
        std::vector<RecordResult> results;
        for (const auto& record : batch->records) {
            const bool reject = record.header.record_id == "r-2";
            results.push_back({record.header.record_id, reject ? RecordOutcome::Rejected : RecordOutcome::Accepted,
                               reject ? "cannot open: wrapped key for another CRM key" : ""});
        }
        return encode_answer(results);
    });
    auto uploader = make_uploader();
    const UploadSummary summary = uploader->upload_once();
    ASSERT_TRUE(summary.ok()) << summary.error->to_string();
    EXPECT_EQ(summary.dead_lettered, 1U);
    ASSERT_EQ(summary.rejections.size(), 1U);
    EXPECT_EQ(summary.rejections[0], "record r-2 (survey) rejected: cannot open: wrapped key for another CRM key");
    const auto status = uploader->status();
    EXPECT_EQ(status.dead_lettered, 1U);
    EXPECT_EQ(status.last_rejection, summary.rejections[0]);
    EXPECT_EQ(outbox_.dead_letters["r-2"], "cannot open: wrapped key for another CRM key");

    {
        std::lock_guard lock(outbox_.mutex);
        outbox_.pending.push_back(kiosk::testing::test_record("r-3", "complaint"));
    }
    ASSERT_TRUE(uploader->upload_once().ok());
    ASSERT_TRUE(uploader->upload_once().ok());  // nothing left: no request at all
    const auto bodies = crm_->bodies();
    ASSERT_EQ(bodies.size(), 2U);
    const auto resent = decode_batch(bodies[1]);
    ASSERT_TRUE(resent.ok());
    ASSERT_EQ(resent->records.size(), 1U);
    EXPECT_EQ(resent->records[0].header.record_id, "r-3");
}

// No attempt limit: records that failed many rounds are still sent, and delivered when the CRM heals.
TEST_F(UploaderAnswersTest, TransactionsComplaintsAndSurveysHaveNoAttemptLimit) {
    {
        std::lock_guard lock(outbox_.mutex);
        outbox_.pending.push_back(kiosk::testing::test_record("r-3", "complaint"));
    }
    crm_->answer_with([](const std::string&) { return std::string("not json"); });
    auto uploader = make_uploader();
    for (int round = 0; round < 40; ++round) ASSERT_FALSE(uploader->upload_once().ok());
    EXPECT_EQ(outbox_.failures["r-1"].first, 40);
    EXPECT_EQ(outbox_.pending_ids(), (Ids{"r-1", "r-2", "r-3"}));
    EXPECT_TRUE(outbox_.dead_letters.empty());
    crm_->answer_with([](const std::string& body) { return answer_all(body, "accepted"); });
    const UploadSummary healed = uploader->upload_once();
    ASSERT_TRUE(healed.ok()) << healed.error->to_string();
    EXPECT_EQ(healed.acknowledged, 3U);
    EXPECT_TRUE(outbox_.pending_ids().empty());
}

TEST_F(UploaderAnswersTest, TheQueuesJournalAnchorTravelsWithTheBatch) {
    {
        std::lock_guard lock(outbox_.mutex);
        outbox_.anchor = JournalAnchor{4711, Bytes(32, 0xAB)};
    }
    crm_->answer_with([](const std::string& body) { return answer_all(body, "accepted"); });
    auto uploader = make_uploader();
    ASSERT_TRUE(uploader->upload_once().ok());
    const auto bodies = crm_->bodies();
    ASSERT_EQ(bodies.size(), 1U);
    const auto json = nlohmann::json::parse(bodies[0]);
    EXPECT_EQ(json["journal_anchor"]["sequence"], 4711);
    std::string lower_hex;
    for (int i = 0; i < 32; ++i) lower_hex += "ab";
    EXPECT_EQ(json["journal_anchor"]["mac"], lower_hex);
    const auto decoded = decode_batch(bodies[0]);
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    EXPECT_EQ(decoded->journal_anchor, (JournalAnchor{4711, Bytes(32, 0xAB)}));
}

TEST_F(UploaderAnswersTest, BatchesHoldAtMostTwoHundredRecords) {
    {
        std::lock_guard lock(outbox_.mutex);
        outbox_.pending.clear();
        for (int i = 0; i < 450; ++i) outbox_.pending.push_back(kiosk::testing::test_record("r-" + std::to_string(i)));
    }
    crm_->answer_with([](const std::string& body) { return answer_all(body, "duplicate"); });
    EXPECT_EQ(UploaderConfig{}.batch_size, 200U);
    auto uploader = make_uploader(1000);  // clamped to 200
    EXPECT_EQ(uploader->upload_once().sent, 200U);
    auto smallest = make_uploader(0);  // clamped to 1
    EXPECT_EQ(smallest->upload_once().sent, 1U);
}

}  // namespace
}  // namespace kiosk::crm
