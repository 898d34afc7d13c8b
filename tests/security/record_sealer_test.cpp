// RecordSealer: the per-key limit forces rotation; retired keys open but never seal.
#include "security/record_sealer.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "common/random_source.hpp"

namespace kiosk::security {
namespace {

DataKey make_key(std::string id, std::uint8_t fill) {
    SecureBytes bytes(32);
    for (auto& byte : bytes) byte = fill;
    return DataKey{std::move(id), std::move(bytes)};
}

RecordHeader header(std::string record_id) {
    RecordHeader h;
    h.record_id = std::move(record_id);
    h.kind = "journey";
    h.kiosk_id = "K1";
    return h;
}

const Bytes kPayload = to_bytes("payload");

TEST(RecordSealer, DefaultLimitIsTheRandomIvBound) {
    const RecordSealer sealer(make_key("dk-1", 1));
    EXPECT_EQ(sealer.remaining_for_current_key(), 0xFFFFFFFFULL);
    EXPECT_EQ(sealer.current_key_id(), "dk-1");
}

TEST(RecordSealer, RefusesOnceTheLimitIsReached) {
    SeededRandom random(1);
    RecordSealer sealer(make_key("dk-1", 1), 3);
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(sealer.seal(header("r" + std::to_string(i)), kPayload, random).ok()) << i;
    }
    EXPECT_EQ(sealer.sealed_with_current_key(), 3U);
    EXPECT_EQ(sealer.remaining_for_current_key(), 0U);
    auto refused = sealer.seal(header("r3"), kPayload, random);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("rotate"), std::string::npos) << refused.error().message;
}

TEST(RecordSealer, RotationRestoresTheBudgetWithTheNewKey) {
    SeededRandom random(2);
    RecordSealer sealer(make_key("dk-1", 1), 1);
    ASSERT_TRUE(sealer.seal(header("a"), kPayload, random).ok());
    ASSERT_FALSE(sealer.seal(header("b"), kPayload, random).ok());
    ASSERT_TRUE(sealer.rotate(make_key("dk-2", 2)).ok());
    auto record = sealer.seal(header("b"), kPayload, random);
    ASSERT_TRUE(record.ok());
    EXPECT_EQ(record->header.key_id, "dk-2");
    EXPECT_EQ(sealer.sealed_with_current_key(), 1U);
}

TEST(RecordSealer, RestoredCountIsHonoured) {
    SeededRandom random(3);
    RecordSealer sealer(make_key("dk-1", 1), 10, 10);
    EXPECT_FALSE(sealer.seal(header("a"), kPayload, random).ok());
}

TEST(RecordSealer, RetiredKeyOpensOldRecordsButNeverSealsAgain) {
    SeededRandom random(4);
    RecordSealer sealer(make_key("dk-1", 1));
    auto old_record = sealer.seal(header("old"), kPayload, random);
    ASSERT_TRUE(old_record.ok());
    ASSERT_TRUE(sealer.rotate(make_key("dk-2", 2)).ok());

    auto opened = sealer.open(*old_record);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_EQ(Bytes(opened->begin(), opened->end()), kPayload);

    auto fresh = sealer.seal(header("new"), kPayload, random);
    ASSERT_TRUE(fresh.ok());
    EXPECT_EQ(fresh->header.key_id, "dk-2");
    // Rotating back to a retired id would reuse that key with a reset count.
    EXPECT_FALSE(sealer.rotate(make_key("dk-1", 1)).ok());
    EXPECT_FALSE(sealer.rotate(make_key("dk-2", 2)).ok());
}

TEST(RecordSealer, AddedRetiredKeyOnlyOpens) {
    SeededRandom random(5);
    const DataKey earlier = make_key("dk-0", 9);
    auto earlier_record = seal(earlier, header("before-restart"), kPayload, random);
    ASSERT_TRUE(earlier_record.ok());

    RecordSealer sealer(make_key("dk-1", 1));
    EXPECT_FALSE(sealer.open(*earlier_record).ok());
    ASSERT_TRUE(sealer.add_retired(earlier).ok());
    EXPECT_TRUE(sealer.open(*earlier_record).ok());
    auto record = sealer.seal(header("after"), kPayload, random);
    ASSERT_TRUE(record.ok());
    EXPECT_EQ(record->header.key_id, "dk-1");
    EXPECT_FALSE(sealer.add_retired(make_key("dk-1", 1)).ok());
}

TEST(RecordSealer, UnknownKeyIdIsNamed) {
    SeededRandom random(6);
    auto foreign = seal(make_key("dk-x", 5), header("f"), kPayload, random);
    ASSERT_TRUE(foreign.ok());
    const RecordSealer sealer(make_key("dk-1", 1));
    auto opened = sealer.open(*foreign);
    ASSERT_FALSE(opened.ok());
    EXPECT_NE(opened.error().message.find("unknown key 'dk-x'"), std::string::npos);
}

TEST(RecordSealer, MalformedStartKeyThrows) {
    EXPECT_THROW(RecordSealer(DataKey{"dk", SecureBytes(31)}), std::runtime_error);
    EXPECT_THROW(RecordSealer(make_key("dk", 1), 0x1'0000'0000ULL), std::runtime_error);
}

}  // namespace
}  // namespace kiosk::security
