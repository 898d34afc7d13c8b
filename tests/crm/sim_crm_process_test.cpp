// kiosk-sim-crm as its own process: started with a ready file, driven through the control client
// and the real upload client, stopped with SIGTERM (exit 0, ready file gone); started again on the
// same directory it reuses its PKI and still knows every record.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "crm/https_client.hpp"
#include "crm/wire_format.hpp"
#include "sim/crm/ready_file.hpp"
#include "sim/crm/sim_crm_control_client.hpp"
#include "memory_record_queue.hpp"
#include "sim_crm_test_support.hpp"
#include "tls_test_support.hpp"

extern char** environ;

namespace kiosk::sim {
namespace {

using namespace std::chrono_literals;

// A started kiosk-sim-crm; the destructor kills one that a failed test left running.
class SimCrmProcess {
public:
    SimCrmProcess(const std::filesystem::path& directory, const std::filesystem::path& ready_file) {
        std::vector<std::string> arguments{KIOSK_SIM_CRM_BINARY, "serve",        "--dir", directory.string(),
                                           "--ready-file",       ready_file.string(), "--control",
                                           // these tests post made-up seals: keep them unopened
                                           "--store-unopened"};
        std::vector<char*> argv;
        for (auto& argument : arguments) argv.push_back(argument.data());
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) pid_ = -1;
    }
    ~SimCrmProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    SimCrmProcess(const SimCrmProcess&) = delete;
    SimCrmProcess& operator=(const SimCrmProcess&) = delete;

    [[nodiscard]] pid_t pid() const { return pid_; }

    // The exit status after `signal`, or -1 when it did not exit within 10 s.
    int stop(int signal) {
        ::kill(pid_, signal);
        for (int i = 0; i < 1000; ++i) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(10ms);
        }
        return -1;
    }

private:
    pid_t pid_ = -1;
};

Result<SimCrmReadyFile> wait_for_ready_file(const std::filesystem::path& file) {
    for (int i = 0; i < 2000 && !std::filesystem::exists(file); ++i) std::this_thread::sleep_for(10ms);
    return read_ready_file(file);
}

crm::TlsSettings kiosk_tls(const SimCrmReadyFile& ready) {
    crm::TlsSettings tls;
    tls.ca_file = ready.ca_file.string();
    tls.client_cert_file = ready.client_cert_file.string();
    tls.client_key_file = ready.client_key_file.string();
    tls.pinned_public_keys = ready.server_pin;
    return tls;
}

class SimCrmProcessTest : public ::testing::Test {
protected:
    std::filesystem::path directory() const { return scratch_.path() / "crm"; }
    std::filesystem::path ready_file() const { return scratch_.path() / "crm-ready.json"; }
    kiosk::testing::ScratchDirectory scratch_;
};

TEST_F(SimCrmProcessTest, StartsWithAReadyFileIsDrivenOverControlAndStopsOnSigterm) {
    SimCrmProcess process(directory(), ready_file());
    ASSERT_GT(process.pid(), 0);
    const auto ready = wait_for_ready_file(ready_file());
    ASSERT_TRUE(ready.ok()) << ready.error().to_string();
    EXPECT_EQ(ready->pid, process.pid());
    EXPECT_EQ(ready->url, "https://127.0.0.1:" + std::to_string(ready->port) + "/v1/records");
    EXPECT_EQ(ready->profiles_url, "https://127.0.0.1:" + std::to_string(ready->port) + "/v1/profiles");
    EXPECT_EQ(ready->database, std::filesystem::absolute(directory() / "crm.db"));
    EXPECT_TRUE(std::filesystem::exists(ready->ca_file));

    SimCrmControlClient control(SimCrmConnection::from(*ready));
    ASSERT_TRUE(control.inject(CrmFault::ServerError).ok());
    crm::HttpsClient kiosk(kiosk_tls(*ready), {Millis{2'000}, Millis{5'000}});
    const std::string batch = crm::encode_batch({"K1", {kiosk::testing::test_record("r-1")}});
    const auto failed = kiosk.post_json(ready->url, batch);
    ASSERT_TRUE(failed.ok()) << failed.error().to_string();
    EXPECT_EQ(failed->status, 500);
    const auto delivered = kiosk.post_json(ready->url, batch);
    ASSERT_TRUE(delivered.ok()) << delivered.error().to_string();
    EXPECT_EQ(delivered->status, 200);

    CustomerProfile profile;
    profile.segment = "senior";
    ASSERT_TRUE(control.put_profile("tok-a", profile).ok());
    const auto stats = control.stats();
    ASSERT_TRUE(stats.ok()) << stats.error().to_string();
    EXPECT_EQ(stats->records_held, 1U);
    EXPECT_EQ(stats->record_requests_by_status, (std::map<int, std::size_t>{{200, 1}, {500, 1}}));

    EXPECT_EQ(process.stop(SIGTERM), 0);
    EXPECT_FALSE(std::filesystem::exists(ready_file())) << "removed on a clean stop";
}

TEST_F(SimCrmProcessTest, ARestartOnTheSameDirectoryReusesItsPkiAndRemembersEveryRecord) {
    const std::string batch = crm::encode_batch({"K1", {kiosk::testing::test_record("r-1")}});
    std::string first_pin;
    {
        SimCrmProcess process(directory(), ready_file());
        const auto ready = wait_for_ready_file(ready_file());
        ASSERT_TRUE(ready.ok()) << ready.error().to_string();
        first_pin = ready->server_pin;
        crm::HttpsClient kiosk(kiosk_tls(*ready), {Millis{2'000}, Millis{5'000}});
        ASSERT_EQ(kiosk.post_json(ready->url, batch)->status, 200);
        ASSERT_EQ(process.stop(SIGINT), 0);
    }
    SimCrmProcess process(directory(), ready_file());
    const auto ready = wait_for_ready_file(ready_file());
    ASSERT_TRUE(ready.ok()) << ready.error().to_string();
    EXPECT_EQ(ready->server_pin, first_pin) << "the kiosk's pin stays valid";
    crm::HttpsClient kiosk(kiosk_tls(*ready), {Millis{2'000}, Millis{5'000}});
    const auto resent = kiosk.post_json(ready->url, batch);
    ASSERT_TRUE(resent.ok()) << resent.error().to_string();
    const std::vector<std::string> sent{"r-1"};
    const auto answer = crm::decode_answer(resent->body, sent);
    ASSERT_TRUE(answer.ok()) << answer.error().to_string();
    EXPECT_EQ((*answer)[0].outcome, crm::RecordOutcome::Duplicate);
    EXPECT_EQ(process.stop(SIGTERM), 0);
}

TEST_F(SimCrmProcessTest, AnUnusableDirectoryEndsInOneLineAndExit1) {
    std::vector<std::string> arguments{KIOSK_SIM_CRM_BINARY, "serve", "--dir", "/proc/kiosk-sim-crm-test"};
    std::vector<char*> argv;
    for (auto& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    ASSERT_EQ(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 1);
}

}  // namespace
}  // namespace kiosk::sim
