// The simulator's stand-in for the CRM's customer profiles: a favourite withdrawal for some deck
// cards, and for two of them a segment and a menu offer (unionpay-li also prefers Chinese), keyed
// by the kiosk's own token of each deck PAN (the deck is the one place test PANs live).
#pragma once

#include <map>
#include <string>

#include "kiosk/runtime/customer_profiles.hpp"
#include "security/pan.hpp"

namespace kiosk {

class SimCustomerProfiles final : public CustomerProfiles {
public:
    explicit SimCustomerProfiles(const security::PanTokenizer& tokenizer);
    std::optional<CustomerProfile> find(std::string_view pan_token) override;
    // Every deck profile by token: what `kiosk --sim` loads into its simulated CRM at start.
    [[nodiscard]] const std::map<std::string, CustomerProfile, std::less<>>& all() const { return by_token_; }

private:
    std::map<std::string, CustomerProfile, std::less<>> by_token_;
};

}  // namespace kiosk
