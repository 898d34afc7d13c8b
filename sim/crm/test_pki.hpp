// A throw-away PKI made at run time (OpenSSL 3, EC P-256): a CA, a server certificate for
// 127.0.0.1/localhost, optionally a client certificate for mTLS, written as PEM files — so no key
// material is ever committed, and an expired or foreign certificate is one parameter away.
// Used by the simulated CRM (sim_crm_server.hpp) and tests/crm/.
#pragma once

#include <filesystem>
#include <string>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/openssl_error.hpp"
#include "security/openssl_handles.hpp"

namespace kiosk::sim {

// OpenSSL checks validity against the real system time, so tests build these from SystemClock.
struct Validity {
    TimePoint not_before;
    TimePoint not_after;
};

struct KeyAndCertificate {
    security::PkeyPtr key;
    security::X509Ptr certificate;
};

// Self-signed CA: basicConstraints CA:TRUE, keyCertSign.
Result<KeyAndCertificate> make_ca(const std::string& common_name, Validity validity, RandomSource& serials);

// Leaf for a TLS server: subjectAltName IP:127.0.0.1 and DNS:localhost, extendedKeyUsage serverAuth.
Result<KeyAndCertificate> make_server_certificate(const KeyAndCertificate& ca, Validity validity,
                                                  RandomSource& serials);

// Leaf for a TLS client (mTLS): extendedKeyUsage clientAuth.
Result<KeyAndCertificate> make_client_certificate(const KeyAndCertificate& ca, const std::string& common_name,
                                                  Validity validity, RandomSource& serials);

struct PemFiles {
    std::filesystem::path certificate;  // <dir>/<stem>.pem
    std::filesystem::path private_key;  // <dir>/<stem>.key, mode 0600
};

Result<PemFiles> write_pem(const KeyAndCertificate& pair, const std::filesystem::path& directory,
                           const std::string& stem);

// The libcurl pin of a certificate's public key: "sha256//" + base64(SHA-256(DER SubjectPublicKeyInfo)).
Result<std::string> spki_pin(const X509& certificate);

// The pin of a fresh key pair that no server uses: a wrong pin, or the "next key" backup pin an
// operator ships before rotating the server key (its certificate is made with make_server_certificate
// from the same CA when the rotation happens; `key` is kept for that).
struct SpareKey {
    security::PkeyPtr key;
    std::string pin;
};
Result<SpareKey> make_spare_key();

// A server certificate for an existing key (a key rotation done with a previously pinned spare key).
Result<KeyAndCertificate> make_server_certificate_for(const KeyAndCertificate& ca, security::PkeyPtr key,
                                                      Validity validity, RandomSource& serials);

// The usual set for one test: ca.pem, server.pem/.key and client.pem/.key in `directory`.
struct TestPkiOptions {
    Validity ca_validity;
    Validity server_validity;
    bool with_client_certificate = true;
};

struct TestPkiFiles {
    PemFiles ca;
    PemFiles server;
    PemFiles client;           // empty paths when with_client_certificate is false
    std::string server_pin;    // spki_pin of the server certificate
};

Result<TestPkiFiles> generate_test_pki(const std::filesystem::path& directory, const TestPkiOptions& options,
                                       RandomSource& serials);
// The same with the client certificate's own validity (e.g. expired, or expiring in 12 days); the
// one above gives the client certificate the CA's validity.
Result<TestPkiFiles> generate_test_pki(const std::filesystem::path& directory, const TestPkiOptions& options,
                                       Validity client_validity, RandomSource& serials);

// A window around `now` that any sane test finishes inside and that is far from the 30-day expiry
// warning: [now - 1 day, now + 365 days].
Validity valid_around(TimePoint now);

}  // namespace kiosk::sim
