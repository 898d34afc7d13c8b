// Certificate generation with the OpenSSL 3 API: EVP_PKEY_generate for keys, X509V3 extensions
// through X509V3_EXT_conf_nid so the text is the same as in an openssl.cnf.
#include "sim/crm/test_pki.hpp"

#include <openssl/pem.h>

#include <array>
#include <chrono>
#include <ctime>
#include <vector>

#include "security/tls_pin.hpp"

namespace kiosk::sim {
namespace {

Result<security::PkeyPtr> generate_p256_key() {
    security::PkeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!context) return security::openssl_error("EVP_PKEY_CTX_new_from_name(EC)");
    if (EVP_PKEY_keygen_init(context.get()) <= 0) return security::openssl_error("EVP_PKEY_keygen_init");
    if (EVP_PKEY_CTX_set_group_name(context.get(), "P-256") <= 0) return security::openssl_error("set group P-256");
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_generate(context.get(), &raw) <= 0) return security::openssl_error("EVP_PKEY_generate(P-256)");
    return security::PkeyPtr(raw);
}

Status set_serial(X509& certificate, RandomSource& serials) {
    std::array<std::uint8_t, 16> bytes{};
    serials.fill(bytes);
    bytes[0] &= 0x7FU;  // serials are positive INTEGERs
    bytes[0] |= 0x01U;  // and never zero
    security::BignumPtr number(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
    if (!number) return security::openssl_error("BN_bin2bn");
    if (BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(&certificate)) == nullptr) {
        return security::openssl_error("BN_to_ASN1_INTEGER");
    }
    return ok_status();
}

Status set_validity(X509& certificate, Validity validity) {
    const auto seconds = [](TimePoint t) {
        return static_cast<std::time_t>(std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
    };
    if (ASN1_TIME_set(X509_getm_notBefore(&certificate), seconds(validity.not_before)) == nullptr ||
        ASN1_TIME_set(X509_getm_notAfter(&certificate), seconds(validity.not_after)) == nullptr) {
        return security::openssl_error("ASN1_TIME_set");
    }
    return ok_status();
}

Status set_common_name(X509_NAME& name, const std::string& common_name) {
    const auto* text = reinterpret_cast<const unsigned char*>(common_name.c_str());
    if (X509_NAME_add_entry_by_txt(&name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("kiosk simulator"),
                                   -1, -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(&name, "CN", MBSTRING_ASC, text, -1, -1, 0) != 1) {
        return security::openssl_error("X509_NAME_add_entry_by_txt");
    }
    return ok_status();
}

Status add_extension(X509& certificate, const X509& issuer, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    // The issuer and subject are needed for authorityKeyIdentifier / subjectKeyIdentifier.
    X509V3_set_ctx(&context, const_cast<X509*>(&issuer), &certificate, nullptr, nullptr, 0);
    security::X509ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    if (!extension) return security::openssl_error(std::string("extension ") + OBJ_nid2sn(nid) + "=" + value);
    if (X509_add_ext(&certificate, extension.get(), -1) != 1) return security::openssl_error("X509_add_ext");
    return ok_status();
}

struct Extension {
    int nid;
    const char* value;
};

// Builds and signs one certificate. `issuer` null means self-signed (the CA).
Result<KeyAndCertificate> make_certificate(const std::string& common_name, Validity validity,
                                           const KeyAndCertificate* issuer, const std::vector<Extension>& extensions,
                                           RandomSource& serials, security::PkeyPtr existing_key = nullptr) {
    auto key = existing_key ? Result<security::PkeyPtr>(std::move(existing_key)) : generate_p256_key();
    if (!key) return key.error();
    security::X509Ptr certificate(X509_new());
    if (!certificate) return security::openssl_error("X509_new");
    if (X509_set_version(certificate.get(), X509_VERSION_3) != 1) return security::openssl_error("X509_set_version");
    KIOSK_TRY(set_serial(*certificate, serials));
    KIOSK_TRY(set_validity(*certificate, validity));
    KIOSK_TRY(set_common_name(*X509_get_subject_name(certificate.get()), common_name));
    const X509* issuer_certificate = issuer != nullptr ? issuer->certificate.get() : certificate.get();
    if (X509_set_issuer_name(certificate.get(), X509_get_subject_name(issuer_certificate)) != 1) {
        return security::openssl_error("X509_set_issuer_name");
    }
    if (X509_set_pubkey(certificate.get(), key->get()) != 1) return security::openssl_error("X509_set_pubkey");
    for (const auto& extension : extensions) {
        KIOSK_TRY(add_extension(*certificate, *issuer_certificate, extension.nid, extension.value));
    }
    EVP_PKEY* signing_key = issuer != nullptr ? issuer->key.get() : key->get();
    if (X509_sign(certificate.get(), signing_key, EVP_sha256()) <= 0) return security::openssl_error("X509_sign");
    return KeyAndCertificate{std::move(*key), std::move(certificate)};
}

}  // namespace

Result<KeyAndCertificate> make_ca(const std::string& common_name, Validity validity, RandomSource& serials) {
    return make_certificate(common_name, validity, nullptr,
                            {{NID_basic_constraints, "critical,CA:TRUE"},
                             {NID_key_usage, "critical,keyCertSign,cRLSign"},
                             {NID_subject_key_identifier, "hash"}},
                            serials);
}

Result<KeyAndCertificate> make_server_certificate(const KeyAndCertificate& ca, Validity validity,
                                                  RandomSource& serials) {
    return make_server_certificate_for(ca, nullptr, validity, serials);
}

Result<KeyAndCertificate> make_server_certificate_for(const KeyAndCertificate& ca, security::PkeyPtr key,
                                                      Validity validity, RandomSource& serials) {
    return make_certificate("127.0.0.1", validity, &ca,
                            {{NID_basic_constraints, "critical,CA:FALSE"},
                             {NID_key_usage, "critical,digitalSignature"},
                             {NID_ext_key_usage, "serverAuth"},
                             {NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost"},
                             {NID_subject_key_identifier, "hash"},
                             {NID_authority_key_identifier, "keyid:always"}},
                            serials, std::move(key));
}

Result<SpareKey> make_spare_key() {
    auto key = generate_p256_key();
    if (!key) return key.error();
    // The pin is over the public key alone; a throw-away self-signed wrapper would only add noise,
    // so hash the SubjectPublicKeyInfo directly, as security::spki_pin_of does for a certificate.
    security::X509Ptr holder(X509_new());
    if (!holder || X509_set_pubkey(holder.get(), key->get()) != 1) return security::openssl_error("X509_set_pubkey");
    auto pin = spki_pin(*holder);
    if (!pin) return pin.error();
    return SpareKey{std::move(*key), std::move(*pin)};
}

Result<KeyAndCertificate> make_client_certificate(const KeyAndCertificate& ca, const std::string& common_name,
                                                  Validity validity, RandomSource& serials) {
    return make_certificate(common_name, validity, &ca,
                            {{NID_basic_constraints, "critical,CA:FALSE"},
                             {NID_key_usage, "critical,digitalSignature"},
                             {NID_ext_key_usage, "clientAuth"},
                             {NID_subject_key_identifier, "hash"},
                             {NID_authority_key_identifier, "keyid:always"}},
                            serials);
}

Result<PemFiles> write_pem(const KeyAndCertificate& pair, const std::filesystem::path& directory,
                           const std::string& stem) {
    PemFiles files{directory / (stem + ".pem"), directory / (stem + ".key")};
    {
        security::BioPtr out(BIO_new_file(files.certificate.c_str(), "w"));
        if (!out) return security::openssl_error("cannot create " + files.certificate.string());
        if (PEM_write_bio_X509(out.get(), pair.certificate.get()) != 1) {
            return security::openssl_error("cannot write " + files.certificate.string());
        }
    }
    {
        security::BioPtr out(BIO_new_file(files.private_key.c_str(), "w"));
        if (!out) return security::openssl_error("cannot create " + files.private_key.string());
        std::error_code ignored;  // best effort: a test key on a filesystem without modes is fine
        std::filesystem::permissions(files.private_key, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                     std::filesystem::perm_options::replace, ignored);
        if (PEM_write_bio_PrivateKey(out.get(), pair.key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
            return security::openssl_error("cannot write " + files.private_key.string());
        }
    }
    return files;
}

Result<std::string> spki_pin(const X509& certificate) {
    auto pin = security::spki_pin_of(certificate);
    if (!pin) return pin.error();
    return pin->to_string();
}

Result<TestPkiFiles> generate_test_pki(const std::filesystem::path& directory, const TestPkiOptions& options,
                                       RandomSource& serials) {
    return generate_test_pki(directory, options, options.ca_validity, serials);
}

Result<TestPkiFiles> generate_test_pki(const std::filesystem::path& directory, const TestPkiOptions& options,
                                       Validity client_validity, RandomSource& serials) {
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error) return make_error("sim-crm", "cannot create " + directory.string() + ": " + error.message());

    auto ca = make_ca("kiosk test CA", options.ca_validity, serials);
    if (!ca) return ca.error();
    auto server = make_server_certificate(*ca, options.server_validity, serials);
    if (!server) return server.error();

    TestPkiFiles files;
    auto ca_files = write_pem(*ca, directory, "ca");
    if (!ca_files) return ca_files.error();
    files.ca = *ca_files;
    auto server_files = write_pem(*server, directory, "server");
    if (!server_files) return server_files.error();
    files.server = *server_files;
    auto pin = spki_pin(*server->certificate);
    if (!pin) return pin.error();
    files.server_pin = *pin;

    if (options.with_client_certificate) {
        auto client = make_client_certificate(*ca, "kiosk-test-0001", client_validity, serials);
        if (!client) return client.error();
        auto client_files = write_pem(*client, directory, "client");
        if (!client_files) return client_files.error();
        files.client = *client_files;
    }
    return files;
}

Validity valid_around(TimePoint now) {
    using namespace std::chrono_literals;
    return Validity{now - 24h, now + 365 * 24h};
}

}  // namespace kiosk::sim
