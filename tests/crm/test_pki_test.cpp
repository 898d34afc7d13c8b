// sim/crm/test_pki: the generated chain verifies, carries the names a loopback TLS client checks,
// honours the validity it is given, and yields a stable libcurl-style pin.
#include "sim/crm/test_pki.hpp"

#include <gtest/gtest.h>
#include <openssl/pem.h>

#include <chrono>

#include "tls_test_support.hpp"

namespace kiosk::sim {
namespace {

using namespace std::chrono_literals;

bool verifies_against(const KeyAndCertificate& leaf, const KeyAndCertificate& ca) {
    return X509_verify(leaf.certificate.get(), X509_get0_pubkey(ca.certificate.get())) == 1;
}

TEST(TestPki, ServerCertificateIsSignedByTheCaAndNamesLoopback) {
    SeededRandom serials(11);
    const Validity validity = valid_around(testing::real_now());
    auto ca = make_ca("test CA", validity, serials);
    ASSERT_TRUE(ca.ok()) << ca.error().to_string();
    auto server = make_server_certificate(*ca, validity, serials);
    ASSERT_TRUE(server.ok()) << server.error().to_string();
    EXPECT_TRUE(verifies_against(*server, *ca));
    EXPECT_EQ(X509_check_ip_asc(server->certificate.get(), "127.0.0.1", 0), 1);
    EXPECT_EQ(X509_check_host(server->certificate.get(), "localhost", 0, 0, nullptr), 1);
    EXPECT_EQ(X509_check_host(server->certificate.get(), "bank.example", 0, 0, nullptr), 0);
    EXPECT_EQ(X509_check_ca(ca->certificate.get()), 1);
    EXPECT_EQ(X509_check_ca(server->certificate.get()), 0);
}

TEST(TestPki, CertificateFromAnotherCaDoesNotVerify) {
    SeededRandom serials(12);
    const Validity validity = valid_around(testing::real_now());
    auto ca = make_ca("test CA", validity, serials);
    auto other_ca = make_ca("other CA", validity, serials);
    ASSERT_TRUE(ca.ok() && other_ca.ok());
    auto server = make_server_certificate(*ca, validity, serials);
    ASSERT_TRUE(server.ok());
    EXPECT_FALSE(verifies_against(*server, *other_ca));
}

TEST(TestPki, ValidityIsTheOneGiven) {
    SeededRandom serials(13);
    const TimePoint now = testing::real_now();
    auto ca = make_ca("test CA", valid_around(now), serials);
    ASSERT_TRUE(ca.ok());
    auto expired = make_server_certificate(*ca, {now - 30 * 24h, now - 24h}, serials);
    ASSERT_TRUE(expired.ok());
    EXPECT_LT(X509_cmp_current_time(X509_get0_notAfter(expired->certificate.get())), 0) << "already expired";
    EXPECT_GT(X509_cmp_current_time(X509_get0_notAfter(ca->certificate.get())), 0) << "still valid";
}

TEST(TestPki, PinIsSha256OfThePublicKeyInBase64) {
    SeededRandom serials(14);
    auto ca = make_ca("test CA", valid_around(testing::real_now()), serials);
    ASSERT_TRUE(ca.ok());
    const auto pin = spki_pin(*ca->certificate);
    ASSERT_TRUE(pin.ok());
    EXPECT_EQ(pin->rfind("sha256//", 0), 0U);
    EXPECT_EQ(pin->size(), 8U + 44U);  // base64 of 32 bytes
    EXPECT_EQ(*spki_pin(*ca->certificate), *pin);
    auto other = make_ca("other CA", valid_around(testing::real_now()), serials);
    ASSERT_TRUE(other.ok());
    EXPECT_NE(*spki_pin(*other->certificate), *pin);
}

TEST(TestPki, WritesReadablePemFilesWithAPrivateKeyOnlyTheOwnerCanRead) {
    testing::ScratchDirectory scratch;
    SeededRandom serials(15);
    const auto files = generate_test_pki(scratch.path(), {valid_around(testing::real_now()),
                                                          valid_around(testing::real_now()), true},
                                         serials);
    ASSERT_TRUE(files.ok()) << files.error().to_string();
    for (const auto& path : {files->ca.certificate, files->server.certificate, files->client.certificate}) {
        security::BioPtr in(BIO_new_file(path.c_str(), "r"));
        ASSERT_TRUE(in) << path;
        security::X509Ptr certificate(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
        EXPECT_TRUE(certificate) << path;
    }
    const auto perms = std::filesystem::status(files->server.private_key).permissions();
    EXPECT_EQ(perms & std::filesystem::perms::group_read, std::filesystem::perms::none);
    EXPECT_EQ(perms & std::filesystem::perms::others_read, std::filesystem::perms::none);
    EXPECT_FALSE(files->server_pin.empty());
}

}  // namespace
}  // namespace kiosk::sim
