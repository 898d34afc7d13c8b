// Technician access rules, each against the SQLite registry and the chained journal, in virtual
// time: hashes only at rest, five failures lock for the configured time, idle sessions expire,
// roles gate permissions, and every login/logout/lockout/denial is a verifiable journal line.
#include "security/access/technician_access.hpp"

#include <gtest/gtest.h>

#include "sim/virtual_clock.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"
#include "store/journal_verifier.hpp"
#include "store/statement.hpp"
#include "store/technician_registry.hpp"

namespace kiosk::security {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kSupervisorSecret = "correct horse 42";
constexpr std::string_view kTechnicianSecret = "battery staple 7";

AccessPolicy test_policy() {
    AccessPolicy policy;
    policy.max_failures = 5;
    policy.lockout = 10min;
    policy.idle_timeout = 5min;
    policy.hash_iterations = kMinPasswordIterations;  // the rules, not the cost, are under test
    policy.min_secret_length = 8;
    return policy;
}

class TechnicianAccessTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(access_.bootstrap_supervisor("S001", kSupervisorSecret).ok());
        auto token = access_.login("S001", kSupervisorSecret);
        ASSERT_TRUE(token.ok()) << token.error().to_string();
        ASSERT_TRUE(access_.put_user(*token, "T042", TechnicianRole::Technician, kTechnicianSecret).ok());
        ASSERT_TRUE(access_.logout(*token).ok());
    }

    std::vector<std::string> journal_events() {
        std::vector<std::string> events;
        const auto entries = store::Journal(database_).read_all().value_or(std::vector<store::JournalEntry>{});
        for (const auto& entry : entries) {
            events.push_back(entry.line.event_type + " " + entry.line.actor + " " + entry.line.outcome);
        }
        return events;
    }

    std::string last_event() {
        const auto events = journal_events();
        return events.empty() ? "" : events.back();
    }

    store::Database database_ = std::move(store::Database::open_in_memory()).value();
    JournalChain chain_ = std::move(JournalChain::create(Bytes(32, 0x5A))).value();
    store::SqliteTechnicianRegistry registry_{database_, chain_, "SIM-0001/maintenance"};
    sim::VirtualClock clock_;
    SeededRandom random_{7};
    TechnicianAccess access_{registry_, clock_, random_, test_policy()};
};

TEST_F(TechnicianAccessTest, OnlyAPbkdf2HashWithAPerUserSaltIsStored) {
    auto accounts = registry_.list();
    ASSERT_TRUE(accounts.ok());
    ASSERT_EQ(accounts->size(), 2U);
    for (const TechnicianAccount& account : *accounts) {
        EXPECT_EQ(account.password_hash.rfind("pbkdf2-sha256$1000$", 0), 0U);
        EXPECT_TRUE(account.password_hash.find(kSupervisorSecret) == std::string::npos);
        EXPECT_TRUE(account.password_hash.find(kTechnicianSecret) == std::string::npos);
    }
    // Different salts: the same secret hashes differently for two users.
    auto same = hash_password(kTechnicianSecret, kMinPasswordIterations, random_);
    auto again = hash_password(kTechnicianSecret, kMinPasswordIterations, random_);
    ASSERT_TRUE(same.ok() && again.ok());
    EXPECT_NE(*same, *again);
    EXPECT_TRUE(verify_password(kTechnicianSecret, *same).value_or(false));
    EXPECT_FALSE(verify_password("battery staple 8", *same).value_or(true));
}

TEST_F(TechnicianAccessTest, CorrectSecretLogsInAndEveryStepIsJournaled) {
    auto token = access_.login("T042", kTechnicianSecret);
    ASSERT_TRUE(token.ok()) << token.error().to_string();
    EXPECT_EQ(last_event(), "technician_login technician:T042 success");
    auto session = access_.session(*token);
    ASSERT_TRUE(session.ok());
    EXPECT_EQ(session->id, "T042");
    EXPECT_EQ(session->role, TechnicianRole::Technician);
    ASSERT_TRUE(access_.logout(*token).ok());
    EXPECT_EQ(last_event(), "technician_logout technician:T042 success");
    EXPECT_FALSE(access_.authorize(*token, Permission::Diagnostics).ok());  // the token is gone
    auto verdict = store::verify_journal(database_, chain_);
    ASSERT_TRUE(verdict.ok());
    EXPECT_TRUE(verdict->intact()) << store::describe(*verdict);
}

TEST_F(TechnicianAccessTest, UnknownIdAndWrongSecretGetTheSameAnswerAndNeitherNamesTheText) {
    auto unknown = access_.login("T999", kTechnicianSecret);
    auto wrong = access_.login("T042", "battery staple 8");
    ASSERT_FALSE(unknown.ok());
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(unknown.error().message, wrong.error().message);
    const auto events = journal_events();
    EXPECT_EQ(events[events.size() - 2], "technician_login technician:? failure: unknown id");
    EXPECT_EQ(events.back(), "technician_login technician:T042 failure: wrong PIN/password");
    const auto entries = store::Journal(database_).read_all();
    ASSERT_TRUE(entries.ok());
    for (const auto& entry : *entries) {
        EXPECT_TRUE(entry.line.detail.find("battery") == std::string::npos);
        EXPECT_TRUE(entry.line.actor.find("T999") == std::string::npos);  // typed ids may be secrets
    }
    auto malformed = access_.login("T 042; DROP", kTechnicianSecret);
    ASSERT_FALSE(malformed.ok());
    EXPECT_NE(malformed.error().message.find("1-32 characters"), std::string::npos);
}

TEST_F(TechnicianAccessTest, FiveConsecutiveFailuresLockTheIdForTheConfiguredTime) {
    for (int attempt = 1; attempt <= 4; ++attempt) ASSERT_FALSE(access_.login("T042", "wrong secret!").ok());
    ASSERT_TRUE(registry_.find("T042")->value().locked_until_unix_ms == 0);
    auto fifth = access_.login("T042", "wrong secret!");
    ASSERT_FALSE(fifth.ok());
    EXPECT_NE(fifth.error().message.find("now locked for 600 s"), std::string::npos) << fifth.error().message;
    EXPECT_EQ(last_event(), "technician_lockout system locked");

    // Locked: even the right secret is refused, and the refusal is journaled.
    clock_.advance(10min - 1ms);
    auto during = access_.login("T042", kTechnicianSecret);
    ASSERT_FALSE(during.ok());
    EXPECT_NE(during.error().message.find("locked for another"), std::string::npos) << during.error().message;
    EXPECT_EQ(last_event(), "technician_login technician:T042 refused: locked");

    clock_.advance(1ms);
    EXPECT_TRUE(access_.login("T042", kTechnicianSecret).ok());
}

TEST_F(TechnicianAccessTest, ASuccessResetsTheFailureCount) {
    for (int attempt = 1; attempt <= 4; ++attempt) ASSERT_FALSE(access_.login("T042", "wrong secret!").ok());
    ASSERT_TRUE(access_.login("T042", kTechnicianSecret).ok());
    for (int attempt = 1; attempt <= 4; ++attempt) ASSERT_FALSE(access_.login("T042", "wrong secret!").ok());
    EXPECT_EQ(registry_.find("T042")->value().locked_until_unix_ms, 0);
    EXPECT_EQ(registry_.find("T042")->value().failed_attempts, 4);
}

TEST_F(TechnicianAccessTest, TheLockSurvivesARestart) {
    for (int attempt = 1; attempt <= 5; ++attempt) ASSERT_FALSE(access_.login("T042", "wrong secret!").ok());
    TechnicianAccess restarted(registry_, clock_, random_, test_policy());
    EXPECT_FALSE(restarted.login("T042", kTechnicianSecret).ok());
}

TEST_F(TechnicianAccessTest, ASupervisorCanUnlockBeforeTheLockEnds) {
    for (int attempt = 1; attempt <= 5; ++attempt) ASSERT_FALSE(access_.login("T042", "wrong secret!").ok());
    auto supervisor = access_.login("S001", kSupervisorSecret);
    ASSERT_TRUE(supervisor.ok());
    ASSERT_TRUE(access_.unlock_user(*supervisor, "T042").ok());
    EXPECT_EQ(last_event(), "technician_unlock technician:S001 success");
    EXPECT_TRUE(access_.login("T042", kTechnicianSecret).ok());
}

TEST_F(TechnicianAccessTest, SessionsExpireAfterTheIdleTimeButActivityKeepsThemAlive) {
    auto token = access_.login("T042", kTechnicianSecret);
    ASSERT_TRUE(token.ok());
    clock_.advance(4min);
    ASSERT_TRUE(access_.authorize(*token, Permission::Service).ok());  // activity restarts the idle timer
    clock_.advance(4min);
    ASSERT_TRUE(access_.authorize(*token, Permission::Diagnostics).ok());
    clock_.advance(5min);
    auto expired = access_.authorize(*token, Permission::Diagnostics);
    ASSERT_FALSE(expired.ok());
    EXPECT_NE(expired.error().message.find("expired after 300 s idle"), std::string::npos) << expired.error().message;
    EXPECT_EQ(last_event(), "technician_session_expired technician:T042 expired: idle 300 s");
    EXPECT_FALSE(access_.session(*token).ok());
}

TEST_F(TechnicianAccessTest, TheIdleSweepEndsAndJournalsStaleSessions) {
    auto first = access_.login("T042", kTechnicianSecret);
    clock_.advance(3min);
    auto second = access_.login("S001", kSupervisorSecret);
    ASSERT_TRUE(first.ok() && second.ok());
    clock_.advance(2min);
    EXPECT_EQ(access_.expire_idle_sessions().value_or(99), 1U);
    EXPECT_FALSE(access_.session(*first).ok());
    EXPECT_TRUE(access_.session(*second).ok());
}

TEST_F(TechnicianAccessTest, RolesGatePermissionsAndDenialsAreJournaled) {
    auto technician = access_.login("T042", kTechnicianSecret);
    auto supervisor = access_.login("S001", kSupervisorSecret);
    ASSERT_TRUE(technician.ok() && supervisor.ok());
    for (Permission permission : {Permission::Diagnostics, Permission::Service}) {
        EXPECT_TRUE(access_.authorize(*technician, permission).ok()) << to_string(permission);
    }
    for (Permission permission : {Permission::Keys, Permission::Settings, Permission::Users}) {
        auto denied = access_.authorize(*technician, permission);
        ASSERT_FALSE(denied.ok()) << to_string(permission);
        EXPECT_NE(denied.error().message.find("supervisors only"), std::string::npos);
        EXPECT_EQ(last_event(), "technician_action technician:T042 denied: role technician");
    }
    for (Permission permission :
         {Permission::Diagnostics, Permission::Service, Permission::Keys, Permission::Settings, Permission::Users}) {
        EXPECT_TRUE(access_.authorize(*supervisor, permission).ok()) << to_string(permission);
    }
    EXPECT_FALSE(access_.put_user(*technician, "T043", TechnicianRole::Supervisor, "escalate me now").ok());
    EXPECT_FALSE(registry_.find("T043")->has_value());
}

TEST_F(TechnicianAccessTest, UserRulesNameWhatIsWrong) {
    auto supervisor = access_.login("S001", kSupervisorSecret);
    ASSERT_TRUE(supervisor.ok());
    auto short_secret = access_.put_user(*supervisor, "T050", TechnicianRole::Technician, "1234567");
    ASSERT_FALSE(short_secret.ok());
    EXPECT_NE(short_secret.error().message.find("at least 8 characters"), std::string::npos);
    auto bad_id = access_.put_user(*supervisor, "", TechnicianRole::Technician, "long enough 1");
    ASSERT_FALSE(bad_id.ok());
    auto bootstrap = access_.bootstrap_supervisor("S002", "another secret 1");
    ASSERT_FALSE(bootstrap.ok());
    EXPECT_NE(bootstrap.error().message.find("no technician accounts"), std::string::npos);
}

TEST_F(TechnicianAccessTest, AMalformedStoredHashIsAnErrorNotAMatch) {
    ASSERT_TRUE(database_.execute("UPDATE technician_users SET password_hash = 'md5$abc' WHERE id = 'T042'").ok());
    auto login = access_.login("T042", kTechnicianSecret);
    ASSERT_FALSE(login.ok());
    EXPECT_NE(login.error().message.find("pbkdf2-sha256$<iterations>"), std::string::npos) << login.error().message;
}

TEST(PasswordHash, MalformedHashesAreNamed) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"pbkdf2-sha256$99$00$00", "iteration count 99"},
        {"pbkdf2-sha256$x$00$00", "malformed iteration count"},
        {"pbkdf2-sha256$1000$00$00", "malformed salt"},
        {"pbkdf2-sha256$1000$00112233445566778899aabbccddeeff$00", "malformed hash"},
        {"scrypt$1$2$3", "is not pbkdf2-sha256"},
    };
    for (const auto& [encoded, expected] : cases) {
        auto result = verify_password("secret!!", encoded);
        ASSERT_FALSE(result.ok()) << encoded;
        EXPECT_NE(result.error().message.find(expected), std::string::npos) << result.error().message;
    }
    SeededRandom random(1);
    EXPECT_FALSE(hash_password("", kMinPasswordIterations, random).ok());
    EXPECT_FALSE(hash_password("secret!!", kMinPasswordIterations - 1, random).ok());
}

TEST(PasswordHash, KnownAnswerFromAnIndependentImplementation) {
    // Python: hashlib.pbkdf2_hmac('sha256', b'password', bytes(range(16)), 1000).hex()
    const std::string encoded = "pbkdf2-sha256$1000$000102030405060708090a0b0c0d0e0f$"
                                "25eb86acc76e43018f18b9a8f90c2fed462d1c799e83d48ae3d7c69046a60b67";
    EXPECT_TRUE(verify_password("password", encoded).value_or(false));
    EXPECT_FALSE(verify_password("Password", encoded).value_or(true));
    EXPECT_FALSE(verify_password("", encoded).value_or(true));
}

TEST(TechnicianRoles, TableAndNames) {
    EXPECT_TRUE(role_allows(TechnicianRole::Technician, Permission::Service));
    EXPECT_FALSE(role_allows(TechnicianRole::Technician, Permission::Keys));
    EXPECT_TRUE(role_allows(TechnicianRole::Supervisor, Permission::Users));
    EXPECT_EQ(parse_role("supervisor"), TechnicianRole::Supervisor);
    EXPECT_EQ(parse_role("admin"), std::nullopt);
}

TEST(TechnicianAccessPolicy, UnworkablePoliciesAreRefusedAtConstruction) {
    store::Database database = std::move(store::Database::open_in_memory()).value();
    JournalChain chain = std::move(JournalChain::create(Bytes(32, 1))).value();
    store::SqliteTechnicianRegistry registry(database, chain, "SIM-0001/maintenance");
    sim::VirtualClock clock;
    SeededRandom random(1);
    AccessPolicy policy = test_policy();
    policy.max_failures = 0;
    EXPECT_THROW(TechnicianAccess(registry, clock, random, policy), std::invalid_argument);
    policy = test_policy();
    policy.idle_timeout = Millis(0);
    EXPECT_THROW(TechnicianAccess(registry, clock, random, policy), std::invalid_argument);
}

}  // namespace
}  // namespace kiosk::security
