// ControlService (see control_service.hpp).
#include "sim/control/control_service.hpp"

#include "sim/control/control_dispatch.hpp"
#include "sim/control/control_protocol.hpp"

namespace kiosk::sim {

ControlServerOptions sim_control_server_options() {
    ControlServerOptions options;
    options.max_line = max_control_line;
    options.error_line = [](std::string_view problem) { return error_reply(problem); };
    options.in_use_hint = "is another `kiosk --sim` running?";
    return options;
}

Result<std::unique_ptr<ControlService>> ControlService::start(const std::filesystem::path& socket, SimDeviceSet sims,
                                                              DriverSet drivers, Millis loop_timeout) {
    std::unique_ptr<ControlService> service(new ControlService(sims, drivers, loop_timeout));
    ControlService* self = service.get();
    auto server = ControlServer::start(socket, [self](std::string_view line) { return self->handle(line); },
                                       sim_control_server_options());
    if (!server) return server.error();
    service->server_ = std::move(*server);
    return service;
}

std::string ControlService::handle(std::string_view line) {
    // Parsed here, on the server thread: a malformed request never reaches the loop.
    auto request = parse_control_request(line);
    if (!request) return error_reply(request.error().message);
    auto reply = mailbox_.call([this, parsed = *request] { return execute(control_, parsed); }, loop_timeout_);
    if (!reply) return error_reply(reply.error().message);
    return reply->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kiosk::sim
