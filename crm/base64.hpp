// Standard base64 (RFC 4648, with padding) over OpenSSL's EVP_EncodeBlock/EVP_DecodeBlock: the
// wire format's binary fields and the `sha256//…` public-key pins both use it.
#pragma once

#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "common/result.hpp"

namespace kiosk::crm {

std::string base64_encode(ByteView bytes);

// Strict: rejects a length that is not a multiple of 4, characters outside the alphabet, and
// padding anywhere but at the end (EVP_DecodeBlock alone would accept some of these and pad the
// output with zero bytes).
Result<Bytes> base64_decode(std::string_view text);

}  // namespace kiosk::crm
