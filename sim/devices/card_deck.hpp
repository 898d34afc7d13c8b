// The deck of virtual cards the simulator can insert: good cards for every customer segment and
// language, plus broken ones (bad Luhn, expired, mute stripe, unreadable chip, mute chip). This source file
// pair is the ONE place test PANs and PINs live; tests take them from here and never print them.
// PANs are public test numbers (issuers' and card schemes' published test ranges).
// Run: build/h-drivers/bin/sim_devices_tests --gtest_filter='CardDeck*'
// Used by: tests/sim/card_deck_test.cpp, tests/drivers/track_parser_test.cpp, SimCardReader.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::sim {

enum class StripeCondition : std::uint8_t { good, mute };  // mute: the reader reads nothing
// none: stripe only. emv: a working chip. unreadable: powers up (ATR) but its records cannot be
// read (READ RECORD answers 6F00). mute: no ATR at all.
enum class ChipProfile : std::uint8_t { none, emv, unreadable, mute };

// One EMV application on the chip (EMV Book 3). The chip's PAN and expiry are the card's own
// fields (one source of truth); sim/devices/sim_chip_card.hpp builds the FCI and records from them.
struct ChipApplication {
    std::string aid_hex;     // e.g. "A0000000031010"
    std::string label;       // tag 50, e.g. "VISA DEBIT"
    std::uint8_t priority = 1;  // tag 87: 1 is chosen first
};

struct ChipData {
    std::vector<ChipApplication> applications;
    bool has_pse = true;        // false: no 1PAY.SYS.DDF01, the terminal falls back to its AID list
    bool t0_transport = false;  // answers 61xx (GET RESPONSE) and 6Cxx (wrong Le) like a T=0 card
    bool gpo_format1 = false;   // GET PROCESSING OPTIONS answers 80 (AIP + AFL) instead of 77
    std::string pdol_hex;       // 9F38 in the application's FCI; empty: no PDOL
};

struct VirtualCard {
    std::string id;  // stable handle for tests and the control socket, e.g. "visa-alice"
    std::string pan;
    std::string name;          // ISO 7813 "SURNAME/GIVEN"
    std::string expiry_yymm;
    std::string service_code;
    std::string pin;
    std::vector<std::string> account_ids;
    std::string segment;       // CRM customer segment: retail, premium, student, senior
    std::string language;      // preferred UI language (BCP 47)
    StripeCondition stripe = StripeCondition::good;
    ChipProfile chip = ChipProfile::emv;
    ChipData chip_data;         // applications and chip behaviour; empty when chip == none

    // Track text as the reader returns it, sentinels included, built from the fields above.
    [[nodiscard]] std::string track1() const;
    [[nodiscard]] std::string track2() const;
};

// Every card, in a fixed order.
const std::vector<VirtualCard>& card_deck();

// The card with `id`; throws std::out_of_range for an unknown id (a test's programming error).
const VirtualCard& card(std::string_view id);

}  // namespace kiosk::sim
