// security/tls_pin: pins parse strictly, compare as digests, and a set demands a backup pin when
// asked to; the pin of a certificate is the SHA-256 of its SubjectPublicKeyInfo.
#include "security/tls_pin.hpp"

#include <gtest/gtest.h>

#include <openssl/evp.h>

#include "security/openssl_handles.hpp"

namespace kiosk::security {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// 32 bytes of 0x00 and of 0xFF in base64.
const std::string zeros = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
const std::string ones = "sha256////////////////////////////////////////////8=";

TEST(TlsPin, ParsesAndPrintsASha256Pin) {
    const auto pin = parse_spki_pin(ones);
    ASSERT_TRUE(pin.ok()) << pin.error().to_string();
    for (const auto byte : pin->sha256) EXPECT_EQ(byte, 0xFF);
    EXPECT_EQ(pin->to_string(), ones);
}

TEST(TlsPin, RefusesMalformedPinsNamingThem) {
    for (const std::string& bad : {std::string("sha1//AAAA"), std::string("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
                                  std::string("sha256//AAAA"), std::string("sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="),
                                  std::string("sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*A="),
                                  std::string("sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")}) {
        const auto pin = parse_spki_pin(bad);
        ASSERT_FALSE(pin.ok()) << bad;
        EXPECT_EQ(pin.error().domain, "tls");
        EXPECT_TRUE(contains(pin.error().message, bad.substr(0, 20))) << pin.error().message;
    }
}

TEST(TlsPin, ProductionSetNeedsAPrimaryAndADistinctBackup) {
    const auto only_one = parse_pin_set({zeros}, PinRequirement::PrimaryAndBackup, "crm.pinned_keys");
    ASSERT_FALSE(only_one.ok());
    EXPECT_TRUE(contains(only_one.error().message, "crm.pinned_keys")) << only_one.error().message;
    EXPECT_TRUE(contains(only_one.error().message, "backup")) << only_one.error().message;

    const auto twice = parse_pin_set({zeros, zeros}, PinRequirement::PrimaryAndBackup, "crm.pinned_keys");
    ASSERT_FALSE(twice.ok());
    EXPECT_TRUE(contains(twice.error().message, "crm.pinned_keys[1]")) << twice.error().message;

    const auto both = parse_pin_set({zeros, ones}, PinRequirement::PrimaryAndBackup, "crm.pinned_keys");
    ASSERT_TRUE(both.ok()) << both.error().to_string();
    EXPECT_TRUE(both->has_backup());
    EXPECT_EQ(both->curl_format(), zeros + ";" + ones);

    const auto bad_entry = parse_pin_set({zeros, "sha256//x"}, PinRequirement::AnyNumber, "crm.pinned_keys");
    ASSERT_FALSE(bad_entry.ok());
    EXPECT_TRUE(contains(bad_entry.error().message, "crm.pinned_keys[1]")) << bad_entry.error().message;
}

TEST(TlsPin, JoinedListRoundTripsThroughTheCurlForm) {
    const auto set = parse_pin_list(zeros + ";" + ones, PinRequirement::PrimaryAndBackup, "pins");
    ASSERT_TRUE(set.ok()) << set.error().to_string();
    ASSERT_EQ(set->pins().size(), 2U);
    EXPECT_TRUE(set->matches(*parse_spki_pin(ones)));
    const auto empty = parse_pin_list("", PinRequirement::AnyNumber, "pins");
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->empty());
    EXPECT_FALSE(parse_pin_list("", PinRequirement::PrimaryAndBackup, "pins").ok());
}

TEST(TlsPin, PinOfACertificateIsTheSha256OfItsSubjectPublicKeyInfo) {
    PkeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    ASSERT_TRUE(context && EVP_PKEY_keygen_init(context.get()) > 0 &&
                EVP_PKEY_CTX_set_group_name(context.get(), "P-256") > 0);
    EVP_PKEY* raw = nullptr;
    ASSERT_GT(EVP_PKEY_generate(context.get(), &raw), 0);
    PkeyPtr key(raw);
    X509Ptr certificate(X509_new());
    ASSERT_EQ(X509_set_pubkey(certificate.get(), key.get()), 1);

    // Independently: DER SPKI by i2d_PUBKEY, digest by EVP_Q_digest.
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(key.get(), &der);
    ASSERT_GT(length, 0);
    std::array<unsigned char, 32> expected{};
    std::size_t digest_length = 0;
    const bool digested = EVP_Q_digest(nullptr, "SHA256", nullptr, der, static_cast<std::size_t>(length),
                                       expected.data(), &digest_length) == 1;
    OPENSSL_free(der);
    ASSERT_TRUE(digested);

    const auto pin = spki_pin_of(*certificate);
    ASSERT_TRUE(pin.ok()) << pin.error().to_string();
    EXPECT_TRUE(std::equal(expected.begin(), expected.end(), pin->sha256.begin()));
    EXPECT_TRUE(parse_spki_pin(pin->to_string()).ok());
}

}  // namespace
}  // namespace kiosk::security
