#include "kiosk/cx/cx_stat.hpp"

#include <array>
#include <string>

#include "kiosk/cx/cx_day.hpp"

namespace kiosk {

namespace {

// Fields the index never needs and that identify a card, a customer or a transaction (or are
// free text that might): dropped by name, at the top level of the payload.
constexpr std::array<std::string_view, 7> kDropped{"events", "steps", "reference", "transaction_reference",
                                                   "stan", "detail", "session"};
// Whatever a producer may add later under such a name is card or customer data: dropped too.
constexpr std::array<std::string_view, 4> kDroppedWhenNamed{"pan", "token", "track", "pin_block"};

bool dropped(const std::string& name) {
    for (std::string_view field : kDropped) {
        if (name == field) return true;
    }
    for (std::string_view part : kDroppedWhenNamed) {
        if (name.find(part) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

store::CxStat cx_stat_of(std::string_view kind, const nlohmann::json& payload, TimePoint at) {
    nlohmann::json summary = nlohmann::json::object();
    if (payload.is_object()) {
        for (const auto& [name, value] : payload.items()) {
            if (!dropped(name)) summary[name] = value;
        }
    }
    return store::CxStat{utc_day(at), std::string(kind), summary.dump()};
}

}  // namespace kiosk
