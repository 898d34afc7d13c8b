// The kiosk at start-up with a [host] whose certificates are about to expire or have expired: each
// is reported once — a log warning, a journal line (event certificate_expiry) and a notice the
// kiosk keeps — while a healthy PKI, like the simulator's own, reports nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/simulator/simulator_rig.hpp"
#include "security/os_random.hpp"
#include "sim/crm/test_pki.hpp"
#include "sim/virtual_clock.hpp"
#include "store/journal.hpp"
#include "tests/e2e/fresh_test_directory.hpp"
#include "ui/offscreen_display.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class HostCertificateStartupE2eTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::fresh_test_directory("kiosk-host-cert-e2e");
        config_.data_dir = dir_ / "data";
        config_.sim.host_transport = HostTransport::InProcess;  // the [host] below is only reported on
        rig_ = std::make_unique<SimulatorRig>(config_, dir_ / "pki", sim::SimInstrumentOptions{}, &clock_);
        display_ = std::make_unique<ui::OffscreenDisplay>(ui::FontPaths::in_directory(config_.font_dir),
                                                          config_.bank_name);
    }
    void TearDown() override {
        app_.reset();
        rig_.reset();
        fs::remove_all(dir_);
    }

    // [host] pointing at a PKI whose client certificate has `client_validity`.
    void host_with_client_validity(sim::Validity client_validity) {
        const TimePoint now = SystemClock().now();
        SeededRandom serials(23);
        fs::create_directories(dir_ / "bank");
        auto pki = sim::generate_test_pki(dir_ / "bank", {sim::valid_around(now), sim::valid_around(now), true},
                                          client_validity, serials);
        ASSERT_TRUE(pki.ok()) << pki.error().to_string();
        config_.host.address = "127.0.0.1";
        config_.host.port = 5443;
        config_.host.ca_file = pki->ca.certificate;
        config_.host.client_cert = pki->client.certificate;
        config_.host.client_key = pki->client.private_key;
    }

    void start() {
        app_ = std::make_unique<KioskApp>(
            config_, KioskEnvironment{clock_, random_, rig_->devices(), rig_->host_link(), *display_, true});
    }

    std::vector<store::JournalLine> expiry_journal() {
        auto entries = store::Journal(app_->database()).read_all();
        EXPECT_TRUE(entries.ok());
        std::vector<store::JournalLine> lines;
        for (const auto& entry : entries.value_or(std::vector<store::JournalEntry>{})) {
            if (entry.line.event_type == "certificate_expiry") lines.push_back(entry.line);
        }
        return lines;
    }

    fs::path dir_;
    KioskConfig config_;
    sim::VirtualClock clock_;
    security::OsRandom random_;
    std::unique_ptr<SimulatorRig> rig_;
    std::unique_ptr<ui::OffscreenDisplay> display_;
    std::unique_ptr<KioskApp> app_;
};

TEST_F(HostCertificateStartupE2eTest, AClientCertificateExpiringWithin30DaysIsReportedAndJournaled) {
    const TimePoint now = SystemClock().now();
    host_with_client_validity({now - 300 * 24h, now + 12 * 24h});
    start();
    ASSERT_EQ(app_->host_certificate_notices().size(), 1U);
    const std::string& notice = app_->host_certificate_notices()[0];
    EXPECT_TRUE(contains(notice, "bank host client certificate")) << notice;
    EXPECT_TRUE(contains(notice, "order its replacement now")) << notice;
    const auto journaled = expiry_journal();
    ASSERT_EQ(journaled.size(), 1U);
    EXPECT_EQ(journaled[0].outcome, "warning: expiring soon");
    EXPECT_EQ(journaled[0].actor, "system");
    EXPECT_TRUE(contains(journaled[0].resource, config_.host.client_cert.string())) << journaled[0].resource;
}

TEST_F(HostCertificateStartupE2eTest, AnExpiredClientCertificateIsReportedAsAFailure) {
    const TimePoint now = SystemClock().now();
    host_with_client_validity({now - 400 * 24h, now - 2 * 24h});
    start();
    ASSERT_EQ(app_->host_certificate_notices().size(), 1U);
    EXPECT_TRUE(contains(app_->host_certificate_notices()[0], "EXPIRED")) << app_->host_certificate_notices()[0];
    const auto journaled = expiry_journal();
    ASSERT_EQ(journaled.size(), 1U);
    EXPECT_EQ(journaled[0].outcome, "failure: expired");
}

TEST_F(HostCertificateStartupE2eTest, TheSimulatorsOwnBankPkiReportsNothing) {
    config_.sim.host_transport = HostTransport::Iso8583;
    rig_ = std::make_unique<SimulatorRig>(config_, dir_ / "pki-tls", sim::SimInstrumentOptions{}, &clock_);
    ASSERT_NE(rig_->bank_server(), nullptr);
    ASSERT_TRUE(config_.host.configured());
    start();
    EXPECT_TRUE(app_->host_certificate_notices().empty());
    EXPECT_TRUE(expiry_journal().empty());
}

}  // namespace
}  // namespace kiosk
