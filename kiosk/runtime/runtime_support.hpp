// Small helpers shared by the runtime's source files (runtime*.cpp); not part of its interface.
#pragma once

#include <string>

#include <openssl/crypto.h>

#include "kiosk/flow/flow_types.hpp"

namespace kiosk::runtime_support {

inline flow::Event plain(flow::EventKind kind) { return flow::Event{kind, {}, {}, {}}; }

// Card data and typed secrets in plain std::string (driver types, request fields): wiped the
// moment they have been used or turned into a SecureString.
inline void wipe(std::string& text) {
    if (!text.empty()) OPENSSL_cleanse(text.data(), text.size());
    text.clear();
}

}  // namespace kiosk::runtime_support
