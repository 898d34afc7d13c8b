// AES-256-GCM primitive: McGrew–Viega test case 16 (GCM spec; NIST CAVP-equivalent), with AAD.
#include "security/aes_gcm.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace kiosk::security {
namespace {

using test::hex;

const Bytes kKey = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
const Bytes kIv = hex("cafebabefacedbaddecaf888");
const Bytes kAad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
const Bytes kPlaintext = hex(
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
const Bytes kCiphertext = hex(
    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
    "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662");
const Bytes kTag = hex("76fc6ece0f4e1768cddf8853bb2d551b");

TEST(AesGcm, EncryptsTestCase16) {
    auto out = aes256_gcm_encrypt(kKey, kIv, kAad, kPlaintext);
    ASSERT_TRUE(out.ok()) << out.error().to_string();
    EXPECT_EQ(to_hex(out->ciphertext), to_hex(kCiphertext));
    EXPECT_EQ(to_hex(out->tag), to_hex(kTag));
}

TEST(AesGcm, DecryptsTestCase16) {
    auto plain = aes256_gcm_decrypt(kKey, kIv, kAad, kCiphertext, kTag);
    ASSERT_TRUE(plain.ok()) << plain.error().to_string();
    EXPECT_EQ(to_hex(plain->view()), to_hex(kPlaintext));
}

TEST(AesGcm, RejectsAlteredAad) {
    Bytes aad = kAad;
    aad.back() ^= 0x01;
    auto plain = aes256_gcm_decrypt(kKey, kIv, aad, kCiphertext, kTag);
    ASSERT_FALSE(plain.ok());
    EXPECT_NE(plain.error().message.find("authentication failed"), std::string::npos);
}

TEST(AesGcm, RejectsWrongSizes) {
    EXPECT_FALSE(aes256_gcm_encrypt(Bytes(16), kIv, {}, kPlaintext).ok());
    EXPECT_FALSE(aes256_gcm_encrypt(kKey, Bytes(16), {}, kPlaintext).ok());
    EXPECT_FALSE(aes256_gcm_decrypt(kKey, kIv, kAad, kCiphertext, Bytes(12)).ok());
}

TEST(AesGcm, EmptyPlaintextStillAuthenticates) {
    auto out = aes256_gcm_encrypt(kKey, kIv, kAad, {});
    ASSERT_TRUE(out.ok());
    EXPECT_TRUE(out->ciphertext.empty());
    EXPECT_TRUE(aes256_gcm_decrypt(kKey, kIv, kAad, {}, out->tag).ok());
    Bytes tag = out->tag;
    tag[0] ^= 0x80;
    EXPECT_FALSE(aes256_gcm_decrypt(kKey, kIv, kAad, {}, tag).ok());
}

}  // namespace
}  // namespace kiosk::security
