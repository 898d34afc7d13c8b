// What the bank knows of a customer that the kiosk may use to serve them faster — personalization.
// Looked up by the card's keyed token (security/pan.hpp), never by the PAN. The customer-experience
// loop answers from the bank's CRM; the simulator answers from its card deck
// (kiosk/simulator/sim_customer_profiles.hpp). With none attached the kiosk simply offers no
// personal shortcut.
#pragma once

#include <optional>
#include <string_view>

#include "common/money.hpp"

namespace kiosk {

struct CustomerProfile {
    // The amount this customer usually withdraws: offered first on the amount screen ("Your usual"),
    // when the cassettes can pay it.
    std::optional<Money> favourite_withdrawal;
    // The customer asked for small notes: withdrawals are paid with the most notes one dispense may
    // hold, where the cassettes allow (drivers/cash/note_mixer.hpp, plan_small_notes).
    bool prefers_small_notes = false;
};

class CustomerProfiles {
public:
    virtual ~CustomerProfiles() = default;
    // nullopt: no profile for this token (or none that may be used).
    virtual std::optional<CustomerProfile> find(std::string_view pan_token) = 0;
};

}  // namespace kiosk
