// Technician accounts in table technician_users, with every access event appended to the chained
// journal in the same transaction as the account change (security/access/technician_registry.hpp).
#pragma once

#include <string>

#include "security/access/technician_registry.hpp"
#include "security/journal_chain.hpp"

namespace kiosk::store {

class Database;

class SqliteTechnicianRegistry final : public security::TechnicianRegistry {
public:
    // `origin` is the journal's "where" (journal_origin(kiosk id, "maintenance")).
    SqliteTechnicianRegistry(Database& database, const security::JournalChain& chain, std::string origin)
        : database_(database), chain_(chain), origin_(std::move(origin)) {}

    Result<std::optional<security::TechnicianAccount>> find(std::string_view id) override;
    Result<std::vector<security::TechnicianAccount>> list() override;  // by id
    Status save(const security::TechnicianAccount& account, const std::vector<security::AccessEvent>& events) override;
    Status journal(const security::AccessEvent& event) override;

private:
    Database& database_;
    const security::JournalChain& chain_;
    std::string origin_;
};

}  // namespace kiosk::store
