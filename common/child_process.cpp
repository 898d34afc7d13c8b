#include "common/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstring>
#include <string_view>
#include <thread>
#include <utility>

extern char** environ;

namespace kiosk {

namespace {

// The parent's environment without the display variables: a child of the kiosk or of a test runs
// headless even when started from a desktop session.
std::vector<std::string> child_environment() {
    std::vector<std::string> words;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string_view text(*entry);
        if (text.starts_with("DISPLAY=") || text.starts_with("WAYLAND_DISPLAY=")) continue;
        words.emplace_back(text);
    }
    return words;
}

std::vector<char*> pointers(std::vector<std::string>& words) {
    std::vector<char*> result;
    result.reserve(words.size() + 1);
    for (std::string& word : words) result.push_back(word.data());
    result.push_back(nullptr);
    return result;
}

// posix_spawn_file_actions_t as an RAII object.
class SpawnActions {
public:
    SpawnActions() { posix_spawn_file_actions_init(&actions_); }
    ~SpawnActions() { posix_spawn_file_actions_destroy(&actions_); }
    SpawnActions(const SpawnActions&) = delete;
    SpawnActions& operator=(const SpawnActions&) = delete;
    posix_spawn_file_actions_t* get() { return &actions_; }

private:
    posix_spawn_file_actions_t actions_{};
};

}  // namespace

Result<ChildProcess> ChildProcess::spawn(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                                         const std::filesystem::path& log) {
    std::vector<std::string> words{program.string()};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<std::string> environment = child_environment();
    auto argv = pointers(words);
    auto envp = pointers(environment);

    SpawnActions actions;
    posix_spawn_file_actions_addopen(actions.get(), 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(actions.get(), 1, 2);
    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, program.c_str(), actions.get(), nullptr, argv.data(), envp.data());
    if (spawned != 0) {
        return make_error("process", "cannot start " + program.string() + ": " + std::strerror(spawned));
    }
    return ChildProcess(pid);
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)), exit_status_(std::exchange(other.exit_status_, std::nullopt)) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        if (pid_ > 0 && !exit_status()) stop(std::chrono::seconds(2));
        pid_ = std::exchange(other.pid_, -1);
        exit_status_ = std::exchange(other.exit_status_, std::nullopt);
    }
    return *this;
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0 && !exit_status()) stop(std::chrono::seconds(2));
}

std::optional<int> ChildProcess::exit_status() {
    if (!exit_status_ && pid_ > 0) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) exit_status_ = status;
    }
    return exit_status_;
}

std::optional<int> ChildProcess::wait_for_exit(std::chrono::milliseconds bound) {
    const auto deadline = std::chrono::steady_clock::now() + bound;
    while (!exit_status() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return exit_status();
}

void ChildProcess::signal(int number) const {
    if (pid_ > 0 && !exit_status_) ::kill(pid_, number);
}

void ChildProcess::kill_now() {
    if (pid_ <= 0 || exit_status()) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    if (::waitpid(pid_, &status, 0) == pid_) exit_status_ = status;
}

int ChildProcess::stop(std::chrono::milliseconds grace) {
    if (pid_ <= 0) return 0;
    if (!exit_status()) {
        ::kill(pid_, SIGTERM);
        if (!wait_for_exit(grace)) kill_now();
    }
    return exit_status_.value_or(0);
}

}  // namespace kiosk
