// The uploader's view of the SQLite outbox, on a Database connection of its own (SQLite wants one
// connection per thread; WAL lets the core keep committing business steps while we read).
#pragma once

#include <memory>
#include <string>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "crm/record_queue.hpp"
#include "crm/uploader.hpp"
#include "store/crm_data_keys.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"

namespace kiosk::crm {

class OutboxQueue final : public RecordQueue {
public:
    // Opens (and migrates) the database at `database_path`; `clock` stamps dead letters.
    static Result<std::unique_ptr<OutboxQueue>> open(const std::string& database_path, const Clock& clock);

    // Records and journal anchor in one read transaction (BEGIN DEFERRED: no write lock, the core
    // keeps committing meanwhile).
    Result<std::vector<security::SealedRecord>> next_batch(std::size_t limit) override;
    [[nodiscard]] JournalAnchor journal_anchor() const override { return anchor_; }
    Status acknowledge(const std::vector<std::string>& record_ids) override;
    Status dead_letter(const std::string& record_id, const std::string& reason) override;
    Status record_failure(const std::vector<std::string>& record_ids, const std::string& error_text) override;
    Result<std::size_t> pending_count() override;
    // From crm_data_keys (store/crm_data_keys.hpp), written before any record sealed under the key.
    Result<std::vector<security::WrappedDataKey>> data_keys(const std::vector<std::string>& data_key_ids) override;

private:
    OutboxQueue(store::Database database, const Clock& clock);

    store::Database database_;
    store::Outbox outbox_;  // refers to database_: OutboxQueue is never moved (held by unique_ptr)
    JournalAnchor anchor_;
};

// The production uploader: its own connection to the database at `database_path`.
Result<std::unique_ptr<Uploader>> open_outbox_uploader(UploaderConfig config, const std::string& database_path,
                                                       Clock& clock, RandomSource& random, Waiter& waiter);

}  // namespace kiosk::crm
