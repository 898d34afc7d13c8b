// For tests of a TLS client refusing a legacy server: a raw OpenSSL client that accepts only
// TLS 1.1 proves the server really speaks it, so a refusal by the kiosk is the kiosk's doing and
// not a server that cannot talk at all. Used by tests/crm/ and tests/host/.
#pragma once

#include <filesystem>
#include <string>

#include "security/openssl_handles.hpp"

namespace kiosk::testing {

// The version a TLS 1.1-only handshake with 127.0.0.1:port reached; 0 = no handshake. A server that
// demands a client certificate (the bank) gets `client_certificate` and `client_key` when given.
inline int legacy_handshake_version(int port, const std::filesystem::path& client_certificate = {},
                                    const std::filesystem::path& client_key = {}) {
    security::SslCtxPtr context(SSL_CTX_new(TLS_client_method()));
    SSL_CTX_set_min_proto_version(context.get(), TLS1_1_VERSION);
    SSL_CTX_set_max_proto_version(context.get(), TLS1_1_VERSION);
    SSL_CTX_set_cipher_list(context.get(), "DEFAULT@SECLEVEL=0");
    if (!client_certificate.empty()) {
        SSL_CTX_use_certificate_chain_file(context.get(), client_certificate.c_str());
        SSL_CTX_use_PrivateKey_file(context.get(), client_key.c_str(), SSL_FILETYPE_PEM);
    }
    const std::string address = "127.0.0.1:" + std::to_string(port);
    security::BioPtr connection(BIO_new_ssl_connect(context.get()));
    BIO_set_conn_hostname(connection.get(), address.c_str());
    if (BIO_do_connect(connection.get()) != 1 || BIO_do_handshake(connection.get()) != 1) return 0;
    SSL* ssl = nullptr;
    BIO_get_ssl(connection.get(), &ssl);
    return ssl != nullptr ? SSL_version(ssl) : 0;
}

}  // namespace kiosk::testing
