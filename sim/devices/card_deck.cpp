// The virtual card deck (see card_deck.hpp).
#include "sim/devices/card_deck.hpp"

#include <stdexcept>

namespace kiosk::sim {

std::string VirtualCard::track1() const {
    return "%B" + pan + "^" + name + "^" + expiry_yymm + service_code + "0000000000000?";
}

std::string VirtualCard::track2() const {
    return ";" + pan + "=" + expiry_yymm + service_code + "00000000?";
}

const std::vector<VirtualCard>& card_deck() {
    static const std::vector<VirtualCard> deck = [] {
        std::vector<VirtualCard> cards;
        auto add = [&cards](VirtualCard card) { cards.push_back(std::move(card)); };
        // Good cards.
        add({"visa-alice", "4012888888881881", "TEST/ALICE", "2812", "201", "1234",
             {"CHK-1001", "SAV-1002"}, "retail", "en", StripeCondition::good, ChipProfile::emv});
        add({"amex-bob", "371449635398431", "TEST/BOB", "2905", "101", "4321",
             {"CHK-2001"}, "premium", "en", StripeCondition::good, ChipProfile::emv});
        add({"mc-chen", "5555555555554444", "TEST/CHEN WEI", "2711", "201", "246810",
             {"CHK-3001", "SAV-3002"}, "premium", "zh", StripeCondition::good, ChipProfile::emv});
        add({"visa-diana", "4111111111111111", "TEST/DIANA", "3001", "101", "1111",
             {"CHK-4001"}, "student", "fr", StripeCondition::good, ChipProfile::none});
        add({"unionpay-li", "6200000000000005", "TEST/LI NA", "2803", "220", "8888",
             {"CHK-5001", "SAV-5002"}, "senior", "zh", StripeCondition::good, ChipProfile::emv});
        add({"discover-emil", "6011000990139424", "TEST/EMIL", "2910", "201", "97531",
             {"CHK-6001"}, "retail", "es", StripeCondition::good, ChipProfile::emv});
        // Broken cards.
        add({"bad-luhn", "4012888888881882", "TEST/BADLUHN", "2812", "201", "1234",
             {"CHK-7001"}, "retail", "en", StripeCondition::good, ChipProfile::emv});
        add({"expired", "5105105105105100", "TEST/EXPIRED", "2001", "201", "1234",
             {"CHK-8001"}, "retail", "en", StripeCondition::good, ChipProfile::emv});
        add({"mute-stripe", "4000056655665556", "TEST/MUTE", "2812", "201", "1234",
             {"CHK-9001"}, "retail", "en", StripeCondition::mute, ChipProfile::emv});
        add({"unreadable-chip", "4242424242424242", "TEST/NOCHIP", "2812", "201", "1234",
             {"CHK-9101"}, "retail", "en", StripeCondition::good, ChipProfile::unreadable});
        return cards;
    }();
    return deck;
}

const VirtualCard& card(std::string_view id) {
    for (const auto& c : card_deck()) {
        if (c.id == id) return c;
    }
    throw std::out_of_range("no virtual card with id " + std::string(id));
}

}  // namespace kiosk::sim
