// KvStore: put/get/erase of small values, replace on put, erase of an absent key is fine, and
// values survive a reopen (the in-flight bracket must outlive a crash).
#include "store/kv_store.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "temp_directory.hpp"

namespace kiosk::store {
namespace {

TEST(KvStore, PutGetReplaceErase) {
    auto database = Database::open_in_memory();
    ASSERT_TRUE(database.ok());
    KvStore kv(*database);

    auto absent = kv.get("bracket");
    ASSERT_TRUE(absent.ok());
    EXPECT_FALSE(absent->has_value());

    ASSERT_TRUE(kv.put("bracket", "stan=000123").ok());
    ASSERT_TRUE(kv.put("bracket", "stan=000124").ok());
    auto replaced = kv.get("bracket");
    ASSERT_TRUE(replaced.ok());
    EXPECT_EQ(*replaced, std::optional<std::string>("stan=000124"));

    ASSERT_TRUE(kv.erase("bracket").ok());
    EXPECT_TRUE(kv.erase("bracket").ok());
    auto erased = kv.get("bracket");
    ASSERT_TRUE(erased.ok());
    EXPECT_FALSE(erased->has_value());
}

TEST(KvStore, AnEmptyValueIsAValue) {
    auto database = Database::open_in_memory();
    ASSERT_TRUE(database.ok());
    KvStore kv(*database);
    ASSERT_TRUE(kv.put("k", "").ok());
    auto value = kv.get("k");
    ASSERT_TRUE(value.ok());
    EXPECT_EQ(*value, std::optional<std::string>(""));
}

TEST(KvStore, ValuesSurviveReopen) {
    test::TempDirectory dir;
    {
        auto database = Database::open(dir.file("kiosk.db"));
        ASSERT_TRUE(database.ok());
        ASSERT_TRUE(KvStore(*database).put("bracket", "open").ok());
    }
    auto reopened = Database::open(dir.file("kiosk.db"));
    ASSERT_TRUE(reopened.ok());
    auto value = KvStore(*reopened).get("bracket");
    ASSERT_TRUE(value.ok());
    EXPECT_EQ(*value, std::optional<std::string>("open"));
}

}  // namespace
}  // namespace kiosk::store
