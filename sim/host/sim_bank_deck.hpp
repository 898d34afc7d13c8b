// Fills a SimBank from the simulator's card deck (sim/devices/card_deck.hpp): each card becomes a
// customer whose account_ids become accounts — "SAV-…" savings, anything else checking — so
// transfers between a customer's own accounts work in the demo and in scenario tests.
// Used by: tests/sim/host/sim_bank_test.cpp; the simulator rig may call it instead of add_account.
#pragma once

#include <cstddef>
#include <functional>

#include "common/money.hpp"
#include "common/result.hpp"
#include "sim/host/sim_bank.hpp"

namespace kiosk::sim {

// `opening_balance(i)` for deck card i's first account; every further account gets `others`.
Status add_card_deck(SimBank& bank, const std::function<Money(std::size_t)>& opening_balance,
                     const Money& others = Money{10'000'00, "CNY", 2});

}  // namespace kiosk::sim
