// Names of the simulated CRM's faults and endpoints (see crm_fault.hpp).
#include "sim/crm/crm_fault.hpp"

#include <array>
#include <string>

namespace kiosk::sim {
namespace {

constexpr std::array kFaults{CrmFault::Refuse,       CrmFault::Stall,          CrmFault::ServerError,
                             CrmFault::Unavailable,  CrmFault::Throttled,      CrmFault::PartialBatch,
                             CrmFault::ResetMidAnswer, CrmFault::MalformedAnswer, CrmFault::LostAnswer};

}  // namespace

std::string_view fault_name(CrmFault fault) {
    switch (fault) {
        case CrmFault::Refuse: return "refuse";
        case CrmFault::Stall: return "stall";
        case CrmFault::ServerError: return "server_error";
        case CrmFault::Unavailable: return "unavailable";
        case CrmFault::Throttled: return "throttled";
        case CrmFault::PartialBatch: return "partial_batch";
        case CrmFault::ResetMidAnswer: return "reset_mid_answer";
        case CrmFault::MalformedAnswer: return "malformed_answer";
        case CrmFault::LostAnswer: return "lost_answer";
    }
    return "server_error";
}

Result<CrmFault> parse_fault(std::string_view name) {
    for (const auto fault : kFaults) {
        if (fault_name(fault) == name) return fault;
    }
    return make_error("sim-crm", "unknown fault \"" + std::string(name) + "\"");
}

std::string_view endpoint_name(CrmEndpoint endpoint) {
    return endpoint == CrmEndpoint::Profiles ? "profiles" : "records";
}

Result<CrmEndpoint> parse_endpoint(std::string_view name) {
    if (name == "records") return CrmEndpoint::Records;
    if (name == "profiles") return CrmEndpoint::Profiles;
    return make_error("sim-crm", "unknown endpoint \"" + std::string(name) + "\"");
}

}  // namespace kiosk::sim
