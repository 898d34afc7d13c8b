// Single-block AES against FIPS-197 Appendix C (AES-128, -192, -256).
#include "security/aes_block.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace kiosk::security {
namespace {

using test::hex;

const Bytes kPlain = hex("00112233445566778899aabbccddeeff");

struct Vector {
    const char* key;
    const char* cipher;
};

TEST(AesBlock, Fips197AppendixC) {
    const Vector vectors[] = {
        {"000102030405060708090a0b0c0d0e0f", "69C4E0D86A7B0430D8CDB78070B4C55A"},
        {"000102030405060708090a0b0c0d0e0f1011121314151617", "DDA97CA4864CDFE06EAF70A0EC0D7191"},
        {"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8EA2B7CA516745BFEAFC49904B496089"},
    };
    for (const auto& vector : vectors) {
        auto enciphered = aes_encrypt_block(hex(vector.key), kPlain);
        ASSERT_TRUE(enciphered.ok()) << enciphered.error().to_string();
        EXPECT_EQ(to_hex(enciphered->view()), vector.cipher);
        auto deciphered = aes_decrypt_block(hex(vector.key), hex(vector.cipher));
        ASSERT_TRUE(deciphered.ok());
        EXPECT_EQ(to_hex(deciphered->view()), to_hex(kPlain));
    }
}

TEST(AesBlock, RejectsBadKeyOrBlockSize) {
    EXPECT_FALSE(aes_encrypt_block(Bytes(20), kPlain).ok());
    EXPECT_FALSE(aes_encrypt_block(Bytes(16), Bytes(15)).ok());
    EXPECT_FALSE(aes_decrypt_block(Bytes(16), Bytes(32)).ok());
}

}  // namespace
}  // namespace kiosk::security
