// A deferred read transaction for walking the whole journal: one consistent snapshot without the
// write lock (a WAL reader never blocks the kiosk's writer), so an entry appended meanwhile cannot
// land between two batches. Inside a caller's transaction it does nothing: that one already is
// the snapshot.
#pragma once

#include <utility>

#include <sqlite3.h>

#include "common/result.hpp"
#include "store/database.hpp"

namespace kiosk::store {

class JournalReadSnapshot {
public:
    static Result<JournalReadSnapshot> begin(Database& database) {
        if (sqlite3_get_autocommit(database.handle()) == 0) return JournalReadSnapshot(nullptr);
        KIOSK_TRY(database.execute("BEGIN DEFERRED"));
        return JournalReadSnapshot(&database);
    }
    JournalReadSnapshot(JournalReadSnapshot&& other) noexcept : database_(std::exchange(other.database_, nullptr)) {}
    JournalReadSnapshot& operator=(JournalReadSnapshot&&) = delete;
    JournalReadSnapshot(const JournalReadSnapshot&) = delete;
    JournalReadSnapshot& operator=(const JournalReadSnapshot&) = delete;
    ~JournalReadSnapshot() {
        if (database_ != nullptr) (void)database_->execute("ROLLBACK");  // read only: nothing to keep
    }

private:
    explicit JournalReadSnapshot(Database* database) : database_(database) {}
    Database* database_;
};

}  // namespace kiosk::store
