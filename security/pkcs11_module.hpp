// A PKCS#11 module (an HSM's or a soft token's shared library) loaded with dlopen, initialised,
// and finalised and unloaded when the handle goes away (RAII). Errors keep the CK_RV name
// ("CKR_PIN_INCORRECT") and its value as native_code, so a technician can look it up.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <p11-kit/pkcs11.h>

#include "common/result.hpp"

namespace kiosk::security {

// "CKR_PIN_INCORRECT", or "CKR_0x…" for a code this table does not name.
std::string pkcs11_rv_name(CK_RV rv);

// Error{"pkcs11", "<what> failed: <CKR name>", rv}.
Error pkcs11_error(const std::string& what, CK_RV rv);

class Pkcs11Module {
public:
    // Loads and C_Initialize()s the module; an error names the path and dlerror() or the CK_RV.
    static Result<std::unique_ptr<Pkcs11Module>> load(const std::filesystem::path& path);

    Pkcs11Module(const Pkcs11Module&) = delete;
    Pkcs11Module& operator=(const Pkcs11Module&) = delete;
    ~Pkcs11Module();  // C_Finalize, then dlclose

    [[nodiscard]] CK_FUNCTION_LIST& functions() const { return *functions_; }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

    // The slot whose token has this label (CK_TOKEN_INFO.label, blank-padded to 32 bytes); the
    // error lists the labels that were found.
    [[nodiscard]] Result<CK_SLOT_ID> slot_with_token(const std::string& label) const;

private:
    struct LibraryCloser {
        void operator()(void* handle) const noexcept;
    };
    Pkcs11Module(std::filesystem::path path, std::unique_ptr<void, LibraryCloser> library, CK_FUNCTION_LIST* functions);

    std::filesystem::path path_;
    std::unique_ptr<void, LibraryCloser> library_;
    CK_FUNCTION_LIST* functions_;
};

}  // namespace kiosk::security
