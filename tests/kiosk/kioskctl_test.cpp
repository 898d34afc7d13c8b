// kioskctl's commands run in-process against a temporary database and keys file made with the
// store and security APIs: the counts and lines a technician relies on are there, and no payload,
// key byte or card number ever reaches the output.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/bytes.hpp"
#include "common/random_source.hpp"
#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "kiosk/kioskctl/kioskctl_app.hpp"
#include "security/aead.hpp"
#include "security/data_key_derivation.hpp"
#include "security/key_file.hpp"
#include "store/business_step.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::kioskctl {
namespace {

using store::test::TempDirectory;

constexpr std::int64_t kNow = 1'767'607'200'000;  // 2026-01-05T10:00:00.000Z
constexpr std::int64_t kHour = 3'600'000;
// What a customer's sealed journey could contain; none of it may show up in kioskctl's output.
constexpr std::string_view kPayload = "journey: card 4111111111111111 PIN block 0412AC89FFFFFFFF";

class FixedClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return from_unix_millis(kNow); }
};

// Captured stdout/stderr of one command.
struct Captured {
    std::ostringstream out;
    std::ostringstream err;
    Streams streams() { return Streams{out, err}; }
};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::size_t line_count(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// A kiosk data directory: keys file, and a database with sealed outbox records, journal lines and
// counters written through the same business-step commit the kiosk uses.
class KioskctlTest : public ::testing::Test {
protected:
    KioskctlTest() {
        config_.data_dir = directory_.file("data");
        std::filesystem::create_directories(config_.data_dir);
    }

    security::KeyFile make_keys(const std::vector<std::string>& names) {
        return security::KeyFile::create(config_.keys_path(), names, random_);
    }

    store::Database open_database() {
        auto database = store::Database::open(config_.database_path().string());
        EXPECT_TRUE(database.ok());
        return std::move(database).value();
    }

    security::SealedRecord sealed(const std::string& id, const std::string& kind, std::int64_t created) {
        security::KeyFile keys = make_or_reuse_keys();
        auto kek = keys.key(security::kKekKeyName);
        auto data_key = security::derive_data_key(kek->view(), "dk-test-1");
        EXPECT_TRUE(data_key.ok());
        security::RecordHeader header{id, kind, "SIM-0001", "", 1, created};
        auto record = security::seal(*data_key, header, to_bytes(kPayload), random_);
        EXPECT_TRUE(record.ok());
        return *record;
    }

    static store::JournalLine line(std::string event, std::int64_t time, std::string detail = "amount=100.00 CNY") {
        return store::JournalLine{time, "customer", std::move(event), "success", "SIM-0001/core", "cassette:2",
                                  std::move(detail), std::nullopt};
    }

    security::KeyFile make_or_reuse_keys() {
        if (!std::filesystem::exists(config_.keys_path())) {
            return make_keys({std::string(security::kKekKeyName), std::string(security::kPanTokenKeyName)});
        }
        return security::KeyFile::load(config_.keys_path());
    }

    // The config file kioskctl reads with --config.
    std::string write_config() {
        const std::string path = directory_.file("kiosk.toml");
        std::ofstream(path) << "[kiosk]\ndata_dir = \"" << config_.data_dir.string() << "\"\n";
        return path;
    }

    int run(const std::vector<std::string>& args, Captured& captured) {
        std::vector<const char*> argv{"kioskctl"};
        for (const std::string& arg : args) argv.push_back(arg.c_str());
        return run_kioskctl(static_cast<int>(argv.size()), argv.data(), captured.out, captured.err, clock_);
    }

    TempDirectory directory_;
    KioskConfig config_;
    SeededRandom random_{42};
    FixedClock clock_;
};

// No USB device here has the id ffff:fff0 (reserved-looking test ids), so the configured printer
// is reported missing and the exit code says so; unconfigured devices are named with their key.
TEST_F(KioskctlTest, DevicesNamesEachPeripheralAndFailsWhenAConfiguredOneIsMissing) {
    const std::string path = directory_.file("devices.toml");
    std::ofstream(path) << "[kiosk]\ndata_dir = \"" << config_.data_dir.string() << "\"\n"
                        << "[devices]\nprinter_usb = \"FFFF:fff0\"\n";
    Captured captured;
    const int code = run({"devices", "--config", path}, captured);
    if (captured.err.str().find("reading the USB bus") != std::string::npos) {
        GTEST_SKIP() << "libusb cannot read the bus in this sandbox: " << captured.err.str();
    }
    EXPECT_EQ(code, kExitFailure) << captured.err.str();
    EXPECT_NE(captured.out.str().find("printer ffff:fff0: not connected\n"), std::string::npos) << captured.out.str();
    EXPECT_NE(captured.out.str().find("card-reader: not configured (devices.card_reader_usb)\n"), std::string::npos);
    EXPECT_NE(captured.out.str().find("sensors: not configured (devices.sensors_usb)\n"), std::string::npos);

    // Nothing configured: nothing can be missing.
    Captured none;
    EXPECT_EQ(run({"devices", "--config", write_config()}, none), kExitOk) << none.err.str();
}

// --udev-rules reads no bus: one commented rule per configured device, for /etc/udev/rules.d/.
TEST_F(KioskctlTest, DevicesUdevRulesPrintsOneRulePerConfiguredDevice) {
    const std::string path = directory_.file("devices.toml");
    std::ofstream(path) << "[kiosk]\ndata_dir = \"" << config_.data_dir.string() << "\"\n"
                        << "[devices]\ncard_reader_usb = \"0DD4:0015\"\nprinter_usb = \"04b8:0e15\"\n";
    Captured captured;
    ASSERT_EQ(run({"devices", "--config", path, "--udev-rules"}, captured), kExitOk) << captured.err.str();
    EXPECT_EQ(captured.out.str(),
              "# card-reader (devices.card_reader_usb)\n"
              "SUBSYSTEM==\"usb\", ENV{DEVTYPE}==\"usb_device\", ATTR{idVendor}==\"0dd4\", ATTR{idProduct}==\"0015\", "
              "GROUP=\"kiosk-usb\", MODE=\"0660\"\n"
              "# printer (devices.printer_usb)\n"
              "SUBSYSTEM==\"usb\", ENV{DEVTYPE}==\"usb_device\", ATTR{idVendor}==\"04b8\", ATTR{idProduct}==\"0e15\", "
              "GROUP=\"kiosk-usb\", MODE=\"0660\"\n");

    Captured none;
    EXPECT_EQ(run({"devices", "--config", write_config(), "--udev-rules"}, none), kExitFailure);
    EXPECT_NE(none.err.str().find("[devices] names no peripheral"), std::string::npos) << none.err.str();
}

TEST_F(KioskctlTest, DevicesRefusesAMalformedUsbIdNamingTheKey) {
    const std::string path = directory_.file("bad.toml");
    std::ofstream(path) << "[devices]\nprinter_usb = \"4b8:e15\"\n";
    Captured captured;
    EXPECT_EQ(run({"devices", "--config", path}, captured), kExitFailure);
    EXPECT_NE(captured.err.str().find("devices.printer_usb: expected vendor:product as four hex digits each"), std::string::npos)
        << captured.err.str();
}

TEST_F(KioskctlTest, OutboxStatusCountsPendingAndDeadLettersAndShowsTheOldestHeaderOnly) {
    // The oldest is also the first to be sent (a survey goes before a journey: docs/cx-records.md).
    std::vector<security::SealedRecord> records{sealed("rec-oldest", "survey", kNow - 2 * kHour),
                                                sealed("rec-middle", "journey", kNow - kHour),
                                                sealed("rec-refused", "complaint", kNow - 1000)};
    {
        store::Database database = open_database();
        ASSERT_TRUE(store::commit(database, store::BusinessStep{{}, {}, records, {}}).ok());
        store::Outbox outbox(database, clock_);
        ASSERT_TRUE(outbox.dead_letter("rec-refused", "schema 1 unknown").ok());
        ASSERT_TRUE(outbox.record_attempt("rec-oldest", "HTTP 503 from CRM").ok());
    }
    Captured captured;
    EXPECT_EQ(run_outbox_status(config_, clock_, captured.streams()), kExitOk);
    const std::string out = captured.out.str();
    EXPECT_TRUE(contains(out, "pending:        2\n")) << out;
    EXPECT_TRUE(contains(out, "dead letters:   1\n")) << out;
    EXPECT_TRUE(contains(out, "oldest pending: survey rec-oldest\n")) << out;
    EXPECT_TRUE(contains(out, "age:          2h 00m 00s\n")) << out;
    EXPECT_TRUE(contains(out, "created:      2026-01-05T08:00:00.000Z\n")) << out;
    EXPECT_TRUE(contains(out, "attempts:     1\n")) << out;
    EXPECT_TRUE(contains(out, "last error:   HTTP 503 from CRM\n")) << out;
    EXPECT_FALSE(contains(out, "rec-middle"));
    for (const security::SealedRecord& record : records) {
        EXPECT_FALSE(contains(out, to_string(record.ciphertext)));
        EXPECT_FALSE(contains(out, to_hex(record.ciphertext)));
        EXPECT_FALSE(contains(out, to_hex(record.iv)));
        EXPECT_FALSE(contains(out, to_hex(record.tag)));
    }
    EXPECT_FALSE(contains(out, "4111"));
    EXPECT_TRUE(captured.err.str().empty());
}

TEST_F(KioskctlTest, OutboxStatusOfAnEmptyOutboxSaysNone) {
    (void)open_database();
    Captured captured;
    EXPECT_EQ(run_outbox_status(config_, clock_, captured.streams()), kExitOk);
    EXPECT_TRUE(contains(captured.out.str(), "pending:        0\n"));
    EXPECT_TRUE(contains(captured.out.str(), "oldest pending: none\n"));
}

TEST_F(KioskctlTest, JournalShowPrintsTheLastLinesOldestFirstInUtc) {
    {
        store::Database database = open_database();
        store::BusinessStep step;
        for (int i = 1; i <= 5; ++i) step.journal.push_back(line("event-" + std::to_string(i), kNow + i * 1000));
        ASSERT_TRUE(store::commit(database, step).ok());
    }
    Captured captured;
    EXPECT_EQ(run_journal_show(config_, 3, captured.streams()), kExitOk);
    const std::string out = captured.out.str();
    EXPECT_EQ(line_count(out), 5U) << out;  // summary, header row, three lines
    EXPECT_TRUE(contains(out, "last 3 of 5 journal lines")) << out;
    EXPECT_FALSE(contains(out, "event-2"));
    const auto third = out.find("event-3");
    const auto fifth = out.find("event-5");
    ASSERT_NE(third, std::string::npos);
    ASSERT_NE(fifth, std::string::npos);
    EXPECT_LT(third, fifth);  // oldest first
    EXPECT_TRUE(contains(out, "2026-01-05T10:00:05.000Z  customer  event-5  success  SIM-0001/core  cassette:2  "
                              "amount=100.00 CNY\n"))
        << out;
}

TEST_F(KioskctlTest, JournalShowMasksAWronglyStoredCardNumberAndCannotForgeLines) {
    {
        store::Database database = open_database();
        store::BusinessStep step{{line("card_read", kNow, "pan=4111111111111111\nforged line")}, {}, {}, {}};
        ASSERT_TRUE(store::commit(database, step).ok());
    }
    Captured captured;
    EXPECT_EQ(run_journal_show(config_, kDefaultJournalLines, captured.streams()), kExitOk);
    const std::string out = captured.out.str();
    EXPECT_FALSE(contains(out, "4111111111111111"));
    EXPECT_TRUE(contains(out, "pan=411111******1111\\x0Aforged line\n")) << out;
    EXPECT_EQ(line_count(out), 3U);
}

TEST_F(KioskctlTest, JournalShowOfAnEmptyJournalSaysSo) {
    (void)open_database();
    Captured captured;
    EXPECT_EQ(run_journal_show(config_, 20, captured.streams()), kExitOk);
    EXPECT_TRUE(contains(captured.out.str(), "is empty\n"));
}

TEST_F(KioskctlTest, CountersPrintsEveryCounterByName) {
    {
        store::Database database = open_database();
        store::BusinessStep step{{}, {{"notes_dispensed.cassette1", 40}, {"cards_retained", 2}}, {}, {}};
        ASSERT_TRUE(store::commit(database, step).ok());
        ASSERT_TRUE(store::commit(database, store::BusinessStep{{}, {{"cards_retained", 1}}, {}, {}}).ok());
    }
    Captured captured;
    EXPECT_EQ(run_counters(config_, captured.streams()), kExitOk);
    EXPECT_EQ(captured.out.str(), "cards_retained             3\nnotes_dispensed.cassette1  40\n");
}

TEST_F(KioskctlTest, KeysStatusListsNamesAndModeButNeverKeyBytes) {
    const security::KeyFile keys =
        make_keys({std::string(security::kKekKeyName), std::string(security::kPanTokenKeyName)});
    Captured captured;
    EXPECT_EQ(run_keys_status(config_, captured.streams()), kExitOk);
    const std::string out = captured.out.str();
    EXPECT_TRUE(contains(out, "mode:      0600 (owner only)\n")) << out;
    EXPECT_TRUE(contains(out, "keys:      kek, pan-token\n")) << out;
    EXPECT_FALSE(contains(out, "missing"));
    for (const std::string& name : keys.names()) {
        const std::string hex = to_hex(keys.key(name)->view());
        std::string lower = hex;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
        EXPECT_FALSE(contains(out, hex.substr(0, 16)));
        EXPECT_FALSE(contains(out, lower.substr(0, 16)));
    }
}

TEST_F(KioskctlTest, KeysStatusNamesAMissingRequiredKey) {
    (void)make_keys({std::string(security::kKekKeyName)});
    Captured captured;
    EXPECT_EQ(run_keys_status(config_, captured.streams()), kExitOk);
    EXPECT_TRUE(contains(captured.out.str(), "missing:   pan-token")) << captured.out.str();
}

TEST_F(KioskctlTest, KeysStatusRefusesAGroupReadableFileAsTheKioskWould) {
    (void)make_keys({std::string(security::kKekKeyName)});
    std::filesystem::permissions(config_.keys_path(), std::filesystem::perms::group_read,
                                 std::filesystem::perm_options::add);
    Captured captured;
    EXPECT_EQ(run_keys_status(config_, captured.streams()), kExitFailure);
    EXPECT_TRUE(contains(captured.out.str(), "mode:      0640 (group/world-accessible")) << captured.out.str();
    EXPECT_EQ(line_count(captured.err.str()), 1U);
    EXPECT_TRUE(contains(captured.err.str(), config_.keys_path().string())) << captured.err.str();
}

TEST_F(KioskctlTest, AMissingDatabaseIsOneErrorLineAndIsNotCreated) {
    Captured captured;
    EXPECT_EQ(run_counters(config_, captured.streams()), kExitFailure);
    EXPECT_EQ(line_count(captured.err.str()), 1U);
    EXPECT_TRUE(contains(captured.err.str(), config_.database_path().string() + " not found"));
    EXPECT_FALSE(std::filesystem::exists(config_.database_path()));
    EXPECT_TRUE(captured.out.str().empty());
}

TEST_F(KioskctlTest, AFileThatIsNotADatabaseIsOneErrorLine) {
    std::ofstream(config_.database_path()) << "this is not an SQLite database, just text long enough to have a header";
    Captured captured;
    EXPECT_EQ(run_journal_show(config_, 5, captured.streams()), kExitFailure);
    EXPECT_EQ(line_count(captured.err.str()), 1U);
    EXPECT_TRUE(contains(captured.err.str(), config_.database_path().string())) << captured.err.str();
}

TEST_F(KioskctlTest, SimStatusSaysTheControlSocketIsMissingAndExitsTwo) {
    Captured captured;
    EXPECT_EQ(run_sim_status(config_.control_socket_path(), captured.streams()), kExitUnavailable);
    EXPECT_EQ(captured.err.str(), "kioskctl: kiosk control socket " + config_.control_socket_path().string() +
                                      " not found: is `kiosk --sim` running?\n");
    EXPECT_TRUE(captured.out.str().empty());
}

TEST_F(KioskctlTest, FlowDotPrintsTheOverviewUnlessToldWhichDiagram) {
    Captured overview;
    EXPECT_EQ(run({"flow", "dot"}, overview), kExitOk) << overview.err.str();
    EXPECT_TRUE(contains(overview.out.str(), "digraph \"overview\""));
    EXPECT_TRUE(contains(overview.out.str(), "PinEntry"));
    Captured withdrawal;
    EXPECT_EQ(run({"flow", "dot", "--diagram", "withdrawal"}, withdrawal), kExitOk) << withdrawal.err.str();
    EXPECT_TRUE(contains(withdrawal.out.str(), "digraph \"withdrawal\""));
    EXPECT_TRUE(contains(withdrawal.out.str(), "TakeCash"));
}

TEST_F(KioskctlTest, FlowDotNamesTheDiagramsWhenTheNameIsUnknown) {
    Captured captured;
    EXPECT_EQ(run_flow_dot("everything", captured.streams()), kExitUsage);
    EXPECT_TRUE(captured.out.str().empty());
    EXPECT_EQ(line_count(captured.err.str()), 1U);
    EXPECT_TRUE(contains(captured.err.str(), "\"everything\"")) << captured.err.str();
    EXPECT_TRUE(contains(captured.err.str(), "legend, overview, withdrawal")) << captured.err.str();
}

TEST_F(KioskctlTest, FlowDiagramsListsEveryNameWithItsTitle) {
    Captured captured;
    EXPECT_EQ(run({"flow", "diagrams"}, captured), kExitOk) << captured.err.str();
    EXPECT_EQ(line_count(captured.out.str()), 12U);
    EXPECT_TRUE(contains(captured.out.str(), "pin-change  PIN change\n"));
    EXPECT_TRUE(contains(captured.out.str(), "survey  After card and cash are taken: the survey\n"));
    EXPECT_TRUE(contains(captured.out.str(), "complaint  Report a problem"));
    EXPECT_TRUE(contains(captured.out.str(), "service  Service mode"));
}

TEST_F(KioskctlTest, CommandLineReadsTheConfigGivenBeforeOrAfterTheCommand) {
    {
        store::Database database = open_database();
        ASSERT_TRUE(store::commit(database, store::BusinessStep{{}, {{"sessions", 7}}, {}, {}}).ok());
    }
    const std::string config_file = write_config();
    Captured before;
    EXPECT_EQ(run({"--config", config_file, "counters"}, before), kExitOk) << before.err.str();
    EXPECT_EQ(before.out.str(), "sessions  7\n");
    Captured after;
    EXPECT_EQ(run({"journal", "show", "--last", "2", "--config", config_file}, after), kExitOk) << after.err.str();
    EXPECT_TRUE(contains(after.out.str(), "is empty")) << after.out.str();
}

TEST_F(KioskctlTest, HelpListsEveryCommandGroup) {
    Captured captured;
    EXPECT_EQ(run({"--help"}, captured), kExitOk);
    for (const char* group : {"flow", "outbox", "journal", "counters", "keys", "sim", "--config"}) {
        EXPECT_TRUE(contains(captured.out.str(), group)) << group;
    }
}

TEST_F(KioskctlTest, BadArgumentsAreOneLineNamingTheProblem) {
    struct Case {
        std::vector<std::string> args;
        std::string_view expected;
    };
    const std::vector<Case> cases{
        {{"bogus"}, "bogus"},
        {{}, "`kioskctl` needs a command"},
        {{"outbox"}, "`kioskctl outbox` needs a command, one of: status"},
        {{"journal", "show", "--last", "0"}, "--last"},
        {{"--config", directory_.file("absent.toml"), "counters"}, "absent.toml"},
    };
    for (const Case& c : cases) {
        Captured captured;
        EXPECT_NE(run(c.args, captured), kExitOk);
        EXPECT_EQ(line_count(captured.err.str()), 1U) << captured.err.str();
        EXPECT_TRUE(contains(captured.err.str(), c.expected)) << captured.err.str();
    }
}

TEST(KioskctlDisplayTextTest, TimesAreIsoUtcWithMilliseconds) {
    EXPECT_EQ(iso8601_utc(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(iso8601_utc(kNow + 123), "2026-01-05T10:00:00.123Z");
    EXPECT_EQ(iso8601_utc(-1), "1969-12-31T23:59:59.999Z");
}

TEST(KioskctlDisplayTextTest, AgesReadAsDaysHoursMinutesSeconds) {
    EXPECT_EQ(format_age(999), "0s");
    EXPECT_EQ(format_age(65'000), "1m 05s");
    EXPECT_EQ(format_age(2 * kHour + 5000), "2h 00m 05s");
    EXPECT_EQ(format_age(26 * kHour), "1d 02h 00m 00s");
    EXPECT_EQ(format_age(-65'000), "1m 05s in the future (was the clock changed?)");
}

TEST(KioskctlDisplayTextTest, SafeTextMasksOnlyLuhnValidCardLengthRuns) {
    EXPECT_EQ(safe_text("card 4111111111111111 ok"), "card 411111******1111 ok");
    EXPECT_EQ(safe_text("4111111111111112"), "4111111111111112");  // fails Luhn: an id, not a card
    EXPECT_EQ(safe_text("amount 123456789012"), "amount 123456789012");  // 12 digits: too short
    EXPECT_EQ(safe_text("a\tb\x1b[2J"), "a\\x09b\\x1B[2J");
    EXPECT_EQ(safe_text("成功"), "成功");
}

}  // namespace
}  // namespace kiosk::kioskctl
