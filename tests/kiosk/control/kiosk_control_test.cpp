// The kiosk's control socket: the request parser (every malformed request named), and the service
// over a real socket with a fake kiosk pumped by a thread as the runtime's loop pumps it — status,
// a self-test refused while a customer is in session, answered once the kiosk's tests have all
// finished when idle (passed, failed, out of service after them; kioskctl's exit codes for each),
// upload-now, the socket file's mode bits, and a stale socket replaced.
#include <sys/socket.h>
#include <sys/stat.h>

#include <atomic>
#include <mutex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "common/unix_socket.hpp"
#include "kiosk/control/kiosk_control_protocol.hpp"
#include "kiosk/control/kiosk_control_service.hpp"
#include "tests/kiosk/control/pumped_control_service.hpp"
#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/kiosk_link.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::control {
namespace {

std::string error_of(std::string_view line) {
    auto parsed = parse_kiosk_request(line);
    return parsed ? std::string("parsed") : parsed.error().message;
}

TEST(KioskControlProtocol, ParsesEachCommand) {
    auto status = parse_kiosk_request(R"({"command":"status"})");
    ASSERT_TRUE(status.ok());
    EXPECT_EQ(status->command, KioskCommand::status);
    auto selftest = parse_kiosk_request(R"({"command":"selftest","device":"printer","actor":"technician:T1"})");
    ASSERT_TRUE(selftest.ok()) << selftest.error().message;
    EXPECT_EQ(selftest->command, KioskCommand::selftest);
    EXPECT_EQ(selftest->device, "printer");
    EXPECT_EQ(selftest->actor, "technician:T1");
    auto upload = parse_kiosk_request(to_json(KioskRequest{KioskCommand::uploadNow, std::nullopt, "technician:T2", {}, std::nullopt}).dump());
    ASSERT_TRUE(upload.ok());
    EXPECT_EQ(upload->command, KioskCommand::uploadNow);
    EXPECT_EQ(upload->actor, "technician:T2");
}

TEST(KioskControlProtocol, NamesWhatIsWrongWithAMalformedRequest) {
    EXPECT_EQ(error_of("status"), "request is not valid JSON");
    EXPECT_EQ(error_of("[1]"), "request must be a JSON object");
    EXPECT_EQ(error_of(R"({"cmd":"status"})"), "request needs a string \"command\"");
    EXPECT_EQ(error_of(R"({"command":"reboot"})"), "unknown command 'reboot'; known: status, selftest, upload-now, cassettes, replenish");
    EXPECT_EQ(error_of(R"({"command":"status","device":"printer"})"), "status takes no field 'device'");
    EXPECT_EQ(error_of(R"({"command":"selftest","device":"toaster"})"),
              "unknown device 'toaster'; known: card_reader, pin_pad, printer, dispenser, sensors, speech");
    EXPECT_EQ(error_of(R"({"command":"selftest","device":7})"), "\"device\" must be a non-empty string");
    EXPECT_EQ(error_of(R"({"command":"upload-now","actor":"root"})"), "\"actor\" must be \"technician:<id>\"");
    EXPECT_EQ(error_of(std::string(5000, ' ')), "request longer than 4096 bytes");
    // Text from outside is echoed only when plain.
    EXPECT_EQ(error_of("{\"command\":\"\\u001b[2J\"}"), "unknown command; known: status, selftest, upload-now, cassettes, replenish");
}

// A kiosk whose loop picture the test sets. A self-test's report is finished after
// `polls_before_finished` pictures, with the lines and the outcome the test set beforehand.
class FakeKiosk final : public ControlledKiosk {
public:
    LoopPicture picture() override {
        std::lock_guard lock(mutex);
        if (current.self_test && !current.self_test->finished && polls_left-- <= 0) {
            current.self_test->finished = true;
            current.self_test->out_of_service = out_of_service_after;
            if (out_of_service_after) current.self_test->problems = {"dispenser: jammed"};
        }
        return current;
    }
    Result<std::uint64_t> start_self_test(const std::optional<std::string>& device, const std::string& actor) override {
        std::lock_guard lock(mutex);
        if (refusal) return make_error("selftest", *refusal);
        ++tests_started;
        started_for = actor;
        SelfTestReport report;
        report.id = ++last_id;
        for (const SelfTestLine& line : results) {
            if (!device || line.device == *device) report.lines.push_back(line);
        }
        current.self_test = report;
        polls_left = polls_before_finished;
        return report.id;
    }
    maintenance::TerminalStatus status(const LoopPicture& picture) override {
        maintenance::TerminalStatus status;
        status.kiosk_id = "TEST-01";
        describe_service(picture, status);
        return status;
    }
    nlohmann::json upload_now(const std::string& actor) override {
        return nlohmann::json{{"sent", 3}, {"acknowledged", 3}, {"pending", 0}, {"actor_seen", actor}};
    }
    void note(const std::string& line) override {
        std::lock_guard lock(mutex);
        notes.push_back(line);
    }

    std::mutex mutex;
    LoopPicture current;
    std::vector<SelfTestLine> results{{"card_reader", true, "reset, and it answers its status"},
                                      {"printer", true, "test receipt printed"},
                                      {"dispenser", true, "2 notes picked and retracted to the reject bin"}};
    std::optional<flow::OutOfServiceReason> out_of_service_after;
    std::optional<std::string> refusal;
    int polls_before_finished = 3;
    int polls_left = 0;
    std::uint64_t last_id = 0;
    int tests_started = 0;
    std::string started_for;
    std::vector<std::string> notes;
};

DeviceHealth healthy() {
    DeviceHealth health;
    const drivers::DeviceStatus online{drivers::DeviceState::online, std::nullopt};
    health.card_reader.device = online;
    health.card_reader.bin = {0, 20};
    health.pin_pad.device = online;
    health.printer.device = online;
    health.printer.paper = drivers::PaperState::ok;
    drivers::DispenserStatus dispenser;
    dispenser.device = online;
    dispenser.cassettes.push_back(drivers::CassetteInfo{"CNY", 10000, 200, 20, drivers::CassetteState::ok});
    health.dispenser = dispenser;
    health.sensors = Result<drivers::SensorReadings>(drivers::SensorReadings{});
    return health;
}

class KioskControlServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        kiosk_.current.health = healthy();
        kiosk_.current.fitness = assess(*kiosk_.current.health);
        auto service = KioskControlService::start(socket_, kiosk_);
        ASSERT_TRUE(service.ok()) << service.error().to_string();
        service_.run(std::move(*service));
    }
    nlohmann::json ask(const KioskRequest& request) {
        auto answer = kioskctl::ask_kiosk(socket_, request, Millis{5000});
        EXPECT_TRUE(answer.ok()) << answer.error().to_string();
        EXPECT_TRUE(answer->reached) << answer->error;
        return answer->reply;
    }

    store::test::TempDirectory directory_;
    std::filesystem::path socket_{directory_.file("kiosk.sock")};
    FakeKiosk kiosk_;
    test::PumpedControlService service_;  // last: stops pumping before the kiosk above goes
};

TEST_F(KioskControlServiceTest, TheSocketIsGroupReadableAndWritableOnly) {
    struct stat info {};
    ASSERT_EQ(::stat(socket_.c_str(), &info), 0);
    EXPECT_TRUE(S_ISSOCK(info.st_mode));
    EXPECT_EQ(info.st_mode & 07777, 0660U);
}

TEST_F(KioskControlServiceTest, StatusComesFromTheLoopsPicture) {
    const nlohmann::json reply = ask(KioskRequest{});
    ASSERT_TRUE(reply["ok"].get<bool>()) << reply.dump();
    EXPECT_EQ(reply["status"]["state"], "in_service");
    EXPECT_EQ(reply["status"]["kiosk_id"], "TEST-01");
    EXPECT_EQ(reply["status"]["devices"][2]["name"], "printer");

    {
        std::lock_guard lock(kiosk_.mutex);
        kiosk_.current.health->printer.paper = drivers::PaperState::nearEnd;
        kiosk_.current.fitness = assess(*kiosk_.current.health);
    }
    const nlohmann::json low = ask(KioskRequest{});
    EXPECT_EQ(low["status"]["state"], "degraded") << low.dump();
    EXPECT_EQ(low["status"]["problems"][0], "printer: paper nearEnd");
}

TEST_F(KioskControlServiceTest, ASelfTestIsRefusedWhileACustomerIsInSession) {
    {
        std::lock_guard lock(kiosk_.mutex);
        kiosk_.current.state = flow::StateId::PinEntry;
    }
    KioskRequest request{KioskCommand::selftest, std::nullopt, "technician:T1", {}, std::nullopt};
    const nlohmann::json reply = ask(request);
    EXPECT_FALSE(reply["ok"].get<bool>());
    EXPECT_NE(reply["error"].get<std::string>().find("a customer is in session (flow state PinEntry)"), std::string::npos)
        << reply.dump();
    std::lock_guard lock(kiosk_.mutex);
    EXPECT_EQ(kiosk_.tests_started, 0);
}

TEST_F(KioskControlServiceTest, ASelfTestIsRefusedWhileTheServiceModeIsOpen) {
    {
        std::lock_guard lock(kiosk_.mutex);
        kiosk_.current.state = flow::StateId::ServiceMenu;
    }
    const nlohmann::json reply = ask(KioskRequest{KioskCommand::selftest, std::nullopt, std::nullopt, {}, std::nullopt});
    EXPECT_FALSE(reply["ok"].get<bool>());
    EXPECT_NE(reply["error"].get<std::string>().find("the service mode is open on the machine"), std::string::npos)
        << reply.dump();
    std::lock_guard lock(kiosk_.mutex);
    EXPECT_EQ(kiosk_.tests_started, 0);
}

TEST_F(KioskControlServiceTest, AnIdleSelfTestAnswersOnceEveryTestHasFinished) {
    KioskRequest request{KioskCommand::selftest, std::string("printer"), "technician:T1", {}, std::nullopt};
    const nlohmann::json reply = ask(request);
    ASSERT_TRUE(reply["ok"].get<bool>()) << reply.dump();
    EXPECT_TRUE(reply["passed"].get<bool>());
    EXPECT_TRUE(reply["in_service"].get<bool>());
    EXPECT_FALSE(reply.contains("out_of_service"));
    ASSERT_EQ(reply["devices"].size(), 1U);
    EXPECT_EQ(reply["devices"][0]["name"], "printer");
    EXPECT_EQ(reply["devices"][0]["result"], "test receipt printed");
    std::lock_guard lock(kiosk_.mutex);
    EXPECT_EQ(kiosk_.tests_started, 1);
    EXPECT_EQ(kiosk_.started_for, "technician:T1");
    EXPECT_TRUE(kiosk_.current.self_test->finished);  // not answered from an unfinished report
    ASSERT_EQ(kiosk_.notes.size(), 1U);
    EXPECT_EQ(kiosk_.notes[0], "selftest printer requested by technician:T1");
}

TEST_F(KioskControlServiceTest, AnUnnamedCallerIsTheTool) {
    const nlohmann::json reply = ask(KioskRequest{KioskCommand::selftest, std::nullopt, std::nullopt, {}, std::nullopt});
    ASSERT_TRUE(reply["ok"].get<bool>()) << reply.dump();
    EXPECT_EQ(reply["devices"].size(), 3U);
    std::lock_guard lock(kiosk_.mutex);
    EXPECT_EQ(kiosk_.started_for, "kioskctl");
}

TEST_F(KioskControlServiceTest, TheKiosksRefusalToStartIsPassedOn) {
    {
        std::lock_guard lock(kiosk_.mutex);
        kiosk_.refusal = "this kiosk has no sensors fitted";
    }
    const nlohmann::json reply = ask(KioskRequest{KioskCommand::selftest, std::string("sensors"), std::nullopt, {}, std::nullopt});
    EXPECT_FALSE(reply["ok"].get<bool>());
    EXPECT_EQ(reply["error"], "this kiosk has no sensors fitted");
}

TEST_F(KioskControlServiceTest, AFailedTestAndOutOfServiceAfterAreReported) {
    {
        std::lock_guard lock(kiosk_.mutex);
        kiosk_.results[2] = {"dispenser", false, "pick failure on cassette 1"};
        kiosk_.out_of_service_after = flow::OutOfServiceReason::Devices;
    }
    const nlohmann::json reply = ask(KioskRequest{KioskCommand::selftest, std::nullopt, std::nullopt, {}, std::nullopt});
    ASSERT_TRUE(reply["ok"].get<bool>()) << reply.dump();
    EXPECT_FALSE(reply["passed"].get<bool>());
    EXPECT_FALSE(reply["in_service"].get<bool>());
    EXPECT_EQ(reply["out_of_service"], "devices");
    EXPECT_EQ(reply["problems"][0], "dispenser: jammed");
    EXPECT_FALSE(reply["devices"][2]["passed"].get<bool>());
    EXPECT_EQ(reply["devices"][2]["result"], "pick failure on cassette 1");
}

TEST_F(KioskControlServiceTest, KioskctlSelftestExitCodes) {
    KioskConfig config;
    config.service.control_socket = socket_;
    const SystemClock clock;
    const auto selftest = [&](const std::string& device, bool as_json, std::string& out) {
        std::ostringstream text;
        std::ostringstream err;
        const int code = kioskctl::run_selftest(config, device, std::nullopt, as_json, clock, {text, err});
        out = text.str() + err.str();
        return code;
    };
    std::string out;
    EXPECT_EQ(selftest("", false, out), 0) << out;
    EXPECT_EQ(out,
              "card_reader: passed (reset, and it answers its status)\n"
              "printer: passed (test receipt printed)\n"
              "dispenser: passed (2 notes picked and retracted to the reject bin)\n"
              "selftest passed; the kiosk is in service\n");
    {
        std::lock_guard lock(kiosk_.mutex);
        kiosk_.results[1] = {"printer", false, "noDevice: the printer does not answer"};
    }
    EXPECT_EQ(selftest("", false, out), 1) << out;
    EXPECT_NE(out.find("printer: FAILED (noDevice: the printer does not answer)"), std::string::npos) << out;
    EXPECT_NE(out.find("selftest FAILED: 1 of 3 tests; the kiosk is in service"), std::string::npos) << out;
    EXPECT_EQ(selftest("card_reader", true, out), 0) << out;
    EXPECT_EQ(nlohmann::json::parse(out)["devices"].size(), 1U) << out;
    {
        std::lock_guard lock(kiosk_.mutex);
        kiosk_.out_of_service_after = flow::OutOfServiceReason::Devices;
    }
    EXPECT_EQ(selftest("", false, out), 2) << out;
    EXPECT_NE(out.find("the kiosk is OUT OF SERVICE (devices)\n  problem: dispenser: jammed"), std::string::npos) << out;
    {
        std::lock_guard lock(kiosk_.mutex);
        kiosk_.current.state = flow::StateId::MainMenu;
    }
    EXPECT_EQ(selftest("", false, out), 1) << out;
    EXPECT_NE(out.find("a customer is in session"), std::string::npos) << out;
    config.service.control_socket = directory_.file("nobody.sock");
    EXPECT_EQ(selftest("", false, out), 69) << out;
}

TEST(KioskSelfTest, TheProtocolTakesTheNamesTheKioskTests) {
    EXPECT_EQ(kiosk_device_names(), remote_test_devices());
}

TEST(KioskSelfTest, TheReplyNamesEachDeviceAndTheStateAfter) {
    SelfTestReport report;
    report.lines = {{"printer", true, "test receipt printed"}, {"speech", false, "speech: no engine"}};
    report.finished = true;
    report.out_of_service = flow::OutOfServiceReason::Tamper;
    report.problems = {"sensors: tamper latched"};
    const nlohmann::json reply = selftest_reply(report);
    EXPECT_EQ(reply.dump(),
              R"({"devices":[{"name":"printer","passed":true,"result":"test receipt printed"},)"
              R"({"name":"speech","passed":false,"result":"speech: no engine"}],"in_service":false,)"
              R"("out_of_service":"tamper","passed":false,"problems":["sensors: tamper latched"]})");
}

TEST_F(KioskControlServiceTest, UploadNowAnswersWhatWasSent) {
    const nlohmann::json reply = ask(KioskRequest{KioskCommand::uploadNow, std::nullopt, "technician:T1", {}, std::nullopt});
    ASSERT_TRUE(reply["ok"].get<bool>());
    EXPECT_EQ(reply["sent"], 3);
    EXPECT_EQ(reply["actor_seen"], "technician:T1");
}

TEST_F(KioskControlServiceTest, AMalformedLineGetsAnErrorAndTheConnectionStaysUsable) {
    EXPECT_EQ(service_->handle("{nope"), R"({"error":"request is not valid JSON","ok":false})");
    const nlohmann::json reply = ask(KioskRequest{});
    EXPECT_TRUE(reply["ok"].get<bool>());
}

TEST(KioskControlSocket, ASecondKioskOnTheSamePathIsRefusedAndAStaleFileReplaced) {
    store::test::TempDirectory directory;
    const std::filesystem::path socket = directory.file("kiosk.sock");
    FakeKiosk kiosk;
    {
        auto first = KioskControlService::start(socket, kiosk);
        ASSERT_TRUE(first.ok());
        auto second = KioskControlService::start(socket, kiosk);
        ASSERT_FALSE(second.ok());
        EXPECT_NE(second.error().message.find("is in use"), std::string::npos) << second.error().message;
    }
    // A file left behind by a kiosk that was killed: nobody listens, so it is replaced.
    {
        UniqueFd stale(::socket(AF_UNIX, SOCK_STREAM, 0));
        auto address = unix_address(socket);
        ASSERT_TRUE(address.ok());
        ASSERT_EQ(::bind(stale.get(), reinterpret_cast<const sockaddr*>(&*address), sizeof *address), 0);
    }
    auto again = KioskControlService::start(socket, kiosk);
    EXPECT_TRUE(again.ok()) << again.error().to_string();
}

TEST(KioskControlSocket, AnAbsentKioskIsNotRunningNotAFailure) {
    store::test::TempDirectory directory;
    auto answer = kioskctl::ask_kiosk(directory.file("kiosk.sock"), KioskRequest{}, Millis{1000});
    ASSERT_TRUE(answer.ok());
    EXPECT_FALSE(answer->reached);
    EXPECT_EQ(answer->error.rfind("kiosk not running: ", 0), 0U) << answer->error;
}

}  // namespace
}  // namespace kiosk::control
