// The terminal's TLS client policy (PCI DSS 4.2.1), one place for the CRM uploader (libcurl hands
// us its SSL_CTX through CURLOPT_SSL_CTX_FUNCTION) and a raw OpenSSL client such as the host link:
// TLS 1.2 minimum, TLS 1.3 preferred (OpenSSL offers the highest version both sides allow), only
// forward-secret AEAD suites for TLS 1.2, no renegotiation, no compression.
#pragma once

#include <openssl/ssl.h>

#include <string>

#include "common/result.hpp"

namespace kiosk::security {

inline constexpr int minimum_tls_version = TLS1_2_VERSION;
// TLS 1.2 suites (TLS 1.3 suites are all AEAD with forward secrecy and stay OpenSSL's default).
inline constexpr const char* tls12_cipher_list = "ECDHE+AESGCM:ECDHE+CHACHA20";

// Applies the policy to a client context; never loosens what the caller set stricter. Domain "tls".
Status apply_client_tls_policy(SSL_CTX& context);

// "TLS 1.2", "TLS 1.1", … for a protocol version number (0x0303, TLS1_1_VERSION, …).
std::string tls_version_name(int version);

// Watches one handshake so a refusal can be put in words: the protocol version the server chose
// in its ServerHello, a fatal alert it sent, and whether it asked for a client certificate.
// Install on a context before the handshake; `observer` must outlive every handshake on it (the
// callbacks detach from each connection when its handshake is done, so a connection kept in a
// cache never calls into an observer that has gone).
struct HandshakeObserver {
    int server_version = 0;             // 0 until a ServerHello arrived
    int server_alert = -1;              // the last alert description the server sent during the handshake
    bool certificate_requested = false; // the server sent a CertificateRequest (mutual TLS)
};
void observe_handshake(SSL_CTX& context, HandshakeObserver& observer);

// Clear words for a failed connection, or an empty string when the observer saw nothing telling
// (the caller keeps its own description): a server that offered or accepts only TLS < 1.2, or one
// that demanded a client certificate the kiosk does not have (`have_client_certificate`).
std::string describe_handshake_refusal(const HandshakeObserver& observer, bool have_client_certificate);

}  // namespace kiosk::security
