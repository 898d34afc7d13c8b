// TLS contexts for the bank host link (OpenSSL 3): TLS 1.2 or later only (PCI DSS 4.2.1), the
// peer verified against a CA file, and a client certificate both ways (mutual TLS). The client
// context carries the terminal's TLS policy (security/tls_policy.hpp), the same as the CRM
// uploader's. One place for these settings, so the kiosk's client and the simulated bank's server
// cannot drift apart.
#pragma once

#include <filesystem>

#include "common/result.hpp"
#include "security/openssl_handles.hpp"

namespace kiosk::host {

struct TlsClientFiles {
    std::filesystem::path ca_file;             // verifies the bank host's certificate
    std::filesystem::path client_certificate;  // PEM, this terminal's certificate (chain)
    std::filesystem::path client_key;          // PEM private key of that certificate

    // Both empty: no client certificate (a host demanding one then refuses the kiosk, in words).
    [[nodiscard]] bool has_client_certificate() const { return !client_certificate.empty(); }
};

struct TlsServerFiles {
    std::filesystem::path certificate;
    std::filesystem::path private_key;
    std::filesystem::path client_ca_file;  // clients must present a certificate signed by it
};

// Failures (unreadable file, key not matching the certificate, a certificate without its key)
// name the file and carry OpenSSL's error queue.
Result<security::SslCtxPtr> make_client_context(const TlsClientFiles& files);
Result<security::SslCtxPtr> make_server_context(const TlsServerFiles& files);

}  // namespace kiosk::host
