// What the uploader needs from the outbox, as an interface: the production implementation is
// OutboxQueue (the SQLite outbox on the uploader's own connection); tests may use an in-memory one
// to drive failure orders the database cannot produce on demand.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "security/data_key_wrap.hpp"
#include "crm/wire_format.hpp"
#include "security/sealed_record.hpp"

namespace kiosk::crm {

class RecordQueue {
public:
    virtual ~RecordQueue() = default;
    // Priority first, then oldest first (store/outbox.hpp), at most `limit`; the records stay
    // queued until acknowledged or dead-lettered.
    virtual Result<std::vector<security::SealedRecord>> next_batch(std::size_t limit) = 0;
    // The journal anchor read by the last next_batch, in the same read transaction as its records:
    // it travels with that batch (wire_format.hpp).
    [[nodiscard]] virtual JournalAnchor journal_anchor() const = 0;
    // Removes records the CRM holds (accepted or duplicate). Unknown ids are ignored.
    virtual Status acknowledge(const std::vector<std::string>& record_ids) = 0;
    // Moves a record the CRM refused for good aside, with the CRM's reason.
    virtual Status dead_letter(const std::string& record_id, const std::string& reason) = 0;
    // Notes one failed delivery of each record with the error text (for the maintenance screen);
    // unknown ids are ignored.
    virtual Status record_failure(const std::vector<std::string>& record_ids, const std::string& error_text) = 0;
    virtual Result<std::size_t> pending_count() = 0;
    // The wraps of the given data key ids (RecordHeader::key_id), to travel with the batch that
    // uses them (wire_format.hpp, data_keys). An id without a wrap is absent; the CRM then rejects
    // its records with that reason. The default has none: queues of records not sealed to the CRM.
    virtual Result<std::vector<security::WrappedDataKey>> data_keys(const std::vector<std::string>& data_key_ids) {
        (void)data_key_ids;
        return std::vector<security::WrappedDataKey>{};
    }
};

}  // namespace kiosk::crm
