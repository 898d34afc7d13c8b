#include "host/iso8583_host_link.hpp"

#include "host/iso8583/host_message_mapping.hpp"
#include "host/iso8583/iso8583_codec.hpp"

namespace kiosk::host {

namespace {

Error link_error(const Error& cause) {
    Error error = cause;
    error.domain = "host";
    error.message = "ISO 8583 link: " + cause.message;
    return error;
}

}  // namespace

Result<std::unique_ptr<Iso8583HostLink>> Iso8583HostLink::create(Iso8583LinkSettings settings) {
    if (settings.port <= 0 || settings.port > 65535) {
        return make_error("config", "bank host port " + std::to_string(settings.port) + " is outside 1–65535");
    }
    auto context = make_client_context(settings.tls);
    if (!context.ok()) return context.error();
    return std::unique_ptr<Iso8583HostLink>(new Iso8583HostLink(std::move(settings), std::move(*context)));
}

Result<iso8583::Message> Iso8583HostLink::exchange(const iso8583::Message& request) {
    auto reply = exchange_once(request);
    if (!reply.ok()) {
        stream_.reset();  // a late or stray reply must never meet the next request
        return link_error(reply.error());
    }
    return reply;
}

Result<iso8583::Message> Iso8583HostLink::exchange_once(const iso8583::Message& request) {
    auto wire = iso8583::encode(request);
    if (!wire.ok()) return wire.error();
    // An idle connection the host has closed (or that holds unasked bytes) is replaced before
    // sending, so a request is never written into a dead connection.
    if (stream_ && !stream_->idle_and_open()) stream_.reset();
    if (!stream_) {
        auto stream = FramedTlsStream::connect(*context_, settings_.address, settings_.port, settings_.server_name,
                                               deadline_after(settings_.connect_timeout));
        if (!stream.ok()) return stream.error();
        stream_.emplace(std::move(*stream));
    }
    const Deadline deadline = deadline_after(settings_.reply_timeout);
    KIOSK_TRY(stream_->write_frame(*wire, deadline));
    auto frame = stream_->read_frame(deadline);
    if (!frame.ok()) return frame.error();
    auto reply = iso8583::decode(*frame);
    if (!reply.ok()) return make_error("host", "malformed reply: " + reply.error().message);
    return reply;
}

template <typename Response>
Result<Response> Iso8583HostLink::ask(const Result<iso8583::Message>& message,
                                      Result<Response> (*from_iso)(const iso8583::Message&, const iso8583::Message&)) {
    if (!message.ok()) return message.error();  // nothing was sent
    auto reply = exchange(*message);
    if (!reply.ok()) return reply.error();
    auto response = from_iso(*reply, *message);
    if (!response.ok()) {
        stream_.reset();
        return link_error(response.error());
    }
    return response;
}

Result<AuthorizationResponse> Iso8583HostLink::authorize(const AuthorizationRequest& request) {
    return ask(iso8583::to_iso(request), &iso8583::authorization_response_from_iso);
}

Result<ReversalResponse> Iso8583HostLink::reverse(const ReversalRequest& request) {
    return ask(iso8583::to_iso(request), &iso8583::reversal_response_from_iso);
}

Status Iso8583HostLink::echo(std::uint32_t stan, std::string_view terminal_id, TimePoint now) {
    const iso8583::Message message = iso8583::echo_request(stan, terminal_id, now);
    auto reply = exchange(message);
    if (!reply.ok()) return reply.error();
    if (Status checked = iso8583::check_echo_response(*reply, message); !checked.ok()) {
        stream_.reset();
        return link_error(checked.error());
    }
    return ok_status();
}

}  // namespace kiosk::host
