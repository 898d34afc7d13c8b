// Named persistent int64 counters (notes dispensed per cassette, cards retained, steps, …),
// changed by deltas inside business steps so they always agree with the journal.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "common/result.hpp"

namespace kiosk::store {

class Database;

struct CounterDelta {
    std::string name;
    std::int64_t delta = 0;
};

class Counters {
public:
    explicit Counters(Database& database) : database_(database) {}

    // Creates the counter at `delta` if absent. Overflowing int64 is an error, not a wrap.
    Status add(const std::string& name, std::int64_t delta);
    // 0 for a counter never written.
    Result<std::int64_t> get(const std::string& name);
    // Every counter, by name.
    Result<std::map<std::string, std::int64_t>> all();

private:
    Database& database_;
};

}  // namespace kiosk::store
