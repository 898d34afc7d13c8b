// The journal search (store::Journal::search) on a journal of 100 000 lines — about a year of a
// busy kiosk — against the floor: the last 6 lines read by seq (Journal::read_last), which the
// Journal page already did before it could search. A rare event type (served by the
// (event_type, seq) index) and today's failures (the time_unix_ms index) should stay near it.
#include <cstdlib>

#include <benchmark/benchmark.h>

#include "store/database.hpp"
#include "store/journal.hpp"
#include "store/transaction.hpp"

namespace {

using kiosk::store::Database;
using kiosk::store::Journal;
using kiosk::store::JournalLine;
using kiosk::store::JournalOutcomeFilter;
using kiosk::store::JournalQuery;

constexpr std::int64_t kLines = 100'000;
constexpr std::int64_t kDayStart = 1'767'571'200'000;  // 2026-01-05T00:00:00Z
constexpr std::int64_t kStepMs = 300'000;             // one line every 5 minutes

// One in-memory journal for every benchmark here: mostly sessions, a card retained every 5000
// lines, a failure every 97; the last day starts at line kLines - 288.
Database& journal_database() {
    static Database database = [] {
        auto opened = Database::open_in_memory();
        if (!opened) std::abort();
        Journal journal(*opened);
        auto transaction = kiosk::store::Transaction::begin(*opened);
        for (std::int64_t i = 0; i < kLines; ++i) {
            JournalLine line;
            line.time_unix_ms = kDayStart - (kLines - 288 - i) * kStepMs;
            line.actor = "system";
            line.event_type = i % 5000 == 0 ? "card_retained" : (i % 3 == 0 ? "dispense" : "card_inserted");
            line.outcome = i % 97 == 0 ? "failure: note jam" : "success";
            line.origin = "KIOSK-0001/core";
            line.resource = "dispenser";
            line.detail = "amount 100.00 CNY";
            if (!journal.append(line)) std::abort();
        }
        if (!transaction || !transaction->commit()) std::abort();
        return std::move(*opened);
    }();
    return database;
}

void run_search(benchmark::State& state, const JournalQuery& query) {
    Journal journal(journal_database());
    for (auto _ : state) {
        auto found = journal.search(query);
        if (!found) state.SkipWithError(found.error().message.c_str());
        benchmark::DoNotOptimize(found);
    }
}

void JournalSearch_RareEvent(benchmark::State& state) {
    JournalQuery query;
    query.events = {"card_retained"};
    query.limit = 6;
    run_search(state, query);
}
BENCHMARK(JournalSearch_RareEvent);

void JournalSearch_FailuresToday(benchmark::State& state) {
    JournalQuery query;
    query.outcome = JournalOutcomeFilter::Failures;
    query.from_unix_ms = kDayStart;
    query.limit = 6;
    run_search(state, query);
}
BENCHMARK(JournalSearch_FailuresToday);

void JournalSearch_CardPrefix(benchmark::State& state) {
    JournalQuery query;
    query.events = {"card_*"};
    query.limit = 6;
    run_search(state, query);
}
BENCHMARK(JournalSearch_CardPrefix);

void JournalSearch_RarePrefix(benchmark::State& state) {
    JournalQuery query;
    query.events = {"card_ret*"};
    query.limit = 6;
    run_search(state, query);
}
BENCHMARK(JournalSearch_RarePrefix);

void Baseline_JournalReadLast(benchmark::State& state) {
    Journal journal(journal_database());
    for (auto _ : state) {
        auto last = journal.read_last(6);
        if (!last) state.SkipWithError(last.error().message.c_str());
        benchmark::DoNotOptimize(last);
    }
}
BENCHMARK(Baseline_JournalReadLast);

}  // namespace
