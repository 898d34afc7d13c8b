// What the bank knows of a customer that the kiosk may use to serve them faster — personalization.
// Looked up by the card's keyed token (security/pan.hpp), never by the PAN. The bank's CRM answers
// (docs/cx-records.md § The customer profile); the simulator answers from its card deck
// (kiosk/simulator/sim_customer_profiles.hpp). With none attached, or none in time, the kiosk
// serves the customer unpersonalized. The segment is recorded with the visit and decides nothing
// about service: no customer gets a slower path or fewer choices because of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

enum class ComplaintState { Received, InProgress, Resolved };

// An earlier problem report of this customer and where the bank is with it.
struct ComplaintStatus {
    std::string reference;  // "KB-20261202-7Q4M", as shown and printed when it was made
    ComplaintState state = ComplaintState::Received;
    std::int64_t updated_unix_ms = 0;
};

// One line the bank wants to show this customer on the menu (never a screen to dismiss).
struct ProfileOffer {
    std::string id;
    std::string text_en;
    std::string text_zh;
};

struct AccessibilityPreferences {
    bool large_text = false;
    bool high_contrast = false;
    bool speech = false;
};

struct CustomerProfile {
    std::optional<ui::Language> language;  // preferred language: the session starts in it
    std::optional<AccessibilityPreferences> accessibility;
    // The amount this customer usually withdraws: offered first on the amount screen ("Your usual"),
    // when the cassettes can pay it.
    std::optional<Money> favourite_withdrawal;
    // The customer asked for small notes: withdrawals are paid with the most notes one dispense may
    // hold, where the cassettes allow (drivers/cash/note_mixer.hpp, plan_small_notes).
    bool prefers_small_notes = false;
    std::string segment;                // the bank's label ("senior", "standard", …); recorded only
    std::optional<ProfileOffer> offer;  // one menu line
    std::vector<ComplaintStatus> complaints;  // open or recently resolved reports, newest first
};

class CustomerProfiles {
public:
    virtual ~CustomerProfiles() = default;
    // nullopt: no profile for this token (or none that may be used).
    virtual std::optional<CustomerProfile> find(std::string_view pan_token) = 0;
};

}  // namespace kiosk
