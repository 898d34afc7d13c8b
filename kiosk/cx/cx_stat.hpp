// Turns a CX record's payload into the kiosk's own statistic row (store/cx_stats.hpp): the same
// JSON without the fields that name a customer, a card or a transaction, so what the kiosk keeps
// to compute its service-quality index is no card data and no customer trail.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "store/cx_stats.hpp"

namespace kiosk {

// `kind` is the record kind ("journey", "transaction", "survey", "complaint"), `payload` the
// record's payload (docs/cx-records.md), `at` when it is recorded (its UTC day is the row's day).
// Dropped: pan_token, masked_pan, any other field whose name says pan/token/track/pin_block,
// events, steps, reference, transaction_reference, stan, detail (free text).
store::CxStat cx_stat_of(std::string_view kind, const nlohmann::json& payload, TimePoint at);

}  // namespace kiosk
