// The network-fault test of issue 10: each fault the simulated CRM can act out lasts ten
// (virtual) minutes while the kiosk keeps queueing records, then heals. The uploader runs on its
// own thread as in service; its pauses pass on the virtual clock at once (VirtualPauses), so a
// ten-minute outage takes seconds. Afterwards the CRM holds every record once and the outbox is
// empty, and the requests made during the outage show the backoff: a handful, not hundreds, and
// never sooner than a Retry-After the CRM asked for.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "crm/uploader.hpp"
#include "memory_record_queue.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "sim/virtual_clock.hpp"
#include "tls_test_support.hpp"

namespace kiosk::crm {
namespace {

using namespace std::chrono_literals;
using sim::CrmFault;

constexpr Millis outage{10 * 60 * 1000};

// Every pause the uploader asks for passes on the virtual clock at once. Each pause is also where
// "the kiosk goes on serving": a new record is queued while the outage lasts (and for a few pauses
// after it), and the outage ends once it has lasted.
class VirtualPauses final : public Waiter {
public:
    VirtualPauses(sim::VirtualClock& clock, std::function<void()> on_pause) : clock_(clock), on_pause_(std::move(on_pause)) {}
    bool wait_for(Millis duration) override {
        {
            std::lock_guard lock(mutex_);
            if (interrupted_) return false;
            pauses_.push_back(duration);
        }
        clock_.advance(duration);
        on_pause_();
        std::this_thread::sleep_for(1ms);  // lets the test thread look in between
        std::lock_guard lock(mutex_);
        return !interrupted_;
    }
    void interrupt() override {
        std::lock_guard lock(mutex_);
        interrupted_ = true;
    }
    void reset() override {
        std::lock_guard lock(mutex_);
        interrupted_ = false;
    }
    std::vector<Millis> pauses() {
        std::lock_guard lock(mutex_);
        return pauses_;
    }

private:
    sim::VirtualClock& clock_;
    std::function<void()> on_pause_;
    std::mutex mutex_;
    std::vector<Millis> pauses_;
    bool interrupted_ = false;
};

class UploaderNetworkFaultTest : public ::testing::TestWithParam<CrmFault> {
protected:
    void SetUp() override {
        pki_ = kiosk::testing::make_pki(scratch_.path());
        auto started = sim::SimCrmServer::start(kiosk::testing::serve_with(pki_));
        ASSERT_TRUE(started.ok()) << started.error().to_string();
        crm_ = std::move(*started);
        crm_->set_retry_after("7");
    }

    void queue_record() {
        std::lock_guard lock(outbox_.mutex);
        const std::string id = "r-" + std::to_string(next_id_++);
        outbox_.pending.push_back(kiosk::testing::test_record(id));
        queued_.insert(id);
    }

    kiosk::testing::ScratchDirectory scratch_;
    sim::TestPkiFiles pki_;
    std::unique_ptr<sim::SimCrmServer> crm_;
    kiosk::testing::MemoryOutbox outbox_;
    sim::VirtualClock clock_;
    SeededRandom random_{20261202};
    int next_id_ = 0;
    std::set<std::string> queued_;
};

TEST_P(UploaderNetworkFaultTest, AnOutageOfTenMinutesLosesNothingDuplicatesNothingAndIsNotHammered) {
    const CrmFault fault = GetParam();
    for (int i = 0; i < 5; ++i) queue_record();
    const TimePoint outage_ends = clock_.now() + outage;
    crm_->inject(fault, sim::max_fault_times);
    std::atomic<bool> healed{false};
    std::atomic<std::size_t> requests_in_outage{0};
    // After the heal the kiosk queues a few more records and then falls quiet, so "everything is
    // delivered" is a state the test can observe rather than a moment between two queued records.
    constexpr int records_after_heal = 3;
    std::atomic<int> queued_after_heal{0};
    VirtualPauses pauses(clock_, [&] {
        if (healed) {
            if (queued_after_heal < records_after_heal) {
                queue_record();
                ++queued_after_heal;
            }
            return;
        }
        queue_record();
        if (clock_.now() >= outage_ends) {
            requests_in_outage = crm_->request_count();
            crm_->clear_faults();
            healed = true;
        }
    });

    UploaderConfig config;
    config.endpoint = crm_->url();
    config.kiosk_id = "K1";
    config.tls = kiosk::testing::trust(pki_);
    config.tls.pinned_public_keys = pki_.server_pin;
    config.timeouts = {Millis{2'000}, Millis{1'000}};  // a Stall ends as this timeout
    config.idle_interval = Millis{30'000};
    Uploader uploader(config, std::make_unique<kiosk::testing::MemoryRecordQueue>(outbox_), clock_, random_, pauses);
    uploader.start();
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    const auto delivered = [&] {
        return healed && queued_after_heal == records_after_heal && outbox_.pending_ids().empty();
    };
    while (!delivered() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
    }
    uploader.stop();

    ASSERT_TRUE(healed) << "the outage never ended (the uploader stopped pausing?)";
    EXPECT_EQ(queued_after_heal.load(), records_after_heal) << "the uploader stopped pausing after the heal";
    EXPECT_TRUE(outbox_.pending_ids().empty()) << "everything queued is delivered after the heal";
    EXPECT_TRUE(outbox_.dead_letters.empty());
    const std::vector<std::string> received = crm_->received_ids();
    const std::set<std::string> held(received.begin(), received.end());
    EXPECT_EQ(held.size(), received.size()) << "the CRM holds each record once";
    std::lock_guard lock(outbox_.mutex);
    EXPECT_EQ(held, queued_) << "every record queued before, during and after the outage";

    // Full-jitter backoff from 1 s to a 5-minute cap: ten minutes take about a dozen tries. A
    // client without backoff would have made hundreds (one per second or faster).
    EXPECT_GE(requests_in_outage.load(), 3U);
    EXPECT_LE(requests_in_outage.load(), 30U) << "the uploader hammered the failing CRM";
    if (fault == CrmFault::Throttled || fault == CrmFault::Unavailable) {
        const std::vector<Millis> asked = pauses.pauses();
        const std::size_t in_outage = std::min(asked.size(), requests_in_outage.load());
        for (std::size_t i = 0; i < in_outage; ++i) EXPECT_GE(asked[i], Millis{7'000}) << "pause " << i;
    }
}

INSTANTIATE_TEST_SUITE_P(EveryFault, UploaderNetworkFaultTest,
                         ::testing::Values(CrmFault::Refuse, CrmFault::Stall, CrmFault::ServerError,
                                           CrmFault::Unavailable, CrmFault::Throttled, CrmFault::PartialBatch,
                                           CrmFault::ResetMidAnswer, CrmFault::MalformedAnswer, CrmFault::LostAnswer),
                         [](const auto& fault_case) { return std::string(sim::fault_name(fault_case.param)); });

}  // namespace
}  // namespace kiosk::crm
