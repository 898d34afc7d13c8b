// ProfileCache: the customer profiles the CRM sent, kept for offline use — sealed with the kiosk's
// local RecordSealer (store/sealed_rows.hpp) in the kiosk database (table profile_cache, schema 8),
// one row per card token, each with an expiry (crm.profile_cache_hours, 72 by default). When the
// CRM is unreachable or late, a cached profile that has not expired personalizes the visit. An
// expired row is never used and is deleted when found. Used on the loop thread, as the recorder is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "kiosk/runtime/customer_profiles.hpp"
#include "security/record_sealer.hpp"
#include "store/database.hpp"

namespace kiosk {

class ProfileCache {
public:
    ProfileCache(store::Database& database, security::RecordSealer& sealer, RandomSource& random, const Clock& clock,
                 std::string kiosk_id, Millis keep_for = std::chrono::hours(72));

    // Keeps `profile` for `token` until now + keep_for, replacing what was cached for it.
    Status store(std::string_view token, const CustomerProfile& profile);
    // The unexpired profile cached for `token`; nullopt when none is (an expired one is deleted).
    // A row that does not open or decode is an error (and deleted: it can never be used).
    Result<std::optional<CustomerProfile>> find(std::string_view token);
    // The bank has no profile for `token` (any more): the cached one goes.
    Status forget(std::string_view token);
    // Deletes every expired row; how many went.
    Result<std::int64_t> prune();

    [[nodiscard]] Millis keep_for() const { return keep_for_; }

private:
    store::Database& database_;
    security::RecordSealer& sealer_;
    RandomSource& random_;
    const Clock& clock_;
    std::string kiosk_id_;
    Millis keep_for_;
};

}  // namespace kiosk
