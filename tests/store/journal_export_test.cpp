// The export file: it round-trips, a cut anywhere in the last line is a torn (recoverable) tail,
// and a complete line that was edited or is not an entry is not mistaken for power loss.
#include "store/journal_export.hpp"

#include <sstream>

#include <gtest/gtest.h>

#include "journal_chain_fixture.hpp"
#include "store/journal_verifier.hpp"

namespace kiosk::store {
namespace {

constexpr int kEntries = 5;

class JournalExportTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::append_story(database_, chain_, kEntries);
        std::ostringstream out;
        auto written = export_journal(database_, out);
        ASSERT_TRUE(written.ok()) << written.error().to_string();
        ASSERT_EQ(*written, static_cast<std::size_t>(kEntries));
        text_ = out.str();
    }

    JournalVerdict verify_text(std::string_view text) {
        auto parsed = parse_journal_export(text);
        EXPECT_TRUE(parsed.ok()) << parsed.error().to_string();
        if (!parsed) return {};
        auto verdict = verify_journal(chain_, JournalUnderTest{parsed->entries, 0, parsed->tail_torn});
        EXPECT_TRUE(verdict.ok());
        return verdict.value_or(JournalVerdict{});
    }

    Database database_ = test::open_memory_database();
    security::JournalChain chain_ = test::make_chain();
    std::string text_;
};

TEST_F(JournalExportTest, RoundTripsEveryFieldAndVerifies) {
    auto parsed = parse_journal_export(text_);
    ASSERT_TRUE(parsed.ok());
    EXPECT_FALSE(parsed->tail_torn);
    EXPECT_EQ(parsed->entries.size(), static_cast<std::size_t>(kEntries));
    auto stored = Journal(database_).read_all();
    ASSERT_TRUE(stored.ok());
    for (std::size_t i = 0; i < stored->size(); ++i) {
        EXPECT_EQ(parsed->entries[i].seq, (*stored)[i].seq);
        EXPECT_EQ(parsed->entries[i].line, (*stored)[i].line);
    }
    EXPECT_EQ(describe(verify_text(text_)), "journal ok: 5 entries");
}

TEST_F(JournalExportTest, ACutAnywhereInTheLastLineIsATornRecoverableTail) {
    const std::size_t last_line_start = text_.rfind('\n', text_.size() - 2) + 1;
    for (std::size_t cut = last_line_start + 1; cut < text_.size(); ++cut) {
        const JournalVerdict verdict = verify_text(std::string_view(text_).substr(0, cut));
        ASSERT_TRUE(verdict.recoverable()) << "cut at byte " << cut << ": " << describe(verdict);
        EXPECT_EQ(verdict.entries, static_cast<std::size_t>(kEntries - 1));
        EXPECT_EQ(verdict.first_break->seq, kEntries);
        EXPECT_NE(describe(verdict).find("journal torn (recoverable): 4 complete entries verify"), std::string::npos)
            << describe(verdict);
    }
}

TEST_F(JournalExportTest, ATornTailAfterAnEditIsTamperingNotPowerLoss) {
    std::string tampered = text_;
    const std::size_t at = tampered.find("amount=20.00");
    ASSERT_NE(at, std::string::npos);
    tampered.replace(at, 12, "amount=90.00");
    tampered.resize(tampered.size() - 7);  // and the tail cut
    const JournalVerdict verdict = verify_text(tampered);
    ASSERT_FALSE(verdict.intact());
    EXPECT_FALSE(verdict.recoverable());
    EXPECT_EQ(verdict.first_break->seq, 2);
    EXPECT_EQ(verdict.first_break->problem, JournalProblem::MacMismatch);
}

TEST_F(JournalExportTest, ACompleteLineWithAShortMacIsTamperingNotTorn) {
    std::string tampered = text_;
    const std::size_t mac = tampered.rfind("\"mac\":\"");  // the last line's MAC
    ASSERT_NE(mac, std::string::npos);
    tampered.erase(mac + 7 + 62, 2);  // one byte short, the line still complete
    const JournalVerdict verdict = verify_text(tampered);
    ASSERT_FALSE(verdict.intact());
    EXPECT_FALSE(verdict.recoverable());
    EXPECT_EQ(verdict.first_break->seq, kEntries);
}

TEST_F(JournalExportTest, MalformedCompleteLinesAreErrorsNamingTheLine) {
    const std::string first_line = text_.substr(0, text_.find('\n') + 1);
    const std::vector<std::pair<std::string, std::string>> cases{
        {first_line + "\n", "line 2: is empty"},
        {first_line + "not json\n", "line 2: is not a JSON object"},
        {first_line + "[1,2]\n", "line 2: is not a JSON object"},
        {R"({"seq":"1"})" "\n", "line 1: seq is missing or not an integer"},
        {R"({"seq":1,"time_unix_ms":2,"actor":"a"})" "\n", "line 1: event_type is missing or not a string"},
        {R"({"seq":1,"time_unix_ms":2,"actor":"a","event_type":"b","outcome":"c","origin":"d","resource":"e","detail":"f","mac":"zz"})"
         "\n",
         "line 1: mac is not hex"},
        {R"({"seq":1,"time_unix_ms":2,"actor":"a","event_type":"b","outcome":"c","origin":"d","resource":"e","detail":"f"})"
         "\n",
         "line 1: mac is missing"},
    };
    for (const auto& [text, expected] : cases) {
        auto parsed = parse_journal_export(text);
        ASSERT_FALSE(parsed.ok()) << expected;
        EXPECT_NE(parsed.error().message.find(expected), std::string::npos) << parsed.error().message;
    }
}

TEST_F(JournalExportTest, EmptyExportIsAnEmptyJournal) {
    auto parsed = parse_journal_export("");
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(parsed->entries.empty());
    EXPECT_FALSE(parsed->tail_torn);
}

}  // namespace
}  // namespace kiosk::store
