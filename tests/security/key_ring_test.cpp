// The key ring file: what is written reads back, and a damaged or edited file is refused with an
// error that says so (never a silent misread of a key's state or count).
#include "security/key_ring.hpp"

#include <gtest/gtest.h>

namespace kiosk::security {
namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

KeyRing sample_ring() {
    KeyRing ring;
    ring.rotations = 1;
    ring.keys.push_back(RingKey{"dk-old", false, 131072, Bytes(40, 0xAB)});
    ring.keys.push_back(RingKey{"dk-new", true, 65536, Bytes(40, 0xCD)});
    return ring;
}

TEST(KeyRing, FormatThenParseRoundTrips) {
    const KeyRing ring = sample_ring();
    auto parsed = parse_key_ring(format_key_ring(ring), "ring");
    ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
    EXPECT_EQ(parsed->rotations, 1U);
    ASSERT_EQ(parsed->keys.size(), 2U);
    EXPECT_EQ(parsed->keys[0].id, "dk-old");
    EXPECT_FALSE(parsed->keys[0].current);
    EXPECT_EQ(parsed->keys[0].reserved, 131072U);
    EXPECT_EQ(parsed->keys[0].wrapped, Bytes(40, 0xAB));
    EXPECT_EQ(parsed->current_key()->id, "dk-new");
    EXPECT_EQ(parsed->kek.backend, KekBackend::file);
}

TEST(KeyRing, Pkcs11SpecRoundTrips) {
    KeyRing ring = sample_ring();
    ring.kek.backend = KekBackend::pkcs11;
    ring.kek.pkcs11 = Pkcs11KekConfig{"/usr/lib/softhsm/libsofthsm2.so", "kiosk", "kiosk-kek"};
    ring.kek.pin_file = "/var/lib/kiosk/pin";
    auto parsed = parse_key_ring(format_key_ring(ring), "ring");
    ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
    EXPECT_EQ(parsed->kek.backend, KekBackend::pkcs11);
    EXPECT_EQ(parsed->kek.pkcs11.module, "/usr/lib/softhsm/libsofthsm2.so");
    EXPECT_EQ(parsed->kek.pkcs11.token_label, "kiosk");
    EXPECT_EQ(parsed->kek.pkcs11.key_label, "kiosk-kek");
    EXPECT_EQ(parsed->kek.pin_file, "/var/lib/kiosk/pin");
}

TEST(KeyRing, AnyChangedByteIsReportedAsCorruption) {
    const std::string text = format_key_ring(sample_ring());
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::string damaged = text;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x01);
        auto parsed = parse_key_ring(damaged, "ring");
        ASSERT_FALSE(parsed.ok()) << "byte " << i;
        EXPECT_TRUE(contains(parsed.error().message, "corrupted")) << "byte " << i << ": " << parsed.error().message;
    }
}

TEST(KeyRing, CutShortFileIsCorrupted) {
    const std::string text = format_key_ring(sample_ring());
    for (const std::size_t keep : {std::size_t{0}, text.size() / 2, text.size() - 20}) {
        auto parsed = parse_key_ring(text.substr(0, keep), "ring /x/keyring");
        ASSERT_FALSE(parsed.ok()) << keep;
        EXPECT_TRUE(contains(parsed.error().message, "ring /x/keyring: corrupted")) << parsed.error().message;
    }
}

TEST(KeyRing, StructuralErrorsAreNamedEvenWithAValidChecksum) {
    KeyRing no_current = sample_ring();
    no_current.keys[1].current = false;
    auto parsed = parse_key_ring(format_key_ring(no_current), "ring");
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(contains(parsed.error().message, "no current key")) << parsed.error().message;

    KeyRing two_current = sample_ring();
    two_current.keys[0].current = true;
    parsed = parse_key_ring(format_key_ring(two_current), "ring");
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(contains(parsed.error().message, "a second current key")) << parsed.error().message;

    KeyRing duplicate = sample_ring();
    duplicate.keys[0].id = "dk-new";
    parsed = parse_key_ring(format_key_ring(duplicate), "ring");
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(contains(parsed.error().message, "appears twice")) << parsed.error().message;
}

TEST(KeyRing, WordsWithSpacesAreNotValid) {
    EXPECT_TRUE(valid_ring_word("/usr/lib/softhsm/libsofthsm2.so"));
    EXPECT_FALSE(valid_ring_word(""));
    EXPECT_FALSE(valid_ring_word("two words"));
    EXPECT_FALSE(valid_ring_word(std::string(201, 'a')));
}

}  // namespace
}  // namespace kiosk::security
