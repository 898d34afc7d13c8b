// `kioskctl journal show [--last N]`: the newest electronic-journal lines as an aligned table,
// oldest first, so a technician reads the story of the last sessions top to bottom.
// `kioskctl journal verify [--file EXPORT]` and `kioskctl journal export --out FILE`: the HMAC
// chain checked (store/journal_verifier.hpp) and the journal copied out (store/journal_export.hpp).
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "common/unique_fd.hpp"
#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "kiosk/kioskctl/journal_table.hpp"
#include "kiosk/kioskctl/tool_journal.hpp"
#include "security/data_key_derivation.hpp"
#include "security/journal_chain.hpp"
#include "security/key_file.hpp"
#include "store/journal.hpp"
#include "store/journal_export.hpp"
#include "store/journal_verifier.hpp"

namespace kiosk::kioskctl {
namespace {

constexpr std::size_t kMaxJournalLines = 100'000;  // more would be an export, not a look

// An export file read whole, refusing anything that is not a regular file or is absurdly large.
Result<std::string> read_export(const std::filesystem::path& path) {
    constexpr std::uintmax_t kMaxExportBytes = std::uintmax_t{1} << 30;
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        return make_error("journal", path.string() + " is not a readable regular file");
    }
    const auto size = std::filesystem::file_size(path, error);
    if (error || size > kMaxExportBytes) return make_error("journal", path.string() + " is larger than 1 GiB");
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return make_error("journal", "reading " + path.string() + " failed");
    return text;
}

Status write_new_file(const std::filesystem::path& path, std::string_view text) {
    // O_EXCL: an earlier export is evidence and is never overwritten. 0600: lines carry tokens.
    UniqueFd file(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (file.get() < 0) {
        const int code = errno;
        return make_error("journal", "cannot create " + path.string() + ": " + std::strerror(code), code);
    }
    while (!text.empty()) {
        const ssize_t written = ::write(file.get(), text.data(), text.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            const int code = errno;
            return make_error("journal", "writing " + path.string() + ": " + std::strerror(code), code);
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
    if (::fsync(file.get()) != 0) {
        const int code = errno;
        return make_error("journal", "fsync of " + path.string() + ": " + std::strerror(code), code);
    }
    return ok_status();
}

}  // namespace

namespace {

constexpr std::size_t kColumns = 8;
using Row = std::array<std::string, kColumns>;

Row row_of(const store::JournalEntry& entry) {
    const store::JournalLine& line = entry.line;
    return Row{std::to_string(entry.seq), iso8601_utc(line.time_unix_ms), safe_text(line.actor),
               safe_text(line.event_type), safe_text(line.outcome), safe_text(line.origin),
               safe_text(line.resource), safe_text(line.detail)};
}

void print_rows(std::ostream& out, const std::vector<Row>& rows) {
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

void print_journal_table(std::ostream& out, const std::vector<store::JournalEntry>& entries) {
    std::vector<Row> rows{Row{"seq", "time", "actor", "event", "outcome", "origin", "resource", "detail"}};
    for (const store::JournalEntry& entry : entries) rows.push_back(row_of(entry));
    print_rows(out, rows);
}

int run_journal_verify(const KioskConfig& config, const std::filesystem::path& export_file, Streams io) {
    auto chain = journal_chain_of(config);
    if (!chain) {
        report_error(io.err, chain.error().to_string());
        return kExitFailure;
    }
    Result<store::JournalVerdict> verdict = make_error("journal", "not verified");
    if (export_file.empty()) {
        auto database = open_existing_database(config.database_path());
        if (!database) {
            report_error(io.err, database.error().to_string());
            return kExitFailure;
        }
        verdict = store::verify_journal(*database, *chain);
    } else {
        auto text = read_export(export_file);
        auto parsed = text ? store::parse_journal_export(*text) : Result<store::JournalExport>(text.error());
        if (!parsed) {
            report_error(io.err, parsed.error().to_string());
            return kExitFailure;
        }
        verdict = store::verify_journal(*chain, store::JournalUnderTest{parsed->entries, 0, parsed->tail_torn});
    }
    if (!verdict) {
        report_error(io.err, "verifying the journal: " + verdict.error().to_string());
        return kExitFailure;
    }
    const std::string summary = store::describe(*verdict);
    if (verdict->intact()) {
        io.out << summary << '\n';
        return kExitOk;
    }
    report_error(io.err, summary);
    return verdict->recoverable() ? kExitJournalTorn : kExitFailure;
}

int run_journal_export(const KioskConfig& config, const std::filesystem::path& out_file, Streams io) {
    auto database = open_existing_database(config.database_path());
    if (!database) {
        report_error(io.err, database.error().to_string());
        return kExitFailure;
    }
    std::ostringstream lines;
    auto count = store::export_journal(*database, lines);
    if (!count) {
        report_error(io.err, count.error().to_string());
        return kExitFailure;
    }
    if (auto written = write_new_file(out_file, lines.str()); !written) {
        report_error(io.err, written.error().to_string());
        return kExitFailure;
    }
    io.out << "exported " << *count << " journal entries to " << out_file.string() << '\n';
    return kExitOk;
}

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
    print_journal_table(io.out, *entries);
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

    CLI::App* verify = journal->add_subcommand(
        "verify", "Check the journal's HMAC chain; name the first broken entry (exit 1), or a torn export (exit 3)");
    auto file = std::make_shared<std::string>();
    verify->add_option("--file", *file, "Verify this export file instead of the database");
    verify->callback([&tool, file] {
        tool.exit_code = with_config(tool, [&tool, file](const KioskConfig& config) {
            return run_journal_verify(config, *file, tool.io);
        });
    });

    register_journal_search_command(*journal, tool);

    CLI::App* exporter = journal->add_subcommand("export", "Copy every journal entry to a new file (one JSON line each)");
    auto out = std::make_shared<std::string>();
    exporter->add_option("--out,-o", *out, "The file to create (never overwritten)")->required();
    exporter->callback([&tool, out] {
        tool.exit_code = with_config(tool, [&tool, out](const KioskConfig& config) {
            return run_journal_export(config, *out, tool.io);
        });
    });
}

}  // namespace kiosk::kioskctl
