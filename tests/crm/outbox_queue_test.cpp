// crm/outbox_queue: the uploader on the real SQLite outbox (its own connection to the same file
// the core writes) against the simulated CRM — the store-and-forward story end to end.
#include "crm/outbox_queue.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "memory_record_queue.hpp"
#include "scripted_waiter.hpp"
#include "security/crm_record_sealer.hpp"
#include "sim/virtual_clock.hpp"
#include "security/journal_chain.hpp"
#include "store/business_step.hpp"
#include "store/crm_data_keys.hpp"
#include "store/journal.hpp"
#include "store/transaction.hpp"
#include "tls_test_support.hpp"

namespace kiosk::crm {
namespace {

using namespace std::chrono_literals;
using Ids = std::vector<std::string>;

security::SealedRecord record(const std::string& id) { return kiosk::testing::test_record(id, "survey"); }

class OutboxQueueTest : public ::testing::Test {
protected:
    void SetUp() override {
        pki_ = kiosk::testing::make_pki(scratch_.path() / "pki");
        auto started = sim::SimCrmServer::start(kiosk::testing::serve_with(pki_));
        ASSERT_TRUE(started.ok()) << started.error().to_string();
        crm_ = std::move(*started);
        auto core = store::Database::open(database_path_);
        ASSERT_TRUE(core.ok()) << core.error().to_string();
        core_ = std::make_unique<store::Database>(std::move(*core));
        core_outbox_ = std::make_unique<store::Outbox>(*core_, clock_);
    }

    // What a business step does: records committed in one transaction of the core's connection.
    void add(const Ids& ids) {
        auto transaction = store::Transaction::begin(*core_);
        ASSERT_TRUE(transaction.ok()) << transaction.error().to_string();
        for (const auto& id : ids) ASSERT_TRUE(core_outbox_->add(record(id)).ok());
        ASSERT_TRUE(transaction->commit().ok());
    }

    std::size_t pending() { return core_outbox_->pending_count().value_or(999); }

    std::unique_ptr<Uploader> open_uploader(Waiter& waiter) {
        UploaderConfig config;
        config.endpoint = crm_->url();
        config.kiosk_id = "K1";
        config.batch_size = 50;
        config.tls = kiosk::testing::trust(pki_);
        config.tls.pinned_public_keys = pki_.server_pin;
        config.timeouts = {Millis{2'000}, Millis{5'000}};
        config.backoff = {Millis{100}, Millis{1'000}, Millis{60'000}};
        auto uploader = open_outbox_uploader(config, database_path_, clock_, random_, waiter);
        if (!uploader) throw std::runtime_error(uploader.error().to_string());
        return std::move(*uploader);
    }
    std::unique_ptr<Uploader> open_uploader() { return open_uploader(steady_waiter_); }

    kiosk::testing::ScratchDirectory scratch_;
    std::string database_path_ = (scratch_.path() / "kiosk.db").string();
    sim::TestPkiFiles pki_;
    std::unique_ptr<sim::SimCrmServer> crm_;
    sim::VirtualClock clock_;
    SeededRandom random_{7};
    SteadyWaiter steady_waiter_;
    std::unique_ptr<store::Database> core_;
    std::unique_ptr<store::Outbox> core_outbox_;
};

TEST_F(OutboxQueueTest, RecordsAddedAreDeliveredExactlyAndTheOutboxEmpties) {
    add({"r-1", "r-2", "r-3"});
    auto uploader = open_uploader();
    const auto summary = uploader->upload_once();
    ASSERT_TRUE(summary.ok()) << summary.error->to_string();
    EXPECT_EQ(summary.acknowledged, 3U);
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-1", "r-2", "r-3"}));
    EXPECT_EQ(crm_->received()[2], record("r-3"));
    EXPECT_EQ(pending(), 0U);
    EXPECT_EQ(uploader->status().pending, 0U);
}

TEST_F(OutboxQueueTest, ServerErrorKeepsRecordsNotesTheAttemptAndALaterRoundDeliversOnce) {
    add({"r-1", "r-2"});
    crm_->inject(sim::CrmFault::ServerError);
    auto uploader = open_uploader();
    EXPECT_FALSE(uploader->upload_once().ok());
    EXPECT_EQ(pending(), 2U);
    const auto delivery = core_outbox_->delivery("r-1");
    ASSERT_TRUE(delivery.ok() && delivery->has_value());
    EXPECT_EQ((*delivery)->attempts, 1);
    ASSERT_TRUE((*delivery)->last_error.has_value());
    EXPECT_NE((*delivery)->last_error->find("HTTP 500"), std::string::npos) << *(*delivery)->last_error;

    ASSERT_TRUE(uploader->upload_once().ok());
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-1", "r-2"}));
    EXPECT_EQ(crm_->times_delivered("r-1"), 1U);
    EXPECT_EQ(pending(), 0U);
}

TEST_F(OutboxQueueTest, LostAcknowledgementIsResentAndCountedOnceByTheCrm) {
    add({"r-1", "r-2"});
    crm_->inject(sim::CrmFault::LostAnswer);
    auto uploader = open_uploader();
    EXPECT_FALSE(uploader->upload_once().ok());
    EXPECT_EQ(pending(), 2U);
    ASSERT_TRUE(uploader->upload_once().ok());
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-1", "r-2"}));
    EXPECT_EQ(crm_->times_delivered("r-2"), 2U);
    EXPECT_EQ(pending(), 0U);
}

TEST_F(OutboxQueueTest, RejectedRecordIsDeadLetteredWithTheReason) {
    add({"r-1", "r-2"});
    crm_->reject_record("r-1", "kiosk K1 not enrolled");
    auto uploader = open_uploader();
    const auto summary = uploader->upload_once();
    ASSERT_TRUE(summary.ok()) << summary.error->to_string();
    EXPECT_EQ(summary.dead_lettered, 1U);
    EXPECT_EQ(pending(), 0U);
    const auto letters = core_outbox_->dead_letters(10);
    ASSERT_TRUE(letters.ok());
    ASSERT_EQ(letters->size(), 1U);
    EXPECT_EQ((*letters)[0].record, record("r-1"));
    EXPECT_EQ((*letters)[0].reason, "kiosk K1 not enrolled");
    EXPECT_EQ(crm_->received_ids(), Ids{"r-2"});
}

// Records sealed to the CRM for real: the CRM holding crm-2026's private key opens those sealed
// to it, and refuses, with the reason, one sealed to a key it does not hold; the kiosk
// dead-letters that one with the CRM's reason.
TEST_F(OutboxQueueTest, TheCrmOpensWhatIsSealedToItAndTheKioskDeadLettersTheRest) {
    auto crm_key = security::CrmPrivateKey::generate("crm-2026", random_);
    auto rogue_key = security::CrmPrivateKey::generate("crm-rogue", random_);
    ASSERT_TRUE(crm_key.ok() && rogue_key.ok());
    crm_.reset();
    sim::SimCrmOptions options = kiosk::testing::serve_with(pki_);
    options.record_keys = {*crm_key};
    options.clock = &clock_;
    auto started = sim::SimCrmServer::start(options);
    ASSERT_TRUE(started.ok()) << started.error().to_string();
    crm_ = std::move(*started);

    store::CrmDataKeys wraps(*core_);
    const auto seal_to = [&](const security::CrmPrivateKey& key, const std::string& id) {
        security::CrmRecordSealer sealer({{key.public_key()}}, wraps, clock_);
        auto sealed = sealer.seal({id, "survey", "K1", "", 2, 1000}, to_bytes(R"({"csat":5})"), random_);
        ASSERT_TRUE(sealed.ok()) << sealed.error().to_string();
        store::BusinessStep step;
        step.outbox.push_back(*sealed);
        ASSERT_TRUE(store::commit(*core_, step).ok());
    };
    seal_to(*crm_key, "r-1");
    seal_to(*rogue_key, "r-2");
    seal_to(*crm_key, "r-3");

    auto uploader = open_uploader();
    const auto summary = uploader->upload_once();
    ASSERT_TRUE(summary.ok()) << summary.error->to_string();
    EXPECT_EQ(summary.acknowledged, 2U);
    EXPECT_EQ(summary.dead_lettered, 1U);
    EXPECT_EQ(pending(), 0U);
    const auto opened = crm_->opened_records();
    ASSERT_EQ(opened.size(), 2U);
    EXPECT_EQ(opened[0].record_id, "r-1");
    EXPECT_EQ(opened[0].kind, "survey");
    EXPECT_EQ(opened[0].payload_json, R"({"csat":5})");
    EXPECT_EQ(opened[0].received_unix_ms, to_unix_millis(clock_.now()));
    EXPECT_EQ(opened[1].record_id, "r-3");
    const auto letters = core_outbox_->dead_letters(10);
    ASSERT_TRUE(letters.ok());
    ASSERT_EQ(letters->size(), 1U);
    EXPECT_EQ((*letters)[0].record.header.record_id, "r-2");
    EXPECT_EQ((*letters)[0].reason, "sealed to unknown CRM key 'crm-rogue'");
}

TEST_F(OutboxQueueTest, ThreadDeliversWhatTheCoreCommitsAndStopsPromptly) {
    add({"r-1", "r-2"});
    kiosk::testing::ScriptedWaiter waiter;
    auto uploader = open_uploader(waiter);
    uploader->start();
    ASSERT_EQ(waiter.await_waits(1).size(), 1U);
    add({"r-3"});  // committed by the core while the uploader idles
    waiter.advance();
    ASSERT_EQ(waiter.await_waits(2).size(), 2U);
    const auto start = std::chrono::steady_clock::now();
    uploader->stop();
    EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-1", "r-2", "r-3"}));
    EXPECT_EQ(pending(), 0U);
}

TEST(OutboxUploaderOpen, UnopenableDatabaseIsAnErrorNamingThePath) {
    sim::VirtualClock clock;
    SeededRandom random(1);
    SteadyWaiter waiter;
    const auto uploader = open_outbox_uploader({}, "/nonexistent-dir/kiosk.db", clock, random, waiter);
    ASSERT_FALSE(uploader.ok());
    EXPECT_NE(uploader.error().message.find("/nonexistent-dir/kiosk.db"), std::string::npos)
        << uploader.error().message;
}

// The anchor is read with the batch, from the same snapshot: the newest chained journal entry.
TEST_F(OutboxQueueTest, TheBatchCarriesTheNewestJournalMac) {
    auto chain = security::JournalChain::create(Bytes(32, 0x42));
    ASSERT_TRUE(chain.ok());
    store::BusinessStep step;
    step.journal.push_back(store::JournalLine{1'767'603'600'000, "system", "survey", "success", "K1/cx", "outbox", "", {}});
    step.outbox.push_back(record("r-anchored"));
    ASSERT_TRUE(store::commit(*core_, step, *chain).ok());
    const auto expected = store::Journal(*core_).anchor();
    ASSERT_TRUE(expected.ok());
    ASSERT_GT(expected->sequence, 0);

    auto queue = OutboxQueue::open(database_path_, clock_);
    ASSERT_TRUE(queue.ok()) << queue.error().to_string();
    EXPECT_EQ((*queue)->journal_anchor(), JournalAnchor{}) << "nothing read yet";
    auto batch = (*queue)->next_batch(10);
    ASSERT_TRUE(batch.ok()) << batch.error().to_string();
    ASSERT_EQ(batch->size(), 1U);
    EXPECT_EQ((*queue)->journal_anchor(), (JournalAnchor{expected->sequence, expected->mac}));

    auto uploader = open_uploader();
    ASSERT_TRUE(uploader->upload_once().ok());
    EXPECT_EQ(crm_->received_ids(), (Ids{"r-anchored"}));
}

}  // namespace
}  // namespace kiosk::crm
