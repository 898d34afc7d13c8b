// The kiosk's logging off systemd, as installed by install_service_logging: JSON lines in
// <data_dir>/log/kiosk.jsonl (one object per line, whatever the message holds), rotated by size,
// and a card number logged by mistake masked before it reaches the file.
#include "kiosk/service/service_logging.hpp"

#include <spdlog/spdlog.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "kiosk/service/json_lines_formatter.hpp"

namespace kiosk::service {
namespace {

namespace fs = std::filesystem;

// Stdout to /dev/null while it lives: the console sink would otherwise print megabytes of filler.
class StdoutSilenced {
public:
    StdoutSilenced() : saved_(::dup(1)) {
        std::fflush(stdout);
        const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        ::dup2(null, 1);
        ::close(null);
    }
    ~StdoutSilenced() {
        std::fflush(stdout);
        ::dup2(saved_, 1);
        ::close(saved_);
    }
    StdoutSilenced(const StdoutSilenced&) = delete;
    StdoutSilenced& operator=(const StdoutSilenced&) = delete;

private:
    int saved_;
};

class ServiceLoggingTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("kiosk-service-logging-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        config_.data_dir = dir_ / "data";
        previous_ = spdlog::default_logger();
        ::unsetenv("JOURNAL_STREAM");  // as on a bench: not under systemd
    }
    void TearDown() override {
        spdlog::set_default_logger(previous_);
        fs::remove_all(dir_);
    }
    std::vector<nlohmann::json> log_lines(const fs::path& file) {
        std::vector<nlohmann::json> lines;
        std::ifstream in(file);
        for (std::string line; std::getline(in, line);) {
            lines.push_back(nlohmann::json::parse(line, nullptr, false));
            EXPECT_TRUE(lines.back().is_object()) << "not one JSON object: " << line;
        }
        return lines;
    }

    fs::path dir_;
    KioskConfig config_;
    std::shared_ptr<spdlog::logger> previous_;
};

TEST_F(ServiceLoggingTest, OffSystemdEachMessageIsOneJsonLineInTheDataDirectory) {
    const std::string chosen = install_service_logging(config_);
    EXPECT_EQ(chosen, "console and " + (config_.data_dir / "log" / "kiosk.jsonl").string() + " (10 MiB x 5)");
    spdlog::info("kiosk {} started", "HW-0001");
    spdlog::warn("two\nlines, a \"quote\" and bytes that are not UTF-8: \xff\xfe");
    const std::vector<nlohmann::json> lines = log_lines(config_.data_dir / "log" / "kiosk.jsonl");
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[0]["level"], "info");
    EXPECT_EQ(lines[0]["message"], "kiosk HW-0001 started");
    EXPECT_EQ(lines[1]["level"], "warning");
    EXPECT_EQ(lines[1]["message"], "two\nlines, a \"quote\" and bytes that are not UTF-8: \xEF\xBF\xBD\xEF\xBF\xBD");
    const std::string time = lines[0]["time"];
    EXPECT_EQ(time.size(), 24U) << time;  // 2026-12-02T07:44:26.123Z
    EXPECT_EQ(time.back(), 'Z') << time;
}

TEST_F(ServiceLoggingTest, ACardNumberLoggedByMistakeNeverReachesTheFile) {
    install_service_logging(config_);
    spdlog::error("reader answered ;{}=29121010000000000000?", "4111111111111111");
    const fs::path file = config_.data_dir / "log" / "kiosk.jsonl";
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str().find("4111111111111111"), std::string::npos) << text.str();
    EXPECT_EQ(text.str().find("2912101"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("411111******1111"), std::string::npos) << text.str();
}

TEST_F(ServiceLoggingTest, FilesRotateAtLogMaxFileMbKeepingLogMaxFiles) {
    config_.log.dir = dir_ / "logs";
    config_.log.max_file_mb = 1;
    config_.log.max_files = 2;
    install_service_logging(config_);
    const std::string filler(1000, 'x');
    {
        const StdoutSilenced quiet;
        for (int line = 0; line < 4000; ++line) spdlog::debug("{}", filler);  // below the level (info): nothing
        EXPECT_FALSE(fs::exists(config_.log.dir / "kiosk.1.jsonl"));
        for (int line = 0; line < 4000; ++line) spdlog::info("{} {}", line, filler);  // ~4 MiB
        spdlog::default_logger()->flush();
    }
    EXPECT_TRUE(fs::exists(config_.log.dir / "kiosk.jsonl"));
    EXPECT_TRUE(fs::exists(config_.log.dir / "kiosk.1.jsonl"));
    EXPECT_TRUE(fs::exists(config_.log.dir / "kiosk.2.jsonl"));
    EXPECT_FALSE(fs::exists(config_.log.dir / "kiosk.3.jsonl")) << "more files kept than log.max_files";
    EXPECT_LE(fs::file_size(config_.log.dir / "kiosk.1.jsonl"), 1024U * 1024U);
    const std::vector<nlohmann::json> last = log_lines(config_.log.dir / "kiosk.jsonl");
    ASSERT_FALSE(last.empty());
    EXPECT_TRUE(last.back()["message"].get<std::string>().starts_with("3999 ")) << last.back();
}

TEST_F(ServiceLoggingTest, ALogDirectoryThatCannotBeMadeIsNamed) {
    std::ofstream(dir_.string() + "-file") << "not a directory";
    config_.log.dir = fs::path(dir_.string() + "-file") / "log";
    try {
        install_service_logging(config_);
        ADD_FAILURE() << "no error for a log directory under a file";
    } catch (const std::runtime_error& error) {
        EXPECT_TRUE(std::string(error.what()).starts_with("log.dir " + config_.log.dir.string() + ": cannot create it"))
            << error.what();
    }
    fs::remove(dir_.string() + "-file");
}

// JOURNAL_STREAM is what systemd sets when stdout/stderr go to the journal: "<device>:<inode>" of
// that stream. It counts only when it is this process's stderr.
TEST_F(ServiceLoggingTest, TheJournalIsChosenOnlyWhenJournalStreamIsThisStderr) {
    EXPECT_FALSE(stderr_is_journal());
    struct stat err {};
    ASSERT_EQ(::fstat(2, &err), 0);
    const std::string ours = std::to_string(err.st_dev) + ":" + std::to_string(err.st_ino);
    ::setenv("JOURNAL_STREAM", ours.c_str(), 1);
    EXPECT_TRUE(stderr_is_journal());
    ::setenv("JOURNAL_STREAM", (std::to_string(err.st_dev) + ":" + std::to_string(err.st_ino + 1)).c_str(), 1);
    EXPECT_FALSE(stderr_is_journal()) << "another stream's inode";
    ::setenv("JOURNAL_STREAM", "garbage", 1);
    EXPECT_FALSE(stderr_is_journal());

    // On the journal no file is made: journald keeps and rotates the log.
    ::setenv("JOURNAL_STREAM", ours.c_str(), 1);
    EXPECT_EQ(install_service_logging(config_), "journal");
    EXPECT_FALSE(fs::exists(config_.log_dir())) << "a log directory made although the journal has the log";
    ::unsetenv("JOURNAL_STREAM");
}

}  // namespace
}  // namespace kiosk::service
