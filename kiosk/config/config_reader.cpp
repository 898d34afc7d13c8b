#include "kiosk/config/config_reader.hpp"

#include <algorithm>

#include "kiosk/config/kiosk_config.hpp"

namespace kiosk::config_detail {

namespace {

// "sim.cassettes[0].count" → "sim.cassettes[0]" → "sim.cassettes" → "sim" → "".
std::string_view parent_of(std::string_view key) {
    const std::size_t cut = key.find_last_of(".[");
    return cut == std::string_view::npos ? std::string_view() : key.substr(0, cut);
}

// A key the loader could have asked for: bare, as every key it reads is. A quoted key such as
// "crm.url" (one key with a dot in it) must not pass for the dotted path crm.url.
bool is_bare(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// Levenshtein distance, giving up (returning limit + 1) once it cannot be within `limit`: fuzzed
// files bring keys of any length.
std::size_t distance_within(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t longer = std::max(a.size(), b.size());
    if (longer - std::min(a.size(), b.size()) > limit) return limit + 1;
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0U : 1U)});
            diagonal = above;
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
    }
    return row[b.size()];
}

std::string shown(std::string_view text) {
    constexpr std::size_t kMost = 60;
    return "\"" + std::string(text.substr(0, kMost)) + (text.size() > kMost ? "…\"" : "\"");
}

}  // namespace

std::string found(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "got " + shown(*node.value<std::string>());
        case toml::node_type::integer: return "got " + std::to_string(*node.value<std::int64_t>());
        case toml::node_type::boolean: return *node.value<bool>() ? "got true" : "got false";
        case toml::node_type::floating_point: return "got a floating-point number";
        case toml::node_type::date: return "got a date";
        case toml::node_type::time: return "got a time";
        case toml::node_type::date_time: return "got a date-time";
        case toml::node_type::array: return "got an array";
        case toml::node_type::table: return "got a table";
        case toml::node_type::none: break;
    }
    return "got nothing";
}

toml::node_view<const toml::node> Reader::node(std::string_view key) {
    keys_.emplace(key);
    for (std::string_view at = parent_of(key); !at.empty(); at = parent_of(at)) sections_.emplace(at);
    return root_.at_path(key);
}

void Reader::string(std::string_view key, std::string& out) {
    const auto at = node(key);
    if (!at) return;
    if (!at.is_string()) fail(key, "expected a string, " + found(*at.node()));
    out = *at.value<std::string>();
}

void Reader::path(std::string_view key, std::filesystem::path& out) {
    std::string text = out.string();
    string(key, text);
    out = text;
}

std::int64_t Reader::integer(std::string_view key, std::int64_t current, std::int64_t min, std::int64_t max) {
    const auto at = node(key);
    if (!at) return current;
    if (!at.is_integer()) fail(key, "expected an integer, " + found(*at.node()));
    const std::int64_t value = *at.value<std::int64_t>();
    if (value < min || value > max) {
        fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                      std::to_string(value));
    }
    return value;
}

bool Reader::boolean(std::string_view key, bool current) {
    const auto at = node(key);
    if (!at) return current;
    if (!at.is_boolean()) fail(key, "expected true or false, " + found(*at.node()));
    return *at.value<bool>();
}

void Reader::seconds(std::string_view key, Millis& out, std::int64_t max_seconds) {
    out = Millis(integer(key, out.count() / 1000, 1, max_seconds) * 1000);
}

void Reader::strings(std::string_view key, std::vector<std::string>& out) {
    const auto at = node(key);
    if (!at) return;
    const toml::array* array = at.as_array();
    if (array == nullptr) fail(key, "expected an array of strings, " + found(*at.node()));
    out.clear();
    for (std::size_t index = 0; index < array->size(); ++index) {
        const toml::node& item = (*array)[index];
        if (!item.is_string()) fail(std::string(key) + "[" + std::to_string(index) + "]", "expected a string, " + found(item));
        out.push_back(*item.value<std::string>());
    }
}

void Reader::fail(std::string_view key, std::string_view problem) const {
    std::size_t line = 0;
    for (std::string_view at = key; !at.empty() && line == 0; at = parent_of(at)) {
        if (const auto held = root_.at_path(at)) line = held.node()->source().begin.line;
    }
    throw ConfigError(located(line) + ": " + std::string(key) + ": " + std::string(problem));
}

std::string Reader::located(std::size_t line) const {
    return line == 0 ? source_ : source_ + ":" + std::to_string(line);
}

void Reader::check_table(const toml::table& table, const std::string& path, std::vector<Stray>& strays) const {
    for (const auto& [name, child] : table) {
        const std::string_view bare = name.str();
        const std::string shown_name = is_bare(bare) ? std::string(bare) : "\"" + std::string(bare) + "\"";
        const std::string key = path.empty() ? shown_name : path + "." + shown_name;
        const bool asked = keys_.contains(key);
        if (!asked && !sections_.contains(key)) {
            strays.push_back({child.source().begin.line, key, child.is_table() || child.is_array_of_tables()});
            continue;
        }
        // A section read only through its keys: as anything but a table, at_path would find none of
        // them, and the section would be ignored.
        if (!asked && !child.is_table()) fail(key, "expected a table, " + found(child));
        check_node(child, key, strays);
    }
}

void Reader::check_node(const toml::node& node, const std::string& path, std::vector<Stray>& strays) const {
    if (const toml::table* table = node.as_table()) {
        check_table(*table, path, strays);
    } else if (const toml::array* array = node.as_array()) {
        for (std::size_t index = 0; index < array->size(); ++index) {
            check_node((*array)[index], path + "[" + std::to_string(index) + "]", strays);
        }
    }
}

std::string Reader::closest_known(const std::string& key) const {
    constexpr std::size_t kClose = 2;
    std::string closest;
    std::size_t best = kClose + 1;
    for (const std::set<std::string>* names : {&keys_, &sections_}) {
        for (const std::string& name : *names) {
            const std::size_t distance = distance_within(key, name, kClose);
            if (distance < best) {
                best = distance;
                closest = name;
            }
        }
    }
    return closest;
}

void Reader::refuse_unknown_keys() const {
    std::vector<Stray> strays;
    check_table(root_, "", strays);
    if (strays.empty()) return;
    const Stray& first = *std::min_element(strays.begin(), strays.end(), [](const Stray& a, const Stray& b) {
        return a.line != b.line ? a.line < b.line : a.key < b.key;
    });
    std::string message =
        located(first.line) + ": unknown " + (first.section ? "section" : "key") + " '" + first.key + "'";
    if (const std::string closest = closest_known(first.key); !closest.empty()) {
        message += " (did you mean '" + closest + "'?)";
    }
    throw ConfigError(message);
}

}  // namespace kiosk::config_detail
