// Control socket client (see control_client.hpp).
#include "sim/control/control_client.hpp"

#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "sim/control/unix_socket.hpp"

namespace kiosk::sim {

Result<nlohmann::json> send_control_line(const std::filesystem::path& socket, std::string_view line, Millis timeout) {
    auto address = unix_address(socket);
    if (!address) return address.error();
    UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd.valid()) {
        const int code = errno;
        return make_error("control socket", std::string("socket: ") + std::strerror(code), code);
    }
    // A local connect either succeeds or fails at once (no network in between).
    if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&*address), sizeof *address) != 0) {
        const int code = errno;
        if (code == ENOENT) {
            return make_error("control socket", "kiosk control socket " + socket.string() +
                                                    " not found: is `kiosk --sim` running?", code);
        }
        if (code == ECONNREFUSED) {
            return make_error("control socket", "kiosk control socket " + socket.string() +
                                                    " is not answering: is `kiosk --sim` running?", code);
        }
        return make_error("control socket", socket.string() + ": connect: " + std::strerror(code), code);
    }
    KIOSK_TRY(write_all(fd.get(), std::string(line) + "\n", timeout));
    std::string buffer;
    auto reply = read_line(fd.get(), buffer, max_control_line * 16, timeout);
    if (!reply) return make_error("control socket", "no reply from " + socket.string() + ": " + reply.error().message);
    nlohmann::json parsed = nlohmann::json::parse(*reply, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("ok") || !parsed["ok"].is_boolean()) {
        return make_error("control socket", "the reply from " + socket.string() + " is not a control reply object");
    }
    return parsed;
}

Result<nlohmann::json> send_control_request(const std::filesystem::path& socket, const ControlRequest& request,
                                            Millis timeout) {
    return send_control_line(socket, to_json(request).dump(), timeout);
}

}  // namespace kiosk::sim
