// SealedRows: a sealed record goes into a table row and comes back exactly (header, IV,
// ciphertext, tag, extra columns); a duplicate id is refused; a row changed on disk no longer
// opens. The tables are the store's own sealed tables.
#include "store/sealed_rows.hpp"

#include <gtest/gtest.h>

#include <string>

#include "security/record_sealer.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

security::DataKey data_key() { return security::DataKey{"dk-7", security::SecureBytes(Bytes(32, 0x3C))}; }

class SealedRowsTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in_memory();
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(*opened));
    }
    Database& database() { return *database_; }

    std::optional<Database> database_;
    security::RecordSealer sealer_{data_key()};
    SeededRandom random_{11};
};

// Every sealed record of `table`, in order.
std::vector<security::SealedRecord> all_rows(const SealedRows& rows) {
    std::vector<security::SealedRecord> records;
    auto select = rows.select();
    if (!select.ok()) return records;
    while (select->step().value_or(false)) records.push_back(read_sealed_record(*select));
    return records;
}

TEST_F(SealedRowsTest, ARecordComesBackExactlyFromEverySealedTable) {
    for (const char* table : {"outbox", "withdrawal_in_flight"}) {
        const SealedRows rows(database(), table);
        const security::SealedRecord record = test::make_record(std::string("r-") + table, 4242);
        ASSERT_TRUE(rows.insert(record).ok()) << table;
        const auto back = all_rows(rows);
        ASSERT_EQ(back.size(), 1U) << table;
        EXPECT_EQ(back[0], record) << table;
    }
}

TEST_F(SealedRowsTest, ExtraColumnsGoBesideTheSealedOnes) {
    const SealedRows rows(database(), "host_reversals");
    const security::SealedRecord record = test::make_record("rev-1");
    ASSERT_TRUE(rows.insert(record, {{"stan", 17}, {"original_stan", 16}}).ok());
    auto select = rows.select("stan, original_stan, attempts");
    ASSERT_TRUE(select.ok()) << select.error().to_string();
    ASSERT_TRUE(select->step().value_or(false));
    EXPECT_EQ(read_sealed_record(*select), record);
    EXPECT_EQ(select->column_int64(kSealedColumnCount), 17);
    EXPECT_EQ(select->column_int64(kSealedColumnCount + 1), 16);
    EXPECT_EQ(select->column_int64(kSealedColumnCount + 2), 0);  // the table's default
}

TEST_F(SealedRowsTest, ADuplicateRecordIdIsRefusedNotOverwritten) {
    const SealedRows rows(database(), "outbox");
    ASSERT_TRUE(rows.insert(test::make_record("same")).ok());
    security::SealedRecord other = test::make_record("same");
    other.ciphertext = to_bytes("something else");
    const Status again = rows.insert(other);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().native_code, 2067);  // SQLITE_CONSTRAINT_UNIQUE
    ASSERT_EQ(all_rows(rows).size(), 1U);
    EXPECT_EQ(all_rows(rows)[0], test::make_record("same"));
}

TEST_F(SealedRowsTest, RemoveDeletesOneRowAndToleratesARepeat) {
    const SealedRows rows(database(), "outbox");
    ASSERT_TRUE(rows.insert(test::make_record("a")).ok());
    ASSERT_TRUE(rows.insert(test::make_record("b")).ok());
    ASSERT_TRUE(rows.remove("a").ok());
    ASSERT_TRUE(rows.remove("a").ok());
    ASSERT_EQ(all_rows(rows).size(), 1U);
    EXPECT_EQ(all_rows(rows)[0].header.record_id, "b");
    ASSERT_TRUE(rows.remove_all().ok());
    EXPECT_TRUE(all_rows(rows).empty());
}

TEST_F(SealedRowsTest, SealedThenStoredOpensBackToThePlaintext) {
    const Bytes plaintext = to_bytes("0420 with a PAN inside");
    auto sealed = seal_record(sealer_, random_, NewRecord{"rev", "host_reversal", "KIOSK-1", 1, from_unix_millis(5000)},
                              plaintext);
    ASSERT_TRUE(sealed.ok()) << sealed.error().to_string();
    EXPECT_EQ(sealed->header.record_id.rfind("rev-", 0), 0U);
    EXPECT_EQ(sealed->header.record_id.size(), 4U + 32U);
    EXPECT_EQ(sealed->header.key_id, "dk-7");
    EXPECT_EQ(sealed->header.created_unix_ms, 5000);
    const SealedRows rows(database(), "host_reversals");
    ASSERT_TRUE(rows.insert(*sealed, {{"stan", 1}, {"original_stan", 1}}).ok());
    const auto back = all_rows(rows);
    ASSERT_EQ(back.size(), 1U);
    auto opened = sealer_.open(back[0]);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_EQ(Bytes(opened->begin(), opened->end()), plaintext);
}

// A row changed in the database (header column or sealed bytes) must not open: the header is
// the seal's AAD and the tag covers the ciphertext.
TEST_F(SealedRowsTest, ATamperedRowIsRefusedWhenOpened) {
    const SealedRows rows(database(), "outbox");
    for (const char* tamper : {"UPDATE outbox SET kind = 'survey2'",
                               "UPDATE outbox SET created_unix_ms = created_unix_ms + 1",
                               "UPDATE outbox SET ciphertext = zeroblob(length(ciphertext))",
                               "UPDATE outbox SET tag = zeroblob(16)"}) {
        ASSERT_TRUE(rows.remove_all().ok());
        auto sealed = seal_record(sealer_, random_, NewRecord{"t", "survey", "KIOSK-1", 1, from_unix_millis(1)},
                                  to_bytes("answer: 5"));
        ASSERT_TRUE(sealed.ok());
        ASSERT_TRUE(rows.insert(*sealed).ok());
        ASSERT_TRUE(sealer_.open(all_rows(rows).at(0)).ok()) << "untouched row must open";
        ASSERT_TRUE(database().execute(tamper).ok()) << tamper;
        EXPECT_FALSE(sealer_.open(all_rows(rows).at(0)).ok()) << tamper;
    }
}

}  // namespace
}  // namespace kiosk::store
