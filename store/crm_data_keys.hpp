// The wrapped data keys of the records sealed to the CRM (tables crm_data_keys and
// crm_data_key_wraps, migration 5): what the CrmRecordSealer persists before it seals under a new
// key, and what the uploader sends with each batch so the CRM can unwrap the data keys its records
// use. The clear data key is never here. Tests: tests/store/crm_data_keys_test.cpp.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "security/crm_record_sealer.hpp"

namespace kiosk::store {

class Database;

class CrmDataKeys final : public security::WrappedKeyStore {
public:
    explicit CrmDataKeys(Database& database) : database_(database) {}

    // The key row and all its wraps in one transaction (a savepoint inside a caller's). A data key
    // id already present is an error: ids are random, a repeat means a broken random source. The
    // same transaction deletes the keys no record uses any more (delete_unused), so the table
    // holds only the keys of the backlog.
    Status persist(const security::NewDataKey& key) override;

    // Every wrap of the given data key ids, ordered by data key id then CRM key id; ids without a
    // wrap are simply absent (the CRM then rejects their records with that reason).
    Result<std::vector<security::WrappedDataKey>> wraps_for(std::span<const std::string> data_key_ids);

    // Deletes the keys no outbox or dead-letter record uses any more, except `keep` (the key
    // sealing now, which may have no record yet). Returns how many keys went.
    Result<std::size_t> delete_unused(const std::string& keep);

private:
    Database& database_;
};

}  // namespace kiosk::store
