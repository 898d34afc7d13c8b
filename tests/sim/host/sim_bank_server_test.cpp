// sim/host/sim_bank_server: faults queued on the shared SimBank are acted out on the wire for
// echoes too, one per request, as the in-process front end does — so an "unreachable" bank stays
// unreachable to the kiosk's out-of-service probes whichever front end `kiosk --sim` uses.
#include "sim/host/sim_bank_server.hpp"

#include <gtest/gtest.h>

#include "host/iso8583_host_link.hpp"
#include "sim/crm/test_pki.hpp"
#include "sim/host/sim_bank_host.hpp"
#include "sim/virtual_clock.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::sim {
namespace {

class SimBankServerTest : public ::testing::Test {
protected:
    void SetUp() override {
        SeededRandom serials(17);
        const Validity validity = valid_around(SystemClock().now());  // OpenSSL checks real time
        auto pki = generate_test_pki(scratch_.file(""), {validity, validity, true}, serials);
        ASSERT_TRUE(pki.ok()) << pki.error().to_string();
        SimBankServerOptions options;
        options.tls = {pki->server.certificate, pki->server.private_key, pki->ca.certificate};
        options.clock = &clock_;
        auto server = SimBankServer::start(options, bank_);
        ASSERT_TRUE(server.ok()) << server.error().to_string();
        server_ = std::move(*server);
        host::Iso8583LinkSettings settings;
        settings.port = server_->port();
        settings.tls = {pki->ca.certificate, pki->client.certificate, pki->client.private_key};
        settings.reply_timeout = std::chrono::milliseconds(5'000);
        auto link = host::Iso8583HostLink::create(settings);
        ASSERT_TRUE(link.ok()) << link.error().to_string();
        link_ = std::move(*link);
    }

    Status echo() { return link_->echo(++stan_, "KIOSK001", clock_.now()); }

    store::test::TempDirectory scratch_;
    VirtualClock clock_;
    std::shared_ptr<SimBank> bank_ = std::make_shared<SimBank>(Bytes(16, 0x11));
    std::unique_ptr<SimBankServer> server_;
    std::unique_ptr<host::Iso8583HostLink> link_;
    std::uint32_t stan_ = 0;
};

TEST_F(SimBankServerTest, EchoesMeetQueuedFaultsOneEach) {
    ASSERT_TRUE(echo().ok());
    bank_->inject(HostFault::Unreachable, 2);
    EXPECT_FALSE(echo().ok()) << "first probe: closed unread";
    EXPECT_FALSE(echo().ok()) << "second probe: closed unread";
    EXPECT_TRUE(echo().ok()) << "the queue is spent: the bank answers again";

    bank_->inject(HostFault::SystemError);
    const Status system_error = echo();
    ASSERT_FALSE(system_error.ok());
    EXPECT_NE(system_error.error().message.find("echo reply is not 00"), std::string::npos) << system_error.error().message;
    EXPECT_TRUE(echo().ok());
}

TEST_F(SimBankServerTest, BothFrontEndsShareOneFaultQueue) {
    SimBankHost in_process(bank_);
    bank_->inject(HostFault::Unreachable, 2);
    EXPECT_FALSE(in_process.echo(1, "KIOSK001", clock_.now()).ok());
    EXPECT_FALSE(echo().ok()) << "the second fault is met over TLS";
    EXPECT_TRUE(echo().ok());
    EXPECT_TRUE(in_process.echo(2, "KIOSK001", clock_.now()).ok());
}

}  // namespace
}  // namespace kiosk::sim
