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
        const ChipData visa{{{"A0000000031010", "VISA DEBIT", 1}}, true, false, false, ""};
        const ChipData mastercard{{{"A0000000041010", "MASTERCARD", 1}}, true, false, false, "9F1A025F2A02"};
        // Good cards.
        add({"visa-alice", "4012888888881881", "TEST/ALICE", "2812", "201", "1234",
             {"CHK-1001", "SAV-1002"}, "retail", "en", StripeCondition::good, ChipProfile::emv,
            // T=0 style transport and a PDOL asking for terminal data.
            {{{"A0000000031010", "VISA DEBIT", 1}}, true, true, false, "9F66049F02069F37049F1A02"}});
        add({"amex-bob", "371449635398431", "TEST/BOB", "2905", "101", "4321",
             {"CHK-2001"}, "premium", "en", StripeCondition::good, ChipProfile::emv,
            {{{"A00000002501", "AMERICAN EXPRESS", 1}}, true, false, true, ""}});
        add({"mc-chen", "5555555555554444", "TEST/CHEN WEI", "2711", "201", "246810",
             {"CHK-3001", "SAV-3002"}, "premium", "zh", StripeCondition::good, ChipProfile::emv,
            // Two applications: the directory lists Mastercard first, but Maestro has priority 1.
            {{{"A0000000041010", "MASTERCARD", 2}, {"A0000000043060", "MAESTRO", 1}}, true, false, false, "9F1A02"}});
        add({"visa-diana", "4111111111111111", "TEST/DIANA", "3001", "101", "1111",
             {"CHK-4001"}, "student", "fr", StripeCondition::good, ChipProfile::none, {}});
        add({"unionpay-li", "6200000000000005", "TEST/LI NA", "2803", "220", "8888",
             {"CHK-5001", "SAV-5002"}, "senior", "zh", StripeCondition::good, ChipProfile::emv,
            // No PSE: found only through the terminal's candidate AID list.
            {{{"A000000333010101", "UNIONPAY DEBIT", 1}}, false, false, false, "9F1A025F2A029A03"}});
        add({"discover-emil", "6011000990139424", "TEST/EMIL", "2910", "201", "97531",
             {"CHK-6001"}, "retail", "es", StripeCondition::good, ChipProfile::emv,
            {{{"A0000001523010", "DISCOVER", 1}}, true, true, true, ""}});
        // Broken cards.
        add({"bad-luhn", "4012888888881882", "TEST/BADLUHN", "2812", "201", "1234",
             {"CHK-7001"}, "retail", "en", StripeCondition::good, ChipProfile::emv, visa});
        add({"expired", "5105105105105100", "TEST/EXPIRED", "2001", "201", "1234",
             {"CHK-8001"}, "retail", "en", StripeCondition::good, ChipProfile::emv, mastercard});
        add({"mute-stripe", "4000056655665556", "TEST/MUTE", "2812", "201", "1234",
             {"CHK-9001"}, "retail", "en", StripeCondition::mute, ChipProfile::emv, visa});
        add({"unreadable-chip", "4242424242424242", "TEST/NOCHIP", "2812", "201", "1234",
             {"CHK-9101"}, "retail", "en", StripeCondition::good, ChipProfile::unreadable, visa});
        add({"mute-chip", "4000000000000002", "TEST/MUTECHIP", "2812", "201", "1234",
             {"CHK-9201"}, "retail", "en", StripeCondition::good, ChipProfile::mute, visa});
        // Service cards: a technician card (its PAN starts with maintenance.technician_card_prefixes'
        // default, 6799990): read, it asks for the service mode instead of starting a visit. Its
        // "PIN" is never used: the technician signs in with their own id and PIN (docs/technician.md).
        add({"technician-service", "6799990000000004", "SERVICE/TECHNICIAN", "3012", "201", "0000",
             {"CHK-9901"}, "retail", "en", StripeCondition::good, ChipProfile::none, {}});
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
