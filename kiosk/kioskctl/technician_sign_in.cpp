#include "kiosk/kioskctl/technician_sign_in.hpp"

#include <string>

#include "kiosk/kioskctl/tool_context.hpp"
#include "kiosk/kioskctl/tool_journal.hpp"
#include "security/os_random.hpp"
#include "store/journal.hpp"
#include "store/technician_registry.hpp"

namespace kiosk::kioskctl {

namespace {

// The kiosk's database, journal chain and technician registry, open for one command.
struct AccessParts {
    store::Database database;
    security::JournalChain chain;
};

Result<AccessParts> open_access(const KioskConfig& config) {
    auto database = open_existing_database(config.database_path());
    if (!database) return database.error();
    auto chain = journal_chain_of(config);
    if (!chain) return chain.error();
    return AccessParts{std::move(*database), std::move(*chain)};
}

// Runs `body` with a TechnicianAccess over the kiosk's registry (journal origin "<kiosk>/kioskctl").
Status with_access(const KioskConfig& config, const Clock& clock, const security::AccessPolicy& policy,
                   const std::function<Status(security::TechnicianAccess&)>& body) {
    auto parts = open_access(config);
    if (!parts) return parts.error();
    store::SqliteTechnicianRegistry registry(parts->database, parts->chain,
                                             store::journal_origin(config.kiosk_id, "kioskctl"));
    security::OsRandom random;
    security::TechnicianAccess access(registry, clock, random, policy);
    return body(access);
}

}  // namespace

Status as_technician(const KioskConfig& config, const Clock& clock, std::string_view id, std::string_view secret,
                     security::Permission permission, const std::function<Status(std::string_view actor)>& action,
                     const security::AccessPolicy& policy) {
    return with_access(config, clock, policy, [&](security::TechnicianAccess& access) -> Status {
        auto token = access.login(id, secret);
        if (!token) return token.error();
        Status result = access.authorize(*token, permission);
        if (result.ok()) result = action("technician:" + std::string(id));
        (void)access.logout(*token);  // journaled; a failed logout cannot undo the action
        return result;
    });
}

Status bootstrap_supervisor(const KioskConfig& config, const Clock& clock, std::string_view id,
                            std::string_view secret, const security::AccessPolicy& policy) {
    return with_access(config, clock, policy,
                       [&](security::TechnicianAccess& access) { return access.bootstrap_supervisor(id, secret); });
}

Status put_technician(const KioskConfig& config, const Clock& clock, std::string_view supervisor_id,
                      std::string_view supervisor_secret, std::string_view id, security::TechnicianRole role,
                      std::string_view secret, const security::AccessPolicy& policy) {
    return with_access(config, clock, policy, [&](security::TechnicianAccess& access) -> Status {
        auto token = access.login(supervisor_id, supervisor_secret);
        if (!token) return token.error();
        const Status saved = access.put_user(*token, id, role, secret);
        (void)access.logout(*token);
        return saved;
    });
}

}  // namespace kiosk::kioskctl
