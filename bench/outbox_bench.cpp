// Durable enqueue into the outbox and its drain to the simulated CRM, against same-run baselines
// (docs/benchmarks.md, "Outbox"): store::commit of 1 KiB sealed records, WAL, synchronous=FULL —
// one record per transaction (latency, p99 in units of the disk's own fsync) and N per transaction
// (records/s) — next to a plain SQLite insert of the same bytes per transaction and a raw
// pwrite+fdatasync of a small file in the same directory; then Uploader::upload_once rounds from
// the real outbox to the in-process SimCrmServer over TLS (records/s).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "crm/outbox_queue.hpp"
#include "crm/uploader.hpp"
#include "crm/waiter.hpp"
#include "security/journal_chain.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "sim/crm/test_pki.hpp"
#include "store/business_step.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"

namespace {

using namespace kiosk;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kCiphertextBytes = 1024;

// A scratch directory next to where the kiosk keeps its data (the temp dir), removed afterwards.
class ScratchDirectory {
public:
    explicit ScratchDirectory(const std::string& name)
        : path_(std::filesystem::temp_directory_path() / ("kiosk_outbox_bench_" + name + "_" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~ScratchDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A record as the CX recorder seals it: UUID-like id, 12-byte IV, 1 KiB ciphertext, 16-byte tag.
security::SealedRecord sealed_record(std::int64_t n, const char* kind = "transaction") {
    security::SealedRecord record;
    char id[40];
    std::snprintf(id, sizeof id, "%08llx-0000-4000-8000-%012llx", static_cast<unsigned long long>(n),
                  static_cast<unsigned long long>(n));
    record.header.record_id = id;
    record.header.kind = kind;
    record.header.kiosk_id = "KIOSK-0042";
    record.header.key_id = "dk-bench";
    record.header.schema_version = 2;
    record.header.created_unix_ms = 1'767'607'200'000 + n;
    record.iv = Bytes(12, static_cast<std::uint8_t>(n));
    record.ciphertext = Bytes(kCiphertextBytes, static_cast<std::uint8_t>(n * 7));
    record.tag = Bytes(16, 0x22);
    return record;
}

security::JournalChain bench_chain() { return std::move(security::JournalChain::create(Bytes(32, 0x4A)).value()); }

double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1));
    return samples[index];
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The disk's own durable-write time: rewrite 4 KiB at the start of a file and fdatasync it, as
// a WAL commit does for its frames (after the first pass the WAL is rewritten in place too).
class RawFsync {
public:
    explicit RawFsync(const std::string& path) : fd_(::open(path.c_str(), O_CREAT | O_RDWR | O_TRUNC, 0600)), block_(4096, 0x5A) {}
    ~RawFsync() {
        if (fd_ >= 0) ::close(fd_);
    }
    RawFsync(const RawFsync&) = delete;
    RawFsync& operator=(const RawFsync&) = delete;
    [[nodiscard]] bool ok() const { return fd_ >= 0; }
    // Seconds for one write + fdatasync.
    double once() {
        const auto start = Clock::now();
        if (::pwrite(fd_, block_.data(), block_.size(), 0) != static_cast<ssize_t>(block_.size())) return -1;
        if (::fdatasync(fd_) != 0) return -1;
        return seconds_since(start);
    }
    // Median of `count` samples.
    double median(int count) {
        std::vector<double> samples;
        for (int i = 0; i < count; ++i) samples.push_back(once());
        return percentile(samples, 0.5);
    }

private:
    int fd_;
    std::vector<std::uint8_t> block_;
};

void Baseline_RawFsync(benchmark::State& state) {
    ScratchDirectory dir("fsync");
    RawFsync disk(dir.file("probe"));
    if (!disk.ok()) {
        state.SkipWithError("cannot open the probe file");
        return;
    }
    std::vector<double> samples;
    for (auto _ : state) {
        const double took = disk.once();
        if (took < 0) state.SkipWithError("write or fdatasync failed");
        samples.push_back(took);
        state.SetIterationTime(took);
    }
    state.counters["p50_us"] = percentile(samples, 0.5) * 1e6;
    state.counters["p99_us"] = percentile(samples, 0.99) * 1e6;
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(Baseline_RawFsync)->UseManualTime()->Iterations(1000);

// One 1 KiB sealed record per business step: the latency a customer's step waits for.
void Outbox_EnqueueSingle(benchmark::State& state) {
    ScratchDirectory dir("single");
    auto database = store::Database::open(dir.file("kiosk.db"));
    if (!database) {
        state.SkipWithError(database.error().message.c_str());
        return;
    }
    const security::JournalChain chain = bench_chain();
    RawFsync disk(dir.file("probe"));
    const double fsync_median = disk.median(200);  // same directory, same run, just before
    std::int64_t n = 0;
    std::vector<double> samples;
    for (auto _ : state) {
        store::BusinessStep step;
        step.outbox.push_back(sealed_record(n++));
        const auto start = Clock::now();
        if (!store::commit(*database, step, chain).ok()) state.SkipWithError("commit failed");
        const double took = seconds_since(start);
        samples.push_back(took);
        state.SetIterationTime(took);
    }
    state.counters["p50_us"] = percentile(samples, 0.5) * 1e6;
    state.counters["p99_us"] = percentile(samples, 0.99) * 1e6;
    state.counters["fsync_us"] = fsync_median * 1e6;
    state.counters["p99_in_fsyncs"] = percentile(samples, 0.99) / fsync_median;
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(Outbox_EnqueueSingle)->UseManualTime()->Iterations(1000);

// N records per business step (the uploader-side cost is one fsync per step, shared by N).
void Outbox_EnqueueBatched(benchmark::State& state) {
    ScratchDirectory dir("batched");
    auto database = store::Database::open(dir.file("kiosk.db"));
    if (!database) {
        state.SkipWithError(database.error().message.c_str());
        return;
    }
    const security::JournalChain chain = bench_chain();
    const auto per_step = static_cast<std::int64_t>(state.range(0));
    std::int64_t n = 0;
    for (auto _ : state) {
        state.PauseTiming();
        store::BusinessStep step;
        for (std::int64_t i = 0; i < per_step; ++i) step.outbox.push_back(sealed_record(n++));
        state.ResumeTiming();
        if (!store::commit(*database, step, chain).ok()) state.SkipWithError("commit failed");
    }
    state.SetItemsProcessed(state.iterations() * per_step);
}
BENCHMARK(Outbox_EnqueueBatched)->Arg(10)->Arg(100)->Arg(200)->UseRealTime()->MinTime(0.5);

// The floor: the same bytes inserted into a one-table database, N rows per transaction, same pragmas.
void Baseline_SqliteInsertPerTransaction(benchmark::State& state) {
    ScratchDirectory dir("sqlite");
    sqlite3* raw = nullptr;
    if (sqlite3_open(dir.file("plain.db").c_str(), &raw) != SQLITE_OK) {
        state.SkipWithError("sqlite3_open failed");
        sqlite3_close(raw);
        return;
    }
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, sqlite3_close);
    sqlite3_exec(db.get(),
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE t(id INTEGER PRIMARY KEY, record_id TEXT UNIQUE, payload BLOB);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* raw_statement = nullptr;
    sqlite3_prepare_v2(db.get(), "INSERT INTO t(record_id, payload) VALUES(?, ?)", -1, &raw_statement, nullptr);
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> insert(raw_statement, sqlite3_finalize);
    const auto per_transaction = static_cast<std::int64_t>(state.range(0));
    const Bytes payload(12 + kCiphertextBytes + 16, 0x33);
    std::int64_t n = 0;
    std::vector<double> samples;
    for (auto _ : state) {
        const auto start = Clock::now();
        sqlite3_exec(db.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (std::int64_t i = 0; i < per_transaction; ++i) {
            const std::string id = sealed_record(n++).header.record_id;
            sqlite3_bind_text(insert.get(), 1, id.c_str(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
            sqlite3_bind_blob(insert.get(), 2, payload.data(), static_cast<int>(payload.size()), SQLITE_STATIC);
            if (sqlite3_step(insert.get()) != SQLITE_DONE) state.SkipWithError("insert failed");
            sqlite3_reset(insert.get());
        }
        sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr);
        const double took = seconds_since(start);
        samples.push_back(took);
        state.SetIterationTime(took);
    }
    state.counters["p99_us"] = percentile(samples, 0.99) * 1e6;
    state.SetItemsProcessed(state.iterations() * per_transaction);
}
BENCHMARK(Baseline_SqliteInsertPerTransaction)->Arg(1)->Arg(10)->Arg(100)->Arg(200)->UseManualTime()->MinTime(0.5);

// Upload drain: `records` queued (journeys, transactions and surveys), then upload_once rounds of
// the default batch (200) until the outbox is empty, to the simulated CRM over TLS on loopback.
void Outbox_Drain(benchmark::State& state) {
    ScratchDirectory dir("drain");
    SeededRandom serials(3);
    auto pki = sim::generate_test_pki(dir.path() / "pki", {sim::valid_around(SystemClock().now()),
                                                           sim::valid_around(SystemClock().now()), true},
                                      serials);
    if (!pki) {
        state.SkipWithError(pki.error().message.c_str());
        return;
    }
    sim::SimCrmOptions options;
    options.certificate_file = pki->server.certificate;
    options.private_key_file = pki->server.private_key;
    auto crm = sim::SimCrmServer::start(options);
    if (!crm) {
        state.SkipWithError(crm.error().message.c_str());
        return;
    }
    const std::string path = dir.file("kiosk.db");
    auto core = store::Database::open(path);
    if (!core) {
        state.SkipWithError(core.error().message.c_str());
        return;
    }
    crm::UploaderConfig config;
    config.endpoint = (*crm)->url();
    config.kiosk_id = "KIOSK-0042";
    config.tls.ca_file = pki->ca.certificate.string();
    config.tls.pinned_public_keys = pki->server_pin;
    SystemClock clock;
    SeededRandom random(4);
    crm::SteadyWaiter waiter;
    auto uploader = crm::open_outbox_uploader(config, path, clock, random, waiter);
    if (!uploader) {
        state.SkipWithError(uploader.error().message.c_str());
        return;
    }
    const security::JournalChain chain = bench_chain();
    const auto records = static_cast<std::int64_t>(state.range(0));
    static const char* const kinds[] = {"journey", "transaction", "survey"};
    std::int64_t n = 0;
    std::int64_t rounds = 0;
    for (auto _ : state) {
        state.PauseTiming();
        for (std::int64_t queued = 0; queued < records;) {
            store::BusinessStep step;
            for (int i = 0; i < 200 && queued < records; ++i, ++queued, ++n) {
                step.outbox.push_back(sealed_record(n, kinds[n % 3]));
            }
            if (!store::commit(*core, step, chain).ok()) state.SkipWithError("enqueue failed");
        }
        state.ResumeTiming();
        while (true) {
            const crm::UploadSummary summary = (*uploader)->upload_once();
            ++rounds;
            if (!summary.ok()) {
                state.SkipWithError(summary.error->message.c_str());
                break;
            }
            if (summary.sent == 0) break;
        }
    }
    state.counters["rounds"] = benchmark::Counter(static_cast<double>(rounds), benchmark::Counter::kAvgIterations);
    state.SetItemsProcessed(state.iterations() * records);
}
BENCHMARK(Outbox_Drain)->Arg(2000)->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
