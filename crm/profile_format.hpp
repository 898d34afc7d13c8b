// The customer profile the CRM sends (docs/cx-records.md § The customer profile) as JSON, both
// ways: decode_profile is strict — anything larger than `max_bytes`, not a JSON object, without a
// token, or with a field of the wrong type is refused whole, and the visit goes on unpersonalized;
// encode_profile writes what decode_profile reads (the simulated CRM serves it, the kiosk's
// profile cache keeps it sealed).
//
// NOTE for the integrator: a minimal version written by the journey/personalization helper so that
// its branch compiles; another helper owns these files with the same two signatures.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "kiosk/runtime/customer_profiles.hpp"

namespace kiosk::crm {

inline constexpr std::size_t kMaxProfileBytes = 8192;

Result<CustomerProfile> decode_profile(std::string_view json, std::size_t max_bytes = kMaxProfileBytes);
std::string encode_profile(const CustomerProfile& profile, std::string_view token);

}  // namespace kiosk::crm
