// Technician sign-in for kioskctl (issue 5, "technician access"): the commands that change keys or
// accounts run only for a signed-in technician whose role allows them (security/access/). The
// sign-in, the refusal or lockout, the action and the sign-out are each a chained line in the
// kiosk's journal, with actor "technician:<id>". Secrets come from the caller (kioskctl reads
// them from standard input, never from the command line, where `ps` would show them).
#pragma once

#include <functional>
#include <string_view>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "security/access/technician_access.hpp"

namespace kiosk::kioskctl {

// Signs `id` in, checks `permission`, runs `action` with the journal actor ("technician:<id>"),
// signs out. Any refusal is an Error naming it (wrong id or secret told apart from neither).
Status as_technician(const KioskConfig& config, const Clock& clock, std::string_view id, std::string_view secret,
                     security::Permission permission, const std::function<Status(std::string_view actor)>& action,
                     const security::AccessPolicy& policy = {});

// Commissioning: the first supervisor, only while the kiosk has no technician account at all.
Status bootstrap_supervisor(const KioskConfig& config, const Clock& clock, std::string_view id,
                            std::string_view secret, const security::AccessPolicy& policy = {});

// A supervisor adds a user or replaces their role and secret.
Status put_technician(const KioskConfig& config, const Clock& clock, std::string_view supervisor_id,
                      std::string_view supervisor_secret, std::string_view id, security::TechnicianRole role,
                      std::string_view secret, const security::AccessPolicy& policy = {});

}  // namespace kiosk::kioskctl
