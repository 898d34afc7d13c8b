// unique_ptr owners for the OpenSSL objects the simulated CRM and its test PKI make, plus an Error
// that carries OpenSSL's own error queue text (after CM4all libcommon's Unique*.hxx / Error.hxx).
#pragma once

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>

#include "common/result.hpp"

namespace kiosk::sim {

template <auto Free>
struct OpenSslDeleter {
    template <typename T>
    void operator()(T* object) const { Free(object); }
};

using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<&EVP_PKEY_free>>;
using EvpPkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<&EVP_PKEY_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<&X509_free>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<&X509_EXTENSION_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<&BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<&BN_free>>;
using SslCtxPtr = std::unique_ptr<SSL_CTX, OpenSslDeleter<&SSL_CTX_free>>;
using SslPtr = std::unique_ptr<SSL, OpenSslDeleter<&SSL_free>>;

// "<what>: <first OpenSSL error>"; drains the thread's error queue so the next failure starts clean.
inline Error openssl_error(const std::string& what) {
    std::string message = what;
    const unsigned long first = ERR_get_error();
    if (first != 0) {
        char text[256] = {};
        ERR_error_string_n(first, text, sizeof text);
        message += std::string(": ") + text;
    }
    ERR_clear_error();
    return make_error("openssl", message, static_cast<int>(first & 0x7FFFFFFFUL));
}

}  // namespace kiosk::sim
