// One business step (journal line + counter deltas + one outbox record, one SQLite transaction in
// WAL mode with synchronous=FULL) against the floor: the smallest durable commit the same
// database can do — one row inserted into one table in one transaction with the same pragmas.
// Both pay an fsync; the gap is what the step's extra rows and our statement layer cost.
#include <filesystem>
#include <string>
#include <unistd.h>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include "store/business_step.hpp"
#include "store/database.hpp"

namespace {

using namespace kiosk;

// A fresh database file per benchmark, removed afterwards (WAL and SHM too).
class ScratchDatabasePath {
public:
    explicit ScratchDatabasePath(const std::string& name)
        : path_(std::filesystem::temp_directory_path() / ("kiosk_bench_" + name + "_" + std::to_string(::getpid()) + ".db")) {
        remove_all();
    }
    ~ScratchDatabasePath() { remove_all(); }
    ScratchDatabasePath(const ScratchDatabasePath&) = delete;
    ScratchDatabasePath& operator=(const ScratchDatabasePath&) = delete;
    [[nodiscard]] std::string string() const { return path_.string(); }

private:
    void remove_all() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
    }
    std::filesystem::path path_;
};

store::BusinessStep make_step(std::int64_t n) {
    store::BusinessStep step;
    store::JournalLine line;
    line.time_unix_ms = 1'767'607'200'000 + n;
    line.actor = "customer";
    line.event_type = "balance_inquiry";
    line.outcome = "success";
    line.origin = "KIOSK-0042/flow";
    line.resource = "account:tok-3f9a";
    step.journal.push_back(line);
    step.counters.push_back({"transactions.balance_inquiry", 1});
    security::SealedRecord record;
    record.header.record_id = "bench-" + std::to_string(n);
    record.header.kind = "journey";
    record.header.kiosk_id = "KIOSK-0042";
    record.header.key_id = "dk-bench";
    record.header.schema_version = 1;
    record.header.created_unix_ms = line.time_unix_ms;
    record.iv = Bytes(12, 0x11);
    record.ciphertext = Bytes(1024, 0x33);
    record.tag = Bytes(16, 0x22);
    step.outbox.push_back(std::move(record));
    return step;
}

void Store_BusinessStepCommit(benchmark::State& state) {
    ScratchDatabasePath path("step");
    auto database = store::Database::open(path.string());
    if (!database) {
        state.SkipWithError(database.error().message.c_str());
        return;
    }
    std::int64_t n = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const store::BusinessStep step = make_step(n++);
        state.ResumeTiming();
        if (auto committed = store::commit(*database, step); !committed) state.SkipWithError("commit failed");
    }
}
BENCHMARK(Store_BusinessStepCommit)->UseRealTime();

void Baseline_SqliteSingleInsert(benchmark::State& state) {
    ScratchDatabasePath path("baseline");
    sqlite3* raw = nullptr;
    if (sqlite3_open(path.string().c_str(), &raw) != SQLITE_OK) {
        state.SkipWithError("sqlite3_open failed");
        sqlite3_close(raw);
        return;
    }
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, sqlite3_close);
    sqlite3_exec(db.get(), "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                           "CREATE TABLE t(id INTEGER PRIMARY KEY, payload BLOB);", nullptr, nullptr, nullptr);
    sqlite3_stmt* raw_statement = nullptr;
    sqlite3_prepare_v2(db.get(), "INSERT INTO t(payload) VALUES(?)", -1, &raw_statement, nullptr);
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> insert(raw_statement, sqlite3_finalize);
    const Bytes payload(1024 + 12 + 16, 0x33);
    for (auto _ : state) {
        sqlite3_exec(db.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_blob(insert.get(), 1, payload.data(), static_cast<int>(payload.size()), SQLITE_STATIC);
        if (sqlite3_step(insert.get()) != SQLITE_DONE) state.SkipWithError("insert failed");
        sqlite3_reset(insert.get());
        sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr);
    }
}
BENCHMARK(Baseline_SqliteSingleInsert)->UseRealTime();

}  // namespace
