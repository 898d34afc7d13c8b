// Shared by the journal chain tests: a journal key, a chain over it, and a few entries whose
// fields all differ, appended through the chained Journal::append.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "security/journal_chain.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"

namespace kiosk::store::test {

inline const Bytes kJournalKey(32, 0x6B);

inline security::JournalChain make_chain(const Bytes& key = kJournalKey) {
    auto chain = security::JournalChain::create(key);
    if (!chain) throw std::runtime_error(chain.error().to_string());
    return std::move(chain).value();
}

// Entry n (1-based) of a short, varied story: every field differs from entry to entry.
inline JournalLine story_line(int n) {
    static const std::vector<std::string> events{"card_inserted", "pin_ok",         "transaction_request",
                                                 "dispense",      "card_retained", "technician_login"};
    JournalLine line;
    line.time_unix_ms = 1'767'603'600'000 + n * 1'000;
    line.actor = n % 3 == 0 ? "system" : journal_actor_customer("tok-" + std::to_string(n));
    line.event_type = events[static_cast<std::size_t>(n - 1) % events.size()];
    line.outcome = n % 2 == 0 ? "success" : "failure: note jam";
    line.origin = journal_origin("SIM-0001", n % 2 == 0 ? "cx" : "dispenser");
    line.resource = "cassette:" + std::to_string(n);
    line.detail = "amount=" + std::to_string(n * 10) + ".00 CNY";
    return line;
}

inline void append_story(Database& database, const security::JournalChain& chain, int count) {
    Journal journal(database);
    for (int n = 1; n <= count; ++n) {
        auto seq = journal.append(story_line(n), chain);
        ASSERT_TRUE(seq.ok()) << seq.error().to_string();
        ASSERT_EQ(*seq, n);
    }
}

inline Database open_memory_database() {
    auto opened = Database::open_in_memory();
    if (!opened) throw std::runtime_error(opened.error().to_string());
    return std::move(opened).value();
}

}  // namespace kiosk::store::test
