// Which rows a picture of one transaction shows is decided by the table's own guards: a row belongs
// to it when its guard holds in some context that transaction can be in. These are those contexts,
// and the test of a row against them. (Drawing only: the flow itself never probes.)
#pragma once

#include <span>
#include <vector>

#include "kiosk/flow/flow_table.hpp"

namespace kiosk::flow {

// A card session before any transaction is chosen (the overview's states).
std::vector<Context> contexts_without_transaction();

// A visit whose end the survey gate offered the survey to, with and without the NPS sample.
std::vector<Context> contexts_of_survey();

// The contexts after `start` is taken (MainMenu's choice of a transaction, Attract's cardless
// button): the session that reached start.from along the table, with start's action applied. What
// configuration and device fitness stamp on every step (card before cash, printer, e-receipts,
// "another transaction?"), the PIN tries left and whether a card still in may have left take every
// value.
std::vector<Context> contexts_after(const TransitionRow& start);

// Whether `row` can be taken in one of `contexts` (with some host response, the one payload a
// guard reads). An unguarded row always can.
bool can_take(const TransitionRow& row, std::span<const Context> contexts);

}  // namespace kiosk::flow
