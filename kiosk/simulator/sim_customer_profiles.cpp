#include "kiosk/simulator/sim_customer_profiles.hpp"

#include "sim/devices/card_deck.hpp"

namespace kiosk {

namespace {

// Deck card id → the amount its holder usually withdraws (CNY, minor units).
const std::map<std::string, std::int64_t>& favourites() {
    static const std::map<std::string, std::int64_t> amounts{
        {"unionpay-li", 300'00},
        {"mc-chen", 1'500'00},
    };
    return amounts;
}

}  // namespace

SimCustomerProfiles::SimCustomerProfiles(const security::PanTokenizer& tokenizer) {
    for (const auto& [card_id, minor] : favourites()) {
        CustomerProfile profile;
        profile.favourite_withdrawal = Money{minor, "CNY", 2};
        profile.prefers_small_notes = card_id == "unionpay-li";  // a senior customer who likes change
        by_token_[tokenizer.token(sim::card(card_id).pan)] = profile;
    }
}

std::optional<CustomerProfile> SimCustomerProfiles::find(std::string_view pan_token) {
    const auto found = by_token_.find(pan_token);
    if (found == by_token_.end()) return std::nullopt;
    return found->second;
}

}  // namespace kiosk
