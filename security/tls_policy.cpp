// The ServerHello is read in OpenSSL's message callback: the handshake message arrives there whole
// (type, 3-byte length, then legacy_version) before the client decides to refuse it. TLS 1.3 puts
// 0x0303 in legacy_version and the real version in an extension, which is fine here: we only need
// to recognise versions *below* 1.2, and those are always in legacy_version.
#include "security/tls_policy.hpp"

#include "security/openssl_error.hpp"

namespace kiosk::security {
namespace {

constexpr int server_hello_type = 2;          // SSL3_MT_SERVER_HELLO
constexpr int certificate_request_type = 13;  // SSL3_MT_CERTIFICATE_REQUEST
constexpr std::size_t version_offset = 4;     // type (1) + length (3), then legacy_version
constexpr int alert_protocol_version = 70;    // RFC 8446 §6.2
constexpr int alert_certificate_required = 116;
constexpr int alert_handshake_failure = 40;

void on_tls_message(int write_p, int /*version*/, int content_type, const void* buffer, std::size_t length, SSL* /*ssl*/,
                    void* arg) {
    if (write_p != 0 || arg == nullptr || length < 2) return;
    auto* observer = static_cast<HandshakeObserver*>(arg);
    const auto* bytes = static_cast<const unsigned char*>(buffer);
    if (content_type == SSL3_RT_ALERT) {
        observer->server_alert = bytes[1];
    } else if (content_type == SSL3_RT_HANDSHAKE && bytes[0] == certificate_request_type) {
        observer->certificate_requested = true;
    } else if (content_type == SSL3_RT_HANDSHAKE && bytes[0] == server_hello_type && length >= version_offset + 2) {
        observer->server_version = (bytes[version_offset] << 8) | bytes[version_offset + 1];
    }
}

// The observer may belong to one transfer while the connection outlives it in a connection cache:
// once the handshake is done, stop calling into it.
void on_tls_state(const SSL* ssl, int where, int /*ret*/) {
    if ((where & SSL_CB_HANDSHAKE_DONE) != 0) SSL_set_msg_callback(const_cast<SSL*>(ssl), nullptr);
}

}  // namespace

Status apply_client_tls_policy(SSL_CTX& context) {
    if (SSL_CTX_get_min_proto_version(&context) < minimum_tls_version &&
        SSL_CTX_set_min_proto_version(&context, minimum_tls_version) != 1) {
        return make_error("tls", openssl_error("cannot set the minimum protocol version to TLS 1.2").message);
    }
    const long max = SSL_CTX_get_max_proto_version(&context);
    if (max != 0 && max < TLS1_3_VERSION && SSL_CTX_set_max_proto_version(&context, 0) != 1) {
        return make_error("tls", openssl_error("cannot allow TLS 1.3").message);
    }
    if (SSL_CTX_set_cipher_list(&context, tls12_cipher_list) != 1) {
        return make_error("tls", openssl_error(std::string("cannot set the TLS 1.2 cipher list ") + tls12_cipher_list).message);
    }
    SSL_CTX_set_options(&context, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION);
    return ok_status();
}

std::string tls_version_name(int version) {
    switch (version) {
        case SSL3_VERSION: return "SSL 3.0";
        case TLS1_VERSION: return "TLS 1.0";
        case TLS1_1_VERSION: return "TLS 1.1";
        case TLS1_2_VERSION: return "TLS 1.2";
        case TLS1_3_VERSION: return "TLS 1.3";
        default: return "protocol version 0x" + [version] {
            static constexpr char digits[] = "0123456789abcdef";
            std::string hex;
            for (int shift = 12; shift >= 0; shift -= 4) hex += digits[(version >> shift) & 0xF];
            return hex;
        }();
    }
}

void observe_handshake(SSL_CTX& context, HandshakeObserver& observer) {
    observer = HandshakeObserver{};
    SSL_CTX_set_msg_callback(&context, &on_tls_message);
    SSL_CTX_set_msg_callback_arg(&context, &observer);
    SSL_CTX_set_info_callback(&context, &on_tls_state);
}

std::string describe_handshake_refusal(const HandshakeObserver& observer, bool have_client_certificate) {
    const std::string required = "; the kiosk requires TLS 1.2 or later (1.3 preferred) and refused the connection";
    if (observer.server_version != 0 && observer.server_version < minimum_tls_version) {
        return "the server offered only " + tls_version_name(observer.server_version) + required;
    }
    if (observer.server_version == 0 && observer.server_alert == alert_protocol_version) {
        return "the server accepts neither TLS 1.2 nor TLS 1.3 (it answered the kiosk's hello with a "
               "protocol_version alert: it speaks only TLS 1.1 or older)" + required;
    }
    if (observer.certificate_requested && !have_client_certificate) {
        return "the server demands a client certificate (mutual TLS) and the kiosk has none configured";
    }
    if (observer.server_alert == alert_certificate_required ||
        (observer.certificate_requested && observer.server_alert == alert_handshake_failure)) {
        return "the server refused the kiosk's client certificate";
    }
    return {};
}

}  // namespace kiosk::security
