// crm/uploader against every fault of the simulated CRM: the first round fails (or half
// succeeds) and keeps what was not acknowledged, the next rounds after the fault heals deliver the
// rest, and in the end the CRM holds each record exactly once and the outbox is empty — nothing
// lost, nothing duplicated, whatever the CRM did wrong.
#include <gtest/gtest.h>

#include <ostream>

#include "crm/uploader.hpp"
#include "memory_record_queue.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "sim/virtual_clock.hpp"
#include "tls_test_support.hpp"

namespace kiosk::crm {
namespace {

using Ids = std::vector<std::string>;
using sim::CrmFault;

struct FaultCase {
    CrmFault fault;
    int logged_status;            // what the CRM's request log says of the faulty request (0 = no answer)
    std::size_t acknowledged;     // by the first round, of the 4 records
    bool stored_by_faulty_round;  // the CRM kept the whole batch although the kiosk could not know
    std::optional<Millis> retry_after;
};

void PrintTo(const FaultCase& fault, std::ostream* out) { *out << sim::fault_name(fault.fault); }

class UploaderFaultHealTest : public ::testing::TestWithParam<FaultCase> {
protected:
    void SetUp() override {
        pki_ = kiosk::testing::make_pki(scratch_.path());
        auto started = sim::SimCrmServer::start(kiosk::testing::serve_with(pki_));
        ASSERT_TRUE(started.ok()) << started.error().to_string();
        crm_ = std::move(*started);
        crm_->set_retry_after("7");
        std::lock_guard lock(outbox_.mutex);
        for (const auto& id : all_) outbox_.pending.push_back(kiosk::testing::test_record(id));
    }

    std::unique_ptr<Uploader> make_uploader() {
        UploaderConfig config;
        config.endpoint = crm_->url();
        config.kiosk_id = "K1";
        config.tls = kiosk::testing::trust(pki_);
        config.tls.pinned_public_keys = pki_.server_pin;
        // A Stall is seen as this total timeout running out.
        config.timeouts = {Millis{2'000}, Millis{1'500}};
        return std::make_unique<Uploader>(config, std::make_unique<kiosk::testing::MemoryRecordQueue>(outbox_), clock_,
                                          random_, waiter_);
    }

    const Ids all_{"r-1", "r-2", "r-3", "r-4"};
    kiosk::testing::ScratchDirectory scratch_;
    sim::TestPkiFiles pki_;
    std::unique_ptr<sim::SimCrmServer> crm_;
    kiosk::testing::MemoryOutbox outbox_;
    sim::VirtualClock clock_;
    SeededRandom random_{7};
    SteadyWaiter waiter_;
};

TEST_P(UploaderFaultHealTest, NothingIsLostAndNothingDuplicatedOnceTheFaultHeals) {
    const FaultCase& expected = GetParam();
    crm_->inject(expected.fault);
    auto uploader = make_uploader();

    const auto faulty = uploader->upload_once();
    EXPECT_FALSE(faulty.ok()) << "every fault is a failed round the uploader backs off from";
    EXPECT_EQ(faulty.sent, 4U);
    EXPECT_EQ(faulty.acknowledged, expected.acknowledged);
    EXPECT_EQ(faulty.retry_after, expected.retry_after);
    EXPECT_EQ(outbox_.pending_ids().size(), 4U - expected.acknowledged) << "the rest is kept";
    ASSERT_EQ(crm_->request_log().size(), 1U);
    EXPECT_EQ(crm_->request_log()[0].http_status, expected.logged_status);
    EXPECT_EQ(crm_->request_log()[0].records_in_batch, expected.logged_status == 200 || expected.stored_by_faulty_round
                                                           ? 4U
                                                           : 0U);

    const auto healed = uploader->upload_once();
    ASSERT_TRUE(healed.ok()) << healed.error->to_string();
    EXPECT_TRUE(outbox_.pending_ids().empty());
    EXPECT_TRUE(outbox_.dead_letters.empty());
    EXPECT_EQ(crm_->received_ids(), all_) << "each record once, in order";
    for (const auto& id : all_) {
        const bool resent_after_storing = expected.stored_by_faulty_round;
        EXPECT_EQ(crm_->times_delivered(id), resent_after_storing ? 2U : 1U) << id;
    }
}

INSTANTIATE_TEST_SUITE_P(
    EveryFault, UploaderFaultHealTest,
    ::testing::Values(FaultCase{CrmFault::Refuse, 0, 0, false, std::nullopt},
                      FaultCase{CrmFault::Stall, 0, 0, false, std::nullopt},
                      FaultCase{CrmFault::ServerError, 500, 0, false, std::nullopt},
                      FaultCase{CrmFault::Unavailable, 503, 0, false, Millis{7'000}},
                      FaultCase{CrmFault::Throttled, 429, 0, false, Millis{7'000}},
                      FaultCase{CrmFault::PartialBatch, 200, 2, false, std::nullopt},
                      FaultCase{CrmFault::ResetMidAnswer, 0, 0, true, std::nullopt},
                      FaultCase{CrmFault::MalformedAnswer, 200, 0, true, std::nullopt},
                      FaultCase{CrmFault::LostAnswer, 500, 0, true, std::nullopt}),
    [](const ::testing::TestParamInfo<FaultCase>& each) { return std::string(sim::fault_name(each.param.fault)); });

}  // namespace
}  // namespace kiosk::crm
