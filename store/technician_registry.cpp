// Technician accounts over SQLite (see technician_registry.hpp).
#include "store/technician_registry.hpp"

#include "store/database.hpp"
#include "store/journal.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

constexpr const char* kSelectAccounts =
    "SELECT id, role, password_hash, failed_attempts, locked_until_unix_ms FROM technician_users ";

Result<std::vector<security::TechnicianAccount>> read_accounts(Statement& statement) {
    std::vector<security::TechnicianAccount> accounts;
    while (true) {
        auto row = statement.step();
        if (!row) return row.error();
        if (!*row) return accounts;
        security::TechnicianAccount account;
        account.id = statement.column_text(0);
        const auto role = security::parse_role(statement.column_text(1));
        // The CHECK constraint keeps other roles out; a row that still has one was edited by hand.
        if (!role) return make_error("store", "technician " + account.id + " has an unknown role");
        account.role = *role;
        account.password_hash = statement.column_text(2);
        account.failed_attempts = static_cast<int>(statement.column_int64(3));
        account.locked_until_unix_ms = statement.column_int64(4);
        accounts.push_back(std::move(account));
    }
}

}  // namespace

Result<std::optional<security::TechnicianAccount>> SqliteTechnicianRegistry::find(std::string_view id) {
    auto statement = Statement::prepare(database_, std::string(kSelectAccounts) + "WHERE id = ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, id));
    auto accounts = read_accounts(*statement);
    if (!accounts) return accounts.error();
    if (accounts->empty()) return std::optional<security::TechnicianAccount>();
    return std::optional<security::TechnicianAccount>(std::move(accounts->front()));
}

Result<std::vector<security::TechnicianAccount>> SqliteTechnicianRegistry::list() {
    auto statement = Statement::prepare(database_, std::string(kSelectAccounts) + "ORDER BY id");
    if (!statement) return statement.error();
    return read_accounts(*statement);
}

Status SqliteTechnicianRegistry::save(const security::TechnicianAccount& account,
                                      const std::vector<security::AccessEvent>& events) {
    auto transaction = Transaction::begin(database_);
    if (!transaction) return transaction.error();
    auto statement = Statement::prepare(
        database_,
        "INSERT INTO technician_users (id, role, password_hash, failed_attempts, locked_until_unix_ms)"
        " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET role = excluded.role,"
        " password_hash = excluded.password_hash, failed_attempts = excluded.failed_attempts,"
        " locked_until_unix_ms = excluded.locked_until_unix_ms");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, account.id));
    KIOSK_TRY(statement->bind_text(2, security::to_string(account.role)));
    KIOSK_TRY(statement->bind_text(3, account.password_hash));
    KIOSK_TRY(statement->bind_int64(4, account.failed_attempts));
    KIOSK_TRY(statement->bind_int64(5, account.locked_until_unix_ms));
    KIOSK_TRY(statement->run());
    for (const security::AccessEvent& event : events) KIOSK_TRY(journal(event));
    return transaction->commit();
}

Status SqliteTechnicianRegistry::journal(const security::AccessEvent& event) {
    const JournalLine line{event.time_unix_ms, event.actor,  event.event_type, event.outcome,
                           origin_,            event.resource, event.detail,   std::nullopt};
    auto appended = Journal(database_).append(line, chain_);
    if (!appended) return appended.error();
    return ok_status();
}

}  // namespace kiosk::store
