// Sealed records as table rows (see sealed_rows.hpp).
#include "store/sealed_rows.hpp"

#include <array>

#include "store/database.hpp"

namespace kiosk::store {

Status bind_sealed_record(Statement& statement, int first_parameter, const security::SealedRecord& record) {
    const security::RecordHeader& header = record.header;
    const int at = first_parameter;
    KIOSK_TRY(statement.bind_text(at, header.record_id));
    KIOSK_TRY(statement.bind_text(at + 1, header.kind));
    KIOSK_TRY(statement.bind_text(at + 2, header.kiosk_id));
    KIOSK_TRY(statement.bind_text(at + 3, header.key_id));
    KIOSK_TRY(statement.bind_int64(at + 4, header.schema_version));
    KIOSK_TRY(statement.bind_int64(at + 5, header.created_unix_ms));
    KIOSK_TRY(statement.bind_blob(at + 6, record.iv));
    KIOSK_TRY(statement.bind_blob(at + 7, record.ciphertext));
    KIOSK_TRY(statement.bind_blob(at + 8, record.tag));
    return ok_status();
}

security::SealedRecord read_sealed_record(const Statement& row, int first_column) {
    const int at = first_column;
    security::SealedRecord record;
    record.header.record_id = row.column_text(at);
    record.header.kind = row.column_text(at + 1);
    record.header.kiosk_id = row.column_text(at + 2);
    record.header.key_id = row.column_text(at + 3);
    record.header.schema_version = static_cast<std::uint32_t>(row.column_int64(at + 4));
    record.header.created_unix_ms = row.column_int64(at + 5);
    record.iv = row.column_blob(at + 6);
    record.ciphertext = row.column_blob(at + 7);
    record.tag = row.column_blob(at + 8);
    return record;
}

Result<security::SealedRecord> seal_record(security::RecordSealer& sealer, RandomSource& random, NewRecord what,
                                           ByteView plaintext) {
    std::array<std::uint8_t, 16> id{};
    random.fill(id);
    security::RecordHeader header;
    header.record_id = std::string(what.id_prefix) + "-" + to_hex(id);
    header.kind = std::string(what.kind);
    header.kiosk_id = std::move(what.kiosk_id);
    header.schema_version = what.schema_version;
    header.created_unix_ms = to_unix_millis(what.created);
    return sealer.seal(std::move(header), plaintext, random);
}

Status SealedRows::insert(const security::SealedRecord& record, std::initializer_list<RowValue> extra) const {
    std::string columns(kSealedColumns);
    std::string values = "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9";
    int parameter = kSealedColumnCount;
    for (const RowValue& value : extra) {
        columns += ", " + std::string(value.column);
        values += ", ?" + std::to_string(++parameter);
    }
    auto statement = Statement::prepare(*database_, "INSERT INTO " + table_ + " (" + columns + ") VALUES (" + values + ")");
    if (!statement.ok()) return statement.error();
    KIOSK_TRY(bind_sealed_record(*statement, 1, record));
    parameter = kSealedColumnCount;
    for (const RowValue& value : extra) KIOSK_TRY(statement->bind_int64(++parameter, value.value));
    return statement->run();
}

Result<Statement> SealedRows::select(std::string_view extra_columns, std::string_view tail) const {
    std::string sql = "SELECT " + std::string(kSealedColumns);
    if (!extra_columns.empty()) sql += ", " + std::string(extra_columns);
    sql += " FROM " + table_;
    if (!tail.empty()) sql += " " + std::string(tail);
    return Statement::prepare(*database_, sql);
}

Status SealedRows::remove(std::string_view record_id) const {
    auto statement = Statement::prepare(*database_, "DELETE FROM " + table_ + " WHERE record_id = ?1");
    if (!statement.ok()) return statement.error();
    KIOSK_TRY(statement->bind_text(1, record_id));
    return statement->run();
}

Status SealedRows::remove_all() const { return database_->execute("DELETE FROM " + table_); }

}  // namespace kiosk::store
