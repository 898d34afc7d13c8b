// The kiosk's link to the bank's authorization host: ISO 8583:1987 over mutual TLS (1.2 or
// later, the terminal's TLS policy, the host's key checked against pinned keys before anything is
// sent), each message behind a 2-byte big-endian length header. A refused handshake says why in
// words: a key matching no pin (and which key was seen), a server below TLS 1.2, an expired or
// untrusted certificate, a server demanding a client certificate the kiosk does not have. One request at a time on one
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
#include "security/tls_expiry.hpp"
#include "security/tls_pin.hpp"
#include "security/tls_policy.hpp"

namespace kiosk::host {

struct Iso8583LinkSettings {
    std::string address = "127.0.0.1";   // numeric IP of the bank host (no DNS: it cannot time out)
    int port = 0;
    std::string server_name = "localhost";  // the name (or IP) the host's certificate must carry
    TlsClientFiles tls;
    // The host's public key must match one of these (primary + backup, docs/security.md "Pinning");
    // empty: the CA and the server name alone decide (tests and the in-process simulator only).
    security::PinSet pinned_keys;
    // The kiosk's own certificates (client certificate, CA) are judged against this clock before
    // each connection; nullptr: the system clock, which OpenSSL judges the host's by.
    const Clock* certificate_clock = nullptr;
    std::chrono::milliseconds connect_timeout{5'000};  // TCP connect + TLS handshake
    std::chrono::milliseconds reply_timeout{30'000};   // sending the request + reading the reply
};

class Iso8583HostLink final : public HostLink {
public:
    // Start-up errors (unreadable certificate files, a port out of range) are returned here. An
    // expired or not yet valid certificate of the kiosk's is not: the link refuses to connect with
    // it, in words, until it is replaced (as the CRM uploader does).
    static Result<std::unique_ptr<Iso8583HostLink>> create(Iso8583LinkSettings settings);

    Result<AuthorizationResponse> authorize(const AuthorizationRequest& request) override;
    Result<ReversalResponse> reverse(const ReversalRequest& request) override;
    // 0800/0810 echo test: is the host there and answering?
    Status echo(std::uint32_t stan, std::string_view terminal_id, TimePoint now) override;
    // 0500/0510 reconciliation (host/iso8583/reconciliation_mapping.hpp), with the same timeouts;
    // a refused or malformed 0510 is an Error naming what was wrong.
    Result<ReconciliationTotals> totals(std::uint32_t stan, std::string_view terminal_id, TimePoint now) override;

    [[nodiscard]] bool connected() const { return stream_.has_value(); }

private:
    Iso8583HostLink(Iso8583LinkSettings settings, security::SslCtxPtr context, security::ExpiryReport certificates)
        : settings_(std::move(settings)), context_(std::move(context)), certificates_(std::move(certificates)) {}
    // An Error naming each of the kiosk's certificates that is expired or not yet valid now.
    [[nodiscard]] Status check_own_certificates() const;
    // TCP connect, TLS handshake, then the pin check: only a host that passes all three is kept.
    Status connect();
    // The handshake observer's words for a refusal put in front of `cause` (unchanged when it saw
    // nothing telling).
    [[nodiscard]] Error with_refusal_reason(const Error& cause) const;
    [[nodiscard]] std::string endpoint() const;
    // Sends one request and returns the decoded reply; closes the connection on any failure.
    Result<iso8583::Message> exchange(const iso8583::Message& request);
    Result<iso8583::Message> exchange_once(const iso8583::Message& request);
    // Encoded request → exchange → reply checked against the request by `from_iso`.
    template <typename Response>
    Result<Response> ask(const Result<iso8583::Message>& message,
                         Result<Response> (*from_iso)(const iso8583::Message&, const iso8583::Message&));

    Iso8583LinkSettings settings_;
    security::SslCtxPtr context_;
    security::ExpiryReport certificates_;  // read once in create, judged again before each connection
    SystemClock system_clock_;
    // Watches each handshake on context_ (installed in create: this object never moves, it lives
    // behind the unique_ptr create returns); reset before every connection.
    security::HandshakeObserver handshake_;
    std::optional<FramedTlsStream> stream_;
};

}  // namespace kiosk::host
