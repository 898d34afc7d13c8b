// Whether the database can still take business steps: the free space of its file system
// (statvfs, below store.min_free_mb means full) and a commit that failed with SQLITE_FULL. The
// fitness monitor asks every round and takes the kiosk out of service ("storage full") while
// either holds — no financial transaction is started that could not be recorded; every record
// already committed stays. Nothing here writes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/result.hpp"

namespace kiosk::store {

class Database;

// Free bytes for an unprivileged writer on the file system holding `directory`.
using FreeSpaceProbe = std::function<Result<std::uint64_t>(const std::string& directory)>;

// statvfs(directory): f_bavail · f_frsize.
Result<std::uint64_t> statvfs_free_bytes(const std::string& directory);

struct StorageLimits {
    std::uint64_t min_free_bytes = 64ULL << 20;  // config store.min_free_mb, default 64
};

class StorageGuard {
public:
    // `database` must outlive the guard; `probe` is injectable for tests (the default reads statvfs).
    StorageGuard(Database& database, StorageLimits limits, FreeSpaceProbe probe = statvfs_free_bytes);

    // Why the kiosk must not take transactions now, for the journal and the technician
    // ("storage: 12 MiB free in /var/lib/kiosk, below the 64 MiB minimum"); nullopt when all is
    // well. A commit's SQLITE_FULL (Database::storage_full_seen) holds until the database has room
    // again: a free page, or fewer pages than PRAGMA max_page_count allows. A probe that fails is
    // logged and not held against the kiosk (the commit's own SQLITE_FULL still is).
    std::optional<std::string> problem();

private:
    Result<bool> database_has_room();

    Database& database_;
    StorageLimits limits_;
    FreeSpaceProbe probe_;
    std::string directory_;  // empty for an in-memory database
    bool probe_failure_logged_ = false;
};

}  // namespace kiosk::store
