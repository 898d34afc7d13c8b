// Data key wraps: the CRM's private key unwraps what was wrapped to its public key; a wrap with a
// byte of enc or wrapped changed, or moved to another data key id or CRM key id, is refused.
#include "security/data_key_wrap.hpp"

#include <gtest/gtest.h>

namespace kiosk::security {
namespace {

class DataKeyWrap : public ::testing::Test {
protected:
    DataKeyWrap() {
        auto crm = CrmPrivateKey::generate("crm-2026", random_);
        EXPECT_TRUE(crm.ok());
        crm_.emplace(std::move(*crm));
        auto other = CrmPrivateKey::generate("crm-2027", random_);
        EXPECT_TRUE(other.ok());
        other_.emplace(std::move(*other));
    }
    WrappedDataKey wrap() {
        auto wrapped = wrap_data_key(crm_->public_key(), data_key_, random_);
        EXPECT_TRUE(wrapped.ok()) << wrapped.error().to_string();
        return wrapped.ok() ? *wrapped : WrappedDataKey{};
    }

    SeededRandom random_{11};
    std::optional<CrmPrivateKey> crm_;
    std::optional<CrmPrivateKey> other_;
    DataKey data_key_{"crm-dk-1", SecureBytes(Bytes(32, 0x42))};
};

TEST_F(DataKeyWrap, TheCrmUnwrapsTheDataKey) {
    const WrappedDataKey wrapped = wrap();
    EXPECT_EQ(wrapped.data_key_id, "crm-dk-1");
    EXPECT_EQ(wrapped.crm_key_id, "crm-2026");
    EXPECT_EQ(wrapped.enc.size(), 32U);
    EXPECT_EQ(wrapped.wrapped.size(), kWrappedDataKeySize);
    auto key = unwrap_data_key(*crm_, wrapped);
    ASSERT_TRUE(key.ok()) << key.error().to_string();
    EXPECT_EQ(*key, data_key_.bytes);
}

TEST_F(DataKeyWrap, TheAadLengthPrefixesBothIds) {
    EXPECT_EQ(to_hex(data_key_wrap_aad("ab", "c")), "00000002616200000001" "63");
    EXPECT_NE(data_key_wrap_aad("ab", "c"), data_key_wrap_aad("a", "bc"));
}

TEST_F(DataKeyWrap, AnotherCrmKeyCannotUnwrap) {
    WrappedDataKey wrapped = wrap();
    auto wrong_id = unwrap_data_key(*other_, wrapped);
    ASSERT_FALSE(wrong_id.ok());
    EXPECT_NE(wrong_id.error().message.find("wrapped to CRM key 'crm-2026', not 'crm-2027'"), std::string::npos);
    // Relabelled as the other key's: the id now matches, the AAD and the DH do not.
    wrapped.crm_key_id = "crm-2027";
    EXPECT_FALSE(unwrap_data_key(*other_, wrapped).ok());
}

TEST_F(DataKeyWrap, EveryAlterationIsRefused) {
    const WrappedDataKey wrapped = wrap();
    for (std::size_t i = 0; i < wrapped.enc.size(); ++i) {
        WrappedDataKey altered = wrapped;
        altered.enc[i] ^= 0x04;
        EXPECT_FALSE(unwrap_data_key(*crm_, altered).ok()) << "enc byte " << i;
    }
    for (std::size_t i = 0; i < wrapped.wrapped.size(); ++i) {
        WrappedDataKey altered = wrapped;
        altered.wrapped[i] ^= 0x04;
        EXPECT_FALSE(unwrap_data_key(*crm_, altered).ok()) << "wrapped byte " << i;
    }
    WrappedDataKey moved = wrapped;
    moved.data_key_id = "crm-dk-2";
    EXPECT_FALSE(unwrap_data_key(*crm_, moved).ok());
}

}  // namespace
}  // namespace kiosk::security
