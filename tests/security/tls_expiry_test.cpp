// security/tls_expiry: days left and the state of every certificate in a PEM file, judged by the
// caller's clock; unreadable or empty files are named.
#include "security/tls_expiry.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "common/random_source.hpp"
#include "sim/crm/test_pki.hpp"

namespace kiosk::security {
namespace {

using namespace std::chrono_literals;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A fixed instant in whole seconds (certificates keep seconds), unrelated to the real time.
const TimePoint now = from_unix_millis(1'767'603'600'000);

class TlsExpiryTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-tls-expiry-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        directory_ = pattern;
        auto ca = sim::make_ca("expiry CA", {now - 24h, now + 400 * 24h}, serials_);
        ASSERT_TRUE(ca.ok()) << ca.error().to_string();
        ca_ = std::move(*ca);
    }
    void TearDown() override {
        std::error_code ignored;
        std::filesystem::remove_all(directory_, ignored);
    }

    std::filesystem::path client(const std::string& stem, sim::Validity validity) {
        auto made = sim::make_client_certificate(ca_, stem, validity, serials_);
        EXPECT_TRUE(made.ok());
        auto files = sim::write_pem(*made, directory_, stem);
        EXPECT_TRUE(files.ok());
        return files->certificate;
    }

    std::filesystem::path directory_;
    SeededRandom serials_{31};
    sim::KeyAndCertificate ca_;
};

TEST(TlsExpiryClassify, BoundariesOfTheWarningWindow) {
    const TimePoint start = now - 24h;
    EXPECT_EQ(classify_validity(start, now + 31 * 24h, now, 30), ExpiryState::Valid);
    EXPECT_EQ(classify_validity(start, now + 30 * 24h, now, 30), ExpiryState::ExpiringSoon);
    EXPECT_EQ(classify_validity(start, now + 1s, now, 30), ExpiryState::ExpiringSoon);
    EXPECT_EQ(classify_validity(start, now, now, 30), ExpiryState::ExpiringSoon);
    EXPECT_EQ(classify_validity(start, now - 1s, now, 30), ExpiryState::Expired);
    EXPECT_EQ(classify_validity(now + 1s, now + 400 * 24h, now, 30), ExpiryState::NotYetValid);
}

TEST_F(TlsExpiryTest, ReportsDaysLeftAndWarnsWithinThirtyDays) {
    const auto fine = client("fine", {now - 24h, now + 200 * 24h});
    const auto soon = client("soon", {now - 24h, now + 12 * 24h});
    const auto report = check_certificate_expiry({{"client", fine}, {"other client", soon}}, now);
    ASSERT_TRUE(report.ok()) << report.error().to_string();
    ASSERT_EQ(report->certificates.size(), 2U);
    EXPECT_EQ(report->certificates[0].days_left, 200);
    EXPECT_EQ(report->certificates[0].state, ExpiryState::Valid);
    EXPECT_TRUE(contains(report->certificates[0].subject, "CN = fine")) << report->certificates[0].subject;
    EXPECT_EQ(report->certificates[1].days_left, 12);
    EXPECT_EQ(report->worst(), ExpiryState::ExpiringSoon);
    EXPECT_TRUE(report->usable());
    const auto notices = report->notices();
    ASSERT_EQ(notices.size(), 1U);
    EXPECT_TRUE(contains(notices[0], "other client " + soon.string())) << notices[0];
    EXPECT_TRUE(contains(notices[0], "expires in 12 days")) << notices[0];
}

TEST_F(TlsExpiryTest, ExpiredAndNotYetValidAreNotUsableAndComeFirst) {
    const auto soon = client("soon", {now - 24h, now + 5 * 24h});
    const auto expired = client("expired", {now - 100 * 24h, now - 3 * 24h});
    const auto future = client("future", {now + 2 * 24h, now + 100 * 24h});
    const auto report = check_certificate_expiry({{"a", soon}, {"b", expired}, {"c", future}}, now);
    ASSERT_TRUE(report.ok()) << report.error().to_string();
    EXPECT_EQ(report->worst(), ExpiryState::Expired);
    EXPECT_FALSE(report->usable());
    EXPECT_EQ(report->certificates[1].days_left, -3);
    const auto notices = report->notices();
    ASSERT_EQ(notices.size(), 3U);
    EXPECT_TRUE(contains(notices[0], "EXPIRED")) << notices[0];
    EXPECT_TRUE(contains(notices[1], "not valid before")) << notices[1];
    EXPECT_TRUE(contains(notices[2], "expires in 5 days")) << notices[2];
}

TEST_F(TlsExpiryTest, ReportMovesWithTheClockWithoutRereadingFiles) {
    const auto soon = client("soon", {now - 24h, now + 40 * 24h});
    const auto report = check_certificate_expiry({{"client", soon}}, now);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->worst(), ExpiryState::Valid);
    std::filesystem::remove(soon);
    EXPECT_EQ(report->at(now + 11 * 24h).worst(), ExpiryState::ExpiringSoon);
    EXPECT_EQ(report->at(now + 41 * 24h).worst(), ExpiryState::Expired);
}

TEST_F(TlsExpiryTest, EveryCertificateOfABundleIsChecked) {
    const auto first = client("first", {now - 24h, now + 300 * 24h});
    const auto second = client("second", {now - 24h, now + 3 * 24h});
    const auto bundle = directory_ / "bundle.pem";
    {
        std::ofstream out(bundle);
        out << std::ifstream(first).rdbuf() << std::ifstream(second).rdbuf();
    }
    const auto report = check_certificate_expiry({{"CA bundle", bundle}}, now);
    ASSERT_TRUE(report.ok()) << report.error().to_string();
    ASSERT_EQ(report->certificates.size(), 2U);
    EXPECT_EQ(report->worst(), ExpiryState::ExpiringSoon);
}

TEST_F(TlsExpiryTest, MissingOrEmptyFilesAreNamedAndEmptyPathsSkipped) {
    const auto missing = check_certificate_expiry({{"CRM client certificate", directory_ / "nope.pem"}}, now);
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(contains(missing.error().message, "CRM client certificate")) << missing.error().message;
    EXPECT_TRUE(contains(missing.error().message, "nope.pem")) << missing.error().message;

    const auto garbage = directory_ / "garbage.pem";
    std::ofstream(garbage) << "not a certificate\n";
    const auto empty = check_certificate_expiry({{"CA", garbage}}, now);
    ASSERT_FALSE(empty.ok());
    EXPECT_TRUE(contains(empty.error().message, "holds no PEM certificate")) << empty.error().message;

    const auto none = check_certificate_expiry({{"unset", {}}}, now);
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->certificates.empty());
    EXPECT_TRUE(none->usable());
}

}  // namespace
}  // namespace kiosk::security
