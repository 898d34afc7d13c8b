// ProfileSource: where the profile channel asks for a customer's profile. Unlike CustomerProfiles
// (which answers "a profile or none") it tells a failure (CRM unreachable, an answer refused) from
// "no profile" (404), so that the channel can fall back on its sealed cache for the first and
// forget the cached profile for the second. Runs on the profile channel's worker, never the loop.
#pragma once

#include <optional>
#include <string_view>

#include "common/result.hpp"
#include "kiosk/runtime/customer_profiles.hpp"

namespace kiosk {

class ProfileSource {
public:
    virtual ~ProfileSource() = default;
    // A profile; nullopt: the bank has none for this token; an error: no answer to be used.
    virtual Result<std::optional<CustomerProfile>> fetch(std::string_view pan_token) = 0;
};

// A CustomerProfiles (the simulator's card deck, a test's table) as a source that never fails.
class InfallibleProfileSource final : public ProfileSource {
public:
    explicit InfallibleProfileSource(CustomerProfiles& profiles) : profiles_(profiles) {}
    Result<std::optional<CustomerProfile>> fetch(std::string_view pan_token) override {
        return profiles_.find(pan_token);
    }

private:
    CustomerProfiles& profiles_;
};

}  // namespace kiosk
