#include "kiosk/simulator/sim_customer_profiles.hpp"

#include "sim/devices/card_deck.hpp"

namespace kiosk {

namespace {

// What the simulated CRM knows of some deck cards' holders.
struct DeckProfile {
    const char* card_id;
    std::int64_t favourite_fen;  // the amount usually withdrawn, CNY
    bool small_notes;
};
constexpr DeckProfile kDeckProfiles[]{
    {"unionpay-li", 300'00, true},  // a senior customer who likes change
    {"mc-chen", 1'500'00, false},
};

}  // namespace

SimCustomerProfiles::SimCustomerProfiles(const security::PanTokenizer& tokenizer) {
    for (const DeckProfile& deck : kDeckProfiles) {
        CustomerProfile profile;
        profile.favourite_withdrawal = Money{deck.favourite_fen, "CNY", 2};
        profile.prefers_small_notes = deck.small_notes;
        by_token_[tokenizer.token(sim::card(deck.card_id).pan)] = profile;
    }
}

std::optional<CustomerProfile> SimCustomerProfiles::find(std::string_view pan_token) {
    const auto found = by_token_.find(pan_token);
    if (found == by_token_.end()) return std::nullopt;
    return found->second;
}

}  // namespace kiosk
