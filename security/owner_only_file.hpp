// Reading and replacing small secret-bearing files (the key ring, a PKCS#11 PIN file) that must be
// readable by the kiosk user only. Shared by the key ring and the PKCS#11 PIN lookup.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security {

// The whole file, into a wiped buffer. Errors (domain "keystore") name the file: not found, not a
// regular file, "mode 0640 lets group or others read it; run `chmod 600 <path>`" (checked on the
// open descriptor), larger than `max_size`, unreadable.
Result<SecureString> read_owner_only_file(const std::filesystem::path& path, std::size_t max_size);

// Replaces `path` atomically with `content`, mode 0600: temporary file O_CREAT|O_EXCL 0600, write,
// fsync, rename over `path`, fsync the directory. A crash leaves the old file or the new one.
Status replace_owner_only_file(const std::filesystem::path& path, std::string_view content, RandomSource& random);

}  // namespace kiosk::security
