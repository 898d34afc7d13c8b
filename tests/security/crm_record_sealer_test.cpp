// CrmRecordSealer: a data key is made at the first seal and its wraps persisted before any record
// uses it; a new one when the period passes on the clock or the GCM budget is spent; every CRM
// key of a rotation gets a wrap that opens the same key; nothing is sealed when persisting fails.
#include "security/crm_record_sealer.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kiosk::security {
namespace {

using namespace std::chrono_literals;

class ManualClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return now_; }
    void advance(Millis by) { now_ += by; }

private:
    TimePoint now_ = from_unix_millis(1'767'603'600'000);
};

class MemoryKeyStore final : public WrappedKeyStore {
public:
    Status persist(const NewDataKey& key) override {
        if (fail) return make_error("store", "disk full");
        keys.push_back(key);
        return ok_status();
    }
    std::vector<NewDataKey> keys;
    bool fail = false;
};

RecordHeader header(const std::string& id) { return RecordHeader{id, "journey", "SIM-0001", "", 2, 1000}; }

class CrmRecordSealerTest : public ::testing::Test {
protected:
    CrmRecordSealerTest() {
        for (const char* id : {"crm-old", "crm-new"}) {
            auto key = CrmPrivateKey::generate(id, random_);
            EXPECT_TRUE(key.ok());
            crm_keys_.push_back(std::move(*key));
        }
    }
    CrmSealerConfig config(std::vector<std::size_t> which = {0}) {
        CrmSealerConfig out;
        for (std::size_t index : which) out.crm_keys.push_back(crm_keys_[index].public_key());
        return out;
    }
    // Opens `record` as the CRM would: the wrap for `crm_key`, then the record.
    Result<SecureBytes> open_as(const CrmPrivateKey& crm_key, const SealedRecord& record) {
        for (const NewDataKey& key : store_.keys) {
            for (const WrappedDataKey& wrap : key.wraps) {
                if (wrap.data_key_id != record.header.key_id || wrap.crm_key_id != crm_key.id()) continue;
                auto data_key = unwrap_data_key(crm_key, wrap);
                if (!data_key) return data_key.error();
                return open(DataKey{wrap.data_key_id, std::move(*data_key)}, record);
            }
        }
        return make_error("test", "no wrap for " + record.header.key_id);
    }

    SeededRandom random_{21};
    ManualClock clock_;
    MemoryKeyStore store_;
    std::vector<CrmPrivateKey> crm_keys_;
};

TEST_F(CrmRecordSealerTest, TheFirstSealMakesAKeyAndPersistsItsWrapFirst) {
    CrmRecordSealer sealer(config(), store_, clock_);
    EXPECT_EQ(sealer.current_data_key_id(), "");
    auto record = sealer.seal(header("r-1"), to_bytes("{\"a\":1}"), random_);
    ASSERT_TRUE(record.ok()) << record.error().to_string();
    ASSERT_EQ(store_.keys.size(), 1U);
    EXPECT_EQ(record->header.key_id, store_.keys[0].data_key_id);
    EXPECT_EQ(store_.keys[0].created_unix_ms, to_unix_millis(clock_.now()));
    EXPECT_TRUE(record->header.key_id.starts_with("crm-dk-"));
    ASSERT_EQ(store_.keys[0].wraps.size(), 1U);
    EXPECT_EQ(store_.keys[0].wraps[0].crm_key_id, "crm-old");
    auto opened = open_as(crm_keys_[0], *record);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_EQ(to_string(opened->view()), "{\"a\":1}");
}

TEST_F(CrmRecordSealerTest, OneKeyForThePeriodThenANewOne) {
    CrmSealerConfig settings = config();
    settings.key_period = 24h;
    CrmRecordSealer sealer(settings, store_, clock_);
    auto first = sealer.seal(header("r-1"), to_bytes("1"), random_);
    clock_.advance(24h - 1ms);
    auto second = sealer.seal(header("r-2"), to_bytes("2"), random_);
    clock_.advance(1ms);
    auto third = sealer.seal(header("r-3"), to_bytes("3"), random_);
    ASSERT_TRUE(first.ok() && second.ok() && third.ok());
    EXPECT_EQ(first->header.key_id, second->header.key_id);
    EXPECT_NE(second->header.key_id, third->header.key_id);
    EXPECT_EQ(store_.keys.size(), 2U);
    EXPECT_EQ(sealer.sealed_with_current_key(), 1U);
    // The old period's records still open at the CRM: their wrap is kept.
    EXPECT_TRUE(open_as(crm_keys_[0], *first).ok());
    EXPECT_TRUE(open_as(crm_keys_[0], *third).ok());
}

TEST_F(CrmRecordSealerTest, ANewKeyWhenTheBudgetIsSpent) {
    CrmSealerConfig settings = config();
    settings.seal_limit = 2;
    CrmRecordSealer sealer(settings, store_, clock_);
    std::vector<std::string> key_ids;
    for (int i = 0; i < 5; ++i) {
        auto record = sealer.seal(header("r-" + std::to_string(i)), to_bytes("x"), random_);
        ASSERT_TRUE(record.ok());
        key_ids.push_back(record->header.key_id);
    }
    EXPECT_EQ(key_ids[0], key_ids[1]);
    EXPECT_NE(key_ids[1], key_ids[2]);
    EXPECT_EQ(key_ids[2], key_ids[3]);
    EXPECT_NE(key_ids[3], key_ids[4]);
    EXPECT_EQ(store_.keys.size(), 3U);
}

TEST_F(CrmRecordSealerTest, DuringARotationEitherCrmKeyOpens) {
    CrmRecordSealer sealer(config({0, 1}), store_, clock_);
    auto record = sealer.seal(header("r-1"), to_bytes("both"), random_);
    ASSERT_TRUE(record.ok());
    ASSERT_EQ(store_.keys.at(0).wraps.size(), 2U);
    // A CRM holding only the old private key, or only the new one, opens it.
    for (const CrmPrivateKey& crm : crm_keys_) {
        auto opened = open_as(crm, *record);
        ASSERT_TRUE(opened.ok()) << crm.id() << ": " << opened.error().to_string();
        EXPECT_EQ(to_string(opened->view()), "both");
    }
}

TEST_F(CrmRecordSealerTest, NothingIsSealedUnderAKeyWhoseWrapsWereNotPersisted) {
    CrmRecordSealer sealer(config(), store_, clock_);
    store_.fail = true;
    auto refused = sealer.seal(header("r-1"), to_bytes("x"), random_);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("cannot persist its wrapped keys: disk full"), std::string::npos)
        << refused.error().message;
    EXPECT_EQ(sealer.current_data_key_id(), "");
    store_.fail = false;
    auto sealed = sealer.seal(header("r-1"), to_bytes("x"), random_);
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(sealed->header.key_id, store_.keys.at(0).data_key_id);
}

TEST_F(CrmRecordSealerTest, TheHeaderIsTheAad) {
    CrmRecordSealer sealer(config(), store_, clock_);
    auto record = sealer.seal(header("r-1"), to_bytes("x"), random_);
    ASSERT_TRUE(record.ok());
    SealedRecord altered = *record;
    altered.header.kind = "transaction";
    EXPECT_FALSE(open_as(crm_keys_[0], altered).ok());
}

TEST_F(CrmRecordSealerTest, RefusesABadConfigurationAtStart) {
    EXPECT_THROW(CrmRecordSealer(config({}), store_, clock_), std::runtime_error);
    EXPECT_THROW(CrmRecordSealer(config({0, 0}), store_, clock_), std::runtime_error);
    CrmSealerConfig zero_period = config();
    zero_period.key_period = Millis{0};
    EXPECT_THROW(CrmRecordSealer(zero_period, store_, clock_), std::runtime_error);
}

}  // namespace
}  // namespace kiosk::security
