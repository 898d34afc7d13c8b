// kiosk/config's unknown keys: a key no one reads is refused wherever it stands, naming file, line
// and key, with the closest known key. Table-driven over tests/kiosk/kiosk_config_full.toml, a file
// that sets every key the loader knows (checked here against known_config_keys), so that every
// section — one added later included — has a misspelt key and a misspelt header tried.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/config/kiosk_config.hpp"
#include "tests/kiosk/config_error_of.hpp"

namespace kiosk {
namespace {

using test::error_of;

std::string read_text(const std::string& path) {
    std::ifstream file(path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

std::string full_sample() { return read_text(std::string(KIOSK_SOURCE_DIR) + "/tests/kiosk/kiosk_config_full.toml"); }

// One line of the sample that a test can misspell: a `[header]` / `[[header]]`, or a `key = value`
// with the dotted key it sets ("sim.cassettes[1].low").
struct SampleLine {
    std::size_t number = 0;  // 1-based
    bool header = false;
    bool array_entry = false;  // a `[[header]]`: its table's key is an array the loader reads
    std::string name;        // the header's table, or the key as written on the line
    std::string full_key;    // the dotted key (headers: the table's)
};

// The sample is plain on purpose (a header or `key = value` per line), so reading it takes no TOML parser.
std::vector<SampleLine> sample_lines(const std::string& text) {
    std::vector<SampleLine> lines;
    std::map<std::string, int> entries;  // [[array]] → entries seen
    std::string section;
    std::istringstream in(text);
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        if (line.starts_with("[[")) {
            const std::string name = line.substr(2, line.find("]]") - 2);
            section = name + "[" + std::to_string(entries[name]++) + "]";
            lines.push_back({number, true, true, name, name});
        } else if (line.starts_with("[")) {
            section = line.substr(1, line.find(']') - 1);
            lines.push_back({number, true, false, section, section});
        } else if (const std::size_t equals = line.find(" = "); equals != std::string::npos) {
            const std::string key = line.substr(0, equals);
            lines.push_back({number, false, false, key, section + "." + key});
        }
    }
    return lines;
}

std::string replace_line(const std::string& text, std::size_t number, const std::string& replacement) {
    std::istringstream in(text);
    std::string out;
    std::string line;
    for (std::size_t at = 1; std::getline(in, line); ++at) out += (at == number ? replacement : line) + "\n";
    return out;
}

std::string line_of(const std::string& text, std::size_t number) {
    std::istringstream in(text);
    std::string line;
    for (std::size_t at = 1; at <= number; ++at) std::getline(in, line);
    return line;
}

TEST(KioskConfigKeysTest, FullSampleSetsExactlyTheKeysTheLoaderKnows) {
    const std::string text = full_sample();
    ASSERT_FALSE(text.empty());
    EXPECT_NO_THROW((void)parse_config(text, "full.toml"));
    std::set<std::string> in_sample;
    for (const SampleLine& line : sample_lines(text)) {
        if (!line.header || line.array_entry) in_sample.insert(line.full_key);
    }
    const std::vector<std::string> known = known_config_keys(text);
    EXPECT_EQ(std::set<std::string>(known.begin(), known.end()), in_sample)
        << "a key the loader reads is missing from tests/kiosk/kiosk_config_full.toml, or the reverse";
}

TEST(KioskConfigKeysTest, MisspeltKeyInEverySectionIsRefusedWithFileLineAndKey) {
    const std::string text = full_sample();
    std::set<std::string> sections;
    for (const SampleLine& line : sample_lines(text)) {
        if (line.header) continue;
        SCOPED_TRACE(line.full_key);
        const std::string misspelt = line.name.substr(0, line.name.size() - 1);
        const std::string written = line_of(text, line.number);
        const std::string broken = replace_line(text, line.number, misspelt + written.substr(line.name.size()));
        const std::string key = line.full_key.substr(0, line.full_key.size() - 1);
        EXPECT_EQ(error_of(broken),
                  "test.toml:" + std::to_string(line.number) + ": unknown key '" + key + "' (did you mean '" +
                      line.full_key + "'?)");
        sections.insert(line.full_key.substr(0, line.full_key.rfind('.')));
    }
    // Every section of the sample was tried, [flow.timeouts] and each [[sim.cassettes]] entry too.
    EXPECT_TRUE(sections.contains("flow.timeouts"));
    EXPECT_TRUE(sections.contains("sim.cassettes[1]"));
    EXPECT_GE(sections.size(), 10U);
}

TEST(KioskConfigKeysTest, MisspeltSectionIsRefusedWithFileLineAndName) {
    const std::string text = full_sample();
    std::size_t headers = 0;
    for (const SampleLine& line : sample_lines(text)) {
        if (!line.header) continue;
        ++headers;
        SCOPED_TRACE(line.name);
        const std::string written = line_of(text, line.number);
        std::string broken_header = written;
        broken_header.erase(written.find(line.name) + line.name.size() - 1, 1);
        const std::string misspelt = line.name.substr(0, line.name.size() - 1);
        EXPECT_EQ(error_of(replace_line(text, line.number, broken_header)),
                  "test.toml:" + std::to_string(line.number) + ": unknown section '" + misspelt + "' (did you mean '" +
                      line.name + "'?)");
    }
    EXPECT_GE(headers, 11U) << "every [section] of the sample, both [[sim.cassettes]] entries";
}

TEST(KioskConfigKeysTest, UnknownKeysAreRefusedWhereverTheyStand) {
    // The example of docs/configuration.md: a typo that would otherwise leave pinning off.
    EXPECT_EQ(error_of("[kiosk]\nid = \"BJ-1\"\n\n[crm]\nurl = \"https://crm.example/v1\"\n"
                       "pinned_key = [\"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"]\n"),
              "test.toml:6: unknown key 'crm.pinned_key' (did you mean 'crm.pinned_keys'?)");
    EXPECT_EQ(error_of("[hots]\naddress = \"10.0.0.1\"\n"), "test.toml:1: unknown section 'hots' (did you mean 'host'?)");
    EXPECT_EQ(error_of("colour = \"red\"\n"), "test.toml:1: unknown key 'colour'");
    EXPECT_EQ(error_of("[kiosk]\ncolour = \"red\"\n"), "test.toml:2: unknown key 'kiosk.colour'") << "nothing is close";
    EXPECT_EQ(error_of("[crm.tls]\nca_file = \"x\"\n"), "test.toml:1: unknown section 'crm.tls'");
    // Inline tables, dotted keys and array-of-table entries written inline.
    EXPECT_EQ(error_of("crm = { url = \"https://c.example\", batchsize = 5 }\n"),
              "test.toml:1: unknown key 'crm.batchsize' (did you mean 'crm.batch_size'?)");
    EXPECT_EQ(error_of("host.port = 1\nhost.adress = \"10.0.0.1\"\n"),
              "test.toml:2: unknown key 'host.adress' (did you mean 'host.address'?)");
    EXPECT_EQ(error_of("[sim]\ncassettes = [{ denomination = 100, count = 5 }, { denomination = 50, lwo = 1 }]\n"),
              "test.toml:2: unknown key 'sim.cassettes[1].lwo' (did you mean 'sim.cassettes[1].low'?)");
    EXPECT_EQ(error_of("[[sim.cassettes]]\ndenomination = 100\ncount = 10\nlow = 1\nlimit = { x = 1 }\n"),
              "test.toml:5: unknown section 'sim.cassettes[0].limit'");
    // One quoted key with a dot in it is not the dotted path crm.url, which the hint then names.
    EXPECT_EQ(error_of("\"crm.url\" = \"https://c.example\"\n"),
              "test.toml:1: unknown key '\"crm.url\"' (did you mean 'crm.url'?)");
    EXPECT_EQ(error_of("[crm]\n\"url\" = \"https://c.example\"\n'pinned keys' = []\n"),
              "test.toml:3: unknown key 'crm.\"pinned keys\"'");
    // The first by line is named, whatever the order of the sections.
    EXPECT_EQ(error_of("[ui]\nfontdir = \"a\"\n[crm]\nbatchsize = 5\n"),
              "test.toml:2: unknown key 'ui.fontdir' (did you mean 'ui.font_dir'?)");
}

TEST(KioskConfigKeysTest, AKnownSectionMustBeATable) {
    EXPECT_EQ(error_of("crm = 5\n"), "test.toml:1: crm: expected a table, got 5");
    EXPECT_EQ(error_of("[kiosk]\nid = \"A\"\n[flow]\ntimeouts = [1]\n"), "test.toml:4: flow.timeouts: expected a table, got an array");
}

TEST(KioskConfigKeysTest, KnownKeysAreTheOnesTheLoaderReads) {
    const std::vector<std::string> keys = known_config_keys("");
    const std::set<std::string> known(keys.begin(), keys.end());
    EXPECT_TRUE(known.contains("crm.pinned_keys"));
    EXPECT_TRUE(known.contains("flow.timeouts.pin_entry"));
    EXPECT_TRUE(known.contains("flow.max_pin_tries"));
    EXPECT_FALSE(known.contains("flow.timeouts.attract")) << "Attract has no timer";
    EXPECT_FALSE(known.contains("kiosk.default_language")) << "nothing honours it";
    EXPECT_FALSE(known.contains("sim.cassettes[0].count")) << "no entry in the text";
    const std::vector<std::string> with_entry = known_config_keys("[[sim.cassettes]]\ndenomination = 100\n");
    EXPECT_TRUE(std::set<std::string>(with_entry.begin(), with_entry.end()).contains("sim.cassettes[0].low"));
}

// docs/configuration.md lists every key the loader knows; its table writes an array of tables as
// `[[sim.cassettes]]`, and an entry's keys and the timers by their last name.
TEST(KioskConfigKeysTest, DocumentationListsEveryKnownKey) {
    const std::string docs = read_text(std::string(KIOSK_SOURCE_DIR) + "/docs/configuration.md");
    ASSERT_FALSE(docs.empty());
    const std::vector<std::string> keys = known_config_keys(full_sample());
    for (const std::string& key : keys) {
        const bool array_of_tables =
            std::any_of(keys.begin(), keys.end(), [&](const std::string& other) { return other.starts_with(key + "["); });
        const bool by_last_name = key.find('[') != std::string::npos || key.starts_with("flow.timeouts.");
        const std::string written = array_of_tables ? "[[" + key + "]]" : by_last_name ? key.substr(key.rfind('.') + 1) : key;
        EXPECT_NE(docs.find("`" + written + "`"), std::string::npos) << key;
    }
}

}  // namespace
}  // namespace kiosk
