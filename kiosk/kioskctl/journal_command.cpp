// `kioskctl journal show [--last N]`: the newest electronic-journal lines as an aligned table,
// oldest first, so a technician reads the story of the last sessions top to bottom.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "store/journal.hpp"

namespace kiosk::kioskctl {
namespace {

constexpr std::size_t kColumns = 8;
constexpr std::size_t kMaxJournalLines = 100'000;  // more would be an export, not a look
using Row = std::array<std::string, kColumns>;

Row row_of(const store::JournalEntry& entry) {
    const store::JournalLine& line = entry.line;
    return Row{std::to_string(entry.seq), iso8601_utc(line.time_unix_ms), safe_text(line.actor),
               safe_text(line.event_type), safe_text(line.outcome), safe_text(line.origin),
               safe_text(line.resource), safe_text(line.detail)};
}

void print_table(std::ostream& out, const std::vector<Row>& rows) {
    std::array<std::size_t, kColumns> widths{};
    for (const Row& row : rows) {
        for (std::size_t column = 0; column < kColumns; ++column) {
            widths[column] = std::max(widths[column], row[column].size());
        }
    }
    for (const Row& row : rows) {
        std::string text;
        for (std::size_t column = 0; column < kColumns; ++column) {
            text += row[column];
            // The last column (detail) is not padded, so lines carry no trailing blanks.
            if (column + 1 < kColumns) text.append(widths[column] - row[column].size() + 2, ' ');
        }
        out << text << '\n';
    }
}

}  // namespace

int run_journal_show(const KioskConfig& config, std::size_t last, Streams io) {
    auto database = open_existing_database(config.database_path());
    if (!database) {
        report_error(io.err, database.error().to_string());
        return kExitFailure;
    }
    store::Journal journal(*database);
    auto total = journal.count();
    auto entries = journal.read_last(last);
    if (!total || !entries) {
        const Error& error = !total ? total.error() : entries.error();
        report_error(io.err, "reading the journal of " + config.database_path().string() + ": " + error.to_string());
        return kExitFailure;
    }
    if (entries->empty()) {
        io.out << "journal of " << config.database_path().string() << " is empty\n";
        return kExitOk;
    }
    io.out << "last " << entries->size() << " of " << *total << " journal lines in "
           << config.database_path().string() << " (time in UTC)\n";
    std::vector<Row> rows{Row{"seq", "time", "actor", "event", "outcome", "origin", "resource", "detail"}};
    for (const store::JournalEntry& entry : *entries) rows.push_back(row_of(entry));
    print_table(io.out, rows);
    return kExitOk;
}

void register_journal_commands(CLI::App& app, ToolContext& tool) {
    CLI::App* journal = app.add_subcommand("journal", "The electronic journal");
    CLI::App* show = journal->add_subcommand("show", "Print the newest journal lines, oldest first");
    auto last = std::make_shared<std::size_t>(kDefaultJournalLines);
    show->add_option("--last,-n", *last, "How many lines")
        ->check(CLI::Range(std::size_t{1}, kMaxJournalLines))
        ->capture_default_str();
    show->callback([&tool, last] {
        tool.exit_code = with_config(tool, [&tool, last](const KioskConfig& config) {
            return run_journal_show(config, *last, tool.io);
        });
    });
}

}  // namespace kiosk::kioskctl
