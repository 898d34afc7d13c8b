// The customer profile the CRM answers to `GET <profiles endpoint>/<pan_token>`, as JSON
// (docs/cx-records.md § The customer profile). Both directions live here because the simulated CRM
// encodes what the kiosk decodes; kiosk_crm_wire is the library both link.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "kiosk/runtime/customer_profiles.hpp"

namespace kiosk::crm {

// A profile answer is small; anything larger is refused unread (the visit goes on unpersonalized).
inline constexpr std::size_t max_profile_bytes = 8192;

// {"token":…, "language", "accessibility", "usual_amount_minor"+"currency", "prefers_small_notes",
//  "segment", "offer", "complaints"}: absent optionals and an empty segment are left out.
[[nodiscard]] std::string encode_profile(const CustomerProfile& profile, std::string_view pan_token);

// Strict: more than `max_bytes`, not JSON, not an object, no string `token`, a field of the wrong
// type, an unknown language or complaint status, an amount without a known currency — each an Error
// of domain "crm" that names the field. Unknown extra fields are tolerated so the CRM can grow first.
Result<CustomerProfile> decode_profile(std::string_view json, std::size_t max_bytes = max_profile_bytes);

// The names of docs/cx-records.md: "received", "in_progress", "resolved".
[[nodiscard]] std::string_view complaint_state_name(ComplaintState state);
Result<ComplaintState> parse_complaint_state(std::string_view name);

}  // namespace kiosk::crm
