// Crash safety: a child process commits business steps in a tight loop and is SIGKILLed at a
// seeded random moment. After reopening, the file is intact, every step is all-or-nothing
// (journal lines == counter == outbox records / 2) and every commit the child saw succeed is there.
#include <gtest/gtest.h>

#include <csignal>
#include <cstdint>
#include <set>
#include <string>
#include <sys/types.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "common/random_source.hpp"
#include "store/business_step.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "store/statement.hpp"
#include "temp_directory.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

class Pipe {
public:
    Pipe() {
        if (::pipe(fds_) != 0) throw std::runtime_error("pipe failed");
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    ~Pipe() {
        close_read();
        close_write();
    }
    [[nodiscard]] int read_end() const { return fds_[0]; }
    [[nodiscard]] int write_end() const { return fds_[1]; }
    void close_read() { close_fd(fds_[0]); }
    void close_write() { close_fd(fds_[1]); }

private:
    static void close_fd(int& fd) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
    int fds_[2] = {-1, -1};
};

BusinessStep numbered_step(std::int64_t n) {
    BusinessStep step;
    step.journal.push_back(test::make_line("survey", n));
    step.counters.push_back(CounterDelta{"steps", 1});
    step.outbox.push_back(test::make_record("step-" + std::to_string(n) + "-a", n));
    step.outbox.push_back(test::make_record("step-" + std::to_string(n) + "-b", n));
    return step;
}

// The child: opens its own connection (never one inherited across fork), then commits steps
// forever, reporting each success with one byte on the pipe. Exits only by being killed.
[[noreturn]] void commit_steps_until_killed(const std::string& path, int report_fd) {
    auto database = Database::open(path);
    if (!database) _exit(2);
    auto counters = Counters(*database).get("steps");
    if (!counters) _exit(3);
    for (std::int64_t n = *counters;; ++n) {
        if (!commit(*database, numbered_step(n))) _exit(4);
        const char committed = 'c';
        if (::write(report_fd, &committed, 1) != 1) _exit(5);
    }
}

// Bytes (= acknowledged commits) available on the pipe once the writer is gone.
std::int64_t drain(int fd) {
    std::int64_t total = 0;
    char buffer[4096];
    while (true) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got <= 0) return total;
        total += got;
    }
}

TEST(CrashTest, KilledMidStreamLosesNoCommittedStepAndLeavesNoHalfStep) {
    test::TempDirectory dir;
    const std::string path = dir.file("kiosk.db");
    ASSERT_TRUE(Database::open(path).ok());  // closed again before any fork

    SeededRandom random(20260105);
    std::int64_t acknowledged_total = 0;
    for (int round = 0; round < 5; ++round) {
        Pipe pipe;
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            pipe.close_read();
            commit_steps_until_killed(path, pipe.write_end());
        }
        pipe.close_write();

        // Wait for the first commit of this round, then let it run a random while.
        char first = 0;
        ASSERT_EQ(::read(pipe.read_end(), &first, 1), 1) << "child died before its first commit";
        std::this_thread::sleep_for(std::chrono::milliseconds(1 + random.below(40)));
        ASSERT_EQ(::kill(child, SIGKILL), 0);
        int wait_status = 0;
        ASSERT_EQ(::waitpid(child, &wait_status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGKILL)
            << "child exited by itself with status " << wait_status;
        acknowledged_total += 1 + drain(pipe.read_end());

        auto database = Database::open(path);
        ASSERT_TRUE(database.ok()) << database.error().to_string();
        EXPECT_EQ(query_text(*database, "PRAGMA integrity_check").value_or(""), "ok");
        const auto lines = static_cast<std::int64_t>(Journal(*database).count().value_or(0));
        const auto steps = Counters(*database).get("steps").value_or(-1);
        const auto records = static_cast<std::int64_t>(Outbox(*database).pending_count().value_or(0));
        EXPECT_EQ(lines, steps) << "round " << round;
        EXPECT_EQ(records, 2 * steps) << "round " << round;
        // Every commit the child saw succeed survived; at most one more (committed, not reported).
        EXPECT_GE(steps, acknowledged_total) << "round " << round;
        EXPECT_LE(steps, acknowledged_total + 1) << "round " << round;
        acknowledged_total = steps;

        // Both records of each step are there, numbered without gaps.
        auto batch = Outbox(*database).next_batch(static_cast<std::size_t>(records));
        ASSERT_TRUE(batch.ok());
        std::set<std::string> ids;
        for (const auto& record : *batch) ids.insert(record.header.record_id);
        for (std::int64_t n = 0; n < steps; ++n) {
            ASSERT_TRUE(ids.count("step-" + std::to_string(n) + "-a") == 1 &&
                        ids.count("step-" + std::to_string(n) + "-b") == 1)
                << "step " << n << " is incomplete";
        }
    }
}

}  // namespace
}  // namespace kiosk::store
