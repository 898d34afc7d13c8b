// The kiosk control socket client (see kiosk_link.hpp).
#include "kiosk/kioskctl/kiosk_link.hpp"

#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "common/unique_fd.hpp"
#include "common/unix_socket.hpp"

namespace kiosk::kioskctl {

Result<KioskReply> ask_kiosk(const std::filesystem::path& socket, const control::KioskRequest& request,
                             Millis timeout) {
    auto address = unix_address(socket);
    if (!address) return address.error();
    UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd.valid()) {
        const int code = errno;
        return make_error("control socket", std::string("socket: ") + std::strerror(code), code);
    }
    KioskReply answer;
    // A local connect succeeds or fails at once (no network in between).
    if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&*address), sizeof *address) != 0) {
        const int code = errno;
        if (code == ENOENT || code == ECONNREFUSED) {
            answer.error = "kiosk not running: no kiosk answers on " + socket.string();
            return answer;
        }
        if (code == EACCES) {
            return make_error("control socket", socket.string() +
                                                    ": permission denied (the socket is for the kiosk group: "
                                                    "docs/deployment.md, \"The control socket\")",
                              code);
        }
        return make_error("control socket", socket.string() + ": connect: " + std::strerror(code), code);
    }
    KIOSK_TRY(write_all(fd.get(), control::to_json(request).dump() + "\n", timeout));
    std::string buffer;
    auto line = read_line(fd.get(), buffer, 1024 * 1024, timeout);
    if (!line) return make_error("control socket", "no reply from " + socket.string() + ": " + line.error().message);
    nlohmann::json parsed = nlohmann::json::parse(*line, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("ok") || !parsed["ok"].is_boolean()) {
        return make_error("control socket", "the reply from " + socket.string() + " is not a control reply object");
    }
    answer.reached = true;
    answer.reply = std::move(parsed);
    return answer;
}

}  // namespace kiosk::kioskctl
