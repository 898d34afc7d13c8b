// Where technician accounts live and how access events reach the journal. security/ cannot use
// store/ (store depends on security), so TechnicianAccess talks to this interface and
// store/technician_registry.hpp implements it over SQLite and the chained journal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "security/access/technician_roles.hpp"

namespace kiosk::security {

struct TechnicianAccount {
    std::string id;
    TechnicianRole role = TechnicianRole::Technician;
    std::string password_hash;              // password_hash.hpp's encoding; never the secret
    int failed_attempts = 0;                // consecutive failures since the last success or lock
    std::int64_t locked_until_unix_ms = 0;  // 0: not locked

    friend bool operator==(const TechnicianAccount&, const TechnicianAccount&) = default;
};

// One journal line's worth (PCI DSS 10.2.2); time and place are added by the registry.
struct AccessEvent {
    std::int64_t time_unix_ms = 0;
    std::string actor;       // "technician:T042", or "technician:?" for an unknown id
    std::string event_type;  // technician_login, technician_logout, technician_lockout, …
    std::string outcome;     // "success", "failure: …", "denied: …"
    std::string resource;    // the account or permission concerned
    std::string detail;      // never a PIN/password, never text typed into the id field
};

class TechnicianRegistry {
public:
    virtual ~TechnicianRegistry() = default;
    virtual Result<std::optional<TechnicianAccount>> find(std::string_view id) = 0;
    virtual Result<std::vector<TechnicianAccount>> list() = 0;
    // Inserts or replaces `account` and journals `events`, all in one transaction: a lockout is
    // never stored without its journal line, nor journaled without being stored.
    virtual Status save(const TechnicianAccount& account, const std::vector<AccessEvent>& events) = 0;
    // Journals an event that changes no account (logout, denied action, session expiry).
    virtual Status journal(const AccessEvent& event) = 0;
};

}  // namespace kiosk::security
