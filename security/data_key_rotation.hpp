// One data-key rotation of the key ring, shared by `kioskctl keys rotate` and the service mode's
// "Rotate keys" (docs/technician.md): a new current data key; the previous one is retired and still
// opens what was sealed under it. Only key ids come back, never key bytes. Who may rotate (a
// supervisor) and the journal line are the callers'; the running kiosk's sealer sees the ring's
// rotation counter change before its next seal and switches to the new key.
#pragma once

#include <string>

#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/key_store.hpp"

namespace kiosk::security {

struct DataKeyRotation {
    std::string current;  // the new current data key's id
    std::string retired;  // the previous one's id, "(unknown)" when the ring could not say

    // "current <id>, retired <id>": the journal line's detail.
    [[nodiscard]] std::string journal_detail() const;
};

// Rotates `store`; the error says the rotation failed and why.
Result<DataKeyRotation> rotate_data_key(KeyStore& store);
// Opens the key ring at `paths` (as kioskctl does, its own handle and file lock) and rotates it.
Result<DataKeyRotation> rotate_data_key(const KeyRingPaths& paths, RandomSource& random);

}  // namespace kiosk::security
