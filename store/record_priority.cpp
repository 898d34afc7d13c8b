// The kind → priority table (see record_priority.hpp).
#include "store/record_priority.hpp"

namespace kiosk::store {

RecordPriority record_priority(std::string_view kind) {
    if (kind == "transaction" || kind == "complaint" || kind == "alert") return RecordPriority::First;
    if (kind == "journey") return RecordPriority::Telemetry;
    return RecordPriority::Normal;  // survey, service_quality, telemetry_dropped, unknown
}

}  // namespace kiosk::store
