#include "host/iso8583_host_link.hpp"

#include "host/host_certificate_expiry.hpp"
#include "host/iso8583/host_message_mapping.hpp"
#include "host/iso8583/iso8583_codec.hpp"
#include "host/iso8583/reconciliation_mapping.hpp"

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
    const TimePoint now = settings.certificate_clock != nullptr ? settings.certificate_clock->now() : SystemClock().now();
    auto certificates = check_host_certificate_expiry(settings, now);
    if (!certificates.ok()) return certificates.error();
    std::unique_ptr<Iso8583HostLink> link(
        new Iso8583HostLink(std::move(settings), std::move(*context), std::move(*certificates)));
    security::observe_handshake(*link->context_, link->handshake_);
    return link;
}

std::string Iso8583HostLink::endpoint() const {
    return "bank host " + settings_.address + ":" + std::to_string(settings_.port);
}

Error Iso8583HostLink::with_refusal_reason(const Error& cause) const {
    const std::string reason = security::describe_handshake_refusal(handshake_, settings_.tls.has_client_certificate());
    if (reason.empty()) return cause;
    Error error = cause;
    error.message = endpoint() + ": " + reason + " — " + cause.message;
    return error;
}

Status Iso8583HostLink::check_own_certificates() const {
    const Clock& clock = settings_.certificate_clock != nullptr ? *settings_.certificate_clock : system_clock_;
    const security::ExpiryReport current = certificates_.at(clock.now());
    if (current.usable()) return ok_status();
    std::string refusal;
    for (const auto& certificate : current.certificates) {
        if (certificate.state != security::ExpiryState::Expired && certificate.state != security::ExpiryState::NotYetValid) {
            continue;
        }
        refusal += (refusal.empty() ? "" : "; ") + certificate.describe();
    }
    return make_error("tls", endpoint() + ": not connecting: " + refusal);
}

Status Iso8583HostLink::connect() {
    // The host would refuse an expired client certificate anyway, anonymously; say which and why.
    KIOSK_TRY(check_own_certificates());
    handshake_ = security::HandshakeObserver{};
    auto stream = FramedTlsStream::connect(*context_, settings_.address, settings_.port, settings_.server_name,
                                           deadline_after(settings_.connect_timeout));
    if (!stream.ok()) {
        Error refused = with_refusal_reason(stream.error());
        if (refused.message == stream.error().message) refused.message = endpoint() + ": " + refused.message;
        return refused;
    }
    // Before a byte of the request leaves: a CA-signed certificate on a key nobody pinned is an
    // interception (or a rotation without a backup pin), and no card data may go there.
    KIOSK_TRY(security::check_peer_pin(stream->connection(), settings_.pinned_keys, endpoint()));
    stream_.emplace(std::move(*stream));
    return ok_status();
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
    const bool fresh = !stream_;
    if (fresh) KIOSK_TRY(connect());
    const Deadline deadline = deadline_after(settings_.reply_timeout);
    // With TLS 1.3 the client's handshake ends before the host has judged the client certificate:
    // a refusal of it arrives as an alert on the first read, so name it there too.
    if (Status sent = stream_->write_frame(*wire, deadline); !sent.ok()) {
        return fresh ? with_refusal_reason(sent.error()) : sent.error();
    }
    auto frame = stream_->read_frame(deadline);
    if (!frame.ok()) return fresh ? with_refusal_reason(frame.error()) : frame.error();
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

Result<ReconciliationTotals> Iso8583HostLink::totals(std::uint32_t stan, std::string_view terminal_id, TimePoint now) {
    return ask(iso8583::reconciliation_request(stan, terminal_id, now), &iso8583::reconciliation_totals_from_iso);
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
