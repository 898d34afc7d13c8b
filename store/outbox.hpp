// The transactional outbox: sealed records waiting for the CRM. Records are added inside a
// business step's transaction (store/business_step.hpp) and leave only when the CRM acknowledged
// their record id; nothing is ever dropped silently — a record the CRM rejects for good moves to
// the dead-letter table with the CRM's reason.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "security/sealed_record.hpp"

namespace kiosk::store {

class Database;

class Outbox {
public:
    explicit Outbox(Database& database) : database_(database) {}

    // Appends a record (call inside an open Transaction of the same Database). A record id already
    // present is an error, never a silent overwrite.
    Status add(const security::SealedRecord& record);

    // Oldest first (by insertion order), at most `limit` records.
    Result<std::vector<security::SealedRecord>> next_batch(std::size_t limit);

    // Deletes the given records (the CRM acknowledged them). Unknown ids are ignored: an
    // acknowledgement may arrive twice after a retry.
    Status acknowledge(const std::vector<std::string>& record_ids);

    // Moves a record the CRM refuses for good to the dead-letter table, keeping the reason.
    Status dead_letter(const std::string& record_id, const std::string& reason);

    Result<std::size_t> pending_count();
    Result<std::size_t> dead_letter_count();

private:
    Database& database_;
};

}  // namespace kiosk::store
