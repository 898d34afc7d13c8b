// `kioskctl keys status` and `kioskctl keys rotate`, in-process against a temporary data directory
// with a keys file and a key ring: the ring's backend, KEK location, mode and key ids are shown,
// a rotation makes a new current key the kiosk's sealer adopts, and no key byte is ever printed.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/bytes.hpp"
#include "common/random_source.hpp"
#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/kioskctl_app.hpp"
#include "security/key_file.hpp"
#include "security/key_store.hpp"
#include "security/record_sealer.hpp"
#include "store/business_step.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"
#include "tests/security/softhsm_token.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::kioskctl {
namespace {

class FixedClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return from_unix_millis(1'767'607'200'000); }
};

struct Captured {
    std::ostringstream out;
    std::ostringstream err;
    Streams streams() { return Streams{out, err}; }
};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

class KioskctlKeysTest : public ::testing::Test {
protected:
    KioskctlKeysTest() {
        config_.data_dir = directory_.file("data");
        std::filesystem::create_directories(config_.data_dir);
        security::KeyFile::create(config_.keys_path(),
                                  {std::string(security::kKekKeyName), std::string(security::kPanTokenKeyName)}, random_);
    }

    // The kiosk has run here: its database, with the journal a rotation is recorded in, exists,
    // and it was commissioned with a supervisor ("sup-ada") and a technician ("tech-bo").
    void make_kiosk_database() {
        EXPECT_TRUE(store::Database::open(config_.database_path().string()).ok());
        Captured made;
        ASSERT_EQ(run_users_bootstrap(config_, kSupervisor, clock_, made.streams(), fast_hashes()), kExitOk)
            << made.err.str();
        ASSERT_EQ(run_users_add(config_, kSupervisor, kTechnician, security::TechnicianRole::Technician, clock_,
                                made.streams(), fast_hashes()),
                  kExitOk)
            << made.err.str();
    }
    // Fewer PBKDF2 iterations than production, so the tests do not spend seconds hashing.
    static security::AccessPolicy fast_hashes() {
        security::AccessPolicy policy;
        policy.hash_iterations = 1'000;
        return policy;
    }
    int rotate(RandomSource& random, Captured& captured, const TechnicianCredentials& who = kSupervisor) {
        return run_keys_rotate(config_, who, random, clock_, captured.streams(), fast_hashes());
    }
    static inline const TechnicianCredentials kSupervisor{"sup-ada", "correct-horse-7"};
    static inline const TechnicianCredentials kTechnician{"tech-bo", "battery-staple-9"};

    security::KeyRingPaths paths() const { return security::key_ring_paths(config_.data_dir, config_.keys_path()); }

    std::unique_ptr<security::KeyRingStore> create_ring() {
        auto store = security::KeyRingStore::create(paths(), security::KekSpec{}, random_);
        EXPECT_TRUE(store.ok()) << store.error().to_string();
        return std::move(store).value();
    }

    // Every key byte of the ring and keys file as hex: none may appear in any output.
    std::vector<std::string> secret_hex(security::KeyStore& store) {
        std::vector<std::string> secrets;
        auto keys = store.keys();
        EXPECT_TRUE(keys.ok());
        secrets.push_back(to_hex(keys->current.bytes.view()));
        for (const security::DataKey& key : keys->retired) secrets.push_back(to_hex(key.bytes.view()));
        secrets.push_back(to_hex(security::KeyFile::load(config_.keys_path()).key(security::kKekKeyName)->view()));
        return secrets;
    }

    static void expect_no_secret(const std::string& text, const std::vector<std::string>& secrets) {
        for (const std::string& hex : secrets) {
            std::string upper = hex;
            std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
            EXPECT_FALSE(contains(text, hex.substr(0, 16)));
            EXPECT_FALSE(contains(text, upper.substr(0, 16)));
        }
    }

    std::string write_config() {
        const std::string path = directory_.file("kiosk.toml");
        std::ofstream(path) << "[kiosk]\ndata_dir = \"" << config_.data_dir.string() << "\"\n";
        return path;
    }

    store::test::TempDirectory directory_;
    KioskConfig config_;
    SeededRandom random_{21};
    FixedClock clock_;
};

TEST_F(KioskctlKeysTest, StatusShowsBackendKekLocationModeAndKeyIds) {
    auto store = create_ring();
    const std::string first = store->keys()->current.id;
    const std::string second = *store->rotate();
    Captured captured;
    EXPECT_EQ(run_keys_status(config_, captured.streams()), kExitOk) << captured.err.str();
    const std::string out = captured.out.str();
    EXPECT_TRUE(contains(out, "key ring:  " + paths().ring.string() + "\n")) << out;
    EXPECT_TRUE(contains(out, "ring mode: 0600 (owner only)\n")) << out;
    EXPECT_TRUE(contains(out, "backend:   file\n")) << out;
    EXPECT_TRUE(contains(out, "KEK:       keys file " + config_.keys_path().string() + " (key 'kek')\n")) << out;
    EXPECT_TRUE(contains(out, "current:   " + second + " (0 encryptions reserved of 4294967295)\n")) << out;
    EXPECT_TRUE(contains(out, "retired:   " + first + " (0 reserved)\n")) << out;
    EXPECT_TRUE(contains(out, "rotations: 1\n")) << out;
    expect_no_secret(out + captured.err.str(), secret_hex(*store));
}

TEST_F(KioskctlKeysTest, StatusCountsRecordsNotUploadedPerKey) {
    auto store = create_ring();
    security::RecordSealer sealer(*store);
    {
        auto database = store::Database::open(config_.database_path().string());
        ASSERT_TRUE(database.ok());
        for (int i = 0; i < 3; ++i) {
            if (i == 2) {
                ASSERT_TRUE(sealer.rotate().ok());
            }
            security::RecordHeader header{"r" + std::to_string(i), "journey", "SIM-0001", "", 1, 0};
            auto record = sealer.seal(header, to_bytes("p"), random_);
            ASSERT_TRUE(record.ok());
            ASSERT_TRUE(store::commit(*database, store::BusinessStep{{}, {}, {*record}, {}}).ok());
        }
    }
    const auto status = store->status();
    Captured captured;
    EXPECT_EQ(run_keys_status(config_, captured.streams()), kExitOk) << captured.err.str();
    const std::string out = captured.out.str();
    EXPECT_TRUE(contains(out, "current:   " + status->current.id + " (65536 encryptions reserved of 4294967295; "
                                                                    "1 records not uploaded)\n"))
        << out;
    EXPECT_TRUE(contains(out, "retired:   " + status->retired.at(0).id + " (65536 reserved; 2 records not uploaded)\n"))
        << out;
}

TEST_F(KioskctlKeysTest, StatusWithoutARingSaysTheKioskMakesIt) {
    Captured captured;
    EXPECT_EQ(run_keys_status(config_, captured.streams()), kExitOk);
    EXPECT_TRUE(contains(captured.out.str(), "not found (the kiosk creates it at its first start)")) << captured.out.str();
}

TEST_F(KioskctlKeysTest, StatusRefusesACorruptedRingWithOneLine) {
    create_ring();
    std::ofstream(paths().ring, std::ios::app) << "key dk-evil current 0 00\n";
    Captured captured;
    EXPECT_EQ(run_keys_status(config_, captured.streams()), kExitFailure);
    const std::string err = captured.err.str();
    EXPECT_TRUE(contains(err, "corrupted")) << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1);
}

TEST_F(KioskctlKeysTest, RotateMakesANewCurrentKeyThatTheRunningSealerAdopts) {
    make_kiosk_database();
    auto kiosk_store = create_ring();
    security::RecordSealer kiosk_sealer(*kiosk_store);  // the running kiosk
    security::RecordHeader header{"r1", "journey", "SIM-0001", "", 1, 0};
    auto before = kiosk_sealer.seal(header, to_bytes("p"), random_);
    ASSERT_TRUE(before.ok());

    SeededRandom tool_random(3);
    Captured captured;
    EXPECT_EQ(rotate(tool_random, captured), kExitOk) << captured.err.str();
    const std::string new_id = kiosk_store->keys()->current.id;
    EXPECT_NE(new_id, before->header.key_id);
    EXPECT_TRUE(contains(captured.out.str(), "new current data key: " + new_id + "\n")) << captured.out.str();
    EXPECT_TRUE(contains(captured.out.str(), "retired:              " + before->header.key_id)) << captured.out.str();
    expect_no_secret(captured.out.str(), secret_hex(*kiosk_store));

    header.record_id = "r2";
    auto after = kiosk_sealer.seal(header, to_bytes("p"), random_);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->header.key_id, new_id);
    EXPECT_TRUE(kiosk_sealer.open(*before).ok());
}

TEST_F(KioskctlKeysTest, RotateWithoutARingIsOneErrorLineNamingIt) {
    Captured captured;
    EXPECT_EQ(rotate(random_, captured), kExitFailure);
    EXPECT_TRUE(contains(captured.err.str(), paths().ring.string() + ": not found")) << captured.err.str();
    EXPECT_FALSE(std::filesystem::exists(paths().ring));
}

// Issue 5: a key rotation is a supervisor's action, so it is a chained journal line that
// `journal verify` accepts, naming the supervisor and both key ids (never key bytes), between the
// sign-in and the sign-out.
TEST_F(KioskctlKeysTest, RotateIsJournaledInTheKiosksChainUnderTheSupervisorsName) {
    make_kiosk_database();
    auto store = create_ring();
    const std::string before = store->keys()->current.id;
    Captured captured;
    ASSERT_EQ(rotate(random_, captured), kExitOk) << captured.err.str();
    EXPECT_TRUE(contains(captured.out.str(), "journaled:            key_rotation by technician:sup-ada\n"))
        << captured.out.str();

    auto database = store::Database::open(config_.database_path().string());
    ASSERT_TRUE(database.ok());
    auto lines = store::Journal(*database).read_all();
    ASSERT_TRUE(lines.ok());
    std::vector<std::string> events;
    for (const auto& entry : *lines) events.push_back(entry.line.event_type);
    const auto rotation = std::find(events.begin(), events.end(), "key_rotation");
    ASSERT_NE(rotation, events.end()) << ::testing::PrintToString(events);
    const store::JournalLine& line = (*lines)[static_cast<std::size_t>(rotation - events.begin())].line;
    EXPECT_EQ(line.outcome, "success");
    EXPECT_EQ(line.actor, "technician:sup-ada");
    EXPECT_EQ(line.detail, "current " + store->keys()->current.id + ", retired " + before);
    expect_no_secret(line.detail, secret_hex(*store));
    for (const auto& entry : *lines) {
        EXPECT_FALSE(contains(entry.line.detail + entry.line.resource, kSupervisor.secret)) << "a secret in the journal";
    }

    Captured verify;
    EXPECT_EQ(run_journal_verify(config_, {}, verify.streams()), kExitOk) << verify.err.str();
    EXPECT_TRUE(contains(verify.out.str(), "journal ok: " + std::to_string(lines->size()) + " entries")) << verify.out.str();
}

// Keys are a supervisor's: a technician, a wrong secret or an unknown id rotates nothing.
TEST_F(KioskctlKeysTest, RotateIsRefusedToATechnicianAndToAWrongSecret) {
    make_kiosk_database();
    auto store = create_ring();
    const std::string before = store->keys()->current.id;
    Captured by_technician;
    EXPECT_EQ(rotate(random_, by_technician, kTechnician), kExitFailure);
    EXPECT_TRUE(contains(by_technician.err.str(), "keys")) << by_technician.err.str();
    Captured wrong;
    EXPECT_EQ(rotate(random_, wrong, TechnicianCredentials{"sup-ada", "not-the-secret"}), kExitFailure);
    EXPECT_FALSE(wrong.err.str().empty());
    EXPECT_FALSE(contains(wrong.err.str(), "not-the-secret"));
    EXPECT_EQ(store->keys()->current.id, before);
    EXPECT_TRUE(store->status()->retired.empty());
}

// Without the kiosk's database nobody can sign in, so nothing rotates: an unrecorded key change
// is not possible.
TEST_F(KioskctlKeysTest, RotateWithoutADatabaseRotatesNothing) {
    auto store = create_ring();
    const std::string before = store->keys()->current.id;
    Captured captured;
    EXPECT_EQ(rotate(random_, captured), kExitFailure);
    EXPECT_EQ(store->keys()->current.id, before);
    EXPECT_TRUE(contains(captured.err.str(), "kiosk.db not found")) << captured.err.str();
}

TEST_F(KioskctlKeysTest, RotateThroughTheCommandLine) {
    make_kiosk_database();
    auto store = create_ring();
    const std::string before = store->keys()->current.id;
    const std::string config_path = write_config();
    std::vector<const char*> argv{"kioskctl", "--config", config_path.c_str(), "keys", "rotate", "--as", "sup-ada"};
    Captured captured;
    std::istringstream secret(kSupervisor.secret + "\n");
    EXPECT_EQ(run_kioskctl(static_cast<int>(argv.size()), argv.data(), captured.out, captured.err, clock_, secret),
              kExitOk)
        << captured.err.str();
    EXPECT_NE(store->keys()->current.id, before);
    EXPECT_EQ(store->status()->retired.size(), 1U);
}

TEST_F(KioskctlKeysTest, InitCreatesAFileBackedRingOnceOnly) {
    Captured captured;
    EXPECT_EQ(run_keys_init(config_, security::KekSpec{}, random_, captured.streams()), kExitOk) << captured.err.str();
    EXPECT_TRUE(contains(captured.out.str(), "key ring: " + paths().ring.string() + " created\n")) << captured.out.str();
    EXPECT_TRUE(std::filesystem::exists(paths().ring));

    Captured again;
    EXPECT_EQ(run_keys_init(config_, security::KekSpec{}, random_, again.streams()), kExitFailure);
    EXPECT_TRUE(contains(again.err.str(), "already exists")) << again.err.str();
}

TEST_F(KioskctlKeysTest, InitPkcs11NeedsTokenAndPinFile) {
    const std::string config_path = write_config();
    std::vector<const char*> argv{"kioskctl", "--config", config_path.c_str(), "keys", "init",
                                  "--pkcs11-module", "/usr/lib/softhsm/libsofthsm2.so"};
    Captured captured;
    EXPECT_EQ(run_kioskctl(static_cast<int>(argv.size()), argv.data(), captured.out, captured.err, clock_), kExitUsage);
    EXPECT_TRUE(contains(captured.err.str(), "needs --token and --pin-file")) << captured.err.str();
    EXPECT_FALSE(std::filesystem::exists(paths().ring));
}

// The whole technician path on a SoftHSM2 token: init with the KEK in the token, status, rotate.
TEST_F(KioskctlKeysTest, InitStatusAndRotateOnAPkcs11Token) {
    make_kiosk_database();
    security::test::SoftHsmToken token;
    const std::string problem = token.init();
    ASSERT_TRUE(problem.empty()) << problem;
    const std::string pin_file = token.file("pin");
    std::ofstream(pin_file) << security::test::kUserPin << '\n';
    std::filesystem::permissions(pin_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

    const std::string config_path = write_config();
    const auto run = [&](std::vector<const char*> args, Captured& captured) {
        std::vector<const char*> argv{"kioskctl", "--config", config_path.c_str()};
        argv.insert(argv.end(), args.begin(), args.end());
        std::istringstream secret(kSupervisor.secret + "\n");
        return run_kioskctl(static_cast<int>(argv.size()), argv.data(), captured.out, captured.err, clock_, secret);
    };
    Captured init;
    ASSERT_EQ(run({"keys", "init", "--pkcs11-module", security::test::kSoftHsmModule.c_str(), "--token",
                   security::test::kTokenLabel, "--pin-file", pin_file.c_str()},
                  init),
              kExitOk)
        << init.err.str();
    Captured rotate;
    ASSERT_EQ(run({"keys", "rotate", "--as", "sup-ada"}, rotate), kExitOk) << rotate.err.str();
    Captured status;
    ASSERT_EQ(run({"keys", "status"}, status), kExitOk) << status.err.str();
    const std::string out = status.out.str();
    EXPECT_TRUE(contains(out, "backend:   pkcs11\n")) << out;
    EXPECT_TRUE(contains(out, "KEK:       PKCS#11 module " + security::test::kSoftHsmModule.string() +
                                  ", token 'kiosk-test', key 'kiosk-kek'\n"))
        << out;
    EXPECT_TRUE(contains(out, "rotations: 1\n")) << out;
    EXPECT_FALSE(contains(out + init.out.str() + rotate.out.str(), security::test::kUserPin));
}

// Commissioning through the command line: the first supervisor, then a technician, secrets on
// standard input; a second bootstrap is refused once an account exists.
TEST_F(KioskctlKeysTest, UsersAreCommissionedThroughTheCommandLineWithSecretsOnStandardInput) {
    EXPECT_TRUE(store::Database::open(config_.database_path().string()).ok());
    const std::string config_path = write_config();
    auto kioskctl = [&](std::vector<const char*> args, const std::string& input, Captured& captured) {
        std::vector<const char*> argv{"kioskctl", "--config", config_path.c_str()};
        argv.insert(argv.end(), args.begin(), args.end());
        std::istringstream in(input);
        return run_kioskctl(static_cast<int>(argv.size()), argv.data(), captured.out, captured.err, clock_, in);
    };
    Captured first;
    EXPECT_EQ(kioskctl({"users", "bootstrap", "sup-ada"}, "correct-horse-7\n", first), kExitOk) << first.err.str();
    Captured added;
    EXPECT_EQ(kioskctl({"users", "add", "tech-bo", "--role", "technician", "--as", "sup-ada"},
                       "correct-horse-7\nbattery-staple-9\n", added),
              kExitOk)
        << added.err.str();
    EXPECT_TRUE(contains(added.out.str(), "technician tech-bo saved by sup-ada")) << added.out.str();
    Captured again;
    EXPECT_EQ(kioskctl({"users", "bootstrap", "sup-eve"}, "another-secret-1\n", again), kExitFailure);
    Captured no_secret;
    EXPECT_EQ(kioskctl({"users", "add", "tech-cy", "--role", "technician", "--as", "sup-ada"}, "", no_secret),
              kExitUsage);
    EXPECT_TRUE(contains(no_secret.err.str(), "PIN/password of sup-ada: no input")) << no_secret.err.str();
    for (const Captured* captured : {&first, &added, &again, &no_secret}) {
        EXPECT_FALSE(contains(captured->out.str() + captured->err.str(), "correct-horse-7"));
    }
}

}  // namespace
}  // namespace kiosk::kioskctl
