// Drains the OpenSSL error queue into an Error (see openssl_error.hpp).
#include "security/openssl_error.hpp"

#include <array>
#include <string>

#include <openssl/err.h>

namespace kiosk::security {

Error openssl_error(std::string_view what) {
    std::string message(what);
    unsigned long last_code = 0;
    const char* file = nullptr;
    const char* data = nullptr;
    int line = 0;
    int flags = 0;
    // ERR_get_error_all pops the oldest entry; loop until the queue is empty so a stale entry
    // never leaks into the next, unrelated failure on this thread.
    while (const unsigned long code = ERR_get_error_all(&file, &line, nullptr, &data, &flags)) {
        std::array<char, 256> text{};
        ERR_error_string_n(code, text.data(), text.size());
        message += "; ";
        message += text.data();
        if (data != nullptr && (flags & ERR_TXT_STRING) != 0 && *data != '\0') {
            message += " (";
            message += data;
            message += ")";
        }
        last_code = code;
    }
    // Packed OpenSSL codes fit in 32 bits; keep the low bits (library + reason) as the native code.
    return make_error("openssl", std::move(message), static_cast<int>(last_code & 0x7FFFFFFFUL));
}

}  // namespace kiosk::security
