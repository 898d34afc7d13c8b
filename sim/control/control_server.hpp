// ControlServer: the simulator's control socket. A Unix stream socket at a path (the kiosk uses
// <data_dir>/control.sock), mode 0600, served by one thread: it accepts one client at a time and
// answers each request line with one reply line from the handler. Every read and write has a
// timeout, so a client that stalls is dropped and cannot block the next one for long. A stale
// socket file (nobody listening) is replaced; a live one (another kiosk) is an error.
// Run: build/h-ctl/bin/sim_control_tests; used by kiosk/simulator/simulator_rig.cpp.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "common/unique_fd.hpp"

namespace kiosk::sim {

struct ControlServerOptions {
    Millis idle_timeout{10000};  // a connected client must send its next line within this
    Millis write_timeout{2000};
};

class ControlServer {
public:
    // Gets one request line (without newline), returns the reply line (without newline). Called on
    // the server's thread; must not throw.
    using Handler = std::function<std::string(std::string_view request)>;

    static Result<std::unique_ptr<ControlServer>> start(const std::filesystem::path& path, Handler handler,
                                                        ControlServerOptions options = {});
    ~ControlServer();  // stops the thread and removes the socket file
    ControlServer(const ControlServer&) = delete;
    ControlServer& operator=(const ControlServer&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    ControlServer(std::filesystem::path path, UniqueFd listener, UniqueFd wake_read, UniqueFd wake_write,
                  Handler handler, ControlServerOptions options);
    void run();
    void serve(int client);

    std::filesystem::path path_;
    UniqueFd listener_;
    UniqueFd wake_read_;   // a byte here ends the thread's poll()
    UniqueFd wake_write_;
    Handler handler_;
    ControlServerOptions options_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace kiosk::sim
