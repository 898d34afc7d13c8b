// The system trace audit number (ISO 8583 field 11) that names each request this terminal sends:
// 1–999999, then round again. Persisted before it is used, so a restart never sends a second
// request under a STAN the host has already seen (a reversal names its original by STAN).
#pragma once

#include <cstdint>

#include "common/result.hpp"
#include "store/database.hpp"

namespace kiosk {

class StanCounter {
public:
    explicit StanCounter(store::Database& database) : database_(&database) {}

    // The next STAN, stored first. Domain "stan" on a store failure or a corrupt stored value.
    Result<std::uint32_t> next();

    static constexpr std::uint32_t max_stan = 999'999;

private:
    store::Database* database_;
};

}  // namespace kiosk
