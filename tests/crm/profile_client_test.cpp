// crm/profile_client against the simulated CRM on loopback (which serves no profiles yet): a GET
// under the uploads' TLS rules; 404 is "no profile", an unreachable CRM is an error — what the
// profile channel needs to tell apart to fall back on its cache.
#include "crm/profile_client.hpp"

#include <gtest/gtest.h>

#include "sim/crm/sim_crm_server.hpp"
#include "tls_test_support.hpp"

namespace kiosk::crm {
namespace {

const HttpTimeouts quick{Millis{2'000}, Millis{5'000}};

class ProfileClientTest : public ::testing::Test {
protected:
    void SetUp() override { pki_ = kiosk::testing::make_pki(scratch_.path()); }

    kiosk::testing::ScratchDirectory scratch_;
    sim::TestPkiFiles pki_;
};

TEST_F(ProfileClientTest, NotFoundIsNoProfile) {
    auto server = sim::SimCrmServer::start(kiosk::testing::serve_with(pki_));
    ASSERT_TRUE(server.ok()) << server.error().to_string();
    ProfileClient client((*server)->url() + "/profiles/", kiosk::testing::trust(pki_), quick);
    const auto profile = client.fetch("0a1b2c3d");
    ASSERT_TRUE(profile.ok()) << profile.error().to_string();
    EXPECT_FALSE(profile->has_value());
}

TEST_F(ProfileClientTest, AnUnreachableCrmIsAFailureNotNoProfile) {
    ProfileClient client("https://127.0.0.1:9/profiles", kiosk::testing::trust(pki_), quick);
    const auto profile = client.fetch("0a1b2c3d");
    ASSERT_FALSE(profile.ok());
    EXPECT_NE(profile.error().message.find("GET https://127.0.0.1:9/profiles/0a1b2c3d failed"), std::string::npos)
        << profile.error().message;
    EXPECT_FALSE(client.find("0a1b2c3d").has_value());
}

TEST_F(ProfileClientTest, ATokenThatIsNotUrlSafeIsNeverSent) {
    ProfileClient client("https://127.0.0.1:9/profiles", kiosk::testing::trust(pki_), quick);
    EXPECT_FALSE(client.fetch("../admin").ok());
}

}  // namespace
}  // namespace kiosk::crm
