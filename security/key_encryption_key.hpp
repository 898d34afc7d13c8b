// The key-encryption key (KEK) of the key ring: it wraps data keys for storage and unwraps them
// at start-up, and never hands out its own bytes. Two homes: the keys file (FileKek) and a
// PKCS#11 token such as an HSM or a TPM-backed token (Pkcs11Kek), where it is non-extractable.
#pragma once

#include <string>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security {

class KeyEncryptionKey {
public:
    virtual ~KeyEncryptionKey() = default;

    // RFC 3394 AES key wrap of a 32-byte data key: 40 bytes out.
    virtual Result<Bytes> wrap(ByteView data_key) = 0;
    // Fails (integrity check) when `wrapped` was not made by this KEK or was changed.
    virtual Result<SecureBytes> unwrap(ByteView wrapped) = 0;

    // "file" or "pkcs11".
    [[nodiscard]] virtual std::string backend() const = 0;
    // Where the KEK lives, for `kioskctl keys status`: a path or a module/token/label; never bytes.
    [[nodiscard]] virtual std::string location() const = 0;
};

}  // namespace kiosk::security
