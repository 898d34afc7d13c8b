// The key ring file (`<data_dir>/keyring`, mode 0600): which KEK wraps the data keys, and every
// data key the kiosk has used, wrapped (RFC 3394) under that KEK, with its state and the count of
// encryptions reserved for it. Text, one item a line, ending in a SHA-256 of everything before it
// so a torn or bit-flipped file is refused with "corrupted" rather than misread:
//
//   # kiosk key ring …
//   version 1
//   kek file                                       (the "kek" of <data_dir>/keys)
//   kek pkcs11 <module> <token label> <key label> <pin file>
//   rotations 3
//   key <id> current <reserved count> <wrapped key hex>
//   key <id> retired <reserved count> <wrapped key hex>
//   sha256 <64 hex>
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "security/pkcs11_kek.hpp"

namespace kiosk::security {

enum class KekBackend { file, pkcs11 };

struct KekSpec {
    KekBackend backend = KekBackend::file;
    Pkcs11KekConfig pkcs11;           // backend pkcs11 only
    std::filesystem::path pin_file;   // backend pkcs11 only: owner-only file holding the user PIN
};

struct RingKey {
    std::string id;
    bool current = false;
    std::uint64_t reserved = 0;  // encryptions handed out so far; the next run starts here
    Bytes wrapped;
};

struct KeyRing {
    KekSpec kek;
    std::uint64_t rotations = 0;  // bumped by every rotate(); a sealer reloads when it changes
    std::vector<RingKey> keys;    // exactly one current

    [[nodiscard]] RingKey* current_key();
    [[nodiscard]] const RingKey* find(std::string_view id) const;
};

// Ids, labels and paths are 1–200 characters without whitespace.
[[nodiscard]] bool valid_ring_word(std::string_view word);

// Errors (domain "keystore") start with `source` and say what is wrong: "corrupted: checksum
// mismatch", "line 4: …", "no current key", "key 'dk-…' appears twice". Never echo key bytes.
Result<KeyRing> parse_key_ring(std::string_view text, const std::string& source);
std::string format_key_ring(const KeyRing& ring);

}  // namespace kiosk::security
