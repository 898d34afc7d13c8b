// The one reader of a parsed config document. It reads typed values by dotted key and turns each
// problem into a ConfigError naming the file, the line and the key; and it records every key it is
// asked for, so that afterwards refuse_unknown_keys() can refuse any key of the document that no
// one asked for. The known keys are thus exactly the ones kiosk_config.cpp reads: there is no
// second list that could drift from it (a typo such as `crm.pinned_key` must not silently leave
// pinning off).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "kiosk/config/toml_parser.hpp"

namespace kiosk::config_detail {

class Reader {
public:
    Reader(const toml::table& root, std::string_view source) : root_(root), source_(source) {}

    // The node at `key` ("crm.url", "sim.cassettes[0].count"), empty when the document lacks it;
    // the key is known from now on, set or not.
    toml::node_view<const toml::node> node(std::string_view key);

    // Each leaves `out` (or returns `current`) as it is when the key is absent.
    void string(std::string_view key, std::string& out);
    void path(std::string_view key, std::filesystem::path& out);
    std::int64_t integer(std::string_view key, std::int64_t current, std::int64_t min, std::int64_t max);
    bool boolean(std::string_view key, bool current);
    void seconds(std::string_view key, Millis& out, std::int64_t max_seconds);
    void strings(std::string_view key, std::vector<std::string>& out);

    // "file:line: key: problem"; the line is the key's, or that of the nearest enclosing table the
    // document has when the key itself is missing.
    [[noreturn]] void fail(std::string_view key, std::string_view problem) const;

    // After reading: throws ConfigError for the first key (by line) of the document that was never
    // asked for, "file:line: unknown key 'crm.pinned_key' (did you mean 'crm.pinned_keys'?)"; a table
    // is an unknown section. A known section that is not a table is refused too (`crm = 5`).
    void refuse_unknown_keys() const;

    // Every key asked for so far, sorted.
    [[nodiscard]] std::vector<std::string> known_keys() const { return {keys_.begin(), keys_.end()}; }

private:
    struct Stray {
        std::size_t line = 0;
        std::string key;
        bool section = false;
    };

    void check_table(const toml::table& table, const std::string& path, std::vector<Stray>& strays) const;
    void check_node(const toml::node& node, const std::string& path, std::vector<Stray>& strays) const;
    [[nodiscard]] std::string closest_known(const std::string& key) const;
    [[nodiscard]] std::string located(std::size_t line) const;

    const toml::table& root_;
    std::string source_;
    std::set<std::string> keys_;      // asked for: "crm.url", "sim.cassettes[0].count"
    std::set<std::string> sections_;  // what holds them: "crm", "sim", "sim.cassettes", "sim.cassettes[0]"
};

// "got 7", "got \"text\"", "got a table": what the document holds instead of what was expected.
std::string found(const toml::node& node);

}  // namespace kiosk::config_detail
