// Free space and SQLITE_FULL as a fitness input (see storage_guard.hpp).
#include "store/storage_guard.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <spdlog/spdlog.h>
#include <sys/statvfs.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace kiosk::store {
namespace {

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

std::string directory_of(const std::string& path) {
    if (path.empty() || path == ":memory:") return {};
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace

Result<std::uint64_t> statvfs_free_bytes(const std::string& directory) {
    struct statvfs info {};
    if (::statvfs(directory.c_str(), &info) != 0) {
        const int code = errno;
        return make_error("store", "statvfs(" + directory + "): " + std::strerror(code), code);
    }
    return static_cast<std::uint64_t>(info.f_bavail) * static_cast<std::uint64_t>(info.f_frsize);
}

StorageGuard::StorageGuard(Database& database, StorageLimits limits, FreeSpaceProbe probe)
    : database_(database), limits_(limits), probe_(std::move(probe)), directory_(directory_of(database.path())) {}

Result<bool> StorageGuard::database_has_room() {
    auto free_pages = query_int64(database_, "PRAGMA freelist_count");
    if (!free_pages) return free_pages.error();
    if (*free_pages > 0) return true;
    auto pages = query_int64(database_, "PRAGMA page_count");
    if (!pages) return pages.error();
    auto max_pages = query_int64(database_, "PRAGMA max_page_count");
    if (!max_pages) return max_pages.error();
    return *pages < *max_pages;
}

std::optional<std::string> StorageGuard::problem() {
    if (!directory_.empty() && probe_) {
        auto free_bytes = probe_(directory_);
        if (!free_bytes) {
            if (!probe_failure_logged_) spdlog::warn("store: cannot read free space: {}", free_bytes.error().to_string());
            probe_failure_logged_ = true;
        } else if (*free_bytes < limits_.min_free_bytes) {
            return "storage: " + mib(*free_bytes) + " free in " + directory_ + ", below the " +
                   mib(limits_.min_free_bytes) + " minimum";
        }
    }
    if (!database_.storage_full_seen()) return std::nullopt;
    // The free space is back (or was never short: a size limit of the database itself). Room in
    // the file decides; the next business step that commits clears the mark for good.
    auto room = database_has_room();
    if (room.ok() && *room) {
        database_.note_storage_full(false);
        return std::nullopt;
    }
    return "storage: the database is full (the last business step failed with SQLITE_FULL)";
}

}  // namespace kiosk::store
