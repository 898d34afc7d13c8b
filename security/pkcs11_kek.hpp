// The KEK inside a PKCS#11 token (HSM, TPM-backed token; SoftHSM2 in tests): an AES-256 secret key
// object that is sensitive and non-extractable, so its bytes never leave the token. Data keys are
// wrapped and unwrapped by the token with CKM_AES_KEY_WRAP (RFC 3394), which SoftHSM2 2.6 supports
// in C_WrapKey/C_UnwrapKey.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "security/key_encryption_key.hpp"
#include "security/pkcs11_module.hpp"

namespace kiosk::security {

struct Pkcs11KekConfig {
    std::filesystem::path module;  // e.g. /usr/lib/softhsm/libsofthsm2.so
    std::string token_label;       // the token's CKA label, e.g. "kiosk"
    std::string key_label;         // the KEK object's CKA_LABEL, e.g. "kiosk-kek"
};

class Pkcs11Kek final : public KeyEncryptionKey {
public:
    // Loads the module, finds the token, opens a session and logs in as the user. When the KEK
    // object is missing it is generated in the token if `create_if_missing`, else an error.
    // Errors: "PKCS#11 module … not found", "no token labelled …",
    // "PKCS#11 login failed: CKR_PIN_INCORRECT", "no AES key labelled … in token …".
    static Result<std::unique_ptr<Pkcs11Kek>> open(const Pkcs11KekConfig& config, const SecureString& pin,
                                                   bool create_if_missing);

    Pkcs11Kek(const Pkcs11Kek&) = delete;
    Pkcs11Kek& operator=(const Pkcs11Kek&) = delete;
    ~Pkcs11Kek() override;  // closes the session before the module goes

    Result<Bytes> wrap(ByteView data_key) override;
    Result<SecureBytes> unwrap(ByteView wrapped) override;
    [[nodiscard]] std::string backend() const override { return "pkcs11"; }
    [[nodiscard]] std::string location() const override;

    // The token's view of the KEK's protection: true only when CKA_SENSITIVE is true and
    // CKA_EXTRACTABLE false (what `kioskctl keys status` and the tests check).
    [[nodiscard]] Result<bool> kek_is_non_extractable();

private:
    Pkcs11Kek(Pkcs11KekConfig config, std::unique_ptr<Pkcs11Module> module, CK_SESSION_HANDLE session);

    Pkcs11KekConfig config_;
    std::unique_ptr<Pkcs11Module> module_;
    CK_SESSION_HANDLE session_;
    CK_OBJECT_HANDLE kek_ = CK_INVALID_HANDLE;
};

}  // namespace kiosk::security
