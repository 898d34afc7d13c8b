// ChildProcess: the one owner of a program the kiosk (or a test) starts — `kiosk --sim` starts the
// simulated CRM as its own process, the crash tests start and SIGKILL the kiosk. posix_spawn, with
// stdout and stderr in a log file and DISPLAY removed from the environment (a child never opens a
// window). The destructor never leaves a process behind: SIGTERM, a bounded wait, then SIGKILL.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace kiosk {

class ChildProcess {
public:
    // Starts `program` with `arguments` (argv[1…]); output to `log` (created or truncated).
    // An Error names the program and the reason (not found, not executable, …).
    static Result<ChildProcess> spawn(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                                      const std::filesystem::path& log);

    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();  // stop(2 s) if still running

    [[nodiscard]] pid_t pid() const { return pid_; }
    // The wait status (as waitpid gives it) once the program has ended; nullopt while it runs.
    std::optional<int> exit_status();
    std::optional<int> wait_for_exit(std::chrono::milliseconds bound);
    void signal(int number) const;
    // SIGKILL and reap: the crash tests' "power cut".
    void kill_now();
    // SIGTERM, wait up to `grace`, then SIGKILL; returns the wait status.
    int stop(std::chrono::milliseconds grace);

private:
    explicit ChildProcess(pid_t pid) : pid_(pid) {}
    pid_t pid_ = -1;
    std::optional<int> exit_status_;
};

}  // namespace kiosk
