// LineServer (see line_server.hpp).
#include "common/line_server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/unix_socket.hpp"

namespace kiosk {

namespace {

Error os_error(const std::filesystem::path& path, const std::string& what) {
    const int code = errno;
    return make_error("control socket", path.string() + ": " + what + ": " + std::strerror(code), code);
}

// Someone answers on `path`: another kiosk owns it.
bool somebody_listens(const sockaddr_un& address) {
    UniqueFd probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!probe.valid()) return false;
    return ::connect(probe.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
}

std::string octal(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode));
    return text;
}

}  // namespace

Result<std::unique_ptr<LineServer>> LineServer::start(const std::filesystem::path& path, Handler handler,
                                                            LineServerOptions options) {
    auto address = unix_address(path);
    if (!address) return address.error();

    struct stat existing {};
    if (::lstat(path.c_str(), &existing) == 0) {
        if (!S_ISSOCK(existing.st_mode)) {
            return make_error("control socket", path.string() + " exists and is not a socket; not replacing it");
        }
        if (somebody_listens(*address)) {
            return make_error("control socket", path.string() + " is in use: " + options.in_use_hint);
        }
        ::unlink(path.c_str());  // stale: left by a kiosk that did not shut down
    }

    UniqueFd listener(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!listener.valid()) return os_error(path, "socket");
    if (::bind(listener.get(), reinterpret_cast<const sockaddr*>(&*address), sizeof *address) != 0) {
        return os_error(path, "bind");
    }
    // Before listen(): until then nobody can connect, so no one gets in under a looser mode.
    if (options.group && ::chown(path.c_str(), static_cast<uid_t>(-1), *options.group) != 0) {
        auto error = os_error(path, "chown to group " + std::to_string(*options.group));
        ::unlink(path.c_str());
        return error;
    }
    if (::chmod(path.c_str(), options.mode) != 0) {
        auto error = os_error(path, "chmod " + octal(options.mode));
        ::unlink(path.c_str());
        return error;
    }
    if (::listen(listener.get(), 4) != 0) {
        auto error = os_error(path, "listen");
        ::unlink(path.c_str());
        return error;
    }
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK) != 0) {
        auto error = os_error(path, "pipe");
        ::unlink(path.c_str());
        return error;
    }
    return std::unique_ptr<LineServer>(new LineServer(path, std::move(listener), UniqueFd(pipe_fds[0]),
                                                            UniqueFd(pipe_fds[1]), std::move(handler), options));
}

LineServer::LineServer(std::filesystem::path path, UniqueFd listener, UniqueFd wake_read, UniqueFd wake_write,
                             Handler handler, LineServerOptions options)
    : path_(std::move(path)),
      listener_(std::move(listener)),
      wake_read_(std::move(wake_read)),
      wake_write_(std::move(wake_write)),
      handler_(std::move(handler)),
      options_(options),
      thread_([this] { run(); }) {}

LineServer::~LineServer() {
    stopping_ = true;
    const char byte = 0;
    (void)!::write(wake_write_.get(), &byte, 1);
    if (thread_.joinable()) thread_.join();
    ::unlink(path_.c_str());
}

void LineServer::run() {
    while (!stopping_) {
        pollfd fds[2] = {{listener_.get(), POLLIN, 0}, {wake_read_.get(), POLLIN, 0}};
        const int ready = ::poll(fds, 2, 1000);
        if (ready <= 0) continue;  // timeout or EINTR: check stopping_ again
        if ((fds[1].revents & POLLIN) != 0) break;
        if ((fds[0].revents & POLLIN) == 0) continue;
        UniqueFd client(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (client.valid()) serve(client.get());
    }
}

void LineServer::serve(int client) {
    std::string buffer;
    while (!stopping_) {
        if (buffer.find('\n') == std::string::npos) {
            // Wait for the client's next bytes, or for stop(): a quiet client must not hold up
            // the kiosk's shutdown.
            pollfd fds[2] = {{client, POLLIN, 0}, {wake_read_.get(), POLLIN, 0}};
            const int ready = ::poll(fds, 2, static_cast<int>(options_.idle_timeout.count()));
            if (ready == 0 || (fds[1].revents & POLLIN) != 0) return;
            if (ready < 0) {
                if (errno == EINTR) continue;
                return;
            }
        }
        auto line = read_line(client, buffer, options_.max_line, options_.write_timeout);
        if (!line) {
            // Too long a line gets a reply naming it; a stalled, closed or broken peer ends the
            // connection.
            if (options_.error_line && line.error().message.find("longer than") != std::string::npos) {
                (void)write_all(client, options_.error_line(line.error().message) + "\n", options_.write_timeout);
            }
            return;
        }
        if (line->empty()) continue;
        const std::string reply = handler_(*line);
        if (!write_all(client, reply + "\n", options_.write_timeout)) return;
    }
}

}  // namespace kiosk
