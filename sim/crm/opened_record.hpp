// A record as the (simulated) CRM holds it once opened: the header it arrived under and the
// payload JSON its seal protected (docs/cx-records.md). What the CRM's store keeps and its report
// reads.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk::sim {

struct OpenedCrmRecord {
    std::string record_id;
    std::string kind;  // "journey", "transaction", "survey", "complaint", "service_quality", …
    std::string kiosk_id;
    std::uint32_t schema_version = 0;
    std::int64_t created_unix_ms = 0;
    std::int64_t received_unix_ms = 0;
    std::string payload_json;
};

}  // namespace kiosk::sim
