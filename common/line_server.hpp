// LineServer: a Unix stream socket at a path, served by one thread: it accepts one client at a
// time and answers each request line with one reply line from the handler. Every read and write
// has a timeout, so a client that stalls is dropped and cannot block the next one for long. A
// stale socket file (nobody listening) is replaced; a live one (another kiosk) is an error. The
// socket's mode (and group) are set before it listens, so nobody connects under a looser mode.
// Used by the simulator's control socket (sim/control/control_service.hpp, mode 0600) and the
// kiosk's control socket for kioskctl (kiosk/control/kiosk_control_service.hpp, mode 0660).
// Run: build/clang/bin/sim_control_tests, build/clang/bin/kiosk_control_tests.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "common/unique_fd.hpp"

namespace kiosk {

struct LineServerOptions {
    Millis idle_timeout{10000};  // a connected client must send its next line within this
    Millis write_timeout{2000};
    std::size_t max_line = 16 * 1024;
    mode_t mode = 0600;                // the socket file's permission bits
    std::optional<gid_t> group;        // set: the socket file's group (the caller must be in it)
    // The reply to a line longer than max_line (then the connection ends); unset: no reply.
    std::function<std::string(std::string_view problem)> error_line;
    // Added to "<path> is in use" when another process listens on the path.
    std::string in_use_hint = "is another kiosk running?";
};

class LineServer {
public:
    // Gets one request line (without newline), returns the reply line (without newline). Called on
    // the server's thread; must not throw.
    using Handler = std::function<std::string(std::string_view request)>;

    static Result<std::unique_ptr<LineServer>> start(const std::filesystem::path& path, Handler handler,
                                                     LineServerOptions options = {});
    ~LineServer();  // stops the thread and removes the socket file
    LineServer(const LineServer&) = delete;
    LineServer& operator=(const LineServer&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    LineServer(std::filesystem::path path, UniqueFd listener, UniqueFd wake_read, UniqueFd wake_write,
               Handler handler, LineServerOptions options);
    void run();
    void serve(int client);

    std::filesystem::path path_;
    UniqueFd listener_;
    UniqueFd wake_read_;  // a byte here ends the thread's poll()
    UniqueFd wake_write_;
    Handler handler_;
    LineServerOptions options_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace kiosk
