// The control socket's "replenish" (kioskctl replenish with the kiosk running): the request's
// counts and capacity checked and named, refused while a customer is in session, and the kiosk's
// answer — the dispenser confirmed and the ledger written, or why not — passed back.
#include <atomic>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "kiosk/control/kiosk_control_protocol.hpp"
#include "kiosk/control/kiosk_control_service.hpp"
#include "tests/kiosk/control/pumped_control_service.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::control {
namespace {

std::string error_of(std::string_view line) {
    auto parsed = parse_kiosk_request(line);
    return parsed ? std::string("parsed") : parsed.error().message;
}

TEST(KioskControlReplenishRequest, ParsesCountsCapacityAndActorAndEncodesThemBack) {
    auto parsed = parse_kiosk_request(R"({"command":"replenish","counts":[200,0,150],"capacity":3000,"actor":"technician:1002"})");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->command, KioskCommand::replenish);
    EXPECT_EQ(parsed->counts, (std::vector<std::uint32_t>{200, 0, 150}));
    EXPECT_EQ(parsed->capacity, 3000U);
    EXPECT_EQ(parsed->actor, "technician:1002");
    auto again = parse_kiosk_request(to_json(*parsed).dump());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->counts, parsed->counts);
    EXPECT_EQ(again->capacity, parsed->capacity);
    auto no_capacity = parse_kiosk_request(R"({"command":"replenish","counts":[1],"actor":"technician:1"})");
    ASSERT_TRUE(no_capacity.ok());
    EXPECT_FALSE(no_capacity->capacity.has_value());
}

TEST(KioskControlReplenishRequest, NamesWhatIsWrong) {
    const std::string counts_needed = "replenish needs \"counts\": an array of 1 to 16 note counts, one per cassette";
    EXPECT_EQ(error_of(R"({"command":"replenish","actor":"technician:1"})"), counts_needed);
    EXPECT_EQ(error_of(R"({"command":"replenish","counts":[],"actor":"technician:1"})"), counts_needed);
    EXPECT_EQ(error_of(R"({"command":"replenish","counts":"200,150","actor":"technician:1"})"), counts_needed);
    EXPECT_EQ(error_of(R"({"command":"replenish","counts":[200,-5],"actor":"technician:1"})"),
              "\"counts\"[1] (cassette 2) must be a whole number of notes from 0 to 1000000");
    EXPECT_EQ(error_of(R"({"command":"replenish","counts":[2.5],"actor":"technician:1"})"),
              "\"counts\"[0] (cassette 1) must be a whole number of notes from 0 to 1000000");
    EXPECT_EQ(error_of(R"({"command":"replenish","counts":[2000000],"actor":"technician:1"})"),
              "\"counts\"[0] (cassette 1) must be a whole number of notes from 0 to 1000000");
    EXPECT_EQ(error_of(R"({"command":"replenish","counts":[1],"capacity":0,"actor":"technician:1"})"),
              "\"capacity\" must be a whole number of notes from 1 to 100000");
    EXPECT_EQ(error_of(R"({"command":"replenish","counts":[1]})"),
              "replenish needs \"actor\": the technician who loaded the cash");
    EXPECT_EQ(error_of(R"({"command":"status","counts":[1]})"), "status takes no field 'counts'");
}

class ReplenishingKiosk final : public ControlledKiosk {
public:
    LoopPicture picture() override {
        std::lock_guard lock(mutex);
        return current;
    }
    Result<std::uint64_t> start_self_test(const std::optional<std::string>&, const std::string&) override {
        return make_error("control", "not under test here");
    }
    maintenance::TerminalStatus status(const LoopPicture&) override { return {}; }
    nlohmann::json upload_now(const std::string&) override { return nlohmann::json::object(); }
    void note(const std::string&) override {}
    void replenish(const std::vector<std::uint32_t>& counts, std::uint32_t capacity, const std::string& actor,
                   std::function<void(const Result<std::string>&)> finished) override {
        std::lock_guard lock(mutex);
        asked_counts = counts;
        asked_capacity = capacity;
        asked_actor = actor;
        finished(answer);
    }

    std::mutex mutex;
    LoopPicture current;
    Result<std::string> answer = std::string("loaded 1=200 2=150, confirmed by the dispenser");
    std::vector<std::uint32_t> asked_counts;
    std::uint32_t asked_capacity = 0;
    std::string asked_actor;
};

class KioskControlReplenishTest : public ::testing::Test {
protected:
    void SetUp() override {
        KioskControlOptions options;
        options.default_capacity = 1800;
        auto service = KioskControlService::start(directory_.file("kiosk.sock"), kiosk_, options);
        ASSERT_TRUE(service.ok()) << service.error().to_string();
        service_.run(std::move(*service));
    }
    nlohmann::json ask(std::string_view line) { return nlohmann::json::parse(service_->handle(line)); }

    store::test::TempDirectory directory_;
    ReplenishingKiosk kiosk_;
    test::PumpedControlService service_;  // last: stops pumping before the kiosk above goes
};

TEST_F(KioskControlReplenishTest, AnIdleKioskReplenishesAndSaysWhatTheDispenserConfirmed) {
    const auto reply = ask(R"({"command":"replenish","counts":[200,150],"actor":"technician:1002"})");
    EXPECT_EQ(reply["ok"], true) << reply.dump();
    EXPECT_EQ(reply["replenished"], "loaded 1=200 2=150, confirmed by the dispenser");
    std::lock_guard lock(kiosk_.mutex);
    EXPECT_EQ(kiosk_.asked_counts, (std::vector<std::uint32_t>{200, 150}));
    EXPECT_EQ(kiosk_.asked_capacity, 1800U) << "the kiosk's own capacity when the request names none";
    EXPECT_EQ(kiosk_.asked_actor, "technician:1002");
}

TEST_F(KioskControlReplenishTest, TheKiosksRefusalIsTheReplysError) {
    {
        std::lock_guard lock(kiosk_.mutex);
        kiosk_.answer = make_error("cash", "the dispenser refused the new counts, nothing written: itemsLeft");
    }
    const auto reply = ask(R"({"command":"replenish","counts":[200],"capacity":500,"actor":"technician:1002"})");
    EXPECT_EQ(reply["ok"], false);
    EXPECT_EQ(reply["error"], "the dispenser refused the new counts, nothing written: itemsLeft");
    std::lock_guard lock(kiosk_.mutex);
    EXPECT_EQ(kiosk_.asked_capacity, 500U);
}

TEST_F(KioskControlReplenishTest, RefusedWhileACustomerIsInSessionAndNothingIsAsked) {
    {
        std::lock_guard lock(kiosk_.mutex);
        kiosk_.current.state = flow::StateId::MainMenu;
    }
    const auto reply = ask(R"({"command":"replenish","counts":[200],"actor":"technician:1002"})");
    EXPECT_EQ(reply["ok"], false);
    EXPECT_NE(reply["error"].get<std::string>().find("the kiosk is busy (flow state"), std::string::npos) << reply.dump();
    std::lock_guard lock(kiosk_.mutex);
    EXPECT_TRUE(kiosk_.asked_counts.empty());
}

}  // namespace
}  // namespace kiosk::control
