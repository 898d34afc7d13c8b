// One TLS connection carrying ISO 8583 messages, each framed by a 2-byte big-endian length
// header. The socket is non-blocking and every wait goes through poll() against a deadline, so
// connect, handshake, read and write all time out; an error says which step failed and
// whether it was a timeout. Used by the kiosk's Iso8583HostLink and the simulated bank server.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "common/secure_buffer.hpp"
#include "common/unique_fd.hpp"
#include "security/openssl_handles.hpp"

namespace kiosk::host {

using Deadline = std::chrono::steady_clock::time_point;

inline Deadline deadline_after(std::chrono::milliseconds timeout) { return std::chrono::steady_clock::now() + timeout; }

// Errors from this module: domain "host"; native_code ETIMEDOUT for a timeout, so callers can tell.
bool is_timeout(const Error& error);

// Sets SIGPIPE to ignored, once per process (see the .cpp for why); connect/accept call it.
void ignore_sigpipe();

class FramedTlsStream {
public:
    static constexpr std::size_t kMaxFrame = 0xFFFF;

    // TCP connect to `address` (a numeric IPv4/IPv6 address: no DNS lookup, which could not be
    // bounded by the deadline), then the TLS handshake verifying the server's certificate for
    // `server_name` (DNS name or IP address in its subjectAltName). A refused server certificate
    // says why (expired, unknown CA, wrong name).
    static Result<FramedTlsStream> connect(SSL_CTX& context, const std::string& address, int port,
                                           const std::string& server_name, Deadline deadline);
    // Server side: the TLS handshake on an accepted socket.
    static Result<FramedTlsStream> accept(SSL_CTX& context, UniqueFd socket, Deadline deadline);

    FramedTlsStream(FramedTlsStream&&) noexcept = default;
    FramedTlsStream& operator=(FramedTlsStream&&) noexcept = default;
    ~FramedTlsStream();

    Status write_frame(ByteView payload, Deadline deadline);
    // A zero-length frame is an error (nothing to decode), as is a peer that closes mid-frame.
    // A frame can carry card data, hence SecureBytes.
    Result<SecureBytes> read_frame(Deadline deadline);
    // true once bytes (or the peer's close) are waiting; false when the deadline passed first.
    Result<bool> wait_readable(Deadline deadline);
    // Nothing should arrive unasked: readable while idle means the peer closed (or misbehaves).
    [[nodiscard]] bool idle_and_open();

    // The TLS connection, for checks after the handshake (the peer's key pin).
    [[nodiscard]] const SSL& connection() const { return *ssl_; }

    // Writes only part of a frame and stops: the simulated bank's "malformed answer" fault.
    Status write_raw(ByteView bytes, Deadline deadline);

private:
    FramedTlsStream(UniqueFd socket, security::SslPtr ssl) : socket_(std::move(socket)), ssl_(std::move(ssl)) {}
    Status read_exact(std::uint8_t* out, std::size_t size, Deadline deadline, const char* what);

    UniqueFd socket_;
    security::SslPtr ssl_;
};

}  // namespace kiosk::host
