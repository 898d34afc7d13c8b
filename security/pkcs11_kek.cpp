// Pkcs11Kek: session, login, KEK lookup/generation, wrap/unwrap in the token (see pkcs11_kek.hpp).
#include "security/pkcs11_kek.hpp"

#include <array>
#include <utility>
#include <vector>

#include "security/aes_gcm.hpp"

namespace kiosk::security {

namespace {

CK_BBOOL kTrue = CK_TRUE;
CK_BBOOL kFalse = CK_FALSE;
CK_OBJECT_CLASS kSecretKeyClass = CKO_SECRET_KEY;
CK_KEY_TYPE kAesKeyType = CKK_AES;

template <typename T>
CK_ATTRIBUTE attribute(CK_ATTRIBUTE_TYPE type, T& value) {
    return CK_ATTRIBUTE{type, &value, sizeof value};
}

CK_ATTRIBUTE text_attribute(CK_ATTRIBUTE_TYPE type, std::string& text) {
    return CK_ATTRIBUTE{type, text.data(), text.size()};
}

// A data key held as a session object only while the token wraps it or we read it back after
// unwrapping: destroyed on scope exit so no copy lingers in the token.
class SessionObject {
public:
    SessionObject(CK_FUNCTION_LIST& functions, CK_SESSION_HANDLE session, CK_OBJECT_HANDLE handle)
        : functions_(functions), session_(session), handle_(handle) {}
    SessionObject(const SessionObject&) = delete;
    SessionObject& operator=(const SessionObject&) = delete;
    ~SessionObject() { functions_.C_DestroyObject(session_, handle_); }
    [[nodiscard]] CK_OBJECT_HANDLE get() const { return handle_; }

private:
    CK_FUNCTION_LIST& functions_;
    CK_SESSION_HANDLE session_;
    CK_OBJECT_HANDLE handle_;
};

Result<CK_OBJECT_HANDLE> find_kek(CK_FUNCTION_LIST& functions, CK_SESSION_HANDLE session, std::string label) {
    std::array search{attribute(CKA_CLASS, kSecretKeyClass), attribute(CKA_KEY_TYPE, kAesKeyType),
                      text_attribute(CKA_LABEL, label)};
    if (const CK_RV rv = functions.C_FindObjectsInit(session, search.data(), search.size()); rv != CKR_OK) {
        return pkcs11_error("C_FindObjectsInit", rv);
    }
    std::array<CK_OBJECT_HANDLE, 2> found{};
    CK_ULONG count = 0;
    const CK_RV rv = functions.C_FindObjects(session, found.data(), found.size(), &count);
    functions.C_FindObjectsFinal(session);
    if (rv != CKR_OK) return pkcs11_error("C_FindObjects", rv);
    if (count > 1) return make_error("pkcs11", "more than one AES key labelled '" + label + "'; the KEK must be unique");
    if (count == 0) return CK_INVALID_HANDLE;
    return found[0];
}

// AES-256, kept in the token, sensitive and never extractable: usable only to wrap and unwrap.
Result<CK_OBJECT_HANDLE> generate_kek(CK_FUNCTION_LIST& functions, CK_SESSION_HANDLE session, std::string label) {
    CK_ULONG length = kAes256KeySize;
    std::array key_template{attribute(CKA_CLASS, kSecretKeyClass), attribute(CKA_KEY_TYPE, kAesKeyType),
                            attribute(CKA_VALUE_LEN, length),      attribute(CKA_TOKEN, kTrue),
                            attribute(CKA_PRIVATE, kTrue),         attribute(CKA_SENSITIVE, kTrue),
                            attribute(CKA_EXTRACTABLE, kFalse),    attribute(CKA_WRAP, kTrue),
                            attribute(CKA_UNWRAP, kTrue),          attribute(CKA_ENCRYPT, kFalse),
                            attribute(CKA_DECRYPT, kFalse),        text_attribute(CKA_LABEL, label)};
    CK_MECHANISM mechanism{CKM_AES_KEY_GEN, nullptr, 0};
    CK_OBJECT_HANDLE handle = CK_INVALID_HANDLE;
    if (const CK_RV rv = functions.C_GenerateKey(session, &mechanism, key_template.data(), key_template.size(), &handle);
        rv != CKR_OK) {
        return pkcs11_error("generating the KEK (C_GenerateKey)", rv);
    }
    return handle;
}

}  // namespace

Pkcs11Kek::Pkcs11Kek(Pkcs11KekConfig config, std::unique_ptr<Pkcs11Module> module, CK_SESSION_HANDLE session)
    : config_(std::move(config)), module_(std::move(module)), session_(session) {}

// No C_Logout: login is per application and token, so it would log out another Pkcs11Kek of this
// process too; closing the last session ends the login (PKCS#11 §5.6).
Pkcs11Kek::~Pkcs11Kek() { module_->functions().C_CloseSession(session_); }

Result<std::unique_ptr<Pkcs11Kek>> Pkcs11Kek::open(const Pkcs11KekConfig& config, const SecureString& pin,
                                                   bool create_if_missing) {
    auto module = Pkcs11Module::load(config.module);
    if (!module) return module.error();
    auto slot = (*module)->slot_with_token(config.token_label);
    if (!slot) return slot.error();
    CK_FUNCTION_LIST& functions = (*module)->functions();
    CK_SESSION_HANDLE session = CK_INVALID_HANDLE;
    if (const CK_RV rv = functions.C_OpenSession(*slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr, &session);
        rv != CKR_OK) {
        return pkcs11_error("PKCS#11 C_OpenSession on token '" + config.token_label + "'", rv);
    }
    // From here the session belongs to the object, which closes it on every path.
    std::unique_ptr<Pkcs11Kek> kek(new Pkcs11Kek(config, std::move(*module), session));

    // C_Login takes a non-const pointer; a copy keeps the caller's buffer untouched.
    SecureString pin_copy(pin);
    const CK_RV login = functions.C_Login(session, CKU_USER, reinterpret_cast<CK_UTF8CHAR*>(pin_copy.data()),  // NOLINT
                                          pin_copy.size());
    if (login != CKR_OK && login != CKR_USER_ALREADY_LOGGED_IN) {
        return make_error("pkcs11", "PKCS#11 login failed: " + pkcs11_rv_name(login) + " (token '" +
                                        config.token_label + "')",
                          static_cast<int>(login));
    }

    auto handle = find_kek(functions, session, config.key_label);
    if (!handle) return handle.error();
    if (*handle == CK_INVALID_HANDLE) {
        if (!create_if_missing) {
            return make_error("pkcs11", "no AES key labelled '" + config.key_label + "' in token '" +
                                            config.token_label + "' (the key ring's KEK is missing)");
        }
        handle = generate_kek(functions, session, config.key_label);
        if (!handle) return handle.error();
    }
    kek->kek_ = *handle;
    return kek;
}

Result<Bytes> Pkcs11Kek::wrap(ByteView data_key) {
    CK_FUNCTION_LIST& functions = module_->functions();
    // The data key enters the token as an extractable session object only so the token can wrap it.
    SecureBytes value(data_key);
    std::array key_template{attribute(CKA_CLASS, kSecretKeyClass), attribute(CKA_KEY_TYPE, kAesKeyType),
                            attribute(CKA_TOKEN, kFalse),          attribute(CKA_SENSITIVE, kFalse),
                            attribute(CKA_EXTRACTABLE, kTrue),
                            CK_ATTRIBUTE{CKA_VALUE, value.data(), value.size()}};
    CK_OBJECT_HANDLE raw = CK_INVALID_HANDLE;
    if (const CK_RV rv = functions.C_CreateObject(session_, key_template.data(), key_template.size(), &raw);
        rv != CKR_OK) {
        return pkcs11_error("PKCS#11 C_CreateObject (data key to wrap)", rv);
    }
    const SessionObject object(functions, session_, raw);
    CK_MECHANISM mechanism{CKM_AES_KEY_WRAP, nullptr, 0};
    CK_ULONG length = 0;
    if (const CK_RV rv = functions.C_WrapKey(session_, &mechanism, kek_, object.get(), nullptr, &length); rv != CKR_OK) {
        return pkcs11_error("PKCS#11 C_WrapKey (CKM_AES_KEY_WRAP)", rv);
    }
    Bytes wrapped(length);
    if (const CK_RV rv = functions.C_WrapKey(session_, &mechanism, kek_, object.get(), wrapped.data(), &length);
        rv != CKR_OK) {
        return pkcs11_error("PKCS#11 C_WrapKey (CKM_AES_KEY_WRAP)", rv);
    }
    wrapped.resize(length);
    return wrapped;
}

Result<SecureBytes> Pkcs11Kek::unwrap(ByteView wrapped) {
    CK_FUNCTION_LIST& functions = module_->functions();
    // Unwrapped as a readable session key: the sealer needs the bytes for OpenSSL's AES-GCM.
    std::array key_template{attribute(CKA_CLASS, kSecretKeyClass), attribute(CKA_KEY_TYPE, kAesKeyType),
                            attribute(CKA_TOKEN, kFalse), attribute(CKA_SENSITIVE, kFalse),
                            attribute(CKA_EXTRACTABLE, kTrue)};
    CK_MECHANISM mechanism{CKM_AES_KEY_WRAP, nullptr, 0};
    Bytes input(wrapped.begin(), wrapped.end());
    CK_OBJECT_HANDLE raw = CK_INVALID_HANDLE;
    if (const CK_RV rv = functions.C_UnwrapKey(session_, &mechanism, kek_, input.data(), input.size(),
                                               key_template.data(), key_template.size(), &raw);
        rv != CKR_OK) {
        return pkcs11_error("PKCS#11 C_UnwrapKey (CKM_AES_KEY_WRAP)", rv);
    }
    const SessionObject object(functions, session_, raw);
    CK_ATTRIBUTE value{CKA_VALUE, nullptr, 0};
    if (const CK_RV rv = functions.C_GetAttributeValue(session_, object.get(), &value, 1); rv != CKR_OK) {
        return pkcs11_error("PKCS#11 C_GetAttributeValue (unwrapped key length)", rv);
    }
    SecureBytes key(value.ulValueLen);
    value.pValue = key.data();
    if (const CK_RV rv = functions.C_GetAttributeValue(session_, object.get(), &value, 1); rv != CKR_OK) {
        return pkcs11_error("PKCS#11 C_GetAttributeValue (unwrapped key)", rv);
    }
    return key;
}

std::string Pkcs11Kek::location() const {
    return "PKCS#11 module " + config_.module.string() + ", token '" + config_.token_label + "', key '" +
           config_.key_label + "'";
}

Result<bool> Pkcs11Kek::kek_is_non_extractable() {
    CK_BBOOL sensitive = CK_FALSE;
    CK_BBOOL extractable = CK_TRUE;
    std::array query{attribute(CKA_SENSITIVE, sensitive), attribute(CKA_EXTRACTABLE, extractable)};
    if (const CK_RV rv = module_->functions().C_GetAttributeValue(session_, kek_, query.data(), query.size());
        rv != CKR_OK) {
        return pkcs11_error("PKCS#11 C_GetAttributeValue (KEK protection)", rv);
    }
    return sensitive == CK_TRUE && extractable == CK_FALSE;
}

}  // namespace kiosk::security
