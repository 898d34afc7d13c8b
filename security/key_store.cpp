// KeyRingStore: the key ring file under a file or PKCS#11 KEK (see key_store.hpp).
#include "security/key_store.hpp"

#include <algorithm>
#include <utility>

#include <sys/stat.h>

#include "security/aes_gcm.hpp"
#include "security/file_kek.hpp"
#include "security/key_ring_lock.hpp"
#include "security/owner_only_file.hpp"
#include "security/pkcs11_kek.hpp"

namespace kiosk::security {

namespace {

constexpr std::size_t kMaxRingSize = 1024 * 1024;  // ~10 000 keys; anything larger is not a ring
constexpr std::size_t kMaxPinSize = 256;

// Identity of the ring file's current version: a rewrite renames a new inode into place.
std::string stat_fingerprint(const std::filesystem::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return {};
    return std::to_string(info.st_ino) + ":" + std::to_string(info.st_mtim.tv_sec) + "." +
           std::to_string(info.st_mtim.tv_nsec) + ":" + std::to_string(info.st_size);
}

Result<SecureString> read_pin(const std::filesystem::path& pin_file) {
    auto content = read_owner_only_file(pin_file, kMaxPinSize);
    if (!content) return make_error("keystore", "PKCS#11 PIN file " + content.error().message, content.error().native_code);
    std::size_t length = content->size();
    while (length > 0 && ((*content)[length - 1] == '\n' || (*content)[length - 1] == '\r')) --length;
    if (length == 0) return make_error("keystore", "PKCS#11 PIN file " + pin_file.string() + " is empty");
    return SecureString(std::string_view(content->data(), length));
}

}  // namespace

Result<std::unique_ptr<KeyEncryptionKey>> open_kek(const KekSpec& spec, const KeyRingPaths& paths,
                                                   bool create_if_missing) {
    if (spec.backend == KekBackend::file) {
        try {
            return std::unique_ptr<KeyEncryptionKey>(std::make_unique<FileKek>(paths.keys_file));
        } catch (const std::runtime_error& failure) {
            return make_error("keystore", failure.what());
        }
    }
    for (const std::string& word : {spec.pkcs11.module.string(), spec.pkcs11.token_label, spec.pkcs11.key_label,
                                    spec.pin_file.string()}) {
        if (!valid_ring_word(word)) {
            return make_error("keystore", "PKCS#11 module, token, key label and PIN file must be 1-200 characters "
                                          "without spaces");
        }
    }
    auto pin = read_pin(spec.pin_file);
    if (!pin) return pin.error();
    auto kek = Pkcs11Kek::open(spec.pkcs11, *pin, create_if_missing);
    if (!kek) return kek.error();
    return std::unique_ptr<KeyEncryptionKey>(std::move(*kek));
}

KeyRingStore::KeyRingStore(KeyRingPaths paths, std::unique_ptr<KeyEncryptionKey> kek, RandomSource& random,
                           KeyStoreOptions options)
    : paths_(std::move(paths)), kek_(std::move(kek)), random_(random), options_(options) {}

Result<std::unique_ptr<KeyRingStore>> KeyRingStore::open(const KeyRingPaths& paths, RandomSource& random,
                                                         KeyStoreOptions options) {
    auto text = read_owner_only_file(paths.ring, kMaxRingSize);
    if (!text) return make_error("keystore", "key ring " + text.error().message, text.error().native_code);
    auto ring = parse_key_ring(text->view(), "key ring " + paths.ring.string());
    if (!ring) return ring.error();
    auto kek = open_kek(ring->kek, paths, false);
    if (!kek) return kek.error();
    std::unique_ptr<KeyRingStore> store(new KeyRingStore(paths, std::move(*kek), random, options));
    // Unwrapping every key now turns a wrong KEK or a damaged wrapped key into a start-up error.
    auto keys = store->keys();
    if (!keys) return keys.error();
    return store;
}

Result<std::unique_ptr<KeyRingStore>> KeyRingStore::create(const KeyRingPaths& paths, const KekSpec& kek_spec,
                                                           RandomSource& random, KeyStoreOptions options) {
    auto lock = KeyRingLock::acquire(paths.ring);
    if (!lock) return lock.error();
    if (std::filesystem::exists(paths.ring)) {
        return make_error("keystore", "key ring " + paths.ring.string() + " already exists; refusing to replace it");
    }
    auto kek = open_kek(kek_spec, paths, true);
    if (!kek) return kek.error();
    std::unique_ptr<KeyRingStore> store(new KeyRingStore(paths, std::move(*kek), random, options));
    KeyRing ring;
    ring.kek = kek_spec;
    auto first = store->new_key(ring);
    if (!first) return first.error();
    ring.keys.push_back(std::move(*first));
    KIOSK_TRY(store->save_ring(ring));
    return store;
}

Result<KeyRing> KeyRingStore::load_ring() {
    auto text = read_owner_only_file(paths_.ring, kMaxRingSize);
    if (!text) return make_error("keystore", "key ring " + text.error().message, text.error().native_code);
    return parse_key_ring(text->view(), "key ring " + paths_.ring.string());
}

Status KeyRingStore::save_ring(const KeyRing& ring) {
    KIOSK_TRY(replace_owner_only_file(paths_.ring, format_key_ring(ring), random_));
    cached_stat_ = stat_fingerprint(paths_.ring);
    cached_rotations_ = ring.rotations;
    return ok_status();
}

Result<RingKey> KeyRingStore::new_key(const KeyRing& ring) {
    RingKey key;
    do {
        Bytes suffix(8);
        random_.fill(suffix);
        key.id = "dk-" + to_hex(suffix);
    } while (ring.find(key.id) != nullptr);
    SecureBytes bytes(kAes256KeySize);
    random_.fill(bytes.span());
    auto wrapped = kek_->wrap(bytes.view());
    if (!wrapped) return wrapped.error();
    key.current = true;
    key.wrapped = std::move(*wrapped);
    return key;
}

Result<KeyStoreKeys> KeyRingStore::keys() {
    const std::lock_guard guard(mutex_);
    auto ring = load_ring();
    if (!ring) return ring.error();
    KeyStoreKeys out;
    out.rotations = ring->rotations;
    for (const RingKey& key : ring->keys) {
        auto bytes = kek_->unwrap(key.wrapped);
        if (!bytes) {
            return make_error("keystore", "key ring " + paths_.ring.string() + ": data key '" + key.id +
                                              "' does not unwrap under the KEK at " + kek_->location() + ": " +
                                              bytes.error().message);
        }
        DataKey data{key.id, std::move(*bytes)};
        KIOSK_TRY(check_data_key(data));
        if (key.current) {
            out.current = std::move(data);
        } else {
            out.retired.push_back(std::move(data));
        }
    }
    return out;
}

Result<std::uint64_t> KeyRingStore::rotations() {
    const std::lock_guard guard(mutex_);
    std::string fingerprint = stat_fingerprint(paths_.ring);
    if (!fingerprint.empty() && fingerprint == cached_stat_) return cached_rotations_;
    auto ring = load_ring();
    if (!ring) return ring.error();
    cached_stat_ = std::move(fingerprint);
    cached_rotations_ = ring->rotations;
    return cached_rotations_;
}

Result<CountWindow> KeyRingStore::reserve() {
    const std::lock_guard guard(mutex_);
    auto lock = KeyRingLock::acquire(paths_.ring);
    if (!lock) return lock.error();
    auto ring = load_ring();
    if (!ring) return ring.error();
    RingKey& current = *ring->current_key();
    CountWindow window{current.id, current.reserved, current.reserved};
    if (current.reserved >= options_.seal_limit) return window;  // spent: the caller rotates
    window.end = current.reserved + std::min(options_.reserve_block, options_.seal_limit - current.reserved);
    current.reserved = window.end;
    // Persisted before any count of the window is used: a crash can skip counts, never repeat them.
    KIOSK_TRY(save_ring(*ring));
    return window;
}

Result<std::string> KeyRingStore::rotate() {
    const std::lock_guard guard(mutex_);
    auto lock = KeyRingLock::acquire(paths_.ring);
    if (!lock) return lock.error();
    auto ring = load_ring();
    if (!ring) return ring.error();
    auto next = new_key(*ring);
    if (!next) return next.error();
    ring->current_key()->current = false;
    std::string id = next->id;
    ring->keys.push_back(std::move(*next));
    ++ring->rotations;
    KIOSK_TRY(save_ring(*ring));
    return id;
}

Result<KeyStoreStatus> KeyRingStore::status() {
    const std::lock_guard guard(mutex_);
    auto ring = load_ring();
    if (!ring) return ring.error();
    KeyStoreStatus status;
    status.backend = kek_->backend();
    status.kek_location = kek_->location();
    status.ring_path = paths_.ring;
    struct stat info {};
    if (::stat(paths_.ring.c_str(), &info) == 0) status.ring_mode = info.st_mode & 07777U;
    status.rotations = ring->rotations;
    for (const RingKey& key : ring->keys) {
        if (key.current) {
            status.current = KeyStatus{key.id, key.reserved};
        } else {
            status.retired.push_back(KeyStatus{key.id, key.reserved});
        }
    }
    return status;
}

}  // namespace kiosk::security
