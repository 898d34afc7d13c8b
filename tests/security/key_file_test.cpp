// The keys file: created 0600 and atomically, loaded back, and refused with a one-line message
// naming the file when missing, too open, or malformed (with the line and the reason).
#include "security/key_file.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "common/bytes.hpp"
#include "common/random_source.hpp"

namespace kiosk::security {
namespace {

namespace fs = std::filesystem;

const std::string kHexA = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const std::string kHexB = "FFEEDDCCBBAA99887766554433221100FFEEDDCCBBAA99887766554433221100";

class KeyFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "kiosk-keyfile-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path write(const std::string& name, const std::string& text, fs::perms mode = fs::perms::owner_read |
                                                                                       fs::perms::owner_write) {
        const fs::path path = dir_ / name;
        std::ofstream(path) << text;
        fs::permissions(path, mode);
        return path;
    }

    // The load() failure message, or "" when it did not throw.
    static std::string load_error(const fs::path& path) {
        try {
            (void)KeyFile::load(path);
        } catch (const std::runtime_error& error) {
            return error.what();
        }
        return "";
    }

    fs::path dir_;
};

// Sets the process umask for one scope and restores it even when the test body throws.
class UmaskGuard {
public:
    explicit UmaskGuard(mode_t mask) : previous_(::umask(mask)) {}
    UmaskGuard(const UmaskGuard&) = delete;
    UmaskGuard& operator=(const UmaskGuard&) = delete;
    ~UmaskGuard() { ::umask(previous_); }

private:
    mode_t previous_;
};

mode_t mode_of(const fs::path& path) {
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0);
    return info.st_mode & 07777U;
}

TEST_F(KeyFileTest, LoadsKeysCommentsAndBlankLines) {
    const fs::path path = write("keys", "# kiosk keys\n\nkek " + kHexA + "\n  \npan-token\t" + kHexB + "  \r\n");
    const KeyFile file = KeyFile::load(path);
    EXPECT_EQ(file.names(), (std::vector<std::string>{"kek", "pan-token"}));
    auto kek = file.key(kKekKeyName);
    ASSERT_TRUE(kek.ok());
    EXPECT_EQ(to_hex(kek->view()), "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF");
    auto token_key = file.key(kPanTokenKeyName);
    ASSERT_TRUE(token_key.ok());
    EXPECT_EQ((*token_key)[0], 0xFF);
}

TEST_F(KeyFileTest, MissingKeyNameIsAnError) {
    const KeyFile file = KeyFile::load(write("keys", "kek " + kHexA + "\n"));
    auto missing = file.key("pan-token");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("pan-token"), std::string::npos);
}

TEST_F(KeyFileTest, MissingFileIsNamed) {
    const fs::path path = dir_ / "absent.keys";
    const std::string message = load_error(path);
    EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    EXPECT_NE(message.find("not found"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos);
}

TEST_F(KeyFileTest, WorldReadableFileIsRefusedWithTheModeAndTheFix) {
    const fs::path path = write("keys", "kek " + kHexA + "\n",
                                fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                    fs::perms::others_read);
    const std::string message = load_error(path);
    EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    EXPECT_NE(message.find("mode 0644"), std::string::npos) << message;
    EXPECT_NE(message.find("chmod 600"), std::string::npos) << message;
}

TEST_F(KeyFileTest, GroupAccessIsRefusedToo) {
    const fs::path path = write("keys", "kek " + kHexA + "\n",
                                fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_write);
    EXPECT_NE(load_error(path).find("mode 0620"), std::string::npos);
}

TEST_F(KeyFileTest, MalformedLinesAreNamedWithTheReason) {
    struct Case {
        std::string third_line;
        std::string reason;
    };
    const Case cases[] = {
        {"kek", "found one word"},
        {"kek " + kHexA.substr(0, 62), "64 hex characters, found 62"},
        {"kek " + kHexA.substr(0, 10) + "zz" + kHexA.substr(12), "non-hex character at position 11"},
        {"kek " + kHexA + " extra", "more than two words"},
        {"Kek! " + kHexA, "key name must be"},
        {"pan-token " + kHexB, "appears twice"},
    };
    for (const auto& [line, reason] : cases) {
        const fs::path path = write("keys", "# header\npan-token " + kHexB + "\n" + line + "\n");
        const std::string message = load_error(path);
        EXPECT_NE(message.find(path.string()), std::string::npos) << message;
        EXPECT_NE(message.find("line 3: "), std::string::npos) << message;
        EXPECT_NE(message.find(reason), std::string::npos) << message;
        // The message must never leak key material.
        EXPECT_EQ(message.find(kHexA.substr(0, 10)), std::string::npos) << message;
        EXPECT_EQ(message.find(kHexB.substr(0, 10)), std::string::npos) << message;
    }
}

TEST_F(KeyFileTest, DirectoryIsNotAKeysFile) {
    EXPECT_NE(load_error(dir_).find("not a regular file"), std::string::npos);
}

TEST_F(KeyFileTest, CreateWritesMode0600AndLoadsBack) {
    SeededRandom random(11);
    const fs::path path = dir_ / "kiosk.keys";
    const KeyFile created = [&] {
        const UmaskGuard permissive(0);  // even a permissive umask must not widen the file
        return KeyFile::create(path, {"kek", "pan-token"}, random);
    }();

    EXPECT_EQ(mode_of(path), 0600U);
    const KeyFile loaded = KeyFile::load(path);
    EXPECT_EQ(loaded.names(), created.names());
    auto created_kek = created.key("kek");
    auto loaded_kek = loaded.key("kek");
    ASSERT_TRUE(created_kek.ok() && loaded_kek.ok());
    EXPECT_EQ(*created_kek, *loaded_kek);
    EXPECT_EQ(created_kek->size(), 32U);
    EXPECT_FALSE(*created.key("kek") == *created.key("pan-token"));
    // No temporary file is left beside it.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(KeyFileTest, CreateNeverOverwritesAnExistingFile) {
    const fs::path path = write("kiosk.keys", "kek " + kHexA + "\n");
    SeededRandom random(12);
    EXPECT_THROW((void)KeyFile::create(path, {"kek"}, random), std::runtime_error);
    auto kept = KeyFile::load(path).key("kek");
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ((*kept)[1], 0x11);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(KeyFileTest, CreateRejectsBadNames) {
    SeededRandom random(13);
    EXPECT_THROW((void)KeyFile::create(dir_ / "a.keys", {"has space"}, random), std::runtime_error);
    EXPECT_THROW((void)KeyFile::create(dir_ / "b.keys", {"kek", "kek"}, random), std::runtime_error);
    EXPECT_FALSE(fs::exists(dir_ / "a.keys"));
}

}  // namespace
}  // namespace kiosk::security
