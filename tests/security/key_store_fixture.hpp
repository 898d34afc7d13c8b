// A data directory with a keys file (the file KEK) and paths for a key ring, for the key store
// tests. Everything lives in a temporary directory removed after the test.
#pragma once

#include <string>

#include "common/random_source.hpp"
#include "security/key_file.hpp"
#include "security/key_store.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::security::test {

struct KeyStoreDirectory {
    store::test::TempDirectory directory;
    KeyRingPaths paths{directory.file("keyring"), directory.file("keys")};

    explicit KeyStoreDirectory(RandomSource& random) {
        KeyFile::create(paths.keys_file, {std::string(kKekKeyName), std::string(kPanTokenKeyName)}, random);
    }
};

inline RecordHeader header_for(std::string record_id) {
    RecordHeader header;
    header.record_id = std::move(record_id);
    header.kind = "journey";
    header.kiosk_id = "K1";
    header.created_unix_ms = 1'767'607'200'000;
    return header;
}

}  // namespace kiosk::security::test
