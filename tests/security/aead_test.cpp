// Record sealing: round trip, fresh IVs, and tamper tests — every byte of IV, ciphertext and tag,
// and every header field, makes open() fail.
#include "security/aead.hpp"

#include <gtest/gtest.h>

#include "common/random_source.hpp"

namespace kiosk::security {
namespace {

DataKey make_key(std::string id, std::uint8_t fill) {
    SecureBytes bytes(32);
    for (auto& byte : bytes) byte = fill;
    return DataKey{std::move(id), std::move(bytes)};
}

RecordHeader make_header(std::string kiosk_id = "A") {
    RecordHeader header;
    header.record_id = "8c1e4b0a-6f55-4b8e-9a7e-3f1f0f6f2a11";
    header.kind = "survey";
    header.kiosk_id = std::move(kiosk_id);
    header.key_id = "ignored: seal() sets it";
    header.schema_version = 1;
    header.created_unix_ms = 1'700'000'000'000;
    return header;
}

const Bytes kPayload = to_bytes(R"({"question":"q1","answer":5})");

SealedRecord sealed_sample() {
    SeededRandom random(42);
    auto record = seal(make_key("dk-1", 0x11), make_header(), kPayload, random);
    EXPECT_TRUE(record.ok());
    return record.ok() ? record.value() : SealedRecord{};
}

TEST(Aead, SealThenOpenRoundTrips) {
    const SealedRecord record = sealed_sample();
    EXPECT_EQ(record.header.key_id, "dk-1");
    EXPECT_EQ(record.iv.size(), 12U);
    EXPECT_EQ(record.tag.size(), 16U);
    EXPECT_EQ(record.ciphertext.size(), kPayload.size());
    EXPECT_NE(record.ciphertext, kPayload);

    auto opened = open(make_key("dk-1", 0x11), record);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_EQ(Bytes(opened->begin(), opened->end()), kPayload);
}

TEST(Aead, EachSealDrawsAFreshIv) {
    SeededRandom random(7);
    const DataKey key = make_key("dk-1", 0x11);
    auto first = seal(key, make_header(), kPayload, random);
    auto second = seal(key, make_header(), kPayload, random);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_NE(first->iv, second->iv);
    EXPECT_NE(first->ciphertext, second->ciphertext);
}

TEST(Aead, FlippingAnyIvByteFailsToOpen) {
    const SealedRecord original = sealed_sample();
    for (std::size_t i = 0; i < original.iv.size(); ++i) {
        SealedRecord tampered = original;
        tampered.iv[i] ^= 0x01;
        EXPECT_FALSE(open(make_key("dk-1", 0x11), tampered).ok()) << "IV byte " << i;
    }
}

TEST(Aead, FlippingAnyCiphertextByteFailsToOpen) {
    const SealedRecord original = sealed_sample();
    for (std::size_t i = 0; i < original.ciphertext.size(); ++i) {
        SealedRecord tampered = original;
        tampered.ciphertext[i] ^= 0x01;
        auto opened = open(make_key("dk-1", 0x11), tampered);
        ASSERT_FALSE(opened.ok()) << "ciphertext byte " << i;
        EXPECT_NE(opened.error().message.find("failed authentication"), std::string::npos);
    }
}

TEST(Aead, FlippingAnyTagByteFailsToOpen) {
    const SealedRecord original = sealed_sample();
    for (std::size_t i = 0; i < original.tag.size(); ++i) {
        SealedRecord tampered = original;
        tampered.tag[i] ^= 0x80;
        EXPECT_FALSE(open(make_key("dk-1", 0x11), tampered).ok()) << "tag byte " << i;
    }
}

TEST(Aead, ChangingAnyHeaderFieldFailsToOpen) {
    const SealedRecord original = sealed_sample();
    const std::vector<std::pair<std::string, void (*)(RecordHeader&)>> changes = {
        {"record_id", [](RecordHeader& h) { h.record_id[0] = '9'; }},
        {"kind", [](RecordHeader& h) { h.kind = "journey"; }},
        {"kiosk_id", [](RecordHeader& h) { h.kiosk_id = "B"; }},
        {"schema_version", [](RecordHeader& h) { h.schema_version = 2; }},
        {"created_unix_ms", [](RecordHeader& h) { h.created_unix_ms += 1; }},
    };
    for (const auto& [field, change] : changes) {
        SealedRecord tampered = original;
        change(tampered.header);
        EXPECT_FALSE(open(make_key("dk-1", 0x11), tampered).ok()) << field;
    }
}

TEST(Aead, ChangingKeyIdInHeaderFailsEvenWithThatKeyId) {
    // Relabelling the record for another key: the id check passes, authentication does not.
    SealedRecord tampered = sealed_sample();
    tampered.header.key_id = "dk-2";
    EXPECT_FALSE(open(make_key("dk-2", 0x11), tampered).ok());
}

TEST(Aead, RecordSealedForKioskADoesNotOpenAsKioskB) {
    SeededRandom random(1);
    const DataKey key = make_key("dk-1", 0x11);
    auto record = seal(key, make_header("A"), kPayload, random);
    ASSERT_TRUE(record.ok());
    ASSERT_TRUE(open(key, *record).ok());
    SealedRecord relabelled = *record;
    relabelled.header.kiosk_id = "B";
    EXPECT_FALSE(open(key, relabelled).ok());
}

TEST(Aead, WrongKeyIdIsRefusedWithAClearMessage) {
    auto opened = open(make_key("dk-9", 0x11), sealed_sample());
    ASSERT_FALSE(opened.ok());
    EXPECT_NE(opened.error().message.find("sealed with key 'dk-1', not 'dk-9'"), std::string::npos)
        << opened.error().message;
}

TEST(Aead, SameIdDifferentKeyBytesFailsAuthentication) {
    EXPECT_FALSE(open(make_key("dk-1", 0x22), sealed_sample()).ok());
}

TEST(Aead, WrongIvOrTagLengthIsRefused) {
    SealedRecord short_iv = sealed_sample();
    short_iv.iv.pop_back();
    auto opened = open(make_key("dk-1", 0x11), short_iv);
    ASSERT_FALSE(opened.ok());
    EXPECT_NE(opened.error().message.find("11-byte IV"), std::string::npos) << opened.error().message;

    SealedRecord short_tag = sealed_sample();
    short_tag.tag.resize(12);
    opened = open(make_key("dk-1", 0x11), short_tag);
    ASSERT_FALSE(opened.ok());
    EXPECT_NE(opened.error().message.find("12-byte tag"), std::string::npos) << opened.error().message;
}

TEST(Aead, MalformedKeysAreRefused) {
    SeededRandom random(3);
    EXPECT_FALSE(seal(DataKey{"dk", SecureBytes(16)}, make_header(), kPayload, random).ok());
    EXPECT_FALSE(seal(DataKey{"", SecureBytes(32)}, make_header(), kPayload, random).ok());
}

TEST(Aead, ErrorsDoNotContainThePlaintext) {
    SealedRecord tampered = sealed_sample();
    tampered.tag[0] ^= 1;
    auto opened = open(make_key("dk-1", 0x11), tampered);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().to_string().find("question"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::security
