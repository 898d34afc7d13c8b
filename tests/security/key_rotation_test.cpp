// RecordSealer on a key store: retired keys cannot seal (by type), a spent key is rotated before
// its limit, a rotation made by another process is adopted before the next seal, a restart never
// reuses a count, and rotation under load loses and duplicates no record.
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <type_traits>

#include <gtest/gtest.h>

#include "security/key_store.hpp"
#include "security/record_sealer.hpp"
#include "security/retired_key.hpp"
#include "tests/security/key_store_fixture.hpp"

namespace kiosk::security {
namespace {

using test::header_for;
using test::KeyStoreDirectory;

// "A retired key never encrypts" is checked by the compiler: there is no seal() that accepts a
// RetiredKey and no way to turn one back into a DataKey.
template <typename Key>
concept CanSeal = requires(const Key& key, RandomSource& random) {
    security::seal(key, RecordHeader{}, ByteView{}, random);
};
static_assert(CanSeal<DataKey>);
static_assert(!CanSeal<RetiredKey>);
static_assert(!std::is_convertible_v<RetiredKey, DataKey>);
static_assert(!std::is_constructible_v<DataKey, const RetiredKey&>);

class KeyRotationTest : public ::testing::Test {
protected:
    std::unique_ptr<KeyRingStore> create(KeyStoreOptions options = {}) {
        auto store = KeyRingStore::create(dir_.paths, KekSpec{}, random_, options);
        EXPECT_TRUE(store.ok()) << store.error().to_string();
        return std::move(store).value();
    }
    std::unique_ptr<KeyRingStore> reopen(RandomSource& random, KeyStoreOptions options = {}) {
        auto store = KeyRingStore::open(dir_.paths, random, options);
        EXPECT_TRUE(store.ok()) << store.error().to_string();
        return std::move(store).value();
    }

    SeededRandom random_{5};
    KeyStoreDirectory dir_{random_};
};

TEST(RetiredKey, OpensWhatItSealedBeforeRetirement) {
    SeededRandom random(1);
    DataKey key{"dk-1", SecureBytes(Bytes(32, 7))};
    auto record = seal(key, header_for("r1"), to_bytes("payload"), random);
    ASSERT_TRUE(record.ok());
    const RetiredKey retired(std::move(key));
    EXPECT_EQ(retired.id(), "dk-1");
    auto opened = retired.open(*record);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(Bytes(opened->begin(), opened->end()), to_bytes("payload"));
}

TEST_F(KeyRotationTest, SealerUsesTheStoresCurrentKeyAndCountsFromTheReservedBlock) {
    auto store = create(KeyStoreOptions{10, kGcmRandomIvLimit});
    RecordSealer sealer(*store);
    EXPECT_EQ(sealer.current_key_id(), store->keys()->current.id);
    for (int i = 0; i < 25; ++i) ASSERT_TRUE(sealer.seal(header_for(std::to_string(i)), to_bytes("p"), random_).ok());
    EXPECT_EQ(sealer.sealed_with_current_key(), 25U);
    EXPECT_EQ(store->status()->current.reserved, 30U);  // three blocks of 10 persisted
}

TEST_F(KeyRotationTest, RestartResumesAfterEveryReservedCount) {
    {
        auto store = create(KeyStoreOptions{10, kGcmRandomIvLimit});
        RecordSealer sealer(*store);
        for (int i = 0; i < 3; ++i) ASSERT_TRUE(sealer.seal(header_for(std::to_string(i)), to_bytes("p"), random_).ok());
    }  // "crash" after 3 of the 10 reserved counts
    auto store = reopen(random_, KeyStoreOptions{10, kGcmRandomIvLimit});
    RecordSealer sealer(*store);
    ASSERT_TRUE(sealer.seal(header_for("after"), to_bytes("p"), random_).ok());
    EXPECT_EQ(sealer.sealed_with_current_key(), 11U);  // count 10 was the first used: 0..9 never again
}

TEST_F(KeyRotationTest, SpentKeyIsRotatedBeforeItsLimit) {
    auto store = create(KeyStoreOptions{2, 5});
    RecordSealer sealer(*store);
    std::map<std::string, int> sealed_per_key;
    std::vector<SealedRecord> records;
    for (int i = 0; i < 12; ++i) {
        auto record = sealer.seal(header_for(std::to_string(i)), to_bytes("p"), random_);
        ASSERT_TRUE(record.ok()) << record.error().to_string();
        ++sealed_per_key[record->header.key_id];
        records.push_back(*record);
    }
    EXPECT_EQ(sealed_per_key.size(), 3U);
    for (const auto& [id, count] : sealed_per_key) EXPECT_LE(count, 5) << id;
    for (const SealedRecord& record : records) EXPECT_TRUE(sealer.open(record).ok()) << record.header.record_id;
}

TEST_F(KeyRotationTest, RotationByAnotherProcessIsAdoptedBeforeTheNextSeal) {
    auto store = create();
    RecordSealer sealer(*store);
    auto before = sealer.seal(header_for("before"), to_bytes("p"), random_);
    ASSERT_TRUE(before.ok());

    SeededRandom tool_random(99);
    auto kioskctl_store = reopen(tool_random);  // what `kioskctl keys rotate` does
    auto new_id = kioskctl_store->rotate();
    ASSERT_TRUE(new_id.ok()) << new_id.error().to_string();

    auto after = sealer.seal(header_for("after"), to_bytes("p"), random_);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->header.key_id, *new_id);
    EXPECT_NE(before->header.key_id, *new_id);
    EXPECT_EQ(sealer.current_key_id(), *new_id);
    EXPECT_TRUE(sealer.open(*before).ok());
    EXPECT_TRUE(sealer.open(*after).ok());
}

TEST_F(KeyRotationTest, StoreSealerRefusesAHandPickedKey) {
    auto store = create();
    RecordSealer sealer(*store);
    EXPECT_FALSE(sealer.rotate(DataKey{"dk-mine", SecureBytes(Bytes(32, 1))}).ok());
    RecordSealer bare(DataKey{"dk-bare", SecureBytes(Bytes(32, 1))});
    EXPECT_FALSE(bare.rotate().ok());
}

// One thread seals and enqueues like the CX recorder; another rotates, in-process and as a second
// "process" on the same ring. Afterwards a freshly opened store opens every record exactly once.
TEST_F(KeyRotationTest, RotationUnderLoadLosesAndDuplicatesNothing) {
    constexpr int kRecords = 600;
    constexpr int kRotations = 6;
    auto store = create(KeyStoreOptions{16, kGcmRandomIvLimit});
    RecordSealer sealer(*store);
    SeededRandom tool_random(77);
    auto other_process = reopen(tool_random, KeyStoreOptions{16, kGcmRandomIvLimit});

    std::mutex queue_mutex;
    std::vector<SealedRecord> outbox;
    std::atomic<int> sealed{0};
    std::atomic<bool> failed{false};

    std::thread producer([&] {
        SeededRandom iv_random(123);
        for (int i = 0; i < kRecords; ++i) {
            auto record = sealer.seal(header_for("rec-" + std::to_string(i)), to_bytes("payload " + std::to_string(i)),
                                      iv_random);
            if (!record) {
                failed = true;
                return;
            }
            const std::lock_guard lock(queue_mutex);
            outbox.push_back(std::move(*record));
            sealed.store(i + 1);
        }
    });
    std::thread rotator([&] {
        for (int r = 0; r < kRotations; ++r) {
            // Spread the rotations over the run by waiting for the producer's progress (no timing).
            const int target = (r + 1) * kRecords / (kRotations + 1);
            while (sealed.load() < target && !failed.load()) std::this_thread::yield();
            const bool ok = (r % 2 == 0) ? sealer.rotate().ok() : other_process->rotate().ok();
            if (!ok) failed = true;
        }
    });
    producer.join();
    rotator.join();
    ASSERT_FALSE(failed.load());
    ASSERT_EQ(outbox.size(), static_cast<std::size_t>(kRecords));

    SeededRandom fresh_random(1);
    auto fresh_store = reopen(fresh_random);
    const RecordSealer reader(*fresh_store);
    std::set<std::string> seen;
    std::set<std::string> key_ids;
    for (const SealedRecord& record : outbox) {
        auto opened = reader.open(record);
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        const std::string index = record.header.record_id.substr(4);
        EXPECT_EQ(std::string(opened->begin(), opened->end()), "payload " + index);
        EXPECT_TRUE(seen.insert(record.header.record_id).second) << "duplicate " << record.header.record_id;
        key_ids.insert(record.header.key_id);
    }
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(kRecords));
    EXPECT_GE(key_ids.size(), 2U);
    EXPECT_EQ(fresh_store->status()->retired.size(), static_cast<std::size_t>(kRotations));
    // Every record sealed after a rotation became visible uses a key that was current then: no
    // key id reappears after the next one started.
    std::vector<std::string> order;
    for (const SealedRecord& record : outbox) {
        if (order.empty() || order.back() != record.header.key_id) order.push_back(record.header.key_id);
    }
    EXPECT_EQ(std::set<std::string>(order.begin(), order.end()).size(), order.size());
}

}  // namespace
}  // namespace kiosk::security
