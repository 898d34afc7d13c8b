// The key store: the key-encryption key (KEK) plus the key ring of data keys, each with a key id;
// one current key seals, older ones are retired and only open. The sealer (record_sealer.hpp)
// takes its keys from here, reserves encryption counts in persisted blocks, and rotates through it.
//
// IV/count rule: AES-GCM with random 96-bit IVs allows at most 2^32 encryptions per key. The count
// is not written per record; the store *reserves blocks* of counts (default 65 536) and persists
// the high-water mark before any count of the block is used. A restart resumes at the persisted
// mark, so no count is ever handed out twice; at most one block is skipped per restart. When the
// mark would pass the limit (2^32 - 1), reserve() returns an empty window and the sealer rotates.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/aead.hpp"
#include "security/key_encryption_key.hpp"
#include "security/key_ring.hpp"

namespace kiosk::security {

// 2^32 - 1: the SP 800-38D bound for random IVs, minus one so the count fits in 32 bits.
inline constexpr std::uint64_t kGcmRandomIvLimit = 0xFFFF'FFFFULL;

struct KeyStoreKeys {
    DataKey current;
    std::vector<DataKey> retired;
    std::uint64_t rotations = 0;
};

// Encryption counts [begin, end) of `key_id`, persisted as used before they are handed out.
struct CountWindow {
    std::string key_id;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;  // begin == end: the key's budget is spent; rotate
};

struct KeyStatus {
    std::string id;
    std::uint64_t reserved = 0;
};

struct KeyStoreStatus {
    std::string backend;       // "file" or "pkcs11"
    std::string kek_location;  // a path, or module/token/label; never key bytes
    std::filesystem::path ring_path;
    unsigned ring_mode = 0;    // permission bits of the ring file
    KeyStatus current;
    std::vector<KeyStatus> retired;
    std::uint64_t rotations = 0;
};

class KeyStore {
public:
    virtual ~KeyStore() = default;

    // Every data key, unwrapped under the KEK.
    virtual Result<KeyStoreKeys> keys() = 0;
    // The rotation counter, cheap enough to ask before every seal (another process may rotate).
    virtual Result<std::uint64_t> rotations() = 0;
    // Reserves and persists the next block of counts for the current key (see the IV/count rule).
    virtual Result<CountWindow> reserve() = 0;
    // A new random current data key, wrapped and persisted; the old current key is retired.
    // Returns the new key id.
    virtual Result<std::string> rotate() = 0;
    virtual Result<KeyStoreStatus> status() = 0;
};

struct KeyStoreOptions {
    std::uint64_t reserve_block = 65'536;
    std::uint64_t seal_limit = kGcmRandomIvLimit;  // tests lower it to reach the limit
};

// Where a ring lives: the ring file, and the keys file that holds the KEK when the backend is file.
struct KeyRingPaths {
    std::filesystem::path ring;
    std::filesystem::path keys_file;
};

// `<data_dir>/keyring`, beside the keys file.
inline constexpr std::string_view kKeyRingFileName = "keyring";
inline KeyRingPaths key_ring_paths(const std::filesystem::path& data_dir, const std::filesystem::path& keys_file) {
    return KeyRingPaths{data_dir / kKeyRingFileName, keys_file};
}

// The key store kept in a key ring file, under a file or PKCS#11 KEK.
class KeyRingStore final : public KeyStore {
public:
    // Opens an existing ring and its KEK. Errors name the file and what is wrong (mode, corrupted,
    // KEK missing, PKCS#11 login failed, a key that does not unwrap under this KEK).
    static Result<std::unique_ptr<KeyRingStore>> open(const KeyRingPaths& paths, RandomSource& random,
                                                      KeyStoreOptions options = {});
    // Makes a new ring with one fresh current key; refuses when the ring exists. With a PKCS#11
    // spec the KEK is generated in the token when its label is not there yet.
    static Result<std::unique_ptr<KeyRingStore>> create(const KeyRingPaths& paths, const KekSpec& kek,
                                                        RandomSource& random, KeyStoreOptions options = {});

    Result<KeyStoreKeys> keys() override;
    Result<std::uint64_t> rotations() override;
    Result<CountWindow> reserve() override;
    Result<std::string> rotate() override;
    Result<KeyStoreStatus> status() override;

private:
    KeyRingStore(KeyRingPaths paths, std::unique_ptr<KeyEncryptionKey> kek, RandomSource& random,
                 KeyStoreOptions options);

    Result<KeyRing> load_ring();                  // reads, checks mode and checksum, parses
    Status save_ring(const KeyRing& ring);
    Result<RingKey> new_key(const KeyRing& ring);  // random id and bytes, wrapped

    std::mutex mutex_;  // the KEK session and the cache are shared by the sealer and a rotation
    KeyRingPaths paths_;
    std::unique_ptr<KeyEncryptionKey> kek_;
    RandomSource& random_;
    KeyStoreOptions options_;
    std::string cached_stat_;        // stat fingerprint of the ring when cached_rotations_ was read
    std::uint64_t cached_rotations_ = 0;
};

// The KEK a ring names: FileKek over paths.keys_file, or Pkcs11Kek with the PIN read from the
// owner-only pin file. `create_if_missing` generates a PKCS#11 KEK that is not there yet.
Result<std::unique_ptr<KeyEncryptionKey>> open_kek(const KekSpec& spec, const KeyRingPaths& paths,
                                                   bool create_if_missing);

}  // namespace kiosk::security
