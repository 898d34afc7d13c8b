// The test's stand-in for systemd's notify socket: a unix datagram socket bound to a fresh path,
// which a child started with NOTIFY_SOCKET=<path()> sends its sd_notify messages to. receive()
// waits at most `bound` for one message, so a kiosk that never notifies fails the test, never
// hangs it.
#pragma once

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "common/unique_fd.hpp"

namespace kiosk::test {

class NotifySocketListener {
public:
    // `path` must fit sockaddr_un (108 bytes): keep it under the system's temp directory.
    explicit NotifySocketListener(std::filesystem::path path) : path_(std::move(path)) {
        std::filesystem::remove(path_);
        fd_ = UniqueFd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
        EXPECT_TRUE(fd_.valid()) << std::strerror(errno);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        EXPECT_LT(path_.string().size(), sizeof address.sun_path) << path_;
        std::strncpy(address.sun_path, path_.c_str(), sizeof address.sun_path - 1);
        EXPECT_EQ(::bind(fd_.get(), reinterpret_cast<sockaddr*>(&address), sizeof address), 0) << std::strerror(errno);
    }
    ~NotifySocketListener() { std::filesystem::remove(path_); }
    NotifySocketListener(const NotifySocketListener&) = delete;
    NotifySocketListener& operator=(const NotifySocketListener&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

    // One datagram ("READY=1\nSTATUS=…"), or nullopt when none came within `bound`.
    std::optional<std::string> receive(std::chrono::milliseconds bound) {
        pollfd waiting{fd_.get(), POLLIN, 0};
        if (::poll(&waiting, 1, static_cast<int>(bound.count())) != 1) return std::nullopt;
        char buffer[4096];
        const ssize_t length = ::recv(fd_.get(), buffer, sizeof buffer, 0);
        if (length < 0) return std::nullopt;
        return std::string(buffer, static_cast<std::size_t>(length));
    }

private:
    std::filesystem::path path_;
    UniqueFd fd_;
};

}  // namespace kiosk::test
