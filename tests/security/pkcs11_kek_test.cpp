// The PKCS#11 KEK against a throwaway SoftHSM2 token: the KEK is generated non-extractable in the
// token, wraps and unwraps data keys (CKM_AES_KEY_WRAP), and each way of getting the setup wrong
// gives its own error. Without SoftHSM2 installed these tests FAIL with how to install it.
#include "security/pkcs11_kek.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "common/random_source.hpp"
#include "security/key_store.hpp"
#include "security/key_wrap.hpp"
#include "security/record_sealer.hpp"
#include "tests/security/key_store_fixture.hpp"
#include "tests/security/softhsm_token.hpp"

namespace kiosk::security {
namespace {

using test::kSoftHsmModule;
using test::kTokenLabel;
using test::kUserPin;

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

class Pkcs11KekTest : public ::testing::Test {
protected:
    void SetUp() override {
        const std::string problem = token_.init();
        if (!problem.empty()) FAIL() << problem;
    }

    static Pkcs11KekConfig config() { return Pkcs11KekConfig{kSoftHsmModule, kTokenLabel, "kiosk-kek"}; }

    Result<std::unique_ptr<Pkcs11Kek>> open(bool create = true, const char* pin = kUserPin,
                                            Pkcs11KekConfig settings = config()) {
        return Pkcs11Kek::open(settings, SecureString(pin), create);
    }

    test::SoftHsmToken token_;
    SeededRandom random_{11};
};

TEST_F(Pkcs11KekTest, WrapThenUnwrapRoundTrips) {
    auto kek = open();
    ASSERT_TRUE(kek.ok()) << kek.error().to_string();
    SecureBytes data_key(32);
    random_.fill(data_key.span());

    auto wrapped = (*kek)->wrap(data_key.view());
    ASSERT_TRUE(wrapped.ok()) << wrapped.error().to_string();
    EXPECT_EQ(wrapped->size(), 40U);  // RFC 3394: 32 bytes + 8-byte integrity block
    EXPECT_NE(Bytes(wrapped->begin(), wrapped->begin() + 32), Bytes(data_key.begin(), data_key.end()));

    auto unwrapped = (*kek)->unwrap(*wrapped);
    ASSERT_TRUE(unwrapped.ok()) << unwrapped.error().to_string();
    EXPECT_TRUE(*unwrapped == data_key);
    EXPECT_EQ((*kek)->backend(), "pkcs11");
    EXPECT_TRUE(contains((*kek)->location(), "token 'kiosk-test', key 'kiosk-kek'")) << (*kek)->location();
}

TEST_F(Pkcs11KekTest, TheKekStaysInTheTokenNonExtractable) {
    auto kek = open();
    ASSERT_TRUE(kek.ok()) << kek.error().to_string();
    auto protectedness = (*kek)->kek_is_non_extractable();
    ASSERT_TRUE(protectedness.ok()) << protectedness.error().to_string();
    EXPECT_TRUE(*protectedness);
}

TEST_F(Pkcs11KekTest, ReopenedSessionFindsTheSameKek) {
    Bytes wrapped;
    SecureBytes data_key(32);
    random_.fill(data_key.span());
    {
        auto kek = open(true);
        ASSERT_TRUE(kek.ok()) << kek.error().to_string();
        wrapped = *(*kek)->wrap(data_key.view());
    }
    auto kek = open(false);
    ASSERT_TRUE(kek.ok()) << kek.error().to_string();
    auto unwrapped = (*kek)->unwrap(wrapped);
    ASSERT_TRUE(unwrapped.ok()) << unwrapped.error().to_string();
    EXPECT_TRUE(*unwrapped == data_key);
}

// dlopen shares one module per process: a second user must not fail C_Initialize, and the first
// one closing must not finalise the module under the second.
TEST_F(Pkcs11KekTest, TwoOpenKeksShareTheModuleSafely) {
    auto first = open(true);
    ASSERT_TRUE(first.ok()) << first.error().to_string();
    auto second = open(false);
    ASSERT_TRUE(second.ok()) << second.error().to_string();
    SecureBytes data_key(32);
    random_.fill(data_key.span());
    auto wrapped = (*first)->wrap(data_key.view());
    ASSERT_TRUE(wrapped.ok());
    first->reset();
    auto unwrapped = (*second)->unwrap(*wrapped);
    ASSERT_TRUE(unwrapped.ok()) << unwrapped.error().to_string();
    EXPECT_TRUE(*unwrapped == data_key);
}

TEST_F(Pkcs11KekTest, ChangedWrappedKeyDoesNotUnwrap) {
    auto kek = open();
    ASSERT_TRUE(kek.ok()) << kek.error().to_string();
    SecureBytes data_key(32);
    random_.fill(data_key.span());
    Bytes wrapped = *(*kek)->wrap(data_key.view());
    wrapped[5] ^= 0x01;
    auto unwrapped = (*kek)->unwrap(wrapped);
    ASSERT_FALSE(unwrapped.ok());
    EXPECT_TRUE(contains(unwrapped.error().message, "C_UnwrapKey")) << unwrapped.error().message;
}

TEST_F(Pkcs11KekTest, WrongPinIsALoginFailure) {
    ASSERT_TRUE(open().ok());
    auto kek = open(false, "000000");
    ASSERT_FALSE(kek.ok());
    EXPECT_TRUE(contains(kek.error().message, "PKCS#11 login failed: CKR_PIN_INCORRECT")) << kek.error().message;
    EXPECT_EQ(kek.error().native_code, static_cast<int>(CKR_PIN_INCORRECT));
}

TEST_F(Pkcs11KekTest, MissingModuleIsNamed) {
    Pkcs11KekConfig settings = config();
    settings.module = token_.file("no-such-module.so");
    auto kek = open(true, kUserPin, settings);
    ASSERT_FALSE(kek.ok());
    EXPECT_TRUE(contains(kek.error().message, "PKCS#11 module " + settings.module.string() + " not found"))
        << kek.error().message;
}

TEST_F(Pkcs11KekTest, ALibraryThatIsNotAModuleIsNamed) {
    Pkcs11KekConfig settings = config();
    settings.module = "libz.so.1";  // a real shared library without C_GetFunctionList
    const std::filesystem::path libz = "/lib/x86_64-linux-gnu/libz.so.1";
    if (std::filesystem::exists(libz)) settings.module = libz;
    auto kek = open(true, kUserPin, settings);
    ASSERT_FALSE(kek.ok());
    EXPECT_TRUE(contains(kek.error().message, "PKCS#11 module")) << kek.error().message;
}

TEST_F(Pkcs11KekTest, MissingTokenIsNamedWithTheTokensFound) {
    Pkcs11KekConfig settings = config();
    settings.token_label = "no-such-token";
    auto kek = open(true, kUserPin, settings);
    ASSERT_FALSE(kek.ok());
    EXPECT_TRUE(contains(kek.error().message, "no token labelled 'no-such-token'")) << kek.error().message;
    EXPECT_TRUE(contains(kek.error().message, "'kiosk-test'")) << kek.error().message;
}

TEST_F(Pkcs11KekTest, MissingKekIsNamedWhenNotAllowedToCreate) {
    auto kek = open(false);
    ASSERT_FALSE(kek.ok());
    EXPECT_TRUE(contains(kek.error().message, "no AES key labelled 'kiosk-kek'")) << kek.error().message;
}

// The whole key store on the token: ring under the PKCS#11 KEK, rotation, records open after it.
TEST_F(Pkcs11KekTest, KeyStoreOnTheTokenSealsRotatesAndReopens) {
    const std::filesystem::path pin_file = token_.file("pin");
    {
        std::ofstream(pin_file) << kUserPin << '\n';
    }
    std::filesystem::permissions(pin_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    const KeyRingPaths paths{token_.file("keyring"), token_.file("keys")};
    KekSpec spec;
    spec.backend = KekBackend::pkcs11;
    spec.pkcs11 = config();
    spec.pin_file = pin_file;

    std::vector<SealedRecord> records;
    {
        auto store = KeyRingStore::create(paths, spec, random_);
        ASSERT_TRUE(store.ok()) << store.error().to_string();
        RecordSealer sealer(**store);
        for (int i = 0; i < 3; ++i) {
            records.push_back(*sealer.seal(test::header_for("r" + std::to_string(i)), to_bytes("x"), random_));
            ASSERT_TRUE(sealer.rotate().ok());
        }
        auto status = (*store)->status();
        ASSERT_TRUE(status.ok());
        EXPECT_EQ(status->backend, "pkcs11");
        EXPECT_EQ(status->retired.size(), 3U);
    }
    auto store = KeyRingStore::open(paths, random_);
    ASSERT_TRUE(store.ok()) << store.error().to_string();
    const RecordSealer reopened(**store);
    for (const SealedRecord& record : records) {
        EXPECT_TRUE(reopened.open(record).ok()) << record.header.record_id;
    }

    // A group-readable PIN file is refused like a group-readable keys file.
    std::filesystem::permissions(pin_file, std::filesystem::perms::group_read, std::filesystem::perm_options::add);
    auto refused = KeyRingStore::open(paths, random_);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(contains(refused.error().message, pin_file.string() + ": mode 0640")) << refused.error().message;
}

}  // namespace
}  // namespace kiosk::security
