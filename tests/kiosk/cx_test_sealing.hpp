// For the tests that commit CX records (cx_recorder_tests, health_tests): a fixed journal chain key,
// a CRM record key made from a fixed seed, and the sealer's config that seals to it.
#pragma once

#include "common/bytes.hpp"
#include "common/random_source.hpp"
#include "security/crm_record_sealer.hpp"
#include "security/journal_chain.hpp"

namespace kiosk::test {

inline security::JournalChain journal_chain() {
    return std::move(security::JournalChain::create(Bytes(32, 0x4A)).value());
}

inline security::CrmPrivateKey crm_key() {
    SeededRandom random(77);
    return std::move(security::CrmPrivateKey::generate("crm-test", random).value());
}

inline security::CrmSealerConfig sealing_to(const security::CrmPrivateKey& key) {
    security::CrmSealerConfig config;
    config.crm_keys = {key.public_key()};
    return config;
}

}  // namespace kiosk::test
