// Unix socket helpers (see unix_socket.hpp).
#include "common/unix_socket.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace kiosk {

namespace {

constexpr const char* end_of_stream = "connection closed";

using Steady = std::chrono::steady_clock;

int remaining_ms(Steady::time_point deadline) {
    const auto left = std::chrono::duration_cast<Millis>(deadline - Steady::now()).count();
    return left <= 0 ? 0 : static_cast<int>(left);
}

Error os_error(std::string what) {
    const int code = errno;
    return make_error("unix socket", what + ": " + std::strerror(code), code);
}

}  // namespace

Result<sockaddr_un> unix_address(const std::filesystem::path& path) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string text = path.string();
    if (text.empty() || text.size() >= sizeof(address.sun_path)) {
        return make_error("unix socket", "path " + text + " is empty or longer than " +
                                                std::to_string(sizeof(address.sun_path) - 1) + " bytes");
    }
    std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
    return address;
}

Status write_all(int fd, std::string_view text, Millis timeout) {
    const auto deadline = Steady::now() + timeout;
    std::size_t sent = 0;
    while (sent < text.size()) {
        pollfd p{fd, POLLOUT, 0};
        const int ready = ::poll(&p, 1, remaining_ms(deadline));
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) return os_error("poll");
        if (ready == 0) return make_error("unix socket", "write timed out after " + std::to_string(timeout.count()) + " ms");
        const ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n < 0) return os_error("send");
        sent += static_cast<std::size_t>(n);
    }
    return ok_status();
}

Result<std::string> read_line(int fd, std::string& buffer, std::size_t max_line, Millis timeout) {
    const auto deadline = Steady::now() + timeout;
    while (true) {
        const auto newline = buffer.find('\n');
        if (newline != std::string::npos) {
            std::string line = buffer.substr(0, newline);
            buffer.erase(0, newline + 1);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return line;
        }
        if (buffer.size() > max_line) {
            return make_error("unix socket", "line longer than " + std::to_string(max_line) + " bytes");
        }
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, remaining_ms(deadline));
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) return os_error("poll");
        if (ready == 0) return make_error("unix socket", "no complete line within " + std::to_string(timeout.count()) + " ms");
        char chunk[4096];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n < 0) return os_error("recv");
        if (n == 0) return make_error("unix socket", end_of_stream);
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

bool is_end_of_stream(const Error& error) { return error.message == end_of_stream; }

}  // namespace kiosk
