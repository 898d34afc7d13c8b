// sim/host/sim_bank_server: faults queued on the shared SimBank are acted out on the wire for
// echoes too, one per request, as the in-process front end does — so an "unreachable" bank stays
// unreachable to the kiosk's out-of-service probes whichever front end `kiosk --sim` uses; and a
// held answer waits for its release on the wire, without keeping the server from stopping.
#include "sim/host/sim_bank_server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "host/iso8583_host_link.hpp"
#include "sim/crm/test_pki.hpp"
#include "sim/host/sim_bank_host.hpp"
#include "sim/virtual_clock.hpp"
#include "tests/host/sim_bank_fixture.hpp"
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
    host::AuthorizationRequest balance_inquiry() {
        return host::test::card_request(host::TransactionType::BalanceInquiry, ++stan_, clock_.now());
    }

    std::shared_ptr<SimBank> bank_ = host::test::make_bank();
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

// Polls (bounded: about 10 s) until the bank holds `count` answers.
bool eventually_held(const SimBank& bank, std::size_t count) {
    for (int i = 0; i < 10'000; ++i) {
        if (bank.held_requests() == count) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

TEST_F(SimBankServerTest, AHeldAuthorizationIsAnsweredOverTlsOnRelease) {
    bank_->hold_answers(Millis{60'000});
    const host::AuthorizationRequest request = balance_inquiry();
    std::atomic<bool> answered{false};
    std::optional<Result<host::AuthorizationResponse>> reply;
    std::thread kiosk_worker([&] {
        reply = link_->authorize(request);
        answered = true;
    });
    const bool arrived = eventually_held(*bank_, 1);
    const bool answered_while_held = answered.load();
    bank_->release_answers();
    kiosk_worker.join();

    EXPECT_TRUE(arrived) << "the request never reached the bank";
    EXPECT_FALSE(answered_while_held);
    EXPECT_EQ(bank_->held_requests(), 0U);
    ASSERT_TRUE(reply.has_value() && reply->ok()) << (reply && !reply->ok() ? reply->error().to_string() : "");
    EXPECT_EQ((*reply)->code, host::ResponseCode::Approved);
    EXPECT_EQ((*reply)->stan, request.stan);
    EXPECT_TRUE(echo().ok()) << "the connection is still good";
}

TEST_F(SimBankServerTest, StoppingTheServerEndsAHeldAnswerInsteadOfWaitingItOut) {
    bank_->hold_answers(Millis{120'000});
    std::optional<Result<host::AuthorizationResponse>> reply;
    std::thread kiosk_worker([&] { reply = link_->authorize(balance_inquiry()); });
    const bool arrived = eventually_held(*bank_, 1);
    const auto stop_started = std::chrono::steady_clock::now();
    server_.reset();  // joins the connection thread that holds the answer
    const auto stop_took = std::chrono::steady_clock::now() - stop_started;
    kiosk_worker.join();

    EXPECT_TRUE(arrived) << "the request never reached the bank";
    // Far below the hold's 120 s: the destructor woke the held connection instead of waiting.
    EXPECT_LT(stop_took, std::chrono::seconds(60));
    ASSERT_TRUE(reply.has_value());
    EXPECT_FALSE(reply->ok()) << "the held answer is never sent";
    EXPECT_EQ(bank_->held_requests(), 0U);
}

}  // namespace
}  // namespace kiosk::sim
