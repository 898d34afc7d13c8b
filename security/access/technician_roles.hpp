// Technician roles and what each may do. A technician runs diagnostics and services the machine
// (replenish, clear jams); a supervisor may also handle keys, change settings and manage users.
// The check is one table, so the maintenance screens and kioskctl ask the same question.
#pragma once

#include <optional>
#include <string_view>

namespace kiosk::security {

enum class TechnicianRole { Technician, Supervisor };
enum class Permission { Diagnostics, Service, Keys, Settings, Users };

[[nodiscard]] bool role_allows(TechnicianRole role, Permission permission);

std::string_view to_string(TechnicianRole role);  // "technician", "supervisor"
std::string_view to_string(Permission permission);  // "diagnostics", "service", "keys", "settings", "users"
std::optional<TechnicianRole> parse_role(std::string_view text);

}  // namespace kiosk::security
