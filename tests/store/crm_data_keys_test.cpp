// CrmDataKeys: a key and its wraps are persisted together and come back by data key id; keys no
// record uses are deleted when a new one arrives. And the point of it all: a kiosk database file
// holding records sealed to the CRM holds neither their data key nor their payload, yet the CRM's
// private key opens every record from what the file does hold.
#include "store/crm_data_keys.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "store/business_step.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "temp_directory.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

security::NewDataKey key(const std::string& id, std::vector<std::string> crm_key_ids = {"crm-a"}) {
    security::NewDataKey out{id, 1000, {}};
    for (const std::string& crm : crm_key_ids) out.wraps.push_back({id, crm, Bytes(32, 0x01), Bytes(48, 0x02)});
    return out;
}

class CrmDataKeysTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in_memory();
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(*opened));
    }
    std::optional<Database> database_;
};

TEST_F(CrmDataKeysTest, WrapsComeBackByDataKeyId) {
    CrmDataKeys keys(*database_);
    ASSERT_TRUE(keys.persist(key("dk-1", {"crm-b", "crm-a"})).ok());
    // dk-1 has no record yet but is the key sealing now: kept. dk-2 arrives; dk-1 gets a record first.
    ASSERT_TRUE(Outbox(*database_).add([] {
        auto record = test::make_record("r-1");
        record.header.key_id = "dk-1";
        return record;
    }()).ok());
    ASSERT_TRUE(keys.persist(key("dk-2")).ok());
    const std::vector<std::string> wanted{"dk-1", "dk-2", "dk-unknown", "dk-1"};
    auto wraps = keys.wraps_for(wanted);
    ASSERT_TRUE(wraps.ok()) << wraps.error().to_string();
    ASSERT_EQ(wraps->size(), 3U);
    EXPECT_EQ((*wraps)[0].data_key_id, "dk-1");
    EXPECT_EQ((*wraps)[0].crm_key_id, "crm-a");
    EXPECT_EQ((*wraps)[1].crm_key_id, "crm-b");
    EXPECT_EQ((*wraps)[2].data_key_id, "dk-2");
    EXPECT_EQ((*wraps)[2].enc, Bytes(32, 0x01));
    EXPECT_EQ((*wraps)[2].wrapped, Bytes(48, 0x02));
}

TEST_F(CrmDataKeysTest, AKeyIdIsPersistedOnceAndAllOrNothing) {
    CrmDataKeys keys(*database_);
    ASSERT_TRUE(keys.persist(key("dk-1")).ok());
    EXPECT_FALSE(keys.persist(key("dk-1", {"crm-z"})).ok());
    security::NewDataKey mixed = key("dk-3", {"crm-a", "crm-a"});  // the second wrap breaks the primary key
    EXPECT_FALSE(keys.persist(mixed).ok());
    const std::vector<std::string> wanted{"dk-1", "dk-3"};
    auto wraps = keys.wraps_for(wanted);
    ASSERT_TRUE(wraps.ok());
    ASSERT_EQ(wraps->size(), 1U);
    EXPECT_EQ((*wraps)[0].crm_key_id, "crm-a");
    EXPECT_FALSE(keys.persist(security::NewDataKey{"dk-4", 1, {}}).ok());
}

TEST_F(CrmDataKeysTest, KeysOfDeliveredRecordsGoWhenANewKeyArrives) {
    CrmDataKeys keys(*database_);
    Outbox outbox(*database_);
    auto record_under = [](const std::string& record_id, const std::string& key_id) {
        auto record = test::make_record(record_id);
        record.header.key_id = key_id;
        return record;
    };
    ASSERT_TRUE(keys.persist(key("dk-delivered")).ok());
    ASSERT_TRUE(outbox.add(record_under("r-1", "dk-delivered")).ok());
    ASSERT_TRUE(keys.persist(key("dk-pending")).ok());
    ASSERT_TRUE(outbox.add(record_under("r-2", "dk-pending")).ok());
    ASSERT_TRUE(keys.persist(key("dk-dead")).ok());
    ASSERT_TRUE(outbox.add(record_under("r-3", "dk-dead")).ok());
    ASSERT_TRUE(outbox.dead_letter("r-3", "refused").ok());
    ASSERT_TRUE(outbox.acknowledge({"r-1"}).ok());
    ASSERT_TRUE(keys.persist(key("dk-now")).ok());
    const std::vector<std::string> wanted{"dk-delivered", "dk-pending", "dk-dead", "dk-now"};
    auto wraps = keys.wraps_for(wanted);
    ASSERT_TRUE(wraps.ok());
    std::vector<std::string> kept;
    for (const auto& wrap : *wraps) kept.push_back(wrap.data_key_id);
    EXPECT_EQ(kept, (std::vector<std::string>{"dk-dead", "dk-now", "dk-pending"}));
}

// Every byte a RandomSource handed out, so the test knows the data keys the sealer drew.
class RecordingRandom final : public RandomSource {
public:
    void fill(std::span<std::uint8_t> out) override {
        inner_.fill(out);
        fills.emplace_back(out.begin(), out.end());
    }
    std::vector<Bytes> fills;

private:
    SeededRandom inner_{99};
};

Bytes read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

bool holds(const Bytes& haystack, const Bytes& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

TEST(CrmDataKeysOnDisk, AStolenDatabaseRevealsNoDataKeyAndNoPayload) {
    test::TempDirectory dir;
    const std::string path = dir.file("kiosk.db");
    RecordingRandom random;
    auto crm = security::CrmPrivateKey::generate("crm-2026", random);
    ASSERT_TRUE(crm.ok());
    const std::string payload = R"({"pan_token":"tok-secret-7f3a","csat":2,"reasons":["waiting"]})";
    std::vector<security::SealedRecord> sealed;
    {
        auto database = Database::open(path);
        ASSERT_TRUE(database.ok()) << database.error().to_string();
        CrmDataKeys keys(*database);
        test::FixedClock clock(1'767'603'600'000);
        security::CrmSealerConfig config;
        config.crm_keys = {crm->public_key()};
        config.seal_limit = 2;  // three data keys for five records
        security::CrmRecordSealer sealer(config, keys, clock);
        random.fills.clear();  // the CRM's own key is not the kiosk's to hide
        for (int i = 0; i < 5; ++i) {
            auto record = sealer.seal({"r-" + std::to_string(i), "survey", "SIM-0001", "", 2, 1000}, to_bytes(payload),
                                      random);
            ASSERT_TRUE(record.ok()) << record.error().to_string();
            BusinessStep step;
            step.outbox.push_back(*record);
            ASSERT_TRUE(commit(*database, step).ok());
            sealed.push_back(*record);
        }
    }
    // Whatever SQLite left on disk: the database and any WAL or journal beside it.
    Bytes disk;
    for (const char* suffix : {"", "-wal", "-journal", "-shm"}) {
        const Bytes part = read_file(path + suffix);
        disk.insert(disk.end(), part.begin(), part.end());
    }
    ASSERT_GT(disk.size(), 0U);
    EXPECT_TRUE(holds(disk, to_bytes("crm-2026")));  // the search does see what is there
    std::size_t secrets = 0;
    for (const Bytes& fill : random.fills) {
        if (fill.size() != 32) continue;  // data keys and ephemeral keys; ids and IVs are public
        ++secrets;
        EXPECT_FALSE(holds(disk, fill)) << "a 32-byte secret the sealer drew is on disk";
    }
    EXPECT_GE(secrets, 6U);  // three data keys, three ephemeral keys
    EXPECT_FALSE(holds(disk, to_bytes("tok-secret-7f3a")));

    // Yet the CRM opens every record from the file's wraps alone.
    auto database = Database::open(path);
    ASSERT_TRUE(database.ok());
    CrmDataKeys keys(*database);
    auto queued = Outbox(*database).next_batch(10);
    ASSERT_TRUE(queued.ok());
    ASSERT_EQ(queued->size(), 5U);
    for (const security::SealedRecord& record : *queued) {
        const std::vector<std::string> id{record.header.key_id};
        auto wraps = keys.wraps_for(id);
        ASSERT_TRUE(wraps.ok());
        ASSERT_EQ(wraps->size(), 1U);
        EXPECT_TRUE(holds(disk, wraps->front().wrapped));
        auto data_key = security::unwrap_data_key(*crm, wraps->front());
        ASSERT_TRUE(data_key.ok()) << data_key.error().to_string();
        auto opened = security::open(security::DataKey{record.header.key_id, std::move(*data_key)}, record);
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        EXPECT_EQ(to_string(opened->view()), payload);
    }
}

}  // namespace
}  // namespace kiosk::store
