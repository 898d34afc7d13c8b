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

// Remembers the protocol version the server chose in its ServerHello, so a refused legacy server
// can be reported as "the server offered TLS 1.1" instead of OpenSSL's "unsupported protocol".
// Install on a context before the handshake; `observer` must outlive every handshake on it (the
// callback detaches from each connection once it has seen the ServerHello).
struct ServerHelloObserver {
    int server_version = 0;        // 0 until a ServerHello arrived
    int alert_before_hello = -1;   // a fatal alert the server sent instead of a ServerHello
};
void observe_server_hello(SSL_CTX& context, ServerHelloObserver& observer);

// Clear words for a failed handshake: if the server chose a version below the minimum, or refused
// every version we offer (alert protocol_version), says so; otherwise an empty string (the caller
// keeps its own description).
std::string describe_protocol_refusal(const ServerHelloObserver& observer);

}  // namespace kiosk::security
