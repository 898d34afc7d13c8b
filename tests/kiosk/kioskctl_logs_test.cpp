// `kioskctl logs` over a JSON-lines log file as the kiosk writes it off systemd: the newest lines,
// the level and text filters, JSON output, a card number masked even if one was logged, and a
// bad level refused as usage.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/kioskctl/kioskctl_app.hpp"
#include "kiosk/kioskctl/tool_context.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::kioskctl {
namespace {

class KioskctlLogsTest : public ::testing::Test {
protected:
    KioskctlLogsTest() {
        std::filesystem::create_directories(data_dir_ / "log");
        std::ofstream(config_file_) << "[kiosk]\ndata_dir = \"" << data_dir_.string() << "\"\n";
        std::ofstream log(data_dir_ / "log" / "kiosk.jsonl");
        const auto line = [&log](const char* level, const std::string& message) {
            log << nlohmann::json{{"time", "2026-12-02T10:00:00.000Z"}, {"level", level}, {"thread", 1},
                                  {"message", message}}
                       .dump()
                << '\n';
        };
        line("info", "kiosk LIVE-01 started");
        line("warning", "printer: paper low");
        line("info", "card 4111111111111111 read");  // must never be, but if it were: masked
        line("error", "CRM: connection refused");
        log << "{\"time\":\"torn";  // a torn last line: skipped
    }

    std::pair<int, std::string> run(std::vector<std::string> words, std::string* err_text = nullptr) {
        std::vector<const char*> argv{"kioskctl", "--config", config_file_.c_str()};
        for (const std::string& word : words) argv.push_back(word.c_str());
        std::ostringstream out;
        std::ostringstream err;
        const SystemClock clock;
        const int code = run_kioskctl(static_cast<int>(argv.size()), argv.data(), out, err, clock);
        if (err_text != nullptr) *err_text = err.str();
        return {code, out.str()};
    }

    store::test::TempDirectory directory_;
    std::filesystem::path data_dir_{directory_.file("data")};
    std::string config_file_{directory_.file("kiosk.toml")};
};

TEST_F(KioskctlLogsTest, PrintsTheNewestLinesWithCardNumbersMasked) {
    const auto [code, out] = run({"logs", "--lines", "2"});
    EXPECT_EQ(code, kExitOk);
    EXPECT_EQ(out.find("4111111111111111"), std::string::npos) << out;
    EXPECT_NE(out.find("card 411111******1111 read"), std::string::npos) << out;
    EXPECT_NE(out.find("2026-12-02T10:00:00.000Z error CRM: connection refused\n"), std::string::npos) << out;
    EXPECT_EQ(out.find("paper low"), std::string::npos) << "only the newest 2:\n" << out;
}

TEST_F(KioskctlLogsTest, FiltersByLevelAndTextAndPrintsJson) {
    const auto [code, out] = run({"logs", "--level", "warning", "--json"});
    ASSERT_EQ(code, kExitOk);
    const nlohmann::json logs = nlohmann::json::parse(out);
    ASSERT_EQ(logs["lines"].size(), 2U) << out;
    EXPECT_EQ(logs["lines"][0]["message"], "printer: paper low");
    EXPECT_EQ(logs["lines"][1]["level"], "error");
    EXPECT_NE(logs["source"].get<std::string>().find("kiosk.jsonl"), std::string::npos);
    const auto [grep_code, grep_out] = run({"logs", "--grep", "started"});
    EXPECT_EQ(grep_code, kExitOk);
    EXPECT_EQ(grep_out, "2026-12-02T10:00:00.000Z info kiosk LIVE-01 started\n");
}

TEST_F(KioskctlLogsTest, ABadLevelOrCountIsUsage) {
    std::string err;
    EXPECT_EQ(run({"logs", "--level", "loud"}, &err).first, kExitUsage);
    EXPECT_NE(err.find("expected trace, debug, info, warning, error or critical"), std::string::npos) << err;
    EXPECT_EQ(run({"logs", "--lines", "0"}).first, kExitUsage);
    EXPECT_EQ(run({"logs", "--lines", "many"}).first, kExitUsage);
}

}  // namespace
}  // namespace kiosk::kioskctl
