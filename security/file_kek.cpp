// FileKek: RFC 3394 wrap/unwrap under the keys file's "kek" (see file_kek.hpp).
#include "security/file_kek.hpp"

#include <stdexcept>

#include "security/key_file.hpp"
#include "security/key_wrap.hpp"

namespace kiosk::security {

namespace {

SecureBytes load_kek(const std::filesystem::path& keys_file) {
    auto kek = KeyFile::load(keys_file).key(kKekKeyName);
    if (!kek) throw std::runtime_error("keys file " + keys_file.string() + ": " + kek.error().message);
    return std::move(*kek);
}

}  // namespace

FileKek::FileKek(const std::filesystem::path& keys_file) : path_(keys_file), kek_(load_kek(keys_file)) {}

Result<Bytes> FileKek::wrap(ByteView data_key) { return wrap_key(kek_.view(), data_key); }

Result<SecureBytes> FileKek::unwrap(ByteView wrapped) { return unwrap_key(kek_.view(), wrapped); }

std::string FileKek::location() const { return "keys file " + path_.string() + " (key '" + std::string(kKekKeyName) + "')"; }

}  // namespace kiosk::security
