// The kiosk's link to the bank's authorization host: ISO 8583:1987 over mutual TLS (1.2 or
// later), each message behind a 2-byte big-endian length header. One request at a time on one
// persistent connection, opened on demand. Every step has a timeout (connect, I/O); a timeout,
// a dropped connection, or a reply that is malformed or does not answer the request is an Error
// and closes the connection — so a late reply can never be read as the answer to the next one.
// Use it from one thread (the runtime's host-link worker). docs/host.md: fields, timeouts.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "host/host_link.hpp"
#include "host/iso8583/iso8583_message.hpp"
#include "host/tls/framed_tls_stream.hpp"
#include "host/tls/tls_context.hpp"

namespace kiosk::host {

struct Iso8583LinkSettings {
    std::string address = "127.0.0.1";   // numeric IP of the bank host (no DNS: it cannot time out)
    int port = 0;
    std::string server_name = "localhost";  // the name (or IP) the host's certificate must carry
    TlsClientFiles tls;
    std::chrono::milliseconds connect_timeout{5'000};  // TCP connect + TLS handshake
    std::chrono::milliseconds reply_timeout{30'000};   // sending the request + reading the reply
};

class Iso8583HostLink final : public HostLink {
public:
    // Start-up errors (unreadable certificate files, a port out of range) are returned here.
    static Result<std::unique_ptr<Iso8583HostLink>> create(Iso8583LinkSettings settings);

    Result<AuthorizationResponse> authorize(const AuthorizationRequest& request) override;
    Result<ReversalResponse> reverse(const ReversalRequest& request) override;
    // 0800/0810 echo test: is the host there and answering?
    Status echo(std::uint32_t stan, std::string_view terminal_id, TimePoint now) override;

    [[nodiscard]] bool connected() const { return stream_.has_value(); }

private:
    Iso8583HostLink(Iso8583LinkSettings settings, security::SslCtxPtr context)
        : settings_(std::move(settings)), context_(std::move(context)) {}
    // Sends one request and returns the decoded reply; closes the connection on any failure.
    Result<iso8583::Message> exchange(const iso8583::Message& request);
    Result<iso8583::Message> exchange_once(const iso8583::Message& request);
    // Encoded request → exchange → reply checked against the request by `from_iso`.
    template <typename Response>
    Result<Response> ask(const Result<iso8583::Message>& message,
                         Result<Response> (*from_iso)(const iso8583::Message&, const iso8583::Message&));

    Iso8583LinkSettings settings_;
    security::SslCtxPtr context_;
    std::optional<FramedTlsStream> stream_;
};

}  // namespace kiosk::host
