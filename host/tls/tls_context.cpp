#include "host/tls/tls_context.hpp"

#include "security/openssl_error.hpp"
#include "security/tls_policy.hpp"

namespace kiosk::host {

namespace {

Result<security::SslCtxPtr> new_context(const SSL_METHOD* method) {
    security::SslCtxPtr context(SSL_CTX_new(method));
    if (!context) return security::openssl_error("SSL_CTX_new");
    if (SSL_CTX_set_min_proto_version(context.get(), TLS1_2_VERSION) != 1) {
        return security::openssl_error("SSL_CTX_set_min_proto_version(TLS 1.2)");
    }
    return context;
}

Status load_identity(SSL_CTX& context, const std::filesystem::path& certificate, const std::filesystem::path& key) {
    if (SSL_CTX_use_certificate_chain_file(&context, certificate.c_str()) != 1) {
        return security::openssl_error("cannot load certificate " + certificate.string());
    }
    if (SSL_CTX_use_PrivateKey_file(&context, key.c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(&context) != 1) {
        return security::openssl_error("cannot load private key " + key.string());
    }
    return ok_status();
}

Status load_ca(SSL_CTX& context, const std::filesystem::path& ca_file) {
    if (SSL_CTX_load_verify_locations(&context, ca_file.c_str(), nullptr) != 1) {
        return security::openssl_error("cannot load CA file " + ca_file.string());
    }
    return ok_status();
}

}  // namespace

Result<security::SslCtxPtr> make_client_context(const TlsClientFiles& files) {
    auto context = new_context(TLS_client_method());
    if (!context.ok()) return context.error();
    // The terminal's one client policy (versions, suites, no renegotiation), shared with the CRM
    // uploader, so the two links cannot drift apart.
    KIOSK_TRY(security::apply_client_tls_policy(**context));
    KIOSK_TRY(load_ca(**context, files.ca_file));
    if (files.client_certificate.empty() != files.client_key.empty()) {
        return make_error("tls", files.client_certificate.empty()
                                     ? "a client key is configured (" + files.client_key.string() + ") but no client certificate"
                                     : "the client certificate " + files.client_certificate.string() + " has no key file configured");
    }
    if (files.has_client_certificate()) KIOSK_TRY(load_identity(**context, files.client_certificate, files.client_key));
    SSL_CTX_set_verify(context->get(), SSL_VERIFY_PEER, nullptr);
    return std::move(*context);
}

Result<security::SslCtxPtr> make_server_context(const TlsServerFiles& files) {
    auto context = new_context(TLS_server_method());
    if (!context.ok()) return context.error();
    KIOSK_TRY(load_identity(**context, files.certificate, files.private_key));
    KIOSK_TRY(load_ca(**context, files.client_ca_file));
    SSL_CTX_set_client_CA_list(context->get(), SSL_load_client_CA_file(files.client_ca_file.c_str()));
    SSL_CTX_set_verify(context->get(), SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    return std::move(*context);
}

}  // namespace kiosk::host
