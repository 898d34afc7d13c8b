// The one way a sealed record (security/sealed_record.hpp) becomes a table row and back: the
// nine columns every sealed table starts with (header fields, IV, ciphertext, tag), sealed,
// written and read here only. The outbox and its dead letters, the reversal queue and the
// withdrawal in-flight bracket all store theirs this way; a table may add columns of its own (a
// reversal's STANs, delivery attempts) after these. Nothing here opens a seal: a row that was
// tampered with is refused when its owner opens it (the header is the seal's AAD).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/record_sealer.hpp"
#include "security/sealed_record.hpp"
#include "store/statement.hpp"

namespace kiosk::store {

class Database;

// The sealed columns, in the order bind_sealed_record and read_sealed_record use them.
inline constexpr std::string_view kSealedColumns =
    "record_id, kind, kiosk_id, key_id, schema_version, created_unix_ms, iv, ciphertext, tag";
inline constexpr int kSealedColumnCount = 9;

// Binds `record` to parameters first … first+8 (SQLite numbers parameters from 1).
Status bind_sealed_record(Statement& statement, int first_parameter, const security::SealedRecord& record);
// The record in columns first … first+8 of the statement's current row (columns from 0).
security::SealedRecord read_sealed_record(const Statement& row, int first_column = 0);

// What a new sealed row says about itself; the sealer fills in the key id.
struct NewRecord {
    std::string_view id_prefix;  // the record id is "<prefix>-<32 random hex digits>"
    std::string_view kind;
    std::string kiosk_id;
    std::uint32_t schema_version = 1;
    TimePoint created;
};
// Seals `plaintext` under a fresh header. The caller wipes its plaintext (a SecureBytes does).
Result<security::SealedRecord> seal_record(security::RecordSealer& sealer, RandomSource& random, NewRecord what,
                                           ByteView plaintext);

// An integer column of a row beyond the sealed ones (a reversal's STAN).
struct RowValue {
    std::string_view column;
    std::int64_t value = 0;
};

// A table whose rows are sealed records: `seq INTEGER PRIMARY KEY AUTOINCREMENT`, the sealed
// columns (record_id UNIQUE), then its own. The table name is one of our schema's, never input.
class SealedRows {
public:
    SealedRows(Database& database, std::string_view table) : database_(&database), table_(table) {}

    // Inserts `record` and `extra`. A record id already present fails on the UNIQUE constraint
    // (native code SQLITE_CONSTRAINT_UNIQUE), never overwrites.
    Status insert(const security::SealedRecord& record, std::initializer_list<RowValue> extra = {}) const;

    // SELECT <sealed columns>[, extra_columns] FROM <table> <tail>, prepared: bind what `tail`
    // asks for, step, read each row with read_sealed_record(statement) and the extra columns
    // from column kSealedColumnCount on.
    Result<Statement> select(std::string_view extra_columns = {}, std::string_view tail = "ORDER BY seq") const;

    // Deletes the row of `record_id`; an absent one is not an error (a repeat after a crash).
    Status remove(std::string_view record_id) const;
    // Deletes every row.
    Status remove_all() const;

    [[nodiscard]] const std::string& table() const { return table_; }

private:
    Database* database_;
    std::string table_;
};

}  // namespace kiosk::store
