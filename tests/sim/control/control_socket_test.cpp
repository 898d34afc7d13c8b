// The control socket end to end, in-process: a ControlService on a temporary socket, a thread
// that pumps it as the kiosk's loop does, and the client. Replies for good and bad requests, the
// socket's mode, a second server on the same path, a stale socket file, no server at all.
#include "sim/control/control_service.hpp"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <fstream>

#include <gtest/gtest.h>

#include "sim/control/control_client.hpp"
#include "sim/control/unix_socket.hpp"
#include "tests/sim/control/pumping_loop.hpp"
#include "tests/sim/control/sim_bench.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::sim {
namespace {

using nlohmann::json;

using test::PumpingLoop;

class ControlSocketTest : public ::testing::Test {
protected:
    ControlSocketTest() {
        auto started = ControlService::start(socket_, bench_.sims(), bench_.drivers());
        if (!started) throw std::runtime_error(started.error().to_string());
        service_ = std::move(*started);
        loop_ = std::make_unique<PumpingLoop>(*service_);
    }
    ~ControlSocketTest() override {
        loop_.reset();  // stop pumping before the devices go
        service_.reset();
    }

    json send(std::string_view line) {
        auto reply = send_control_line(socket_, line);
        EXPECT_TRUE(reply.ok()) << (reply.ok() ? "" : reply.error().to_string());
        return reply.ok() ? *reply : json{};
    }

    store::test::TempDirectory directory_;
    std::filesystem::path socket_{directory_.file("control.sock")};
    test::SimBench bench_;
    std::unique_ptr<ControlService> service_;
    std::unique_ptr<PumpingLoop> loop_;
};

TEST_F(ControlSocketTest, StatusReportsEveryDevice) {
    const json reply = send(R"({"command":"status"})");
    ASSERT_EQ(reply.value("ok", false), true) << reply.dump();
    ASSERT_EQ(reply["devices"].size(), 5u);
    EXPECT_EQ(reply["devices"][0]["device"], "card-reader");
    EXPECT_EQ(reply["devices"][0]["state"], "online");
    EXPECT_EQ(reply["devices"][2]["details"]["paper"], "ok");
}

TEST_F(ControlSocketTest, CustomerActionsAndFaultsReachTheDevices) {
    ASSERT_TRUE(bench_.card_reader.enable_insertion(true).ok());
    EXPECT_EQ(send(R"({"command":"insert-card","card":"unionpay-li"})")["ok"], true);
    EXPECT_EQ(bench_.card_reader_sim.card_inside(), std::optional<std::string>("unionpay-li"));

    ControlRequest fault;
    fault.command = ControlCommand::fault;
    fault.device = "printer";
    fault.fault = "paper-near-end";
    fault.mode = FaultMode::always;
    auto reply = send_control_request(socket_, fault);
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ((*reply)["ok"], true);
    EXPECT_EQ(send(R"({"command":"status"})")["devices"][2]["details"]["paper"], "nearEnd");
    EXPECT_EQ(send(R"({"command":"clear-faults"})")["ok"], true);
    EXPECT_EQ(send(R"({"command":"status"})")["devices"][2]["details"]["paper"], "ok");

    const json jam = send(R"({"command":"fault","device":"dispenser","fault":"note-jam","cassette":9})");
    EXPECT_EQ(jam["ok"], false);
    EXPECT_NE(jam["error"].get<std::string>().find("cassette 9 does not exist"), std::string::npos);
}

TEST_F(ControlSocketTest, BadRequestsGetAnErrorThatNamesTheProblem) {
    const auto error_of = [this](std::string_view line) {
        const json reply = send(line);
        EXPECT_EQ(reply.value("ok", true), false) << reply.dump();
        return reply.value("error", std::string());
    };
    EXPECT_EQ(error_of("not json"), "request is not valid JSON");
    EXPECT_EQ(error_of("[1,2]"), "request must be a JSON object");
    EXPECT_EQ(error_of(R"({"cmd":"status"})"), "request needs a string \"command\"");
    EXPECT_NE(error_of(R"({"command":"dance"})").find("unknown command 'dance'; known: status"), std::string::npos);
    EXPECT_EQ(error_of(R"({"command":"insert-card"})"), "insert-card needs \"card\"");
    EXPECT_EQ(error_of(R"({"command":"press","keys":7})"), "\"keys\" must be a non-empty string");
    EXPECT_EQ(error_of(R"({"command":"fault","device":"printer","fault":"paper-near-end","mode":"sometimes"})"),
              "\"mode\" must be \"next\", \"permanent\" or \"off\"");
    EXPECT_EQ(error_of(R"({"command":"fault","device":"printer","fault":"x","after":-1})"),
              "\"after\" must be an integer from 0 to 10000");
    // The connection survives bad requests: one more good one on a new connection works too.
    EXPECT_EQ(send(R"({"command":"status"})")["ok"], true);
}

TEST_F(ControlSocketTest, AnOverlongLineIsRefusedByName) {
    const json reply = send(std::string(max_control_line + 10, 'x'));
    EXPECT_EQ(reply.value("ok", true), false);
    EXPECT_NE(reply.value("error", std::string()).find("longer than"), std::string::npos);
}

TEST_F(ControlSocketTest, SocketIsOwnerOnlyAndCannotBeTakenTwice) {
    struct stat info {};
    ASSERT_EQ(::stat(socket_.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777U, 0600U);
    auto second = ControlService::start(socket_, bench_.sims(), bench_.drivers());
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.error().message.find("is in use"), std::string::npos) << second.error().message;
}

TEST(ControlSocket, AStaleSocketFileIsReplacedAndAMissingOneIsNamed) {
    store::test::TempDirectory directory;
    const std::filesystem::path path = directory.file("control.sock");
    auto missing = send_control_line(path, R"({"command":"status"})");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("not found: is `kiosk --sim` running?"), std::string::npos);

    {  // a socket file nobody listens on, as a killed kiosk leaves it
        auto address = unix_address(path);
        ASSERT_TRUE(address.ok());
        UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM, 0));
        ASSERT_EQ(::bind(fd.get(), reinterpret_cast<const sockaddr*>(&*address), sizeof *address), 0);
    }
    auto refused = send_control_line(path, R"({"command":"status"})");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("is not answering"), std::string::npos);

    test::SimBench bench;
    auto service = ControlService::start(path, bench.sims(), bench.drivers(), Millis{20});
    ASSERT_TRUE(service.ok()) << service.error().to_string();
    // Nobody pumps: the request times out on the mailbox and says so.
    auto reply = send_control_line(path, R"({"command":"status"})");
    ASSERT_TRUE(reply.ok());
    EXPECT_NE((*reply)["error"].get<std::string>().find("did not take the request"), std::string::npos);
}

TEST(ControlSocket, AFileThatIsNotASocketIsLeftAlone) {
    store::test::TempDirectory directory;
    const std::filesystem::path path = directory.file("control.sock");
    { std::ofstream(path) << "precious"; }
    test::SimBench bench;
    auto service = ControlService::start(path, bench.sims(), bench.drivers());
    ASSERT_FALSE(service.ok());
    EXPECT_NE(service.error().message.find("is not a socket"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::sim
