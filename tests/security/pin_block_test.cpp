// ISO 9564 PIN blocks: the known answers from protocols.md, round trips and rejection of malformed
// input. Test PINs and PANs appear in this source only: comparisons use EXPECT_TRUE so that a
// failure never prints a PIN, PIN field, PIN block or PAN.
#include "security/pin_block.hpp"

#include <gtest/gtest.h>

#include "security/aes_block.hpp"
#include "test_hex.hpp"

namespace kiosk::security {
namespace {

using test::hex;

const Bytes kKey = hex("00112233445566778899AABBCCDDEEFF");
const Bytes kPad = hex("1122334455667788");

TEST(PinBlockFormat0, Vector5544332211009966) {
    auto block = encode_format0("1234", "5544332211009966");
    ASSERT_TRUE(block.ok()) << block.error().to_string();
    EXPECT_TRUE(to_hex(block->view()) == "041277CDDEEFF669") << "values withheld: PIN/PAN data";
}

TEST(PinBlockFormat0, Vector43219876543210987) {
    auto block = encode_format0("1234", "43219876543210987");
    ASSERT_TRUE(block.ok());
    EXPECT_TRUE(to_hex(block->view()) == "0412AC89ABCDEF67") << "values withheld: PIN/PAN data";
}

TEST(PinBlockFormat4, PanFieldFor4111111111111111) {
    auto field = format4_pan_field("4111111111111111");
    ASSERT_TRUE(field.ok());
    EXPECT_TRUE(to_hex(field->view()) == "44111111111111111000000000000000") << "values withheld: PIN/PAN data";
}

TEST(PinBlockFormat4, PanFieldOfShortAndLongPans) {
    auto short_field = format4_pan_field("123456789");  // M = 0, left-padded to 12 digits
    ASSERT_TRUE(short_field.ok());
    EXPECT_TRUE(to_hex(short_field->view()) == "00001234567890000000000000000000") << "values withheld: PIN/PAN data";
    auto long_field = format4_pan_field("1234567890123456789");  // M = 7
    ASSERT_TRUE(long_field.ok());
    EXPECT_TRUE(to_hex(long_field->view()) == "71234567890123456789000000000000") << "values withheld: PIN/PAN data";
}

TEST(PinBlockFormat4, EncipherVector) {
    auto block = encipher_format4(kKey, "1234", "1234567890123456", kPad);
    ASSERT_TRUE(block.ok()) << block.error().to_string();
    EXPECT_TRUE(to_hex(*block) == "7CDF645C86CAF763AE34637A66997534") << "values withheld: PIN/PAN data";
}

TEST(PinBlockFormat4, DecipherVector) {
    auto pin = decipher_format4(kKey, hex("E4BE5B623AF7E006AC319E5B93544564"), "1234567890123456");
    ASSERT_TRUE(pin.ok()) << pin.error().to_string();
    EXPECT_TRUE(pin->view() == "1234") << "values withheld: PIN/PAN data";
}

TEST(PinBlockFormat4, RoundTripsEveryLengthAndKeySize) {
    const std::string digits = "907856341290";
    for (const std::size_t key_size : {16U, 24U, 32U}) {
        const Bytes key(key_size, 0x3C);
        for (std::size_t length = 4; length <= 12; ++length) {
            const std::string pin = digits.substr(0, length);
            auto block = encipher_format4(key, pin, "4012888888881881", kPad);
            ASSERT_TRUE(block.ok());
            auto back = decipher_format4(key, *block, "4012888888881881");
            ASSERT_TRUE(back.ok()) << "length " << length << " key " << key_size;
            EXPECT_TRUE(back->view() == pin) << "values withheld: PIN/PAN data";
        }
    }
}

TEST(PinBlockFormat4, WrongPanOrKeyDoesNotYieldThePin) {
    auto block = encipher_format4(kKey, "1234", "1234567890123456", kPad);
    ASSERT_TRUE(block.ok());
    auto other_pan = decipher_format4(kKey, *block, "1234567890123457");
    EXPECT_TRUE(!other_pan.ok() || other_pan->view() != "1234");
    auto other_key = decipher_format4(hex("FF112233445566778899AABBCCDDEEFF"), *block, "1234567890123456");
    EXPECT_TRUE(!other_key.ok() || other_key->view() != "1234");
}

// Enciphers an arbitrary PIN field with the format 4 chain, so decipher's checks can be probed.
Bytes block_around(const std::string& pin_field_hex, std::string_view pan) {
    auto a = aes_encrypt_block(kKey, hex(pin_field_hex));
    auto pan_field = format4_pan_field(pan);
    EXPECT_TRUE(a.ok() && pan_field.ok());
    SecureBytes chained(16);
    for (std::size_t i = 0; i < 16; ++i) chained[i] = static_cast<std::uint8_t>((*a)[i] ^ (*pan_field)[i]);
    auto block = aes_encrypt_block(kKey, chained.view());
    EXPECT_TRUE(block.ok());
    return Bytes(block->begin(), block->end());
}

TEST(PinBlockFormat4, DecipherChecksControlLengthDigitsAndFill) {
    const std::string pan = "1234567890123456";
    const std::string pad = "1122334455667788";
    auto good = decipher_format4(kKey, block_around("441234AAAAAAAAAA" + pad, pan), pan);
    ASSERT_TRUE(good.ok());
    EXPECT_TRUE(good->view() == "1234") << "values withheld: PIN/PAN data";

    const char* const malformed[] = {
        "341234AAAAAAAAAA",  // control nibble 3
        "43123AAAAAAAAAAA",  // length 3
        "4D1234567890123A",  // length 13
        "441234AAAAAAAAAB",  // fill nibble B
        "44123BAAAAAAAAAA",  // non-decimal PIN digit
        "4412340AAAAAAAAA",  // digit where fill belongs
    };
    for (std::size_t i = 0; i < std::size(malformed); ++i) {
        auto pin = decipher_format4(kKey, block_around(malformed[i] + pad, pan), pan);
        ASSERT_FALSE(pin.ok()) << "malformed PIN field #" << i;  // the field itself is not printed
        EXPECT_NE(pin.error().message.find("not a valid format 4 PIN block"), std::string::npos);
    }
}

TEST(PinBlockFormat4, RejectsMalformedInput) {
    EXPECT_FALSE(encipher_format4(kKey, "123", "1234567890123456", kPad).ok());            // short PIN
    EXPECT_FALSE(encipher_format4(kKey, "1234567890123", "1234567890123456", kPad).ok());  // 13 digits
    EXPECT_FALSE(encipher_format4(kKey, "12a4", "1234567890123456", kPad).ok());
    EXPECT_FALSE(encipher_format4(kKey, "1234", "1234-5678", kPad).ok());
    EXPECT_FALSE(encipher_format4(kKey, "1234", "12345678901234567890", kPad).ok());  // 20 digits
    EXPECT_FALSE(encipher_format4(kKey, "1234", "1234567890123456", Bytes(7)).ok());
    EXPECT_FALSE(encipher_format4(Bytes(15), "1234", "1234567890123456", kPad).ok());
    EXPECT_FALSE(decipher_format4(kKey, Bytes(8), "1234567890123456").ok());
    EXPECT_FALSE(encode_format0("12", "5544332211009966").ok());
}

TEST(PinBlockFormat4, ErrorsNeverEchoThePin) {
    auto refused = encipher_format4(kKey, "98765432109876", "1234567890123456", kPad);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().to_string().find("9876"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::security
