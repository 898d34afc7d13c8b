#include "host/reversal_queue.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "sim/host/sim_bank_host.hpp"
#include "store/transaction.hpp"
#include "tests/host/sim_bank_fixture.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::host {
namespace {

using test::cny;
using test::kPan;

security::DataKey data_key(std::uint8_t fill, std::string id = "dk-1") {
    return security::DataKey{std::move(id), security::SecureBytes(Bytes(32, fill))};
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// One "kiosk process": its own connection, sealer and queue over the shared database file.
struct KioskSide {
    explicit KioskSide(const std::string& path, std::uint8_t key_fill = 0x5A)
        : database(store::Database::open_or_throw(path)), sealer(data_key(key_fill)) {
        auto opened = ReversalQueue::open(database, sealer, random, clock, "KIOSK001");
        if (!opened.ok()) throw std::runtime_error(opened.error().to_string());
        queue.emplace(std::move(*opened));
    }
    store::Database database;
    security::RecordSealer sealer;
    SeededRandom random{4};
    sim::VirtualClock clock;
    std::optional<ReversalQueue> queue;
};

class ReversalQueueTest : public ::testing::Test {
protected:
    ReversalQueueTest() : bank_(test::make_bank()), host_(bank_) {}

    // A withdrawal the bank approved; the kiosk then decides to reverse it.
    ReversalRequest approved_then_reversed(std::int64_t amount, std::int64_t dispensed) {
        const sim::VirtualClock clock;
        const std::uint32_t stan = ++stan_;
        const auto original = test::card_request(TransactionType::Withdrawal, stan, clock.now() + Millis(stan * 1000), cny(amount));
        EXPECT_EQ(bank_->authorize(original).code, ResponseCode::Approved);
        return test::reversal_of(original, ++stan_, cny(dispensed), ReversalReason::DeviceMalfunction);
    }

    Status enqueue(KioskSide& kiosk, const ReversalRequest& reversal) {
        auto transaction = store::Transaction::begin(kiosk.database);
        if (!transaction.ok()) return transaction.error();
        KIOSK_TRY(kiosk.queue->enqueue(*transaction, reversal));
        return transaction->commit();
    }

    store::test::TempDirectory directory_;
    std::string path_ = directory_.file("kiosk.db");
    std::shared_ptr<sim::SimBank> bank_;
    sim::SimBankHost host_;
    std::uint32_t stan_ = 0;
};

TEST_F(ReversalQueueTest, RestartSendsThePendingReversalAndAnUnacknowledgedOneStays) {
    {
        KioskSide before(path_);
        ASSERT_TRUE(enqueue(before, approved_then_reversed(500'00, 0)).ok());
        ASSERT_TRUE(enqueue(before, approved_then_reversed(300'00, 100'00)).ok());
    }  // "power off"
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(1'200'00));

    KioskSide after(path_);  // new objects over the same file
    ASSERT_EQ(after.queue->pending()->size(), 2U);

    // First round: the host is away.
    host_.inject(sim::HostFault::Unreachable);
    auto away = after.queue->send_pending(host_);
    ASSERT_TRUE(away.ok()) << away.error().to_string();
    EXPECT_EQ(away->unanswered, 1U);
    EXPECT_EQ(away->acknowledged, 0U);
    auto pending = *after.queue->pending();
    ASSERT_EQ(pending.size(), 2U);
    EXPECT_EQ(pending[0].attempts, 1);
    EXPECT_NE(pending[0].last_error->find("unreachable"), std::string::npos);
    EXPECT_EQ(pending[1].attempts, 0);  // not tried: the link was down

    // Second round: the first is answered 96 (not acknowledged, stays), the second goes through.
    host_.inject(sim::HostFault::SystemError);
    auto mixed = after.queue->send_pending(host_);
    ASSERT_TRUE(mixed.ok());
    EXPECT_EQ(mixed->acknowledged, 1U);
    EXPECT_EQ(mixed->unanswered, 1U);
    pending = *after.queue->pending();
    ASSERT_EQ(pending.size(), 1U);
    EXPECT_EQ(pending[0].attempts, 2);
    EXPECT_EQ(pending[0].last_error, "host answered system_error");
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(1'400'00));  // 200 of the 300 went back

    // Third round, after another restart: everything acknowledged, balance exact.
    KioskSide again(path_);
    auto last = again.queue->send_pending(host_);
    ASSERT_TRUE(last.ok());
    EXPECT_EQ(last->acknowledged, 1U);
    EXPECT_TRUE(again.queue->pending()->empty());
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(1'900'00));
}

TEST_F(ReversalQueueTest, AReversalIsDurableOnlyWithTheDecisionsTransaction) {
    KioskSide kiosk(path_);
    const ReversalRequest reversal = approved_then_reversed(100'00, 0);
    {
        auto transaction = store::Transaction::begin(kiosk.database);
        ASSERT_TRUE(transaction.ok());
        ASSERT_TRUE(kiosk.queue->enqueue(*transaction, reversal).ok());
        // no commit: the step failed, so its reversal must vanish with it
    }
    EXPECT_TRUE(kiosk.queue->pending()->empty());

    store::Transaction* none = nullptr;
    auto outside = store::Transaction::begin(kiosk.database);
    ASSERT_TRUE(outside.ok());
    ASSERT_TRUE(outside->commit().ok());
    none = &*outside;  // committed: no transaction open any more
    const Status refused = kiosk.queue->enqueue(*none, reversal);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("inside the transaction"), std::string::npos);
}

TEST_F(ReversalQueueTest, TheDatabaseFileHoldsNoPanInClear) {
    {
        KioskSide kiosk(path_);
        ASSERT_TRUE(enqueue(kiosk, approved_then_reversed(100'00, 0)).ok());
        ASSERT_EQ(kiosk.queue->pending()->size(), 1U);
    }
    std::string everything = file_bytes(path_);
    for (const char* suffix : {"-wal", "-shm"}) everything += file_bytes(path_ + suffix);
    ASSERT_FALSE(everything.empty());
    EXPECT_TRUE(everything.find(kPan) == std::string::npos);
    EXPECT_TRUE(everything.find(std::string(kPan).substr(0, 12)) == std::string::npos);
}

TEST_F(ReversalQueueTest, AReversalSealedUnderAnUnknownKeyIsKeptForATechnician) {
    {
        KioskSide kiosk(path_, 0x11);
        ASSERT_TRUE(enqueue(kiosk, approved_then_reversed(100'00, 0)).ok());
    }
    KioskSide other_key(path_, 0x22);  // same key id, different bytes: authentication fails
    auto report = other_key.queue->send_pending(host_);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->unreadable, 1U);
    const auto pending = *other_key.queue->pending();
    ASSERT_EQ(pending.size(), 1U);
    EXPECT_TRUE(pending[0].last_error.has_value());
    EXPECT_EQ(bank_->balance_of_card(kPan), cny(1'900'00));  // nothing reversed
}

}  // namespace
}  // namespace kiosk::host
