// DataKeyRotation (see data_key_rotation.hpp).
#include "security/data_key_rotation.hpp"

namespace kiosk::security {

std::string DataKeyRotation::journal_detail() const { return "current " + current + ", retired " + retired; }

Result<DataKeyRotation> rotate_data_key(KeyStore& store) {
    auto before = store.status();
    DataKeyRotation rotation;
    rotation.retired = before ? before->current.id : std::string("(unknown)");
    auto rotated = store.rotate();
    if (!rotated) return make_error("keys", "rotation failed: " + rotated.error().message);
    rotation.current = std::move(*rotated);
    return rotation;
}

Result<DataKeyRotation> rotate_data_key(const KeyRingPaths& paths, RandomSource& random) {
    auto store = KeyRingStore::open(paths, random);
    if (!store) return store.error();
    return rotate_data_key(**store);
}

}  // namespace kiosk::security
