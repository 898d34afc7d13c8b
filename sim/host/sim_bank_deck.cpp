#include "sim/host/sim_bank_deck.hpp"

#include "sim/devices/card_deck.hpp"

namespace kiosk::sim {

Status add_card_deck(SimBank& bank, const std::function<Money(std::size_t)>& opening_balance, const Money& others) {
    const auto& deck = card_deck();
    for (std::size_t i = 0; i < deck.size(); ++i) {
        const VirtualCard& card = deck[i];
        SimCustomer customer{card.pan, card.pin, card.expiry_yymm, {}, std::nullopt};
        for (std::size_t a = 0; a < card.account_ids.size(); ++a) {
            const std::string& id = card.account_ids[a];
            const AccountKind kind = id.rfind("SAV-", 0) == 0 ? AccountKind::Savings : AccountKind::Checking;
            customer.accounts.push_back({id, kind, a == 0 ? opening_balance(i) : others});
        }
        KIOSK_TRY(bank.add_customer(std::move(customer)));
    }
    return ok_status();
}

}  // namespace kiosk::sim
