// Role → permission table (see technician_roles.hpp).
#include "security/access/technician_roles.hpp"

namespace kiosk::security {

bool role_allows(TechnicianRole role, Permission permission) {
    switch (permission) {
        case Permission::Diagnostics:
        case Permission::Service: return true;  // both roles
        case Permission::Keys:
        case Permission::Settings:
        case Permission::Users: return role == TechnicianRole::Supervisor;
    }
    return false;
}

std::string_view to_string(TechnicianRole role) {
    return role == TechnicianRole::Supervisor ? "supervisor" : "technician";
}

std::string_view to_string(Permission permission) {
    switch (permission) {
        case Permission::Diagnostics: return "diagnostics";
        case Permission::Service: return "service";
        case Permission::Keys: return "keys";
        case Permission::Settings: return "settings";
        case Permission::Users: return "users";
    }
    return "unknown";
}

std::optional<TechnicianRole> parse_role(std::string_view text) {
    if (text == "technician") return TechnicianRole::Technician;
    if (text == "supervisor") return TechnicianRole::Supervisor;
    return std::nullopt;
}

}  // namespace kiosk::security
