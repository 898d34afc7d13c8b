// Tables crm_data_keys and crm_data_key_wraps (see crm_data_keys.hpp).
#include "store/crm_data_keys.hpp"

#include <set>

#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {

Status CrmDataKeys::persist(const security::NewDataKey& key) {
    if (key.data_key_id.empty() || key.wraps.empty()) {
        return make_error("store", "a CRM data key needs an id and at least one wrap");
    }
    auto transaction = Transaction::begin(database_);
    if (!transaction) return transaction.error();
    auto insert_key = Statement::prepare(database_,
                                         "INSERT INTO crm_data_keys (data_key_id, created_unix_ms) VALUES (?1, ?2)");
    if (!insert_key) return insert_key.error();
    KIOSK_TRY(insert_key->bind_text(1, key.data_key_id));
    KIOSK_TRY(insert_key->bind_int64(2, key.created_unix_ms));
    KIOSK_TRY(insert_key->run());

    auto insert_wrap = Statement::prepare(
        database_, "INSERT INTO crm_data_key_wraps (data_key_id, crm_key_id, enc, wrapped) VALUES (?1, ?2, ?3, ?4)");
    if (!insert_wrap) return insert_wrap.error();
    for (const security::WrappedDataKey& wrap : key.wraps) {
        if (wrap.data_key_id != key.data_key_id) {
            return make_error("store", "wrap of data key '" + wrap.data_key_id + "' filed under '" + key.data_key_id + "'");
        }
        KIOSK_TRY(insert_wrap->bind_text(1, wrap.data_key_id));
        KIOSK_TRY(insert_wrap->bind_text(2, wrap.crm_key_id));
        KIOSK_TRY(insert_wrap->bind_blob(3, wrap.enc));
        KIOSK_TRY(insert_wrap->bind_blob(4, wrap.wrapped));
        KIOSK_TRY(insert_wrap->run());
        insert_wrap->reset();
    }
    auto pruned = delete_unused(key.data_key_id);
    if (!pruned) return pruned.error();
    return transaction->commit();
}

Result<std::vector<security::WrappedDataKey>> CrmDataKeys::wraps_for(std::span<const std::string> data_key_ids) {
    const std::set<std::string> wanted(data_key_ids.begin(), data_key_ids.end());
    auto select = Statement::prepare(database_,
                                     "SELECT data_key_id, crm_key_id, enc, wrapped FROM crm_data_key_wraps "
                                     "WHERE data_key_id = ?1 ORDER BY crm_key_id");
    if (!select) return select.error();
    std::vector<security::WrappedDataKey> wraps;
    for (const std::string& id : wanted) {
        KIOSK_TRY(select->bind_text(1, id));
        while (true) {
            auto row = select->step();
            if (!row) return row.error();
            if (!*row) break;
            wraps.push_back({select->column_text(0), select->column_text(1), select->column_blob(2),
                             select->column_blob(3)});
        }
        select->reset();
    }
    return wraps;
}

Result<std::size_t> CrmDataKeys::delete_unused(const std::string& keep) {
    constexpr const char* unused =
        "data_key_id <> ?1 AND data_key_id NOT IN (SELECT key_id FROM outbox) "
        "AND data_key_id NOT IN (SELECT key_id FROM dead_letter)";
    auto transaction = Transaction::begin(database_);
    if (!transaction) return transaction.error();
    auto wraps = Statement::prepare(database_, std::string("DELETE FROM crm_data_key_wraps WHERE ") + unused);
    if (!wraps) return wraps.error();
    KIOSK_TRY(wraps->bind_text(1, keep));
    KIOSK_TRY(wraps->run());
    auto keys = Statement::prepare(database_, std::string("DELETE FROM crm_data_keys WHERE ") + unused);
    if (!keys) return keys.error();
    KIOSK_TRY(keys->bind_text(1, keep));
    KIOSK_TRY(keys->run());
    const auto deleted = static_cast<std::size_t>(keys->changes());
    KIOSK_TRY(transaction->commit());
    return deleted;
}

}  // namespace kiosk::store
