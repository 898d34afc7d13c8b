#include "sim/host/sim_bank_host.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <thread>

#include "security/pin_block.hpp"

namespace kiosk::sim {
namespace {

const Bytes pin_key{0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF};
const Bytes pad{0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
constexpr const char* pan = "4012888888881881";

class SimBankHostTest : public ::testing::Test {
protected:
    SimBankHostTest() : host_(pin_key) { host_.add_account({pan, "1234", "2812", Money{500'00, "CNY", 2}}); }

    host::AuthorizationRequest request(std::string_view pin, std::string_view card = pan) {
        host::AuthorizationRequest r;
        r.pan = std::string(card);
        r.pin_block = *security::encipher_format4(pin_key, pin, card, pad);
        r.stan = 7;
        r.local_time = from_unix_millis(1'767'603'600'000);  // 2026-01-05
        return r;
    }

    SimBankHost host_;
};

// Polls (bounded: about 10 s) until the bank holds `count` answers.
bool eventually_held(const SimBank& bank, std::size_t count) {
    for (int i = 0; i < 10'000; ++i) {
        if (bank.held_requests() == count) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

TEST_F(SimBankHostTest, ApprovesTheRightPinAndReportsTheBalance) {
    auto response = host_.authorize(request("1234"));
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->code, host::ResponseCode::Approved);
    EXPECT_EQ(response->stan, 7U);
    EXPECT_EQ(response->available_balance, (Money{500'00, "CNY", 2}));
    EXPECT_FALSE(response->authorization_id.empty());
}

TEST_F(SimBankHostTest, WrongPinUnknownCardAndExpiryAreDeclined) {
    EXPECT_EQ(host_.authorize(request("9999"))->code, host::ResponseCode::WrongPin);
    EXPECT_EQ(host_.authorize(request("1234", "4111111111111111"))->code, host::ResponseCode::DoNotHonour);
    host_.add_account({"5555555555554444", "1111", "2512", Money{}});
    EXPECT_EQ(host_.authorize(request("1111", "5555555555554444"))->code, host::ResponseCode::ExpiredCard);
}

TEST_F(SimBankHostTest, ABlockForAnotherPanDoesNotVerify) {
    auto r = request("1234");
    r.pin_block = *security::encipher_format4(pin_key, "1234", "4111111111111111", pad);
    EXPECT_EQ(host_.authorize(r)->code, host::ResponseCode::WrongPin);
}

TEST_F(SimBankHostTest, InjectedFaultsComeInOrderThenNormalService) {
    host_.inject(HostFault::Unreachable);
    host_.inject(HostFault::SystemError);
    auto unreachable = host_.authorize(request("1234"));
    ASSERT_FALSE(unreachable.ok());
    EXPECT_NE(unreachable.error().message.find("unreachable"), std::string::npos);
    EXPECT_EQ(host_.authorize(request("1234"))->code, host::ResponseCode::SystemError);
    EXPECT_EQ(host_.authorize(request("1234"))->code, host::ResponseCode::Approved);
    EXPECT_EQ(host_.log().size(), 2U);  // the unreachable request never reached the host
}

TEST_F(SimBankHostTest, AHeldAnswerWaitsForTheReleaseWhileTheRequestIsProcessed) {
    host_.bank().hold_answers(Millis{60'000});
    std::atomic<bool> answered{false};
    std::optional<Result<host::AuthorizationResponse>> response;
    std::thread kiosk_worker([&] {
        response = host_.authorize(request("1234"));
        answered = true;
    });
    const bool arrived = eventually_held(host_.bank(), 1);
    const bool answered_while_held = answered.load();
    const std::size_t processed_while_held = host_.log().size();
    // An echo is not held: the kiosk's probes still get through while the answer is out.
    auto echo = std::async(std::launch::async, [&] { return host_.echo(8, "KIOSK001", TimePoint{}); });
    const bool echo_answered = echo.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    host_.bank().release_answers();
    kiosk_worker.join();

    EXPECT_TRUE(arrived) << "the request never reached the bank";
    EXPECT_FALSE(answered_while_held);
    EXPECT_EQ(processed_while_held, 1U) << "the bank processes a held request at once";
    EXPECT_TRUE(echo_answered);
    EXPECT_TRUE(echo.get().ok());
    EXPECT_EQ(host_.bank().held_requests(), 0U);
    ASSERT_TRUE(response.has_value() && response->ok());
    EXPECT_EQ((*response)->code, host::ResponseCode::Approved);
    // Released: the next request is answered at once, on this thread.
    EXPECT_EQ(host_.authorize(request("1234"))->code, host::ResponseCode::Approved);
}

TEST_F(SimBankHostTest, AHoldNobodyReleasesEndsAfterItsLimit) {
    host_.bank().hold_answers(Millis{20});
    auto response = host_.authorize(request("1234"));  // would never return without the limit
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->code, host::ResponseCode::Approved);
    EXPECT_EQ(host_.bank().held_requests(), 0U);
}

}  // namespace
}  // namespace kiosk::sim
