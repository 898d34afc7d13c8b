// Small helpers shared by the runtime's source files (runtime*.cpp); not part of its interface.
#pragma once

#include <string>

#include <openssl/crypto.h>

namespace kiosk::runtime_support {

// Card data and typed secrets in plain std::string (driver types, request fields): wiped the
// moment they have been used or turned into a SecureString.
inline void wipe(std::string& text) {
    if (!text.empty()) OPENSSL_cleanse(text.data(), text.size());
    text.clear();
}

}  // namespace kiosk::runtime_support
