// CRM record keys: the config text "<key id>:<base64>" with an error naming each kind of mistake,
// the key set of one or two, and the private key file (raw 32 bytes, owner only).
#include "security/crm_record_key.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "security/hpke.hpp"
#include "test_hex.hpp"

namespace kiosk::security {
namespace {

// RFC 9180 A.1.1's recipient key pair.
const char* const kPrivateHex = "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8";
const char* const kPublicHex = "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d";
const char* const kPublicBase64 = "OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrAryoCBXE0=";

std::string error_of(std::string_view text) {
    auto parsed = parse_crm_public_key(text);
    return parsed.ok() ? std::string("parsed") : parsed.error().message;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(CrmRecordKey, ParsesIdAndBase64) {
    auto key = parse_crm_public_key(std::string("crm-2026:") + kPublicBase64);
    ASSERT_TRUE(key.ok()) << key.error().to_string();
    EXPECT_EQ(key->id, "crm-2026");
    EXPECT_EQ(Bytes(key->bytes.begin(), key->bytes.end()), test::hex(kPublicHex));
    EXPECT_EQ(key->to_config_text(), std::string("crm-2026:") + kPublicBase64);
}

TEST(CrmRecordKey, SaysWhatIsWrongWithTheText) {
    EXPECT_TRUE(contains(error_of(kPublicBase64), "no ':'")) << error_of(kPublicBase64);
    EXPECT_TRUE(contains(error_of(std::string(":") + kPublicBase64), "key id \"\" must be 1-64 characters"));
    EXPECT_TRUE(contains(error_of(std::string("crm 1:") + kPublicBase64), "key id \"crm 1\""));
    EXPECT_TRUE(contains(error_of(std::string(65, 'k') + ":" + kPublicBase64), "must be 1-64 characters"));
    EXPECT_TRUE(contains(error_of("crm-1:AAAA"), "'crm-1': is not the base64 of 32 bytes")) << error_of("crm-1:AAAA");
    EXPECT_TRUE(contains(error_of("crm-1:OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrArAAA*XE0="), "not valid base64"));
    EXPECT_TRUE(contains(error_of("crm-1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), "all zeros"));
    EXPECT_EQ(parse_crm_public_key("x").error().domain, "config");
}

TEST(CrmRecordKey, AKioskHoldsOneKeyOrTwoWithDistinctIds) {
    const CrmPublicKey a{"crm-a", {1}};
    const CrmPublicKey b{"crm-b", {2}};
    EXPECT_TRUE(check_crm_public_key_set({a}).ok());
    EXPECT_TRUE(check_crm_public_key_set({a, b}).ok());
    EXPECT_TRUE(contains(check_crm_public_key_set({}).error().message, "got 0"));
    EXPECT_TRUE(contains(check_crm_public_key_set({a, b, CrmPublicKey{"crm-c", {3}}}).error().message, "got 3"));
    EXPECT_TRUE(contains(check_crm_public_key_set({a, CrmPublicKey{"crm-a", {4}}}).error().message, "appears twice"));
}

TEST(CrmRecordKey, PrivateKeyKnowsItsPublicKey) {
    auto key = CrmPrivateKey::from_bytes("crm-2026", test::hex(kPrivateHex));
    ASSERT_TRUE(key.ok()) << key.error().to_string();
    EXPECT_EQ(key->public_key().to_config_text(), std::string("crm-2026:") + kPublicBase64);
    EXPECT_FALSE(CrmPrivateKey::from_bytes("crm-2026", Bytes(31, 1)).ok());
    EXPECT_FALSE(CrmPrivateKey::from_bytes("bad id", test::hex(kPrivateHex)).ok());
}

TEST(CrmRecordKey, GeneratedPairsDiffer) {
    SeededRandom random(3);
    auto first = CrmPrivateKey::generate("crm-1", random);
    auto second = CrmPrivateKey::generate("crm-1", random);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_NE(first->public_key(), second->public_key());
    auto derived = hpke::x25519_public_key(first->bytes());
    ASSERT_TRUE(derived.ok());
    EXPECT_EQ(Bytes(first->public_key().bytes.begin(), first->public_key().bytes.end()), *derived);
}

class CrmPrivateKeyFile : public ::testing::Test {
protected:
    CrmPrivateKeyFile() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-crm-key-XXXXXX").string();
        dir_ = ::mkdtemp(pattern.data()) != nullptr ? std::filesystem::path(pattern) : std::filesystem::path();
    }
    ~CrmPrivateKeyFile() override { std::filesystem::remove_all(dir_); }

    std::filesystem::path dir_;
    SeededRandom random_{5};
};

TEST_F(CrmPrivateKeyFile, StoresRawBytesOwnerOnlyAndLoadsThemBack) {
    ASSERT_FALSE(dir_.empty());
    auto key = CrmPrivateKey::generate("crm-1", random_);
    ASSERT_TRUE(key.ok());
    const auto path = dir_ / "crm-record.key";
    ASSERT_TRUE(key->store(path, random_).ok());
    EXPECT_EQ(std::filesystem::file_size(path), 32U);
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777U, 0600U);
    auto loaded = CrmPrivateKey::load("crm-1", path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
    EXPECT_EQ(loaded->public_key(), key->public_key());
}

TEST_F(CrmPrivateKeyFile, RefusesAFileOthersCanReadOrOfTheWrongSize) {
    ASSERT_FALSE(dir_.empty());
    const auto path = dir_ / "crm-record.key";
    std::ofstream(path) << std::string(33, 'k');
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    auto too_long = CrmPrivateKey::load("crm-1", path);
    ASSERT_FALSE(too_long.ok());
    EXPECT_TRUE(contains(too_long.error().message, "exactly 32 bytes")) << too_long.error().message;
    std::ofstream(path, std::ios::trunc) << std::string(32, 'k');
    std::filesystem::permissions(path, std::filesystem::perms::group_read, std::filesystem::perm_options::add);
    auto readable = CrmPrivateKey::load("crm-1", path);
    ASSERT_FALSE(readable.ok());
    EXPECT_TRUE(contains(readable.error().message, "chmod 600")) << readable.error().message;
}

}  // namespace
}  // namespace kiosk::security
