// The default KEK home: the "kek" entry of the keys file (key_file.hpp), which refuses to load
// when group or others can read it. The KEK bytes stay in this object's wiped buffer.
#pragma once

#include <filesystem>

#include "security/key_encryption_key.hpp"

namespace kiosk::security {

class FileKek final : public KeyEncryptionKey {
public:
    // Throws std::runtime_error naming the file (missing, mode, malformed, no "kek" key).
    explicit FileKek(const std::filesystem::path& keys_file);

    Result<Bytes> wrap(ByteView data_key) override;
    Result<SecureBytes> unwrap(ByteView wrapped) override;
    [[nodiscard]] std::string backend() const override { return "file"; }
    [[nodiscard]] std::string location() const override;

private:
    std::filesystem::path path_;
    SecureBytes kek_;
};

}  // namespace kiosk::security
