// Technician sign-in and permission checks for the maintenance mode. Rules (docs/security.md):
// id + PIN/password checked against a PBKDF2 hash; `max_failures` consecutive failures lock the
// id for `lockout` (kept in the registry, so a restart does not unlock it); a session ends after
// `idle_timeout` without activity; technician and supervisor roles (technician_roles.hpp); every
// login, logout, lockout, expiry, denied action and user change is journaled. Time comes from the
// injected Clock and session tokens from the injected RandomSource.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/access/password_hash.hpp"
#include "security/access/technician_registry.hpp"

namespace kiosk::security {

struct AccessPolicy {
    int max_failures = 5;
    Millis lockout = std::chrono::minutes(30);      // PCI DSS 8.3.4: at least 30 minutes
    Millis idle_timeout = std::chrono::minutes(15);  // PCI DSS 8.2.8: re-authenticate after 15 idle minutes
    std::uint32_t hash_iterations = kDefaultPasswordIterations;
    std::size_t min_secret_length = 8;
};

struct TechnicianSession {
    std::string id;
    TechnicianRole role = TechnicianRole::Technician;
    TimePoint last_activity;
};

class TechnicianAccess {
public:
    // Throws std::invalid_argument for a policy that cannot work (max_failures < 1, a
    // non-positive lockout or idle timeout, hash_iterations out of bounds, min_secret_length 0).
    TechnicianAccess(TechnicianRegistry& registry, const Clock& clock, RandomSource& random, AccessPolicy policy);

    // A session token for a correct id + secret. Refused, with a journaled reason: a malformed id,
    // an unknown id or a wrong secret (one message for both, so ids cannot be probed), or a
    // locked id (the secret is then not even checked). The failure that reaches max_failures
    // locks the id. Fails closed: if the journal cannot record the login, there is no session.
    Result<std::string> login(std::string_view id, std::string_view secret);

    // Ends the session; journaled. An unknown or expired token is an error.
    Status logout(std::string_view token);

    // Whether the session may do `permission` now; refreshes its idle timer when it may. An
    // expired session is ended (journaled) and refused; a refusal for the role is journaled.
    Status authorize(std::string_view token, Permission permission);

    // The live session behind `token` (expiring it first if idle too long).
    Result<TechnicianSession> session(std::string_view token);

    // Ends and journals every session idle for idle_timeout; for the runtime's periodic timer.
    // Returns how many ended.
    Result<std::size_t> expire_idle_sessions();

    // Adds a user or replaces their role and secret; needs Permission::Users. Journaled.
    Status put_user(std::string_view token, std::string_view id, TechnicianRole role, std::string_view secret);

    // First setup only: adds a supervisor while the registry holds no account at all, so a new
    // kiosk can be commissioned. Refused once any account exists. Journaled as the system.
    Status bootstrap_supervisor(std::string_view id, std::string_view secret);

    // Unlocks an id before its lockout ends; needs Permission::Users. Journaled.
    Status unlock_user(std::string_view token, std::string_view id);

private:
    Result<TechnicianSession*> live_session(std::string_view token);
    Status end_session(std::map<std::string, TechnicianSession, std::less<>>::iterator session,
                       std::string_view event_type, std::string_view outcome);
    Status store_user(std::string_view actor, std::string_view id, TechnicianRole role, std::string_view secret,
                      std::string_view event_type);
    AccessEvent event(std::string_view actor, std::string_view event_type, std::string_view outcome,
                      std::string_view resource, std::string_view detail = {}) const;
    [[nodiscard]] bool idle_too_long(const TechnicianSession& session) const;

    TechnicianRegistry& registry_;
    const Clock& clock_;
    RandomSource& random_;
    AccessPolicy policy_;
    std::string dummy_hash_;  // checked for unknown ids, so they take as long as known ones
    std::map<std::string, TechnicianSession, std::less<>> sessions_;
};

// Technician ids: 1–32 characters of [A-Za-z0-9._-] (they appear in journal lines).
[[nodiscard]] bool valid_technician_id(std::string_view id);

}  // namespace kiosk::security
