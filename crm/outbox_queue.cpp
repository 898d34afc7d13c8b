// OutboxQueue: forwards to store::Outbox, batching failure notes into one transaction so a failed
// round costs one fsync, not one per record.
#include "crm/outbox_queue.hpp"

#include "store/journal.hpp"
#include "store/transaction.hpp"

namespace kiosk::crm {
namespace {

// A read transaction: one WAL snapshot for several SELECTs, ended (COMMIT; nothing was written) by
// the destructor on every path.
class ReadSnapshot {
public:
    static Result<ReadSnapshot> begin(store::Database& database) {
        KIOSK_TRY(database.execute("BEGIN DEFERRED"));
        return ReadSnapshot(database);
    }
    ReadSnapshot(ReadSnapshot&& other) noexcept : database_(other.database_) { other.database_ = nullptr; }
    ReadSnapshot& operator=(ReadSnapshot&&) = delete;
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    ~ReadSnapshot() {
        if (database_ != nullptr && database_->in_transaction()) static_cast<void>(database_->execute("COMMIT"));
    }

private:
    explicit ReadSnapshot(store::Database& database) : database_(&database) {}
    store::Database* database_;
};

}  // namespace

Result<std::unique_ptr<OutboxQueue>> OutboxQueue::open(const std::string& database_path, const Clock& clock) {
    auto database = store::Database::open(database_path);
    if (!database) return database.error();
    return std::unique_ptr<OutboxQueue>(new OutboxQueue(std::move(*database), clock));
}

OutboxQueue::OutboxQueue(store::Database database, const Clock& clock)
    : database_(std::move(database)), outbox_(database_, clock) {}

Result<std::vector<security::SealedRecord>> OutboxQueue::next_batch(std::size_t limit) {
    auto snapshot = ReadSnapshot::begin(database_);
    if (!snapshot) return snapshot.error();
    auto records = outbox_.next_batch(limit);
    if (!records) return records.error();
    auto anchor = store::Journal(database_).anchor();
    if (!anchor) return anchor.error();
    anchor_ = JournalAnchor{anchor->sequence, std::move(anchor->mac)};
    return records;
}

Status OutboxQueue::acknowledge(const std::vector<std::string>& record_ids) { return outbox_.acknowledge(record_ids); }

Status OutboxQueue::dead_letter(const std::string& record_id, const std::string& reason) {
    return outbox_.dead_letter(record_id, reason);
}

Status OutboxQueue::record_failure(const std::vector<std::string>& record_ids, const std::string& error_text) {
    if (record_ids.empty()) return ok_status();
    auto transaction = store::Transaction::begin(database_);
    if (!transaction) return transaction.error();
    for (const auto& record_id : record_ids) KIOSK_TRY(outbox_.record_attempt(record_id, error_text));
    return transaction->commit();
}

Result<std::size_t> OutboxQueue::pending_count() { return outbox_.pending_count(); }

Result<std::vector<security::WrappedDataKey>> OutboxQueue::data_keys(const std::vector<std::string>& data_key_ids) {
    return store::CrmDataKeys(database_).wraps_for(data_key_ids);
}

Result<std::unique_ptr<Uploader>> open_outbox_uploader(UploaderConfig config, const std::string& database_path,
                                                       Clock& clock, RandomSource& random, Waiter& waiter) {
    auto queue = OutboxQueue::open(database_path, clock);
    if (!queue) {
        return make_error("crm", "uploader cannot open the outbox " + database_path + ": " + queue.error().domain + ": " + queue.error().message,
                          queue.error().native_code);
    }
    return std::make_unique<Uploader>(std::move(config), std::move(*queue), clock, random, waiter);
}

}  // namespace kiosk::crm
