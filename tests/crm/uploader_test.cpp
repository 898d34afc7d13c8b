// crm/uploader against the simulated CRM over real TLS: what leaves the outbox is exactly what the
// CRM acknowledged, every failure keeps the records, resends are counted once by the CRM, the
// thread backs off as told and stop() is prompt. The outbox here is in memory; the same story on
// the SQLite outbox is tests/crm/outbox_queue_test.cpp.
#include "crm/uploader.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "memory_record_queue.hpp"
#include "scripted_waiter.hpp"
#include "sim/virtual_clock.hpp"
#include "tls_test_support.hpp"

namespace kiosk::crm {
namespace {

using namespace std::chrono_literals;
using std::chrono::steady_clock;

security::SealedRecord record(const std::string& id) { return kiosk::testing::test_record(id); }

template <typename Predicate>
bool eventually(Predicate predicate, std::chrono::milliseconds limit = 10s) {
    const auto deadline = steady_clock::now() + limit;
    while (!predicate()) {
        if (steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

class UploaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        pki_ = kiosk::testing::make_pki(scratch_.path());
        auto started = sim::SimCrmServer::start(kiosk::testing::serve_with(pki_));
        ASSERT_TRUE(started.ok()) << started.error().to_string();
        crm_ = std::move(*started);
    }

    void add(std::initializer_list<const char*> ids) {
        std::lock_guard lock(outbox_.mutex);
        for (const char* id : ids) outbox_.pending.push_back(record(id));
    }

    UploaderConfig config(std::size_t batch_size = 100) {
        UploaderConfig config;
        config.endpoint = crm_->url();
        config.kiosk_id = "K1";
        config.batch_size = batch_size;
        config.tls = kiosk::testing::trust(pki_);
        config.tls.pinned_public_keys = pki_.server_pin;
        config.timeouts = {Millis{2'000}, Millis{5'000}};
        config.backoff = {Millis{100}, Millis{1'000}, Millis{60'000}};
        config.idle_interval = Millis{30'000};
        return config;
    }

    std::unique_ptr<Uploader> make_uploader(UploaderConfig settings, Waiter& waiter) {
        return std::make_unique<Uploader>(std::move(settings),
                                          std::make_unique<kiosk::testing::MemoryRecordQueue>(outbox_), clock_,
                                          random_, waiter);
    }
    std::unique_ptr<Uploader> make_uploader(std::size_t batch_size = 100) {
        return make_uploader(config(batch_size), steady_waiter_);
    }

    kiosk::testing::ScratchDirectory scratch_;
    sim::TestPkiFiles pki_;
    std::unique_ptr<sim::SimCrmServer> crm_;
    kiosk::testing::MemoryOutbox outbox_;
    sim::VirtualClock clock_;
    SeededRandom random_{2026};
    SteadyWaiter steady_waiter_;
};

using Ids = std::vector<std::string>;

TEST_F(UploaderTest, OneRoundDeliversTheRecordsAndEmptiesTheOutbox) {
    add({"r-1", "r-2", "r-3"});
    auto uploader = make_uploader();
    const auto summary = uploader->upload_once();
    ASSERT_TRUE(summary.ok()) << summary.error->to_string();
    EXPECT_EQ(summary.sent, 3U);
    EXPECT_EQ(summary.acknowledged, 3U);
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-1", "r-2", "r-3"}));
    EXPECT_EQ(crm_->received()[0], record("r-1"));
    EXPECT_TRUE(outbox_.pending_ids().empty());
    const auto status = uploader->status();
    EXPECT_EQ(status.last_success, clock_.now());
    EXPECT_EQ(status.pending, 0U);
    EXPECT_FALSE(status.last_error);
}

TEST_F(UploaderTest, EmptyOutboxSendsNothing) {
    auto uploader = make_uploader();
    const auto summary = uploader->upload_once();
    EXPECT_TRUE(summary.ok());
    EXPECT_EQ(summary.sent, 0U);
    EXPECT_EQ(crm_->request_count(), 0U);
    EXPECT_FALSE(uploader->status().last_success);
}

TEST_F(UploaderTest, SendsOldestFirstInBatchesOfAtMostN) {
    add({"r-1", "r-2", "r-3", "r-4", "r-5"});
    auto uploader = make_uploader(2);
    EXPECT_EQ(uploader->upload_once().sent, 2U);
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-1", "r-2"}));
    EXPECT_EQ(uploader->upload_once().sent, 2U);
    EXPECT_EQ(uploader->upload_once().sent, 1U);
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-1", "r-2", "r-3", "r-4", "r-5"}));
    EXPECT_EQ(crm_->request_count(), 3U);
}

TEST_F(UploaderTest, ServerErrorKeepsEveryRecordAndALaterRoundDeliversThemOnce) {
    add({"r-1", "r-2"});
    crm_->inject(sim::CrmFault::ServerError);
    auto uploader = make_uploader();
    const auto failed = uploader->upload_once();
    ASSERT_FALSE(failed.ok());
    EXPECT_NE(failed.error->message.find("HTTP 500"), std::string::npos) << failed.error->message;
    EXPECT_NE(failed.error->message.find(crm_->url()), std::string::npos) << failed.error->message;
    EXPECT_EQ(failed.acknowledged, 0U);
    EXPECT_EQ(outbox_.pending_ids(), (Ids{"r-1", "r-2"}));
    EXPECT_EQ(uploader->status().consecutive_failures, 1U);
    EXPECT_EQ(uploader->status().pending, 2U);
    EXPECT_EQ(outbox_.failures["r-1"].first, 1) << "the failed attempt is noted per record";
    EXPECT_NE(outbox_.failures["r-1"].second.find("HTTP 500"), std::string::npos);

    const auto delivered = uploader->upload_once();
    ASSERT_TRUE(delivered.ok()) << delivered.error->to_string();
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-1", "r-2"}));
    EXPECT_EQ(crm_->times_delivered("r-1"), 1U);
    EXPECT_TRUE(outbox_.pending_ids().empty());
    EXPECT_FALSE(uploader->status().last_error) << "a success clears the technician's last error";
}

TEST_F(UploaderTest, LostAcknowledgementIsResentAndTheCrmCountsEachRecordOnce) {
    add({"r-1", "r-2", "r-3"});
    crm_->inject(sim::CrmFault::LostAnswer);  // the CRM stores the batch, the kiosk sees a 500
    auto uploader = make_uploader();
    EXPECT_FALSE(uploader->upload_once().ok());
    EXPECT_EQ(outbox_.pending_ids().size(), 3U);
    EXPECT_EQ(crm_->received_ids().size(), 3U);

    const auto resent = uploader->upload_once();
    ASSERT_TRUE(resent.ok()) << resent.error->to_string();
    EXPECT_EQ(resent.acknowledged, 3U) << "duplicates are acknowledged too";
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-1", "r-2", "r-3"}));
    EXPECT_EQ(crm_->times_delivered("r-2"), 2U);
    EXPECT_TRUE(outbox_.pending_ids().empty());
}

TEST_F(UploaderTest, AnswerTooSlowForTheTimeoutIsResentAndCountedOnce) {
    add({"r-1"});
    crm_->set_answer_delay(Millis{2'000});
    auto settings = config();
    settings.timeouts = {Millis{1'000}, Millis{400}};
    auto uploader = make_uploader(settings, steady_waiter_);
    const auto timed_out = uploader->upload_once();
    ASSERT_FALSE(timed_out.ok());
    EXPECT_EQ(timed_out.error->native_code, static_cast<int>(CURLE_OPERATION_TIMEDOUT));
    EXPECT_EQ(outbox_.pending_ids(), Ids{"r-1"});

    crm_->set_answer_delay(Millis{0});
    ASSERT_TRUE(uploader->upload_once().ok());
    EXPECT_EQ(crm_->received_ids(), Ids{"r-1"});
    EXPECT_EQ(crm_->times_delivered("r-1"), 2U);
    EXPECT_TRUE(outbox_.pending_ids().empty());
}

TEST_F(UploaderTest, MalformedAnswerAcknowledgesNothing) {
    add({"r-1", "r-2"});
    crm_->inject(sim::CrmFault::MalformedAnswer);
    auto uploader = make_uploader();
    const auto summary = uploader->upload_once();
    ASSERT_FALSE(summary.ok());
    EXPECT_NE(summary.error->message.find("not valid JSON"), std::string::npos) << summary.error->message;
    EXPECT_NE(summary.error->message.find("nothing acknowledged"), std::string::npos);
    EXPECT_EQ(summary.acknowledged, 0U);
    EXPECT_EQ(outbox_.pending_ids(), (Ids{"r-1", "r-2"}));
}

TEST_F(UploaderTest, RejectedRecordMovesToDeadLettersWithTheCrmReason) {
    add({"r-1", "r-2", "r-3"});
    crm_->reject_record("r-2", "kind \"journey\" not accepted for schema 1");
    auto uploader = make_uploader();
    const auto summary = uploader->upload_once();
    ASSERT_TRUE(summary.ok()) << summary.error->to_string();
    EXPECT_EQ(summary.acknowledged, 2U);
    EXPECT_EQ(summary.dead_lettered, 1U);
    EXPECT_TRUE(outbox_.pending_ids().empty());
    ASSERT_EQ(outbox_.dead_letters.count("r-2"), 1U);
    EXPECT_EQ(outbox_.dead_letters["r-2"], "kind \"journey\" not accepted for schema 1");
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-1", "r-3"}));
}

TEST_F(UploaderTest, ThrottledAnswerKeepsRecordsAndCarriesRetryAfter) {
    add({"r-1"});
    crm_->set_retry_after("7");
    crm_->inject(sim::CrmFault::Throttled);
    auto uploader = make_uploader();
    const auto summary = uploader->upload_once();
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.error->native_code, 429);
    EXPECT_EQ(summary.retry_after, Millis{7'000});
    EXPECT_EQ(outbox_.pending_ids(), Ids{"r-1"});
}

TEST_F(UploaderTest, TlsFailureKeepsRecordsAndIsShownToTheTechnician) {
    add({"r-1"});
    auto settings = config();
    settings.tls.pinned_public_keys = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    auto uploader = make_uploader(settings, steady_waiter_);
    const auto summary = uploader->upload_once();
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.error->native_code, static_cast<int>(CURLE_SSL_PINNEDPUBKEYNOTMATCH));
    EXPECT_EQ(crm_->request_count(), 0U);
    const auto status = uploader->status();
    ASSERT_TRUE(status.last_error);
    EXPECT_NE(status.last_error->message.find("pinned"), std::string::npos);
    EXPECT_EQ(status.last_error_time, clock_.now());
    EXPECT_EQ(status.pending, 1U);
}

TEST_F(UploaderTest, OutboxFailureIsReportedAndNothingIsSent) {
    add({"r-1"});
    outbox_.fail_reads = true;
    auto uploader = make_uploader();
    const auto summary = uploader->upload_once();
    ASSERT_FALSE(summary.ok());
    EXPECT_NE(summary.error->message.find("cannot read the outbox"), std::string::npos) << summary.error->message;
    EXPECT_EQ(crm_->request_count(), 0U);
}

TEST_F(UploaderTest, ThreadDeliversThenWaitsTheIdleInterval) {
    add({"r-1", "r-2", "r-3"});
    kiosk::testing::ScriptedWaiter waiter;
    auto uploader = make_uploader(config(), waiter);
    uploader->start();
    EXPECT_TRUE(uploader->status().running);
    const auto waits = waiter.await_waits(1);
    ASSERT_EQ(waits.size(), 1U);
    EXPECT_EQ(waits[0], Millis{30'000});
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-1", "r-2", "r-3"}));
    EXPECT_TRUE(outbox_.pending_ids().empty());
    uploader->stop();
    EXPECT_FALSE(uploader->status().running);
}

TEST_F(UploaderTest, ThreadGoesOnWithoutWaitingWhileBatchesAreFull) {
    add({"r-1", "r-2", "r-3", "r-4", "r-5"});
    kiosk::testing::ScriptedWaiter waiter;
    auto uploader = make_uploader(config(2), waiter);
    uploader->start();
    const auto waits = waiter.await_waits(1);
    EXPECT_EQ(crm_->request_count(), 3U);
    EXPECT_EQ(crm_->received_ids().size(), 5U);
    EXPECT_EQ(waits, std::vector<Millis>{Millis{30'000}});
}

TEST_F(UploaderTest, ThreadBacksOffWithJitterHonoursRetryAfterAndResetsOnSuccess) {
    add({"r-1"});
    crm_->inject(sim::CrmFault::ServerError, 2);
    crm_->set_retry_after("7");
    crm_->inject(sim::CrmFault::Throttled);
    kiosk::testing::ScriptedWaiter waiter;
    auto uploader = make_uploader(config(), waiter);
    uploader->start();
    for (std::size_t step = 1; step <= 3; ++step) {
        ASSERT_EQ(waiter.await_waits(step).size(), step);
        waiter.advance();
    }
    const auto waits = waiter.await_waits(4);
    ASSERT_EQ(waits.size(), 4U);
    EXPECT_LE(waits[0], Millis{100});    // random(0, base)
    EXPECT_LE(waits[1], Millis{200});    // random(0, 2·base)
    EXPECT_GE(waits[2], Millis{7'000});  // the CRM's Retry-After is a floor
    EXPECT_EQ(waits[3], Millis{30'000}); // delivered: back to the idle pace
    EXPECT_EQ(crm_->received_ids(), Ids{"r-1"});
    EXPECT_EQ(crm_->request_count(), 4U);
}

TEST_F(UploaderTest, StopIsPromptWhileTheThreadWaits) {
    kiosk::testing::ScriptedWaiter waiter;  // would wait forever
    auto uploader = make_uploader(config(), waiter);
    uploader->start();
    ASSERT_EQ(waiter.await_waits(1).size(), 1U);
    const auto start = steady_clock::now();
    uploader->stop();
    EXPECT_LT(steady_clock::now() - start, 1s);
}

TEST_F(UploaderTest, StopIsPromptWhileARequestIsInFlightAndKeepsItsRecords) {
    add({"r-1"});
    crm_->set_answer_delay(Millis{20'000});
    auto settings = config();
    settings.timeouts = {Millis{2'000}, Millis{30'000}};
    auto uploader = make_uploader(settings, steady_waiter_);
    uploader->start();
    ASSERT_TRUE(eventually([&] { return crm_->request_count() == 1; }));
    const auto start = steady_clock::now();
    uploader->stop();
    EXPECT_LT(steady_clock::now() - start, 1s);
    EXPECT_EQ(outbox_.pending_ids(), Ids{"r-1"});

    crm_->set_answer_delay(Millis{0});
    const auto after = uploader->upload_once();  // still usable after stop()
    ASSERT_TRUE(after.ok()) << after.error->to_string();
    EXPECT_EQ(crm_->times_delivered("r-1"), 2U);
    EXPECT_EQ(crm_->received_ids(), Ids{"r-1"});
}

TEST_F(UploaderTest, StartStopStartWorks) {
    kiosk::testing::ScriptedWaiter waiter;
    auto uploader = make_uploader(config(), waiter);
    uploader->start();
    ASSERT_EQ(waiter.await_waits(1).size(), 1U);
    uploader->stop();
    add({"r-1"});
    uploader->start();
    ASSERT_EQ(waiter.await_waits(2).size(), 2U);
    EXPECT_EQ(crm_->received_ids(), Ids{"r-1"});
}

}  // namespace
}  // namespace kiosk::crm
