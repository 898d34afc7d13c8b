// Data keys from the KEK: deterministic per (KEK, id), separated by id and KEK, and equal to the
// documented HKDF construction.
#include "security/data_key_derivation.hpp"

#include <gtest/gtest.h>

#include "security/hkdf.hpp"

namespace kiosk::security {
namespace {

const Bytes kKek(32, 0x5A);

TEST(DataKeyDerivation, IsDeterministicAndNamedByItsId) {
    auto first = derive_data_key(kKek, "dk-2025-01");
    auto again = derive_data_key(kKek, "dk-2025-01");
    ASSERT_TRUE(first.ok() && again.ok());
    EXPECT_EQ(first->id, "dk-2025-01");
    EXPECT_EQ(first->bytes.size(), 32U);
    EXPECT_EQ(first->bytes, again->bytes);
}

TEST(DataKeyDerivation, DifferentIdsOrKeksGiveDifferentKeys) {
    auto a = derive_data_key(kKek, "dk-1");
    auto b = derive_data_key(kKek, "dk-2");
    auto c = derive_data_key(Bytes(32, 0x5B), "dk-1");
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
    EXPECT_FALSE(a->bytes == b->bytes);
    EXPECT_FALSE(a->bytes == c->bytes);
}

TEST(DataKeyDerivation, MatchesTheDocumentedConstruction) {
    auto derived = derive_data_key(kKek, "dk-7");
    auto expected = hkdf_sha256(kKek, to_bytes("kiosk/security/data-key/v1"), to_bytes("kiosk data key dk-7"), 32);
    ASSERT_TRUE(derived.ok() && expected.ok());
    EXPECT_EQ(derived->bytes, *expected);
}

TEST(DataKeyDerivation, JournalKeyIsSeparateFromDataKeys) {
    auto journal = derive_journal_key(kKek);
    auto expected = hkdf_sha256(kKek, to_bytes("kiosk/security/data-key/v1"), to_bytes("kiosk journal chain key"), 32);
    auto data_key = derive_data_key(kKek, "dk-1");
    ASSERT_TRUE(journal.ok() && expected.ok() && data_key.ok());
    EXPECT_EQ(*journal, *expected);
    EXPECT_FALSE(*journal == data_key->bytes);
}

TEST(DataKeyDerivation, RejectsBadInputs) {
    EXPECT_FALSE(derive_journal_key(Bytes(31, 1)).ok());
    EXPECT_FALSE(derive_data_key(Bytes(16, 1), "dk").ok());
    EXPECT_FALSE(derive_data_key(kKek, "").ok());
}

}  // namespace
}  // namespace kiosk::security
