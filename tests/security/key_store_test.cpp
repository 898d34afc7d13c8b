// KeyRingStore over the file KEK: creation, reopening, rotation, persisted count reservations, and
// the start-up refusals (keys file or ring readable by others, corrupted ring, wrong KEK).
#include "security/key_store.hpp"

#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "tests/security/key_store_fixture.hpp"

namespace kiosk::security {
namespace {

using test::KeyStoreDirectory;

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

class KeyStoreTest : public ::testing::Test {
protected:
    std::unique_ptr<KeyRingStore> create(KeyStoreOptions options = {}) {
        auto store = KeyRingStore::create(dir_.paths, KekSpec{}, random_, options);
        EXPECT_TRUE(store.ok()) << store.error().to_string();
        return std::move(store).value();
    }

    Result<std::unique_ptr<KeyRingStore>> reopen(KeyStoreOptions options = {}) {
        return KeyRingStore::open(dir_.paths, random_, options);
    }

    SeededRandom random_{42};
    KeyStoreDirectory dir_{random_};
};

TEST_F(KeyStoreTest, CreateMakesOneCurrentKeyInAnOwnerOnlyRing) {
    auto store = create();
    auto keys = store->keys();
    ASSERT_TRUE(keys.ok()) << keys.error().to_string();
    EXPECT_TRUE(keys->current.id.starts_with("dk-"));
    EXPECT_EQ(keys->current.bytes.size(), 32U);
    EXPECT_TRUE(keys->retired.empty());
    const auto permissions = std::filesystem::status(dir_.paths.ring).permissions();
    EXPECT_EQ(static_cast<unsigned>(permissions) & 0777U, 0600U);

    auto status = store->status();
    ASSERT_TRUE(status.ok());
    EXPECT_EQ(status->backend, "file");
    EXPECT_TRUE(contains(status->kek_location, dir_.paths.keys_file.string())) << status->kek_location;
    EXPECT_EQ(status->ring_mode, 0600U);
    EXPECT_EQ(status->current.id, keys->current.id);
}

TEST_F(KeyStoreTest, CreateRefusesAnExistingRing) {
    create();
    auto again = KeyRingStore::create(dir_.paths, KekSpec{}, random_);
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(contains(again.error().message, "already exists")) << again.error().message;
}

TEST_F(KeyStoreTest, ReopenedStoreUnwrapsTheSameKeys) {
    auto first = create()->keys();
    ASSERT_TRUE(first.ok());
    auto store = reopen();
    ASSERT_TRUE(store.ok()) << store.error().to_string();
    auto second = (*store)->keys();
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->current.id, first->current.id);
    EXPECT_TRUE(second->current.bytes == first->current.bytes);
}

TEST_F(KeyStoreTest, RotateRetiresTheOldKeyAndKeepsIt) {
    auto store = create();
    const std::string first = store->keys()->current.id;
    auto second = store->rotate();
    ASSERT_TRUE(second.ok()) << second.error().to_string();
    auto third = store->rotate();
    ASSERT_TRUE(third.ok());
    auto keys = store->keys();
    ASSERT_TRUE(keys.ok());
    EXPECT_EQ(keys->current.id, *third);
    EXPECT_EQ(keys->rotations, 2U);
    std::set<std::string> retired;
    for (const DataKey& key : keys->retired) retired.insert(key.id);
    EXPECT_EQ(retired, (std::set<std::string>{first, *second}));
    EXPECT_EQ(*store->rotations(), 2U);
}

TEST_F(KeyStoreTest, ReservationsArePersistedSoARestartNeverReusesACount) {
    auto store = create(KeyStoreOptions{100, kGcmRandomIvLimit});
    auto a = store->reserve();
    auto b = store->reserve();
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->begin, 0U);
    EXPECT_EQ(a->end, 100U);
    EXPECT_EQ(b->begin, 100U);
    EXPECT_EQ(b->end, 200U);
    store.reset();  // "restart": counts 150..199 may have been used before the crash

    auto restarted = reopen(KeyStoreOptions{100, kGcmRandomIvLimit});
    ASSERT_TRUE(restarted.ok());
    auto c = (*restarted)->reserve();
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->key_id, a->key_id);
    EXPECT_EQ(c->begin, 200U);
}

TEST_F(KeyStoreTest, ReservationStopsAtTheLimit) {
    auto store = create(KeyStoreOptions{4, 10});
    std::uint64_t handed_out = 0;
    for (int i = 0; i < 3; ++i) {
        auto window = store->reserve();
        ASSERT_TRUE(window.ok());
        handed_out += window->end - window->begin;
    }
    EXPECT_EQ(handed_out, 10U);  // 4 + 4 + 2: never past the limit
    auto spent = store->reserve();
    ASSERT_TRUE(spent.ok());
    EXPECT_EQ(spent->begin, spent->end);
}

TEST_F(KeyStoreTest, GroupReadableKeysFileIsRefusedNamingFileAndMode) {
    create();
    std::filesystem::permissions(dir_.paths.keys_file, std::filesystem::perms::group_read,
                                 std::filesystem::perm_options::add);
    auto store = reopen();
    ASSERT_FALSE(store.ok());
    EXPECT_TRUE(contains(store.error().message, dir_.paths.keys_file.string())) << store.error().message;
    EXPECT_TRUE(contains(store.error().message, "mode 0640")) << store.error().message;
}

TEST_F(KeyStoreTest, WorldReadableRingIsRefusedNamingFileAndMode) {
    create();
    std::filesystem::permissions(dir_.paths.ring, std::filesystem::perms::others_read,
                                 std::filesystem::perm_options::add);
    auto store = reopen();
    ASSERT_FALSE(store.ok());
    EXPECT_TRUE(contains(store.error().message, dir_.paths.ring.string())) << store.error().message;
    EXPECT_TRUE(contains(store.error().message, "mode 0604")) << store.error().message;
}

TEST_F(KeyStoreTest, CorruptedRingIsRefusedAsCorrupted) {
    create();
    {
        std::fstream file(dir_.paths.ring, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(200);
        file.put('#');
    }
    auto store = reopen();
    ASSERT_FALSE(store.ok());
    EXPECT_TRUE(contains(store.error().message, "corrupted")) << store.error().message;
    EXPECT_TRUE(contains(store.error().message, dir_.paths.ring.string())) << store.error().message;
}

TEST_F(KeyStoreTest, RingUnderAnotherKekIsRefused) {
    create();
    std::filesystem::remove(dir_.paths.keys_file);
    SeededRandom other(7);
    KeyFile::create(dir_.paths.keys_file, {std::string(kKekKeyName)}, other);
    auto store = reopen();
    ASSERT_FALSE(store.ok());
    EXPECT_TRUE(contains(store.error().message, "does not unwrap under the KEK")) << store.error().message;
}

TEST_F(KeyStoreTest, MissingKeysFileIsNamed) {
    create();
    std::filesystem::remove(dir_.paths.keys_file);
    auto store = reopen();
    ASSERT_FALSE(store.ok());
    EXPECT_TRUE(contains(store.error().message, dir_.paths.keys_file.string() + ": not found")) << store.error().message;
}

}  // namespace
}  // namespace kiosk::security
