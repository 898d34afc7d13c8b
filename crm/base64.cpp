// Base64 through OpenSSL, with the strictness EVP_DecodeBlock lacks added on top.
#include "crm/base64.hpp"

#include <openssl/evp.h>

#include <limits>

namespace kiosk::crm {
namespace {

bool is_base64_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/';
}

}  // namespace

std::string base64_encode(ByteView bytes) {
    if (bytes.empty()) return {};
    // EVP_EncodeBlock takes an int length; our records are far below 2 GiB.
    const std::size_t encoded_size = 4 * ((bytes.size() + 2) / 3);
    std::string out(encoded_size + 1, '\0');  // +1: EVP_EncodeBlock writes a trailing NUL
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                                        static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

Result<Bytes> base64_decode(std::string_view text) {
    if (text.empty()) return Bytes{};
    if (text.size() % 4 != 0) {
        return make_error("base64", "length " + std::to_string(text.size()) + " is not a multiple of 4");
    }
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        return make_error("base64", "input too large");
    }
    std::size_t padding = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '=') {
            // Padding is only legal as the last one or two characters.
            if (i + 2 < text.size()) return make_error("base64", "padding at position " + std::to_string(i));
            ++padding;
            continue;
        }
        if (padding > 0 || !is_base64_char(c)) {
            return make_error("base64", "invalid character at position " + std::to_string(i));
        }
    }
    Bytes out(text.size() / 4 * 3);
    const int written = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                        static_cast<int>(text.size()));
    if (written < 0) return make_error("base64", "OpenSSL could not decode the input");
    // EVP_DecodeBlock counts the padding as zero bytes; drop them.
    out.resize(static_cast<std::size_t>(written) - padding);
    return out;
}

}  // namespace kiosk::crm
