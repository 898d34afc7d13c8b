// HPKE base mode: RFC 9180 A.1.1 (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM) checks the
// KEM and the key schedule value by value; the CFRG test-vectors.json entry mode 0, kem_id 32,
// kdf_id 1, aead_id 2 (AES-256-GCM, as converted in aws-lc's crypto/hpke/hpke_test_vectors.txt)
// checks the AEAD the kiosk uses. Then round trips and tampering.
#include "security/hpke.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace kiosk::security::hpke {
namespace {

using test::hex;

struct Vector {
    Aead aead;
    const char* sk_e;
    const char* pk_e;
    const char* sk_r;
    const char* pk_r;
    const char* ciphertext;  // sequence 0
};

const Bytes kInfo = hex("4f6465206f6e2061204772656369616e2055726e");  // "Ode on a Grecian Urn"
const Bytes kPlaintext = hex("4265617574792069732074727574682c20747275746820626561757479");
const Bytes kAad = hex("436f756e742d30");  // "Count-0"

const Vector kA11{Aead::Aes128Gcm,
                  "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736",
                  "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431",
                  "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8",
                  "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d",
                  "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a"};

const Vector kAes256{Aead::Aes256Gcm,
                     "179d4b53b6365c45b600c4163b61d95cbc2f4d9e36f1695558dce265ab8bab11",
                     "6c93e09869df3402d7bf231bf540fadd35cd56be14f97178f0954db94b7fc256",
                     "497b4502664cfea5d5af0b39934dac72242a74f8480451e1aee7d6a53320333d",
                     "430f4b9859665145a6b1ba274024487bd66f03a2dd577d7753c68d7d7d00c00c",
                     "e5d84cd531cfb583096e7cfa9641bd3079cf3a91cda813c52deb5f512be9931980a41de125a925cdad859d5b7a"};

std::string lower_hex(ByteView bytes) {
    std::string text = to_hex(bytes);
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

TEST(Hpke, Rfc9180A11KeySchedule) {
    auto context = setup_base_sender(Aead::Aes128Gcm, hex(kA11.pk_r), kInfo, hex(kA11.sk_e));
    ASSERT_TRUE(context.ok()) << context.error().to_string();
    EXPECT_EQ(lower_hex(context->enc), kA11.pk_e);
    EXPECT_EQ(lower_hex(context->shared_secret.view()),
              "fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc");
    EXPECT_EQ(lower_hex(context->key.view()), "4531685d41d65f03dc48f6b8302c05b0");
    EXPECT_EQ(lower_hex(context->base_nonce), "56d890e5accaaf011cff4b7d");
}

TEST(Hpke, Rfc9180A11RecipientDerivesTheSameSchedule) {
    auto context = setup_base_recipient(Aead::Aes128Gcm, hex(kA11.pk_e), hex(kA11.sk_r), kInfo);
    ASSERT_TRUE(context.ok()) << context.error().to_string();
    EXPECT_EQ(lower_hex(context->shared_secret.view()),
              "fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc");
    EXPECT_EQ(lower_hex(context->key.view()), "4531685d41d65f03dc48f6b8302c05b0");
    EXPECT_EQ(lower_hex(context->base_nonce), "56d890e5accaaf011cff4b7d");
}

TEST(Hpke, PublicKeyOfTheVectorsPrivateKeys) {
    for (const Vector* vector : {&kA11, &kAes256}) {
        auto pk_r = x25519_public_key(hex(vector->sk_r));
        ASSERT_TRUE(pk_r.ok()) << pk_r.error().to_string();
        EXPECT_EQ(lower_hex(*pk_r), vector->pk_r);
        auto pk_e = x25519_public_key(hex(vector->sk_e));
        ASSERT_TRUE(pk_e.ok());
        EXPECT_EQ(lower_hex(*pk_e), vector->pk_e);
    }
}

class HpkeVector : public ::testing::TestWithParam<const Vector*> {};

TEST_P(HpkeVector, SealsSequenceZeroAsPublished) {
    const Vector& vector = *GetParam();
    auto sealed = seal_base_with_ephemeral(vector.aead, hex(vector.pk_r), kInfo, kAad, kPlaintext, hex(vector.sk_e));
    ASSERT_TRUE(sealed.ok()) << sealed.error().to_string();
    EXPECT_EQ(lower_hex(sealed->enc), vector.pk_e);
    EXPECT_EQ(lower_hex(sealed->ciphertext), vector.ciphertext);
}

TEST_P(HpkeVector, OpensThePublishedCiphertext) {
    const Vector& vector = *GetParam();
    auto opened = open_base(vector.aead, hex(vector.sk_r), hex(vector.pk_e), kInfo, kAad, hex(vector.ciphertext));
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_EQ(to_hex(opened->view()), to_hex(kPlaintext));
}

INSTANTIATE_TEST_SUITE_P(Rfc9180, HpkeVector, ::testing::Values(&kA11, &kAes256),
                         [](const auto& test_param) { return test_param.param->aead == Aead::Aes128Gcm ? "Aes128Gcm" : "Aes256Gcm"; });

class HpkeRoundTrip : public ::testing::Test {
protected:
    Bytes recipient_private = hex(kAes256.sk_r);
    Bytes recipient_public = hex(kAes256.pk_r);
    SeededRandom random{7};

    Sealed seal(ByteView plaintext) {
        auto sealed = seal_base(Aead::Aes256Gcm, recipient_public, to_bytes("info"), to_bytes("aad"), plaintext, random);
        EXPECT_TRUE(sealed.ok()) << sealed.error().to_string();
        return sealed.ok() ? *sealed : Sealed{};
    }
    Result<SecureBytes> open(const Sealed& sealed, std::string_view info = "info", std::string_view aad = "aad") {
        return open_base(Aead::Aes256Gcm, recipient_private, sealed.enc, to_bytes(info), to_bytes(aad),
                         sealed.ciphertext);
    }
};

TEST_F(HpkeRoundTrip, OpensWhatItSealedWithAFreshEphemeralKeyEachTime) {
    const Bytes secret(32, 0x5A);
    const Sealed first = seal(secret);
    const Sealed second = seal(secret);
    EXPECT_EQ(first.enc.size(), 32U);
    EXPECT_EQ(first.ciphertext.size(), 48U);
    EXPECT_NE(first.enc, second.enc);
    EXPECT_NE(first.ciphertext, second.ciphertext);
    for (const Sealed* sealed : {&first, &second}) {
        auto opened = open(*sealed);
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        EXPECT_EQ(Bytes(opened->view().begin(), opened->view().end()), secret);
    }
}

TEST_F(HpkeRoundTrip, EveryAlteredByteIsRefused) {
    const Sealed sealed = seal(Bytes(32, 0x11));
    for (std::size_t i = 0; i < sealed.enc.size(); ++i) {
        Sealed altered = sealed;
        altered.enc[i] ^= 0x01;
        EXPECT_FALSE(open(altered).ok()) << "enc byte " << i;
    }
    for (std::size_t i = 0; i < sealed.ciphertext.size(); ++i) {
        Sealed altered = sealed;
        altered.ciphertext[i] ^= 0x80;
        const auto opened = open(altered);
        ASSERT_FALSE(opened.ok()) << "ciphertext byte " << i;
        EXPECT_NE(opened.error().message.find("authentication failed"), std::string::npos) << opened.error().message;
    }
    EXPECT_FALSE(open(sealed, "other info").ok());
    EXPECT_FALSE(open(sealed, "info", "other aad").ok());
}

TEST_F(HpkeRoundTrip, AnotherPrivateKeyCannotOpen) {
    const Sealed sealed = seal(Bytes(32, 0x22));
    auto opened = open_base(Aead::Aes256Gcm, hex(kA11.sk_r), sealed.enc, to_bytes("info"), to_bytes("aad"),
                            sealed.ciphertext);
    EXPECT_FALSE(opened.ok());
}

TEST_F(HpkeRoundTrip, RefusesMalformedInputsWithAReason) {
    const Sealed sealed = seal(Bytes(32, 0x33));
    auto short_key = seal_base(Aead::Aes256Gcm, Bytes(31, 1), {}, {}, Bytes(4, 0), random);
    ASSERT_FALSE(short_key.ok());
    EXPECT_NE(short_key.error().message.find("must be 32 bytes, got 31"), std::string::npos) << short_key.error().message;
    auto truncated = open_base(Aead::Aes256Gcm, recipient_private, sealed.enc, {}, {}, Bytes(15, 0));
    ASSERT_FALSE(truncated.ok());
    EXPECT_NE(truncated.error().message.find("shorter than its 16-byte tag"), std::string::npos);
    auto unknown_aead = seal_base(static_cast<Aead>(3), recipient_public, {}, {}, Bytes(4, 0), random);
    ASSERT_FALSE(unknown_aead.ok());
    EXPECT_NE(unknown_aead.error().message.find("aead_id 3"), std::string::npos);
}

TEST_F(HpkeRoundTrip, RefusesASmallOrderPublicKey) {
    // The all-zero point has order 1: X25519 with it gives all zeros whatever the private key.
    auto sealed = seal_base(Aead::Aes256Gcm, Bytes(32, 0), {}, {}, Bytes(4, 0), random);
    ASSERT_FALSE(sealed.ok());
    EXPECT_NE(sealed.error().message.find("small-order"), std::string::npos) << sealed.error().message;
}

}  // namespace
}  // namespace kiosk::security::hpke
