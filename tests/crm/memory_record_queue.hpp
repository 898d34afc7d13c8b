// An in-memory RecordQueue for uploader tests: same contract as the SQLite outbox (oldest first,
// acknowledge ignores unknown ids), plus switches to make the store itself fail.
#pragma once

#include <algorithm>
#include <map>
#include <mutex>

#include "crm/record_queue.hpp"

namespace kiosk::testing {

// Owned by the test; the uploader gets a MemoryRecordQueue that points at it.
struct MemoryOutbox {
    std::mutex mutex;
    std::vector<security::SealedRecord> pending;
    std::map<std::string, std::string> dead_letters;  // id → reason
    std::map<std::string, std::pair<int, std::string>> failures;  // id → (attempts, last error)
    bool fail_reads = false;
    crm::JournalAnchor anchor;  // what journal_anchor() answers

    std::vector<std::string> pending_ids() {
        std::lock_guard lock(mutex);
        std::vector<std::string> ids;
        for (const auto& record : pending) ids.push_back(record.header.record_id);
        return ids;
    }
};

class MemoryRecordQueue final : public crm::RecordQueue {
public:
    explicit MemoryRecordQueue(MemoryOutbox& outbox) : outbox_(outbox) {}

    Result<std::vector<security::SealedRecord>> next_batch(std::size_t limit) override {
        std::lock_guard lock(outbox_.mutex);
        if (outbox_.fail_reads) return make_error("sqlite", "database is locked", 5);
        const auto count = std::min(limit, outbox_.pending.size());
        return std::vector<security::SealedRecord>(outbox_.pending.begin(),
                                                   outbox_.pending.begin() + static_cast<std::ptrdiff_t>(count));
    }
    [[nodiscard]] crm::JournalAnchor journal_anchor() const override {
        std::lock_guard lock(outbox_.mutex);
        return outbox_.anchor;
    }
    Status acknowledge(const std::vector<std::string>& record_ids) override {
        std::lock_guard lock(outbox_.mutex);
        std::erase_if(outbox_.pending, [&record_ids](const security::SealedRecord& record) {
            return std::find(record_ids.begin(), record_ids.end(), record.header.record_id) != record_ids.end();
        });
        return ok_status();
    }
    Status dead_letter(const std::string& record_id, const std::string& reason) override {
        std::lock_guard lock(outbox_.mutex);
        std::erase_if(outbox_.pending, [&record_id](const auto& record) { return record.header.record_id == record_id; });
        outbox_.dead_letters[record_id] = reason;
        return ok_status();
    }
    Status record_failure(const std::vector<std::string>& record_ids, const std::string& error_text) override {
        std::lock_guard lock(outbox_.mutex);
        for (const auto& id : record_ids) {
            auto& [attempts, last_error] = outbox_.failures[id];
            ++attempts;
            last_error = error_text;
        }
        return ok_status();
    }
    Result<std::size_t> pending_count() override {
        std::lock_guard lock(outbox_.mutex);
        return outbox_.pending.size();
    }

private:
    MemoryOutbox& outbox_;
};

// A sealed-looking record with fixed bytes: the uploader never opens records, it only moves them.
inline security::SealedRecord test_record(const std::string& id, const std::string& kind = "journey") {
    security::SealedRecord sealed;
    sealed.header = {id, kind, "K1", "dk-1", 1, 1'767'603'600'000};
    sealed.iv = Bytes(12, 5);
    sealed.ciphertext = to_bytes("sealed " + id);
    sealed.tag = Bytes(16, 6);
    return sealed;
}

}  // namespace kiosk::testing
