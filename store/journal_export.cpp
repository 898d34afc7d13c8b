// Journal export file: writer and parser (see journal_export.hpp).
#include "store/journal_export.hpp"

#include <array>
#include <limits>

#include <nlohmann/json.hpp>

#include "store/database.hpp"
#include "store/journal_read_snapshot.hpp"

namespace kiosk::store {
namespace {

constexpr std::size_t kBatchSize = 4096;
constexpr std::array<const char*, 6> kTextFields{"actor", "event_type", "outcome", "origin", "resource", "detail"};

std::string line_error(std::size_t line_number, std::string_view what) {
    return "journal export line " + std::to_string(line_number) + ": " + std::string(what);
}

Result<JournalEntry> parse_line(std::string_view text, std::size_t line_number) {
    if (text.empty()) return make_error("journal", line_error(line_number, "is empty"));
    const nlohmann::json object = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded() || !object.is_object()) {
        return make_error("journal", line_error(line_number, "is not a JSON object"));
    }
    JournalEntry entry;
    for (const char* name : {"seq", "time_unix_ms"}) {
        const auto field = object.find(name);
        if (field == object.end() || !field->is_number_integer()) {
            return make_error("journal", line_error(line_number, std::string(name) + " is missing or not an integer"));
        }
    }
    entry.seq = object["seq"].get<std::int64_t>();
    entry.line.time_unix_ms = object["time_unix_ms"].get<std::int64_t>();
    std::array<std::string*, 6> targets{&entry.line.actor,  &entry.line.event_type, &entry.line.outcome,
                                        &entry.line.origin, &entry.line.resource,   &entry.line.detail};
    for (std::size_t i = 0; i < kTextFields.size(); ++i) {
        const auto field = object.find(kTextFields[i]);
        if (field == object.end() || !field->is_string()) {
            return make_error("journal", line_error(line_number, std::string(kTextFields[i]) + " is missing or not a string"));
        }
        *targets[i] = field->get<std::string>();
    }
    const auto mac = object.find("mac");
    if (mac == object.end() || !(mac->is_null() || mac->is_string())) {
        return make_error("journal", line_error(line_number, "mac is missing or neither a hex string nor null"));
    }
    if (mac->is_string()) {
        auto bytes = from_hex(mac->get<std::string>());
        if (!bytes) return make_error("journal", line_error(line_number, "mac is not hex"));
        entry.line.mac = std::move(*bytes);
    }
    return entry;
}

}  // namespace

std::string journal_export_line(const JournalEntry& entry) {
    const JournalLine& line = entry.line;
    nlohmann::json object{{"seq", entry.seq},         {"time_unix_ms", line.time_unix_ms},
                          {"actor", line.actor},       {"event_type", line.event_type},
                          {"outcome", line.outcome},   {"origin", line.origin},
                          {"resource", line.resource}, {"detail", line.detail}};
    object["mac"] = line.mac ? nlohmann::json(to_hex(*line.mac)) : nlohmann::json(nullptr);
    // Invalid UTF-8 in a field is written as U+FFFD rather than throwing; verify then reports a
    // MAC mismatch for that entry instead of the export failing half-way.
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<std::size_t> export_journal(Database& database, std::ostream& out) {
    auto snapshot = JournalReadSnapshot::begin(database);
    if (!snapshot) return snapshot.error();
    Journal journal(database);
    std::size_t written = 0;
    std::int64_t next_seq = std::numeric_limits<std::int64_t>::min();
    while (true) {
        auto batch = journal.read_from(next_seq, kBatchSize);
        if (!batch) return batch.error();
        for (const JournalEntry& entry : *batch) out << journal_export_line(entry);
        written += batch->size();
        if (!out) return make_error("journal", "writing the export failed after " + std::to_string(written) + " entries");
        if (batch->size() < kBatchSize) break;
        next_seq = batch->back().seq + 1;
    }
    out.flush();
    if (!out) return make_error("journal", "flushing the export failed");
    return written;
}

Result<JournalExport> parse_journal_export(std::string_view text) {
    JournalExport parsed;
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        ++line_number;
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            parsed.tail_torn = true;  // bytes after the last '\n': the write never finished
            break;
        }
        auto entry = parse_line(text.substr(start, end - start), line_number);
        if (!entry) return entry.error();
        parsed.entries.push_back(std::move(*entry));
        start = end + 1;
    }
    return parsed;
}

}  // namespace kiosk::store
