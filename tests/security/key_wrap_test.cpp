// AES key wrap against RFC 3394 §4.1 and §4.6 and RFC 5649 §6; unwrap failures are integrity errors.
#include "security/key_wrap.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace kiosk::security {
namespace {

using test::hex;

const Bytes kKek256 = hex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
const Bytes kKeyData256 = hex("00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F");
const Bytes kWrapped46 = hex("28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21");
const Bytes kKek5649 = hex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8");

TEST(KeyWrap, Rfc3394Section46Wraps) {
    auto wrapped = wrap_key(kKek256, kKeyData256);
    ASSERT_TRUE(wrapped.ok()) << wrapped.error().to_string();
    EXPECT_EQ(to_hex(*wrapped), to_hex(kWrapped46));
}

TEST(KeyWrap, Rfc3394Section46Unwraps) {
    auto key = unwrap_key(kKek256, kWrapped46);
    ASSERT_TRUE(key.ok()) << key.error().to_string();
    EXPECT_EQ(to_hex(key->view()), to_hex(kKeyData256));
}

TEST(KeyWrap, Rfc3394Section41With128BitKek) {
    auto wrapped = wrap_key(hex("000102030405060708090A0B0C0D0E0F"), hex("00112233445566778899AABBCCDDEEFF"));
    ASSERT_TRUE(wrapped.ok());
    EXPECT_EQ(to_hex(*wrapped), "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5");
}

TEST(KeyWrap, AlteredWrappedKeyIsAnIntegrityError) {
    for (std::size_t i = 0; i < kWrapped46.size(); i += 7) {
        Bytes tampered = kWrapped46;
        tampered[i] ^= 0x01;
        auto key = unwrap_key(kKek256, tampered);
        ASSERT_FALSE(key.ok()) << "byte " << i;
        EXPECT_NE(key.error().message.find("integrity"), std::string::npos) << key.error().message;
    }
}

TEST(KeyWrap, WrongKekIsAnIntegrityError) {
    Bytes other = kKek256;
    other[0] ^= 0xFF;
    EXPECT_FALSE(unwrap_key(other, kWrapped46).ok());
}

TEST(KeyWrap, Rfc5649TwentyOctetKey) {
    const Bytes key = hex("c37b7e6492584340bed12207808941155068f738");
    const Bytes expected = hex("138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a");
    auto wrapped = wrap_key_padded(kKek5649, key);
    ASSERT_TRUE(wrapped.ok()) << wrapped.error().to_string();
    EXPECT_EQ(to_hex(*wrapped), to_hex(expected));
    auto unwrapped = unwrap_key_padded(kKek5649, expected);
    ASSERT_TRUE(unwrapped.ok());
    EXPECT_EQ(to_hex(unwrapped->view()), to_hex(key));
}

TEST(KeyWrap, Rfc5649SevenOctetKey) {
    auto wrapped = wrap_key_padded(kKek5649, hex("466f7250617369"));
    ASSERT_TRUE(wrapped.ok());
    EXPECT_EQ(to_hex(*wrapped), "AFBEB0F07DFBF5419200F2CCB50BB24F");
    Bytes tampered = *wrapped;
    tampered[3] ^= 0x10;
    EXPECT_FALSE(unwrap_key_padded(kKek5649, tampered).ok());
}

TEST(KeyWrap, PaddedWrapRoundTripsWithA256BitKek) {
    const Bytes key = hex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20aa");
    auto wrapped = wrap_key_padded(kKek256, key);
    ASSERT_TRUE(wrapped.ok());
    EXPECT_EQ(wrapped->size(), 48U);
    auto unwrapped = unwrap_key_padded(kKek256, *wrapped);
    ASSERT_TRUE(unwrapped.ok());
    EXPECT_EQ(to_hex(unwrapped->view()), to_hex(key));
}

TEST(KeyWrap, RejectsBadSizes) {
    EXPECT_FALSE(wrap_key(kKek256, Bytes(12)).ok());   // not a multiple of 8
    EXPECT_FALSE(wrap_key(kKek256, Bytes(8)).ok());    // shorter than two semiblocks
    EXPECT_FALSE(wrap_key(Bytes(20), Bytes(16)).ok()); // KEK size
    EXPECT_FALSE(unwrap_key(kKek256, Bytes(16)).ok());
    EXPECT_FALSE(wrap_key_padded(kKek256, {}).ok());
}

}  // namespace
}  // namespace kiosk::security
