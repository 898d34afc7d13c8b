// The keys file the kiosk reads at start-up: one `<name> <64 hex chars>` line per 32-byte key,
// `#` comments and blank lines allowed, owner-only permissions. It holds the key-encryption key
// ("kek", from which data keys are derived) and the bank's PAN token key ("pan-token").
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security {

inline constexpr std::string_view kKekKeyName = "kek";
inline constexpr std::string_view kPanTokenKeyName = "pan-token";

class KeyFile {
public:
    static constexpr std::size_t kKeySize = 32;

    // Throws std::runtime_error with a one-line message naming the file when it is missing,
    // unreadable, not a regular file, group/world-accessible (mode & 077), has a malformed line
    // (line number and reason; never the key text) or names a key twice.
    static KeyFile load(const std::filesystem::path& path);

    // Writes a new keys file holding a fresh random key per name, atomically and with mode 0600:
    // a temporary file opened O_CREAT|O_EXCL 0600 is written, fsynced and hard-linked into place,
    // so the keys file appears whole or not at all, and an existing one is never overwritten.
    // Names: 1–64 characters of [a-z0-9._-]. Throws std::runtime_error naming the file.
    static KeyFile create(const std::filesystem::path& path, const std::vector<std::string>& names,
                          RandomSource& random);

    // The key called `name`, or an error naming the missing key.
    [[nodiscard]] Result<SecureBytes> key(std::string_view name) const;
    [[nodiscard]] std::vector<std::string> names() const;

private:
    std::map<std::string, SecureBytes, std::less<>> keys_;
};

}  // namespace kiosk::security
