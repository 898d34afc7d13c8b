#include "host/tls/framed_tls_stream.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "security/openssl_error.hpp"

namespace kiosk::host {

namespace {

Error timeout_error(const char* what) {
    return make_error("host", std::string("timed out ") + what, ETIMEDOUT);
}

Error errno_error(const std::string& what, int code) { return make_error("host", what + ": " + std::strerror(code), code); }

// Waits until `events` are possible on fd or the deadline passes.
Status wait_for(int fd, short events, Deadline deadline, const char* what) {
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return timeout_error(what);
        pollfd entry{fd, events, 0};
        const int ready = ::poll(&entry, 1, static_cast<int>(std::min<std::int64_t>(left.count(), 60'000)));
        if (ready > 0) return ok_status();
        if (ready < 0 && errno != EINTR) return errno_error(std::string("poll while ") + what, errno);
    }
}

// Runs one non-blocking SSL operation to completion, polling for what it wants.
template <typename Operation>
Status drive(SSL* ssl, int fd, Deadline deadline, const char* what, Operation operation) {
    for (;;) {
        ERR_clear_error();
        const int result = operation();
        if (result > 0) return ok_status();
        const int reason = SSL_get_error(ssl, result);
        if (reason == SSL_ERROR_WANT_READ) {
            KIOSK_TRY(wait_for(fd, POLLIN, deadline, what));
        } else if (reason == SSL_ERROR_WANT_WRITE) {
            KIOSK_TRY(wait_for(fd, POLLOUT, deadline, what));
        } else if (reason == SSL_ERROR_ZERO_RETURN) {
            return make_error("host", std::string("connection closed by the peer while ") + what, ECONNRESET);
        } else if (reason == SSL_ERROR_SYSCALL) {
            const int code = errno != 0 ? errno : ECONNRESET;
            return make_error("host", std::string("connection dropped while ") + what, code);
        } else {
            Error error = security::openssl_error(std::string("TLS failure while ") + what);
            error.domain = "host";
            return error;
        }
    }
}

Status make_non_blocking(int fd) {
    const int flags = ::fcntl(fd, F_GETFL, 0);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) return errno_error("fcntl(O_NONBLOCK)", errno);
    return ok_status();
}

Result<UniqueFd> tcp_connect(const std::string& address, int port, Deadline deadline) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    if (const int code = ::getaddrinfo(address.c_str(), service.c_str(), &hints, &found); code != 0) {
        return make_error("host", "bank host address \"" + address + "\" is not a numeric IP address: " + gai_strerror(code));
    }
    const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
    UniqueFd socket(::socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC, found->ai_protocol));
    if (!socket.valid()) return errno_error("socket", errno);
    KIOSK_TRY(make_non_blocking(socket.get()));
    if (::connect(socket.get(), found->ai_addr, found->ai_addrlen) != 0) {
        if (errno != EINPROGRESS) return errno_error("connect to " + address + ":" + service, errno);
        KIOSK_TRY(wait_for(socket.get(), POLLOUT, deadline, "connecting to the bank host"));
        int failure = 0;
        socklen_t length = sizeof failure;
        if (::getsockopt(socket.get(), SOL_SOCKET, SO_ERROR, &failure, &length) != 0) failure = errno;
        if (failure != 0) return errno_error("connect to " + address + ":" + service, failure);
    }
    return socket;
}

Result<security::SslPtr> new_ssl(SSL_CTX& context, int fd) {
    security::SslPtr ssl(SSL_new(&context));
    if (!ssl || SSL_set_fd(ssl.get(), fd) != 1) return security::openssl_error("SSL_new/SSL_set_fd");
    return ssl;
}

// OpenSSL's error queue says only "certificate verify failed"; the verdict (expired, unknown CA,
// wrong name) is kept on the connection, and it is what a technician needs to act on.
Error with_verification_verdict(Error error, const SSL& ssl) {
    const long verdict = SSL_get_verify_result(&ssl);
    if (verdict != X509_V_OK) {
        error.message = std::string("the server's certificate was refused: ") + X509_verify_cert_error_string(verdict) +
                        " (checked against the configured CA with the kiosk's clock) — " + error.message;
    }
    return error;
}

}  // namespace

bool is_timeout(const Error& error) { return error.native_code == ETIMEDOUT; }

void ignore_sigpipe() {
    // A write to a peer that has gone raises SIGPIPE, whose default action ends the process;
    // OpenSSL writes with plain write(), so MSG_NOSIGNAL is not available. A network peer
    // vanishing is an expected error here, reported by the write itself (EPIPE).
    static const bool ignored = [] {
        std::signal(SIGPIPE, SIG_IGN);
        return true;
    }();
    (void)ignored;
}

Result<FramedTlsStream> FramedTlsStream::connect(SSL_CTX& context, const std::string& address, int port,
                                                 const std::string& server_name, Deadline deadline) {
    ignore_sigpipe();
    auto socket = tcp_connect(address, port, deadline);
    if (!socket.ok()) return socket.error();
    auto ssl = new_ssl(context, socket->get());
    if (!ssl.ok()) return ssl.error();
    // Check the certificate names the host we meant, not just that some CA signed it.
    in6_addr ip{};
    const bool is_ip = ::inet_pton(AF_INET, server_name.c_str(), &ip) == 1 || ::inet_pton(AF_INET6, server_name.c_str(), &ip) == 1;
    X509_VERIFY_PARAM* param = SSL_get0_param(ssl->get());
    const int named = is_ip ? X509_VERIFY_PARAM_set1_ip_asc(param, server_name.c_str())
                            : X509_VERIFY_PARAM_set1_host(param, server_name.c_str(), server_name.size());
    if (named != 1) return security::openssl_error("cannot set the expected server name " + server_name);
    if (!is_ip) {
        // SSL_set_tlsext_host_name() is a macro with a C cast; this is what it expands to.
        SSL_ctrl(ssl->get(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(server_name.c_str()));  // NOLINT(cppcoreguidelines-pro-type-const-cast)
    }
    SSL* raw = ssl->get();
    const Status handshake =
        drive(raw, socket->get(), deadline, "in the TLS handshake with the bank host", [raw] { return SSL_connect(raw); });
    if (!handshake.ok()) return with_verification_verdict(handshake.error(), *raw);
    return FramedTlsStream(std::move(*socket), std::move(*ssl));
}

Result<FramedTlsStream> FramedTlsStream::accept(SSL_CTX& context, UniqueFd socket, Deadline deadline) {
    ignore_sigpipe();
    KIOSK_TRY(make_non_blocking(socket.get()));
    auto ssl = new_ssl(context, socket.get());
    if (!ssl.ok()) return ssl.error();
    SSL* raw = ssl->get();
    KIOSK_TRY(drive(raw, socket.get(), deadline, "in the TLS handshake with a client", [raw] { return SSL_accept(raw); }));
    return FramedTlsStream(std::move(socket), std::move(*ssl));
}

FramedTlsStream::~FramedTlsStream() {
    // A quiet close_notify attempt; the peer may already be gone, which is fine.
    if (ssl_) SSL_shutdown(ssl_.get());
}

Status FramedTlsStream::write_raw(ByteView bytes, Deadline deadline) {
    if (bytes.empty()) return ok_status();
    SSL* raw = ssl_.get();
    std::size_t written = 0;
    return drive(raw, socket_.get(), deadline, "writing to the peer",
                 [raw, bytes, &written] { return SSL_write_ex(raw, bytes.data(), bytes.size(), &written); });
}

Status FramedTlsStream::write_frame(ByteView payload, Deadline deadline) {
    if (payload.empty() || payload.size() > kMaxFrame) {
        return make_error("host", "frame of " + std::to_string(payload.size()) + " bytes cannot be sent (1–65535)");
    }
    // The payload may hold a PAN or a PIN block: so does the frame, so it wipes itself.
    SecureBytes frame(payload.size() + 2);
    frame[0] = static_cast<std::uint8_t>(payload.size() >> 8);
    frame[1] = static_cast<std::uint8_t>(payload.size() & 0xFFU);
    std::copy(payload.begin(), payload.end(), frame.begin() + 2);
    return write_raw(frame.view(), deadline);
}

Status FramedTlsStream::read_exact(std::uint8_t* out, std::size_t size, Deadline deadline, const char* what) {
    SSL* raw = ssl_.get();
    std::size_t done = 0;
    while (done < size) {
        std::size_t got = 0;
        KIOSK_TRY(drive(raw, socket_.get(), deadline, what,
                        [raw, out, size, done, &got] { return SSL_read_ex(raw, out + done, size - done, &got); }));
        done += got;
    }
    return ok_status();
}

Result<SecureBytes> FramedTlsStream::read_frame(Deadline deadline) {
    std::uint8_t header[2] = {0, 0};
    KIOSK_TRY(read_exact(header, sizeof header, deadline, "waiting for the length header"));
    const std::size_t size = (static_cast<std::size_t>(header[0]) << 8) | header[1];
    if (size == 0) return make_error("host", "received a zero-length frame");
    SecureBytes payload(size);
    KIOSK_TRY(read_exact(payload.data(), size, deadline, "reading a frame's body"));
    return payload;
}

Result<bool> FramedTlsStream::wait_readable(Deadline deadline) {
    if (SSL_pending(ssl_.get()) > 0) return true;
    const Status ready = wait_for(socket_.get(), POLLIN, deadline, "waiting for data");
    if (ready.ok()) return true;
    if (is_timeout(ready.error())) return false;
    return ready.error();
}

bool FramedTlsStream::idle_and_open() {
    if (SSL_pending(ssl_.get()) > 0) return false;
    pollfd entry{socket_.get(), POLLIN, 0};
    if (::poll(&entry, 1, 0) == 0) return true;
    // Readable: maybe only TLS housekeeping (a TLS 1.3 session ticket), maybe the peer's close.
    ERR_clear_error();
    std::uint8_t byte = 0;
    std::size_t got = 0;
    if (SSL_peek_ex(ssl_.get(), &byte, 1, &got) == 1) return false;  // unasked data: do not trust the stream
    const int reason = SSL_get_error(ssl_.get(), 0);
    ERR_clear_error();
    return reason == SSL_ERROR_WANT_READ;
}

}  // namespace kiosk::host
