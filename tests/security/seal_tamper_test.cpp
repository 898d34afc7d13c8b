// Tamper tests that go byte by byte through the AAD: every byte of each header text field and every
// bit of the numeric fields is authenticated, and a tag cut to any shorter length is refused with
// an error naming its length (aead_test.cpp covers IV, ciphertext and tag bytes and whole fields).
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/random_source.hpp"
#include "security/aead.hpp"

namespace kiosk::security {
namespace {

const DataKey& key() {
    static const DataKey data_key{"dk-tamper", SecureBytes(Bytes(32, 0x5A))};
    return data_key;
}

SealedRecord sample() {
    SeededRandom random(17);
    RecordHeader header{"5b0c7f7e-2a8e-4d7c-8f3e-6a0b9c1d2e3f", "transaction", "KIOSK-A", "", 3, 1'767'607'200'123};
    auto record = seal(key(), header, to_bytes("{\"amount\":\"100.00\"}"), random);
    EXPECT_TRUE(record.ok());
    return record.ok() ? *record : SealedRecord{};
}

TEST(SealTamper, EveryByteOfEveryHeaderTextFieldIsAuthenticated) {
    const std::vector<std::pair<std::string, std::function<std::string&(RecordHeader&)>>> fields{
        {"record_id", [](RecordHeader& h) -> std::string& { return h.record_id; }},
        {"kind", [](RecordHeader& h) -> std::string& { return h.kind; }},
        {"kiosk_id", [](RecordHeader& h) -> std::string& { return h.kiosk_id; }},
    };
    const SealedRecord original = sample();
    ASSERT_TRUE(open(key(), original).ok());
    for (const auto& [name, field] : fields) {
        SealedRecord probe = original;
        const std::size_t length = field(probe.header).size();
        for (std::size_t i = 0; i < length; ++i) {
            SealedRecord changed = original;
            field(changed.header)[i] = static_cast<char>(field(changed.header)[i] ^ 0x01);
            EXPECT_FALSE(open(key(), changed).ok()) << name << " byte " << i;
        }
        SealedRecord longer = original;
        field(longer.header).push_back('x');
        EXPECT_FALSE(open(key(), longer).ok()) << name << " lengthened";
    }
}

TEST(SealTamper, EveryBitOfTheNumericHeaderFieldsIsAuthenticated) {
    const SealedRecord original = sample();
    for (int bit = 0; bit < 32; ++bit) {
        SealedRecord changed = original;
        changed.header.schema_version ^= (1U << bit);
        EXPECT_FALSE(open(key(), changed).ok()) << "schema_version bit " << bit;
    }
    for (int bit = 0; bit < 64; ++bit) {
        SealedRecord changed = original;
        changed.header.created_unix_ms =
            static_cast<std::int64_t>(static_cast<std::uint64_t>(changed.header.created_unix_ms) ^ (1ULL << bit));
        EXPECT_FALSE(open(key(), changed).ok()) << "created_unix_ms bit " << bit;
    }
}

TEST(SealTamper, RecordOfKioskADoesNotOpenAsAnyOtherKiosk) {
    const SealedRecord original = sample();
    for (const char* other : {"KIOSK-B", "KIOSK-a", "KIOSK-A ", "", "KIOSK-AA"}) {
        SealedRecord moved = original;
        moved.header.kiosk_id = other;
        EXPECT_FALSE(open(key(), moved).ok()) << "'" << other << "'";
    }
}

TEST(SealTamper, TagCutToAnyShorterLengthIsNamed) {
    const SealedRecord original = sample();
    for (std::size_t length = 0; length < 16; ++length) {
        SealedRecord cut = original;
        cut.tag.resize(length);
        auto opened = open(key(), cut);
        ASSERT_FALSE(opened.ok()) << length;
        EXPECT_NE(opened.error().message.find(std::to_string(length) + "-byte tag"), std::string::npos)
            << opened.error().message;
    }
}

}  // namespace
}  // namespace kiosk::security
