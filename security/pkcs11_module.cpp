// Loading a PKCS#11 module and naming its return codes (see pkcs11_module.hpp).
#include "security/pkcs11_module.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <utility>

#include <map>
#include <mutex>

#include <dlfcn.h>

namespace kiosk::security {

namespace {

struct RvName {
    CK_RV rv;
    const char* name;
};

// The codes a key store meets in practice; others print as hex.
constexpr std::array kRvNames{
    RvName{CKR_OK, "CKR_OK"},
    RvName{CKR_HOST_MEMORY, "CKR_HOST_MEMORY"},
    RvName{CKR_SLOT_ID_INVALID, "CKR_SLOT_ID_INVALID"},
    RvName{CKR_GENERAL_ERROR, "CKR_GENERAL_ERROR"},
    RvName{CKR_FUNCTION_FAILED, "CKR_FUNCTION_FAILED"},
    RvName{CKR_ARGUMENTS_BAD, "CKR_ARGUMENTS_BAD"},
    RvName{CKR_ATTRIBUTE_SENSITIVE, "CKR_ATTRIBUTE_SENSITIVE"},
    RvName{CKR_ATTRIBUTE_TYPE_INVALID, "CKR_ATTRIBUTE_TYPE_INVALID"},
    RvName{CKR_ATTRIBUTE_VALUE_INVALID, "CKR_ATTRIBUTE_VALUE_INVALID"},
    RvName{CKR_DEVICE_ERROR, "CKR_DEVICE_ERROR"},
    RvName{CKR_DEVICE_REMOVED, "CKR_DEVICE_REMOVED"},
    RvName{CKR_ENCRYPTED_DATA_INVALID, "CKR_ENCRYPTED_DATA_INVALID"},
    RvName{CKR_ENCRYPTED_DATA_LEN_RANGE, "CKR_ENCRYPTED_DATA_LEN_RANGE"},
    RvName{CKR_KEY_HANDLE_INVALID, "CKR_KEY_HANDLE_INVALID"},
    RvName{CKR_KEY_FUNCTION_NOT_PERMITTED, "CKR_KEY_FUNCTION_NOT_PERMITTED"},
    RvName{CKR_KEY_UNEXTRACTABLE, "CKR_KEY_UNEXTRACTABLE"},
    RvName{CKR_MECHANISM_INVALID, "CKR_MECHANISM_INVALID"},
    RvName{CKR_MECHANISM_PARAM_INVALID, "CKR_MECHANISM_PARAM_INVALID"},
    RvName{CKR_OBJECT_HANDLE_INVALID, "CKR_OBJECT_HANDLE_INVALID"},
    RvName{CKR_PIN_INCORRECT, "CKR_PIN_INCORRECT"},
    RvName{CKR_PIN_LEN_RANGE, "CKR_PIN_LEN_RANGE"},
    RvName{CKR_PIN_EXPIRED, "CKR_PIN_EXPIRED"},
    RvName{CKR_PIN_LOCKED, "CKR_PIN_LOCKED"},
    RvName{CKR_SESSION_HANDLE_INVALID, "CKR_SESSION_HANDLE_INVALID"},
    RvName{CKR_TEMPLATE_INCOMPLETE, "CKR_TEMPLATE_INCOMPLETE"},
    RvName{CKR_TEMPLATE_INCONSISTENT, "CKR_TEMPLATE_INCONSISTENT"},
    RvName{CKR_TOKEN_NOT_PRESENT, "CKR_TOKEN_NOT_PRESENT"},
    RvName{CKR_TOKEN_NOT_RECOGNIZED, "CKR_TOKEN_NOT_RECOGNIZED"},
    RvName{CKR_USER_ALREADY_LOGGED_IN, "CKR_USER_ALREADY_LOGGED_IN"},
    RvName{CKR_USER_NOT_LOGGED_IN, "CKR_USER_NOT_LOGGED_IN"},
    RvName{CKR_USER_PIN_NOT_INITIALIZED, "CKR_USER_PIN_NOT_INITIALIZED"},
    RvName{CKR_UNWRAPPING_KEY_HANDLE_INVALID, "CKR_UNWRAPPING_KEY_HANDLE_INVALID"},
    RvName{CKR_WRAPPED_KEY_INVALID, "CKR_WRAPPED_KEY_INVALID"},
    RvName{CKR_WRAPPED_KEY_LEN_RANGE, "CKR_WRAPPED_KEY_LEN_RANGE"},
    RvName{CKR_WRAPPING_KEY_HANDLE_INVALID, "CKR_WRAPPING_KEY_HANDLE_INVALID"},
    RvName{CKR_BUFFER_TOO_SMALL, "CKR_BUFFER_TOO_SMALL"},
    RvName{CKR_CRYPTOKI_NOT_INITIALIZED, "CKR_CRYPTOKI_NOT_INITIALIZED"},
    RvName{CKR_CRYPTOKI_ALREADY_INITIALIZED, "CKR_CRYPTOKI_ALREADY_INITIALIZED"},
};

std::string trimmed_label(const unsigned char (&label)[32]) {
    std::string text(reinterpret_cast<const char*>(label), sizeof label);  // NOLINT: PKCS#11 byte text
    while (!text.empty() && (text.back() == ' ' || text.back() == '\0')) text.pop_back();
    return text;
}

// Users of each initialised module in this process (see load()).
constexpr int kForeignInitialisation = -1;

std::mutex& initialisation_mutex() {
    static std::mutex mutex;
    return mutex;
}

std::map<CK_FUNCTION_LIST*, int>& initialised_users() {
    static std::map<CK_FUNCTION_LIST*, int> users;
    return users;
}

}  // namespace

std::string pkcs11_rv_name(CK_RV rv) {
    const auto found = std::find_if(kRvNames.begin(), kRvNames.end(), [rv](const RvName& entry) { return entry.rv == rv; });
    if (found != kRvNames.end()) return found->name;
    std::array<char, 32> hex{};
    std::snprintf(hex.data(), hex.size(), "CKR_0x%lx", static_cast<unsigned long>(rv));
    return hex.data();
}

Error pkcs11_error(const std::string& what, CK_RV rv) {
    return make_error("pkcs11", what + " failed: " + pkcs11_rv_name(rv), static_cast<int>(rv));
}

void Pkcs11Module::LibraryCloser::operator()(void* handle) const noexcept { ::dlclose(handle); }

Pkcs11Module::Pkcs11Module(std::filesystem::path path, std::unique_ptr<void, LibraryCloser> library,
                           CK_FUNCTION_LIST* functions)
    : path_(std::move(path)), library_(std::move(library)), functions_(functions) {}

Result<std::unique_ptr<Pkcs11Module>> Pkcs11Module::load(const std::filesystem::path& path) {
    const std::string where = "PKCS#11 module " + path.string();
    if (!std::filesystem::exists(path)) return make_error("pkcs11", where + " not found");
    std::unique_ptr<void, LibraryCloser> library(::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL));
    if (!library) {
        const char* why = ::dlerror();
        return make_error("pkcs11", where + " cannot be loaded: " + (why ? why : "unknown dlopen error"));
    }
    void* symbol = ::dlsym(library.get(), "C_GetFunctionList");
    if (symbol == nullptr) return make_error("pkcs11", where + " has no C_GetFunctionList: not a PKCS#11 module");
    CK_C_GetFunctionList get_function_list = nullptr;
    static_assert(sizeof get_function_list == sizeof symbol);
    std::memcpy(&get_function_list, &symbol, sizeof symbol);  // POSIX: object pointer → function pointer
    CK_FUNCTION_LIST* functions = nullptr;
    if (const CK_RV rv = get_function_list(&functions); rv != CKR_OK || functions == nullptr) {
        return pkcs11_error(where + ": C_GetFunctionList", rv);
    }
    // dlopen() hands every loader of the same library the same module, and a module is initialised
    // once per process: count our users so the last one finalises it, and never finalise a module
    // that someone else in the process initialised.
    const std::lock_guard lock(initialisation_mutex());
    int& users = initialised_users()[functions];
    if (users == 0) {
        // OS locking: the runtime thread and a maintenance thread may both use the module.
        CK_C_INITIALIZE_ARGS arguments{};
        arguments.flags = CKF_OS_LOCKING_OK;
        const CK_RV rv = functions->C_Initialize(&arguments);
        if (rv == CKR_CRYPTOKI_ALREADY_INITIALIZED) {
            users = kForeignInitialisation;
        } else if (rv != CKR_OK) {
            initialised_users().erase(functions);
            return pkcs11_error(where + ": C_Initialize", rv);
        }
    }
    if (users != kForeignInitialisation) ++users;
    return std::unique_ptr<Pkcs11Module>(new Pkcs11Module(path, std::move(library), functions));
}

Pkcs11Module::~Pkcs11Module() {
    const std::lock_guard lock(initialisation_mutex());
    int& users = initialised_users()[functions_];
    if (users != kForeignInitialisation && --users == 0) {
        functions_->C_Finalize(nullptr);
        initialised_users().erase(functions_);
    }
}

Result<CK_SLOT_ID> Pkcs11Module::slot_with_token(const std::string& label) const {
    CK_ULONG count = 0;
    if (const CK_RV rv = functions_->C_GetSlotList(CK_TRUE, nullptr, &count); rv != CKR_OK) {
        return pkcs11_error("C_GetSlotList", rv);
    }
    std::vector<CK_SLOT_ID> slots(count);
    if (const CK_RV rv = functions_->C_GetSlotList(CK_TRUE, slots.data(), &count); rv != CKR_OK) {
        return pkcs11_error("C_GetSlotList", rv);
    }
    slots.resize(count);
    std::string seen;
    for (const CK_SLOT_ID slot : slots) {
        CK_TOKEN_INFO info{};
        if (functions_->C_GetTokenInfo(slot, &info) != CKR_OK) continue;
        const std::string found = trimmed_label(info.label);
        if (found == label) return slot;
        seen += (seen.empty() ? "'" : ", '") + found + "'";
    }
    return make_error("pkcs11", "no token labelled '" + label + "' in PKCS#11 module " + path_.string() +
                                    " (tokens found: " + (seen.empty() ? std::string("none") : seen) + ")",
                      static_cast<int>(CKR_TOKEN_NOT_PRESENT));
}

}  // namespace kiosk::security
