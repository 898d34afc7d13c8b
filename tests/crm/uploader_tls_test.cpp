// The uploader's TLS policy against the simulated CRM over real TLS, certificates made at test
// time: a CRM key that matches no pin, a TLS 1.0/1.1-only server, an expired server certificate and
// an expired client certificate are each refused with an error naming the endpoint and the reason,
// and every record stays in the outbox; the backup pin carries a CRM key rotation; certificates
// close to expiry become a technician's notice, not a refusal.
#include <gtest/gtest.h>

#include <chrono>

#include "crm/uploader.hpp"
#include "memory_record_queue.hpp"
#include "sim/virtual_clock.hpp"
#include "tls_test_support.hpp"

namespace kiosk::crm {
namespace {

using namespace std::chrono_literals;
using Ids = std::vector<std::string>;

security::SealedRecord record(const std::string& id) { return kiosk::testing::test_record(id); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class UploaderTlsTest : public ::testing::Test {
protected:
    void SetUp() override {
        pki_ = kiosk::testing::make_pki(scratch_.path());
        add("r-1");
        add("r-2");
    }

    void add(const std::string& id) {
        std::lock_guard lock(outbox_.mutex);
        outbox_.pending.push_back(record(id));
    }

    std::unique_ptr<sim::SimCrmServer> serve(const sim::SimCrmOptions& options) {
        auto started = sim::SimCrmServer::start(options);
        if (!started) throw std::runtime_error(started.error().to_string());
        return std::move(*started);
    }

    UploaderConfig config(const std::string& endpoint, const sim::TestPkiFiles& pki) {
        UploaderConfig config;
        config.endpoint = endpoint;
        config.kiosk_id = "K1";
        config.tls = kiosk::testing::trust(pki);
        config.tls.client_cert_file = pki.client.certificate.string();
        config.tls.client_key_file = pki.client.private_key.string();
        config.tls.pinned_public_keys = pki.server_pin + ";" + spare_pin();
        config.timeouts = {Millis{2'000}, Millis{5'000}};
        return config;
    }

    std::unique_ptr<Uploader> make_uploader(UploaderConfig settings) {
        return std::make_unique<Uploader>(std::move(settings),
                                          std::make_unique<kiosk::testing::MemoryRecordQueue>(outbox_), clock_,
                                          random_, waiter_);
    }

    static std::string spare_pin() {
        auto spare = sim::make_spare_key();
        if (!spare) throw std::runtime_error(spare.error().to_string());
        return spare->pin;
    }

    // The refusal contract shared by every case: named endpoint and reason, nothing delivered,
    // nothing acknowledged or dead-lettered, both records still pending.
    void expect_refused_and_kept(const UploadSummary& summary, const Uploader& uploader, const sim::SimCrmServer& crm,
                                 const std::string& reason) {
        ASSERT_FALSE(summary.ok());
        const std::string& message = summary.error->message;
        EXPECT_TRUE(contains(message, crm.url())) << message;
        EXPECT_TRUE(contains(message, reason)) << message;
        EXPECT_EQ(summary.acknowledged, 0U);
        EXPECT_EQ(summary.dead_lettered, 0U);
        EXPECT_EQ(crm.request_count(), 0U);
        EXPECT_TRUE(crm.received_ids().empty());
        EXPECT_EQ(outbox_.pending_ids(), (Ids{"r-1", "r-2"}));
        EXPECT_TRUE(outbox_.dead_letters.empty());
        const auto status = uploader.status();
        ASSERT_TRUE(status.last_error.has_value());
        EXPECT_TRUE(contains(status.last_error->message, crm.url()));
        EXPECT_EQ(status.pending, 2U);
    }

    kiosk::testing::ScratchDirectory scratch_;
    sim::TestPkiFiles pki_;
    kiosk::testing::MemoryOutbox outbox_;
    sim::VirtualClock clock_;
    SeededRandom random_{7};
    SteadyWaiter waiter_;
};

TEST_F(UploaderTlsTest, DeliversOverMutualTlsWithThePrimaryPin) {
    auto options = kiosk::testing::serve_with(pki_);
    options.client_ca_file = pki_.ca.certificate;
    auto crm = serve(options);
    auto uploader = make_uploader(config(crm->url(), pki_));
    const auto summary = uploader->upload_once();
    ASSERT_TRUE(summary.ok()) << summary.error->to_string();
    EXPECT_EQ(crm->received_ids(), (Ids{"r-1", "r-2"}));
    EXPECT_TRUE(outbox_.pending_ids().empty());
    EXPECT_TRUE(uploader->status().tls_notices.empty());
}

// "Test network": one GET with the uploader's own TLS settings; any HTTP answer means the CRM is
// there. It sends no record and is kept as the last round trip, like an upload's POST.
TEST_F(UploaderTlsTest, AProbeReachesTheCrmWithTheUploadersTlsAndSendsNoRecord) {
    auto options = kiosk::testing::serve_with(pki_);
    options.client_ca_file = pki_.ca.certificate;
    auto crm = serve(options);
    auto uploader = make_uploader(config(crm->url(), pki_));
    EXPECT_FALSE(uploader->status().last_round_trip.has_value());
    const auto probed = uploader->probe();
    ASSERT_TRUE(probed.ok()) << probed.error().to_string();
    EXPECT_EQ(*probed, Millis(0)) << "the virtual clock did not move";
    EXPECT_TRUE(crm->received_ids().empty());
    EXPECT_EQ(outbox_.pending_ids(), (Ids{"r-1", "r-2"}));
    const auto last = uploader->status().last_round_trip;
    ASSERT_TRUE(last.has_value());
    EXPECT_TRUE(last->answered);

    ASSERT_TRUE(uploader->upload_once().ok());
    EXPECT_TRUE(uploader->status().last_round_trip->answered) << "the upload's POST is a round trip too";
}

TEST_F(UploaderTlsTest, AProbeToACrmWhoseKeyMatchesNoPinFailsAndSaysSince) {
    auto crm = serve(kiosk::testing::serve_with(pki_));
    auto settings = config(crm->url(), pki_);
    settings.tls.pinned_public_keys = spare_pin() + ";" + spare_pin();
    auto uploader = make_uploader(settings);
    const auto probed = uploader->probe();
    ASSERT_FALSE(probed.ok());
    EXPECT_TRUE(contains(probed.error().message, crm->url())) << probed.error().message;
    const auto first = uploader->status().last_round_trip;
    ASSERT_TRUE(first.has_value());
    EXPECT_FALSE(first->answered);
    EXPECT_EQ(first->failing_since, first->at);
    clock_.advance(Millis(5'000));
    ASSERT_FALSE(uploader->probe().ok());
    EXPECT_EQ(uploader->status().last_round_trip->failing_since, first->at) << "unreachable since the first failure";
}

TEST_F(UploaderTlsTest, CrmKeyMatchingNoPinIsRefusedAndTheRecordsKept) {
    auto crm = serve(kiosk::testing::serve_with(pki_));
    auto settings = config(crm->url(), pki_);
    settings.tls.pinned_public_keys = spare_pin() + ";" + spare_pin();  // a valid chain, but not our key
    auto uploader = make_uploader(settings);
    const auto summary = uploader->upload_once();
    expect_refused_and_kept(summary, *uploader, *crm, "matches none of the pinned keys");
    EXPECT_EQ(summary.error->native_code, static_cast<int>(CURLE_SSL_PINNEDPUBKEYNOTMATCH));
}

TEST_F(UploaderTlsTest, BackupPinCarriesTheCrmOverToItsNextKey) {
    // Before the rotation the kiosk ships pins for the current key and the next one; the CRM then
    // moves to the next key (new certificate, same CA) and the kiosk follows without a config change.
    SeededRandom serials(11);
    const sim::Validity validity = sim::valid_around(kiosk::testing::real_now());
    auto ca = sim::make_ca("rotation CA", validity, serials);
    ASSERT_TRUE(ca.ok()) << ca.error().to_string();
    auto current = sim::make_server_certificate(*ca, validity, serials);
    ASSERT_TRUE(current.ok());
    auto next = sim::make_spare_key();
    ASSERT_TRUE(next.ok());
    const std::string next_pin = next->pin;
    auto rotated = sim::make_server_certificate_for(*ca, std::move(next->key), validity, serials);
    ASSERT_TRUE(rotated.ok()) << rotated.error().to_string();
    auto current_pin = sim::spki_pin(*current->certificate);
    ASSERT_TRUE(current_pin.ok());
    ASSERT_EQ(sim::spki_pin(*rotated->certificate).value(), next_pin);

    auto ca_files = sim::write_pem(*ca, scratch_.path(), "rotation-ca");
    auto current_files = sim::write_pem(*current, scratch_.path(), "current");
    auto rotated_files = sim::write_pem(*rotated, scratch_.path(), "rotated");
    ASSERT_TRUE(ca_files.ok() && current_files.ok() && rotated_files.ok());
    const auto serve_files = [&](const sim::PemFiles& files) {
        sim::SimCrmOptions options;
        options.certificate_file = files.certificate;
        options.private_key_file = files.private_key;
        return serve(options);
    };
    const auto settings_for = [&](const std::string& url) {
        UploaderConfig settings = config(url, pki_);
        settings.tls.ca_file = ca_files->certificate.string();
        settings.tls.client_cert_file.clear();
        settings.tls.client_key_file.clear();
        settings.tls.pinned_public_keys = *current_pin + ";" + next_pin;
        return settings;
    };

    auto before = serve_files(*current_files);
    auto first = make_uploader(settings_for(before->url()));
    ASSERT_TRUE(first->upload_once().ok());
    EXPECT_EQ(before->received_ids(), (Ids{"r-1", "r-2"}));

    add("r-3");
    auto after = serve_files(*rotated_files);
    auto second = make_uploader(settings_for(after->url()));
    const auto summary = second->upload_once();
    ASSERT_TRUE(summary.ok()) << "the backup pin must be accepted: " << summary.error->to_string();
    EXPECT_EQ(after->received_ids(), (Ids{"r-3"}));
    EXPECT_TRUE(outbox_.pending_ids().empty());
}

TEST_F(UploaderTlsTest, ServerOfferingOnlyTls10Or11IsRefusedAndTheRecordsKept) {
    auto crm = serve(kiosk::testing::serve_legacy_tls_with(pki_));
    ASSERT_EQ(kiosk::testing::legacy_handshake_version(crm->port()), TLS1_1_VERSION)
        << "the legacy server must really speak TLS 1.1";
    auto uploader = make_uploader(config(crm->url(), pki_));
    const auto summary = uploader->upload_once();
    expect_refused_and_kept(summary, *uploader, *crm, "TLS 1.2 or later");
    EXPECT_TRUE(contains(summary.error->message, "TLS 1.1")) << summary.error->message;
}

TEST_F(UploaderTlsTest, ExpiredServerCertificateIsRefusedAndTheRecordsKept) {
    kiosk::testing::ScratchDirectory elsewhere;
    const TimePoint now = kiosk::testing::real_now();
    const auto expired = kiosk::testing::make_pki(elsewhere.path(), 3, {now - 30 * 24h, now - 24h});
    auto crm = serve(kiosk::testing::serve_with(expired));
    auto uploader = make_uploader(config(crm->url(), expired));
    const auto summary = uploader->upload_once();
    expect_refused_and_kept(summary, *uploader, *crm, "certificate has expired");
    EXPECT_EQ(summary.error->native_code, static_cast<int>(CURLE_PEER_FAILED_VERIFICATION));
}

TEST_F(UploaderTlsTest, ServerDemandingAClientCertificateRejectsAClientWithoutOne) {
    auto options = kiosk::testing::serve_with(pki_);
    options.client_ca_file = pki_.ca.certificate;
    auto crm = serve(options);
    auto settings = config(crm->url(), pki_);
    settings.tls.client_cert_file.clear();
    settings.tls.client_key_file.clear();
    auto uploader = make_uploader(settings);
    const auto summary = uploader->upload_once();
    expect_refused_and_kept(summary, *uploader, *crm, "demands a client certificate");
}

TEST_F(UploaderTlsTest, ExpiredClientCertificateIsRefusedBeforeConnecting) {
    kiosk::testing::ScratchDirectory elsewhere;
    const TimePoint now = kiosk::testing::real_now();
    SeededRandom serials(5);
    const sim::TestPkiOptions options{sim::valid_around(now), sim::valid_around(now), true};
    auto expired_client = sim::generate_test_pki(elsewhere.path(), options, {now - 400 * 24h, now - 2 * 24h}, serials);
    ASSERT_TRUE(expired_client.ok()) << expired_client.error().to_string();
    auto crm = serve(kiosk::testing::serve_with(*expired_client));  // would accept any client: the kiosk itself refuses
    auto uploader = make_uploader(config(crm->url(), *expired_client));
    const auto summary = uploader->upload_once();
    expect_refused_and_kept(summary, *uploader, *crm, "EXPIRED");
    EXPECT_EQ(summary.error->domain, "tls");
    EXPECT_TRUE(contains(summary.error->message, expired_client->client.certificate.string())) << summary.error->message;
    const auto status = uploader->status();
    EXPECT_TRUE(status.tls_refused);
    ASSERT_FALSE(status.tls_notices.empty());
    EXPECT_TRUE(contains(status.tls_notices.front(), "CRM client certificate"));
    const auto report = uploader->certificate_report();
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->worst(), security::ExpiryState::Expired);
}

TEST_F(UploaderTlsTest, ClientCertificateWithinThirtyDaysOfExpiryIsANoticeNotARefusal) {
    kiosk::testing::ScratchDirectory elsewhere;
    // Whole seconds, as certificates store them, so "12 days left" is exact.
    const TimePoint now = std::chrono::floor<std::chrono::seconds>(kiosk::testing::real_now());
    SeededRandom serials(6);
    const sim::Validity long_lived{now - 24h, now + 400 * 24h};
    const sim::TestPkiOptions options{long_lived, long_lived, true};
    auto soon = sim::generate_test_pki(elsewhere.path(), options, {now - 24h, now + 12 * 24h}, serials);
    ASSERT_TRUE(soon.ok()) << soon.error().to_string();
    auto crm = serve(kiosk::testing::serve_with(*soon));
    auto settings = config(crm->url(), *soon);
    sim::VirtualClock certificate_time(now);  // the notice text is then exact
    settings.certificate_clock = &certificate_time;
    auto uploader = make_uploader(settings);
    const auto summary = uploader->upload_once();
    ASSERT_TRUE(summary.ok()) << summary.error->to_string();
    const auto status = uploader->status();
    EXPECT_FALSE(status.tls_refused);
    ASSERT_EQ(status.tls_notices.size(), 1U);
    EXPECT_TRUE(contains(status.tls_notices[0], "CRM client certificate")) << status.tls_notices[0];
    EXPECT_TRUE(contains(status.tls_notices[0], "expires in 12 days")) << status.tls_notices[0];

    certificate_time.advance(13 * 24h);  // the same uploader, two weeks on: now it refuses
    const auto later = uploader->upload_once();
    ASSERT_FALSE(later.ok());
    EXPECT_TRUE(contains(later.error->message, "EXPIRED")) << later.error->message;
    EXPECT_TRUE(uploader->status().tls_refused);
}

TEST_F(UploaderTlsTest, SinglePinIsANoticeAndAMalformedPinRefusesToSend) {
    auto crm = serve(kiosk::testing::serve_with(pki_));
    auto single = config(crm->url(), pki_);
    single.tls.pinned_public_keys = pki_.server_pin;
    auto uploader = make_uploader(single);
    ASSERT_TRUE(uploader->upload_once().ok());
    const auto notices = uploader->status().tls_notices;
    ASSERT_EQ(notices.size(), 1U);
    EXPECT_TRUE(contains(notices[0], "no backup pin")) << notices[0];

    add("r-9");
    auto malformed = config(crm->url(), pki_);
    malformed.tls.pinned_public_keys = pki_.server_pin + ";sha256//not-base64";
    auto refusing = make_uploader(malformed);
    const auto summary = refusing->upload_once();
    ASSERT_FALSE(summary.ok());
    EXPECT_TRUE(contains(summary.error->message, "sha256//not-base64")) << summary.error->message;
    EXPECT_TRUE(contains(summary.error->message, crm->url())) << summary.error->message;
    EXPECT_EQ(outbox_.pending_ids(), (Ids{"r-9"}));
    EXPECT_TRUE(refusing->status().tls_refused);
}

}  // namespace
}  // namespace kiosk::crm
