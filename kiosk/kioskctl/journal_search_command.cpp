// `kioskctl journal search`: the journal lines a technician is looking for (store::Journal::search),
// offline on the database like `journal show`, printed the way `show` prints them.
#include <charconv>
#include <chrono>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "kiosk/kioskctl/journal_table.hpp"
#include "store/journal.hpp"

namespace kiosk::kioskctl {
namespace {

using nlohmann::json;

constexpr std::string_view kTimeForms =
    "expected a UTC time like 2026-01-05T10:15:30Z (seconds and .mmm optional), a day 2026-01-05, \"today\" or "
    "\"24h\"";

// Digits at [at, at+count) of `text` as a number, or -1.
int digits(std::string_view text, std::size_t at, std::size_t count) {
    if (at + count > text.size()) return -1;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// A day or a time of day; `Z` required after a time so nobody mistakes local time for UTC.
std::optional<std::int64_t> parse_iso(std::string_view text) {
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 0 || month < 0 || day < 0 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                           std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok()) return std::nullopt;
    std::int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::sys_days(date).time_since_epoch())
                          .count();
    if (text.size() == 10) return ms;
    if (text.size() < 17 || text[10] != 'T' || text[13] != ':' || text.back() != 'Z') return std::nullopt;
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    int second = 0;
    int millis = 0;
    std::size_t at = 16;
    if (text[at] == ':') {
        second = digits(text, 17, 2);
        at = 19;
        if (text[at] == '.') {
            millis = digits(text, 20, 3);
            at = 23;
        }
    }
    if (at + 1 != text.size() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 ||
        millis < 0) {
        return std::nullopt;
    }
    return ms + ((hour * 60 + minute) * 60 + second) * std::int64_t{1000} + millis;
}

std::string usage(std::string_view option, std::string_view value, std::string_view expected) {
    return std::string(option) + " '" + safe_text(value) + "': " + std::string(expected);
}

json json_of(const store::JournalEntry& entry) {
    const store::JournalLine& line = entry.line;
    return json{{"seq", entry.seq},
                {"time", iso8601_utc(line.time_unix_ms)},
                {"actor", safe_text(line.actor)},
                {"event", safe_text(line.event_type)},
                {"outcome", safe_text(line.outcome)},
                {"origin", safe_text(line.origin)},
                {"resource", safe_text(line.resource)},
                {"detail", safe_text(line.detail)}};
}

}  // namespace

Result<std::int64_t> parse_journal_time(std::string_view text, std::int64_t now_unix_ms) {
    constexpr std::int64_t kDayMs = 86'400'000;
    if (text == "today") return now_unix_ms - (((now_unix_ms % kDayMs) + kDayMs) % kDayMs);
    if (text.size() >= 2 && text.back() == 'h') {
        int hours = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size() - 1, hours);
        if (error == std::errc() && end == text.data() + text.size() - 1 && hours > 0 && hours <= 24 * 366) {
            return now_unix_ms - std::int64_t{hours} * 3'600'000;
        }
        return make_error("journal search", "hours: expected 1h to 8784h");
    }
    if (auto parsed = parse_iso(text)) return *parsed;
    return make_error("journal search", std::string(kTimeForms));
}

int run_journal_search(const KioskConfig& config, const JournalSearchOptions& options, std::int64_t now_unix_ms,
                       bool as_json, Streams io) {
    store::JournalQuery query;
    query.events = options.events;
    query.actor = options.actor;
    if (options.failures) query.outcome = store::JournalOutcomeFilter::Failures;
    query.limit = options.last;
    const auto time_of = [&](std::string_view option, const std::string& value,
                             std::optional<std::int64_t>& into) -> bool {
        if (value.empty()) return true;
        auto parsed = parse_journal_time(value, now_unix_ms);
        if (!parsed) {
            report_error(io.err, usage(option, value, parsed.error().message));
            return false;
        }
        into = *parsed;
        return true;
    };
    if (!time_of("--since", options.since, query.from_unix_ms) || !time_of("--until", options.until, query.to_unix_ms)) {
        return kExitUsage;
    }
    query.text = options.text;
    if (const Status valid = store::validate(query); !valid) {
        std::string message = valid.error().message;
        if (query.from_unix_ms && query.to_unix_ms && *query.from_unix_ms > *query.to_unix_ms) {
            message = "--since " + safe_text(options.since) + " is after --until " + safe_text(options.until);
        } else if (query.limit == 0 || query.limit > store::kJournalSearchMaxLimit) {
            message = usage("--last", std::to_string(query.limit), "expected 1 to 1000 lines");
        } else if (query.text && query.text->empty()) {
            message = "--text: expected a text to look for, not an empty one";
        } else if (query.actor && query.actor->empty()) {
            message = "--actor: expected who, like system or technician:1001, not an empty text";
        } else {
            message = "--event: " + message;  // the only field left that validate() refuses
        }
        report_error(io.err, message);
        return kExitUsage;
    }

    auto database = open_existing_database(config.database_path());
    if (!database) {
        report_error(io.err, database.error().to_string());
        return kExitFailure;
    }
    auto found = store::Journal(*database).search(query);
    if (!found) {
        report_error(io.err, "searching the journal of " + config.database_path().string() + ": " +
                                 found.error().to_string());
        return kExitFailure;
    }
    // The text is matched again on the masked fields, as `kioskctl logs --grep` does: a search
    // must not tell whether a line holds a number that `show` prints masked.
    if (query.text) {
        std::erase_if(*found, [&](const store::JournalEntry& entry) {
            return safe_text(entry.line.resource).find(*query.text) == std::string::npos &&
                   safe_text(entry.line.detail).find(*query.text) == std::string::npos;
        });
    }
    if (as_json) {
        json lines = json::array();
        for (const store::JournalEntry& entry : *found) lines.push_back(json_of(entry));
        io.out << json{{"matched", found->size()}, {"lines", lines}}.dump(-1, ' ', false, json::error_handler_t::replace)
               << '\n';
        return kExitOk;
    }
    if (found->empty()) {
        io.out << "no journal lines match in " << config.database_path().string() << '\n';
        return kExitOk;
    }
    io.out << found->size() << " matching journal lines in " << config.database_path().string()
           << ", newest first (time in UTC)\n";
    print_journal_table(io.out, *found);
    return kExitOk;
}

void register_journal_search_command(CLI::App& journal, ToolContext& tool) {
    auto options = std::make_shared<JournalSearchOptions>();
    CLI::App* search = journal.add_subcommand("search", "The newest journal lines matching the filters, newest first");
    search->add_option("--event", options->events,
                       "An event type (dispense) or a prefix (cash_*); give it again for more than one");
    search->add_option("--actor", options->actor, "Who: system, technician:ID, customer:TOKEN");
    search->add_flag("--failures", options->failures, "Only lines whose outcome is not success");
    search->add_option("--since", options->since, "From: 2026-01-05T10:15:30Z, 2026-01-05, today or 24h");
    search->add_option("--until", options->until, "Up to (included), in the same forms");
    search->add_option("--text", options->text, "A text in the resource or the detail");
    search->add_option("--last,-n", options->last, "At most this many lines (1 to 1000)")->capture_default_str();
    search->callback([&tool, options] {
        tool.json_native = tool.json;
        tool.exit_code = with_config(tool, [&tool, options](const KioskConfig& config) {
            return run_journal_search(config, *options, to_unix_millis(tool.clock.now()), tool.json, tool.io);
        });
    });
}

}  // namespace kiosk::kioskctl
