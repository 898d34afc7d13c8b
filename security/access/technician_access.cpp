// Technician sign-in, lockout, idle expiry and permission checks (see technician_access.hpp).
#include "security/access/technician_access.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "common/bytes.hpp"

namespace kiosk::security {
namespace {

constexpr std::size_t kMaxIdLength = 32;
constexpr std::size_t kTokenBytes = 16;
constexpr std::string_view kUnknownActor = "technician:?";  // never the text typed as an id
constexpr std::string_view kSystemActor = "system";
constexpr std::string_view kLoginRefused = "technician login refused: unknown id or wrong PIN/password";

std::string actor_of(std::string_view id) { return "technician:" + std::string(id); }

std::string seconds(Millis duration) {
    return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(duration).count()) + " s";
}

Error access_error(std::string message) { return make_error("access", std::move(message)); }

void check_policy(const AccessPolicy& policy) {
    if (policy.max_failures < 1) throw std::invalid_argument("access policy: max_failures must be at least 1");
    if (policy.lockout <= Millis(0)) throw std::invalid_argument("access policy: lockout must be positive");
    if (policy.idle_timeout <= Millis(0)) throw std::invalid_argument("access policy: idle_timeout must be positive");
    if (policy.hash_iterations < kMinPasswordIterations || policy.hash_iterations > kMaxPasswordIterations) {
        throw std::invalid_argument("access policy: hash_iterations out of bounds");
    }
    if (policy.min_secret_length == 0) throw std::invalid_argument("access policy: min_secret_length must be >= 1");
}

}  // namespace

bool valid_technician_id(std::string_view id) {
    return !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '_' || c == '-';
           });
}

TechnicianAccess::TechnicianAccess(TechnicianRegistry& registry, const Clock& clock, RandomSource& random,
                                   AccessPolicy policy)
    : registry_(registry), clock_(clock), random_(random), policy_(policy) {
    check_policy(policy_);
    auto dummy = hash_password("not a real secret", policy_.hash_iterations, random_);
    if (!dummy) throw std::runtime_error("technician access: " + dummy.error().to_string());
    dummy_hash_ = std::move(*dummy);
}

AccessEvent TechnicianAccess::event(std::string_view actor, std::string_view event_type, std::string_view outcome,
                                    std::string_view resource, std::string_view detail) const {
    return AccessEvent{to_unix_millis(clock_.now()), std::string(actor),    std::string(event_type),
                       std::string(outcome),         std::string(resource), std::string(detail)};
}

Result<std::string> TechnicianAccess::login(std::string_view id, std::string_view secret) {
    const TimePoint now = clock_.now();
    if (!valid_technician_id(id)) {
        KIOSK_TRY(registry_.journal(event(kUnknownActor, "technician_login", "failure: malformed id", "technician_users")));
        return access_error("technician login refused: an id is 1-32 characters of A-Z a-z 0-9 . _ -");
    }
    auto found = registry_.find(id);
    if (!found) return found.error();
    if (!found->has_value()) {
        (void)verify_password(secret, dummy_hash_);  // as slow as a known id: ids cannot be probed by timing
        KIOSK_TRY(registry_.journal(event(kUnknownActor, "technician_login", "failure: unknown id", "technician_users")));
        return access_error(std::string(kLoginRefused));
    }
    TechnicianAccount account = std::move(**found);
    const std::string actor = actor_of(id);
    if (account.locked_until_unix_ms > to_unix_millis(now)) {
        const Millis left(account.locked_until_unix_ms - to_unix_millis(now));
        KIOSK_TRY(registry_.journal(event(actor, "technician_login", "refused: locked", "technician:" + account.id,
                                          "locked for another " + seconds(left))));
        return access_error("technician id " + account.id + " is locked for another " + seconds(left) + " after " +
                            std::to_string(policy_.max_failures) + " failed logins");
    }
    auto matches = verify_password(secret, account.password_hash);
    if (!matches) {
        KIOSK_TRY(registry_.journal(
            event(actor, "technician_login", "failure: stored hash unreadable", "technician:" + account.id)));
        return access_error("technician id " + account.id + ": " + matches.error().message);
    }
    if (!*matches) {
        ++account.failed_attempts;
        std::vector<AccessEvent> events{event(actor, "technician_login", "failure: wrong PIN/password",
                                              "technician:" + account.id,
                                              std::to_string(account.failed_attempts) + " of " +
                                                  std::to_string(policy_.max_failures) + " consecutive failures")};
        const bool locks = account.failed_attempts >= policy_.max_failures;
        if (locks) {
            account.failed_attempts = 0;
            account.locked_until_unix_ms = to_unix_millis(now + policy_.lockout);
            events.push_back(event(kSystemActor, "technician_lockout", "locked",
                                   "technician:" + account.id, "for " + seconds(policy_.lockout)));
        }
        KIOSK_TRY(registry_.save(account, events));
        if (locks) {
            return access_error(std::string(kLoginRefused) + "; the id is now locked for " + seconds(policy_.lockout));
        }
        return access_error(std::string(kLoginRefused));
    }
    account.failed_attempts = 0;
    account.locked_until_unix_ms = 0;
    KIOSK_TRY(registry_.save(account, {event(actor, "technician_login", "success", "technician:" + account.id,
                                             "role " + std::string(to_string(account.role)))}));
    Bytes token_bytes(kTokenBytes);
    random_.fill(token_bytes);
    std::string token = to_hex(token_bytes);
    sessions_[token] = TechnicianSession{account.id, account.role, now};
    return token;
}

bool TechnicianAccess::idle_too_long(const TechnicianSession& session) const {
    return clock_.now() - session.last_activity >= policy_.idle_timeout;
}

Status TechnicianAccess::end_session(std::map<std::string, TechnicianSession, std::less<>>::iterator session,
                                     std::string_view event_type, std::string_view outcome) {
    const std::string id = session->second.id;
    sessions_.erase(session);  // ended even if the journal fails: a stale session must not live on
    return registry_.journal(event(actor_of(id), event_type, outcome, "technician:" + id));
}

Result<TechnicianSession*> TechnicianAccess::live_session(std::string_view token) {
    auto found = sessions_.find(token);
    if (found == sessions_.end()) return access_error("no technician session for this token (logged out or expired)");
    if (idle_too_long(found->second)) {
        KIOSK_TRY(end_session(found, "technician_session_expired", "expired: idle " + seconds(policy_.idle_timeout)));
        return access_error("technician session expired after " + seconds(policy_.idle_timeout) +
                            " idle: log in again");
    }
    return &found->second;
}

Status TechnicianAccess::logout(std::string_view token) {
    auto session = live_session(token);
    if (!session) return session.error();
    return end_session(sessions_.find(token), "technician_logout", "success");
}

Status TechnicianAccess::authorize(std::string_view token, Permission permission) {
    auto session = live_session(token);
    if (!session) return session.error();
    TechnicianSession& live = **session;
    const std::string resource = "permission:" + std::string(to_string(permission));
    if (!role_allows(live.role, permission)) {
        KIOSK_TRY(registry_.journal(event(actor_of(live.id), "technician_action", "denied: role " +
                                              std::string(to_string(live.role)), resource)));
        return access_error("technician " + live.id + " (" + std::string(to_string(live.role)) + ") may not use " +
                            std::string(to_string(permission)) + ": supervisors only");
    }
    live.last_activity = clock_.now();
    return ok_status();
}

Result<TechnicianSession> TechnicianAccess::session(std::string_view token) {
    auto session = live_session(token);
    if (!session) return session.error();
    return **session;
}

Result<std::size_t> TechnicianAccess::expire_idle_sessions() {
    std::size_t ended = 0;
    for (auto session = sessions_.begin(); session != sessions_.end();) {
        auto next = std::next(session);
        if (idle_too_long(session->second)) {
            KIOSK_TRY(end_session(session, "technician_session_expired", "expired: idle " + seconds(policy_.idle_timeout)));
            ++ended;
        }
        session = next;
    }
    return ended;
}

Status TechnicianAccess::store_user(std::string_view actor, std::string_view id, TechnicianRole role,
                                    std::string_view secret, std::string_view event_type) {
    if (!valid_technician_id(id)) return access_error("technician id must be 1-32 characters of A-Z a-z 0-9 . _ -");
    if (secret.size() < policy_.min_secret_length) {
        return access_error("PIN/password too short: at least " + std::to_string(policy_.min_secret_length) +
                            " characters");
    }
    auto hash = hash_password(secret, policy_.hash_iterations, random_);
    if (!hash) return hash.error();
    TechnicianAccount account{std::string(id), role, std::move(*hash), 0, 0};
    return registry_.save(account, {event(actor, event_type, "success", "technician:" + std::string(id),
                                          "role " + std::string(to_string(role)))});
}

Status TechnicianAccess::put_user(std::string_view token, std::string_view id, TechnicianRole role,
                                  std::string_view secret) {
    KIOSK_TRY(authorize(token, Permission::Users));
    auto session = live_session(token);
    if (!session) return session.error();
    return store_user(actor_of((*session)->id), id, role, secret, "technician_user_saved");
}

Status TechnicianAccess::bootstrap_supervisor(std::string_view id, std::string_view secret) {
    auto accounts = registry_.list();
    if (!accounts) return accounts.error();
    if (!accounts->empty()) {
        KIOSK_TRY(registry_.journal(event(kSystemActor, "technician_user_saved",
                                          "denied: accounts exist", "technician_users", "bootstrap refused")));
        return access_error("a first supervisor can only be added while there are no technician accounts");
    }
    return store_user(kSystemActor, id, TechnicianRole::Supervisor, secret, "technician_user_saved");
}

Status TechnicianAccess::unlock_user(std::string_view token, std::string_view id) {
    KIOSK_TRY(authorize(token, Permission::Users));
    auto session = live_session(token);
    if (!session) return session.error();
    auto found = registry_.find(id);
    if (!found) return found.error();
    if (!found->has_value()) return access_error("no technician account " + std::string(id));
    TechnicianAccount account = std::move(**found);
    account.failed_attempts = 0;
    account.locked_until_unix_ms = 0;
    return registry_.save(account, {event(actor_of((*session)->id), "technician_unlock", "success",
                                          "technician:" + account.id)});
}

}  // namespace kiosk::security
