// RecordOpener, the CRM's side: it opens what the kiosk's CrmRecordSealer sealed, with the wrap
// the batch carries; a header field, a byte of the wrapped key (enc or wrapped) or of the IV,
// ciphertext or tag changed is refused with a reason; so are a key it does not hold and a record
// whose wrap is missing. During a rotation a CRM holding only the old or only the new key opens.
#include "crm/record_opener.hpp"

#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "security/crm_record_sealer.hpp"

namespace kiosk::crm {
namespace {

constexpr const char* kAltered = "authentication failed (header, wrapped key or ciphertext altered)";

class FixedClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return from_unix_millis(1'767'603'600'000); }
};

class MemoryKeyStore final : public security::WrappedKeyStore {
public:
    Status persist(const security::NewDataKey& key) override {
        for (const auto& wrap : key.wraps) wraps.push_back(wrap);
        return ok_status();
    }
    std::vector<security::WrappedDataKey> wraps;
};

class RecordOpenerTest : public ::testing::Test {
protected:
    RecordOpenerTest() {
        for (const char* id : {"crm-old", "crm-new", "crm-other"}) {
            auto key = security::CrmPrivateKey::generate(id, random_);
            EXPECT_TRUE(key.ok());
            keys_.push_back(std::move(*key));
        }
    }
    // A batch of `count` records sealed to the CRM keys at `to` (indexes into keys_).
    UploadBatch seal(std::vector<std::size_t> to, int count = 1) {
        security::CrmSealerConfig config;
        for (std::size_t index : to) config.crm_keys.push_back(keys_[index].public_key());
        MemoryKeyStore store;
        security::CrmRecordSealer sealer(config, store, clock_);
        UploadBatch batch{"SIM-0001", {}, {}};
        for (int i = 0; i < count; ++i) {
            const std::string payload = R"({"n":)" + std::to_string(i) + "}";
            auto record = sealer.seal({"r-" + std::to_string(i), "survey", "SIM-0001", "", 2, 1000 + i},
                                      to_bytes(payload), random_);
            EXPECT_TRUE(record.ok()) << record.error().to_string();
            batch.records.push_back(*record);
        }
        batch.data_keys = store.wraps;
        return batch;
    }
    RecordOpener opener(std::vector<std::size_t> holding) {
        std::vector<security::CrmPrivateKey> held;
        for (std::size_t index : holding) held.push_back(keys_[index]);
        return RecordOpener(std::move(held));
    }
    static std::string reason(Result<std::string> opened) { return opened.ok() ? "opened" : opened.error().message; }

    SeededRandom random_{31};
    FixedClock clock_;
    std::vector<security::CrmPrivateKey> keys_;
};

TEST_F(RecordOpenerTest, OpensThePayloadJson) {
    const UploadBatch batch = seal({0}, 2);
    RecordOpener crm = opener({0});
    auto first = crm.open(batch, batch.records[0]);
    ASSERT_TRUE(first.ok()) << first.error().to_string();
    EXPECT_EQ(*first, R"({"n":0})");
    EXPECT_EQ(reason(crm.open(batch, batch.records[1])), "opened");
    EXPECT_EQ(crm.cached_keys(), 1U);  // one data key for both records, unwrapped once
}

TEST_F(RecordOpenerTest, AnyHeaderFieldChangedIsRefused) {
    const UploadBatch batch = seal({0});
    const security::SealedRecord& good = batch.records[0];
    std::vector<security::SealedRecord> altered(5, good);
    altered[0].header.record_id = "r-9";
    altered[1].header.kind = "transaction";
    altered[2].header.kiosk_id = "SIM-0002";
    altered[3].header.schema_version = 3;
    altered[4].header.created_unix_ms += 1;
    RecordOpener crm = opener({0});
    for (const auto& record : altered) EXPECT_EQ(reason(crm.open(batch, record)), kAltered);
    security::SealedRecord other_key = good;
    other_key.header.key_id = "crm-dk-elsewhere";
    EXPECT_EQ(reason(crm.open(batch, other_key)), "no wrapped key for data key 'crm-dk-elsewhere'");
    EXPECT_EQ(reason(crm.open(batch, good)), "opened");
}

TEST_F(RecordOpenerTest, AnyByteOfTheWrappedKeyChangedIsRefused) {
    const UploadBatch batch = seal({0});
    for (std::size_t i = 0; i < batch.data_keys[0].enc.size(); ++i) {
        UploadBatch altered = batch;
        altered.data_keys[0].enc[i] ^= 0x01;
        EXPECT_EQ(reason(opener({0}).open(altered, altered.records[0])), kAltered) << "enc byte " << i;
    }
    for (std::size_t i = 0; i < batch.data_keys[0].wrapped.size(); ++i) {
        UploadBatch altered = batch;
        altered.data_keys[0].wrapped[i] ^= 0x01;
        EXPECT_EQ(reason(opener({0}).open(altered, altered.records[0])), kAltered) << "wrapped byte " << i;
    }
}

TEST_F(RecordOpenerTest, AnyByteOfIvCiphertextOrTagChangedIsRefused) {
    const UploadBatch batch = seal({0});
    RecordOpener crm = opener({0});
    const auto flip_each = [&](auto member, const char* what) {
        const std::size_t size = (batch.records[0].*member).size();
        ASSERT_GT(size, 0U);
        for (std::size_t i = 0; i < size; ++i) {
            security::SealedRecord altered = batch.records[0];
            (altered.*member)[i] ^= 0x80;
            EXPECT_EQ(reason(crm.open(batch, altered)), kAltered) << what << " byte " << i;
        }
    };
    flip_each(&security::SealedRecord::iv, "iv");
    flip_each(&security::SealedRecord::ciphertext, "ciphertext");
    flip_each(&security::SealedRecord::tag, "tag");
}

TEST_F(RecordOpenerTest, AKeyItDoesNotHoldOrAMissingWrapIsNamed) {
    const UploadBatch batch = seal({0});
    EXPECT_EQ(reason(opener({2}).open(batch, batch.records[0])), "sealed to unknown CRM key 'crm-old'");
    const UploadBatch rotation = seal({0, 1});
    EXPECT_EQ(reason(opener({2}).open(rotation, rotation.records[0])),
              "sealed to unknown CRM keys 'crm-old', 'crm-new'");
    UploadBatch bare = batch;
    bare.data_keys.clear();
    EXPECT_EQ(reason(opener({0}).open(bare, bare.records[0])),
              "no wrapped key for data key '" + batch.records[0].header.key_id + "'");
}

TEST_F(RecordOpenerTest, DuringARotationOnlyTheOldOrOnlyTheNewKeyOpens) {
    const UploadBatch batch = seal({0, 1});
    ASSERT_EQ(batch.data_keys.size(), 2U);
    EXPECT_EQ(reason(opener({0}).open(batch, batch.records[0])), "opened");
    EXPECT_EQ(reason(opener({1}).open(batch, batch.records[0])), "opened");
    // The kiosk dropped the old key after the rotation: a CRM still on the old key alone cannot open.
    const UploadBatch after = seal({1});
    EXPECT_EQ(reason(opener({0}).open(after, after.records[0])), "sealed to unknown CRM key 'crm-new'");
}

TEST_F(RecordOpenerTest, AForgedWrapForACachedKeyIdNeitherOpensNorPoisonsTheCache) {
    const UploadBatch batch = seal({0});
    RecordOpener crm = opener({0});
    ASSERT_EQ(reason(crm.open(batch, batch.records[0])), "opened");
    // Anyone holding the public key can wrap *a* key under this id; the record still does not open.
    UploadBatch forged = batch;
    const security::DataKey impostor{batch.records[0].header.key_id, security::SecureBytes(Bytes(32, 0x66))};
    auto wrap = security::wrap_data_key(keys_[0].public_key(), impostor, random_);
    ASSERT_TRUE(wrap.ok());
    forged.data_keys = {*wrap};
    EXPECT_EQ(reason(crm.open(forged, forged.records[0])), kAltered);
    EXPECT_EQ(reason(crm.open(batch, batch.records[0])), "opened");
}

}  // namespace
}  // namespace kiosk::crm
