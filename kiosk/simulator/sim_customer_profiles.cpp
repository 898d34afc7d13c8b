#include "kiosk/simulator/sim_customer_profiles.hpp"

#include "sim/devices/card_deck.hpp"

namespace kiosk {

namespace {

// What the simulated CRM knows of some deck cards' holders (until the simulated CRM serves them).
struct DeckProfile {
    const char* card_id;
    std::int64_t favourite_fen;  // the amount usually withdrawn, CNY
    bool small_notes;
    std::optional<ui::Language> language;
    const char* segment;
    const char* offer_id;  // nullptr: no offer
    const char* offer_en;
    const char* offer_zh;
};
const DeckProfile kDeckProfiles[]{
    // A senior customer who likes change and reads Chinese: the visit switches to it.
    {"unionpay-li", 300'00, true, ui::Language::SimplifiedChinese, "senior", "fx-2026-12",
     "Travel money without fees this month", "本月购汇免手续费"},
    {"mc-chen", 1'500'00, false, std::nullopt, "premier", "deposit-2026",
     "Save more with a new time deposit", "新定期存款，储蓄更多"},
};

}  // namespace

SimCustomerProfiles::SimCustomerProfiles(const security::PanTokenizer& tokenizer) {
    for (const DeckProfile& deck : kDeckProfiles) {
        CustomerProfile profile;
        profile.favourite_withdrawal = Money{deck.favourite_fen, "CNY", 2};
        profile.prefers_small_notes = deck.small_notes;
        profile.language = deck.language;
        profile.segment = deck.segment;
        if (deck.offer_id != nullptr) profile.offer = ProfileOffer{deck.offer_id, deck.offer_en, deck.offer_zh};
        by_token_[tokenizer.token(sim::card(deck.card_id).pan)] = profile;
    }
}

std::optional<CustomerProfile> SimCustomerProfiles::find(std::string_view pan_token) {
    const auto found = by_token_.find(pan_token);
    if (found == by_token_.end()) return std::nullopt;
    return found->second;
}

}  // namespace kiosk
