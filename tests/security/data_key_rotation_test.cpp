// One data-key rotation as `kioskctl keys rotate` and the service mode's Rotate keys do it: a new
// current key, the previous one retired and named, the ring's counter up by one.
#include "security/data_key_rotation.hpp"

#include <gtest/gtest.h>

#include "security/os_random.hpp"
#include "tests/security/key_store_fixture.hpp"

namespace kiosk::security {
namespace {

TEST(DataKeyRotation, ANewCurrentKeyAndThePreviousRetired) {
    OsRandom random;
    const test::KeyStoreDirectory dir(random);
    const KeyRingPaths& paths = dir.paths;
    std::string first;
    {
        auto created = KeyRingStore::create(paths, {}, random);
        ASSERT_TRUE(created.ok()) << created.error().message;
        first = (*created)->status()->current.id;
    }
    auto rotated = rotate_data_key(paths, random);
    ASSERT_TRUE(rotated.ok()) << rotated.error().message;
    EXPECT_EQ(rotated->retired, first);
    EXPECT_NE(rotated->current, first);
    EXPECT_EQ(rotated->journal_detail(), "current " + rotated->current + ", retired " + first);

    auto ring = KeyRingStore::open(paths, random);
    ASSERT_TRUE(ring.ok());
    auto status = (*ring)->status();
    ASSERT_TRUE(status.ok());
    EXPECT_EQ(status->current.id, rotated->current);
    EXPECT_EQ(status->rotations, 1U);
}

TEST(DataKeyRotation, NoRingIsAnErrorThatNamesIt) {
    OsRandom random;
    const test::KeyStoreDirectory dir(random);  // a keys file, but no ring made yet
    auto rotated = rotate_data_key(dir.paths, random);
    ASSERT_FALSE(rotated.ok());
    EXPECT_NE(rotated.error().message.find("keyring"), std::string::npos) << rotated.error().message;
}

}  // namespace
}  // namespace kiosk::security
