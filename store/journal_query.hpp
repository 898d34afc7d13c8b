// A search of the electronic journal (Journal::search): the lines a technician or an auditor is
// looking for — one event or a family of them, one actor, the failures, a time range, a text in
// the resource or detail — newest first. It reads only the columns `kioskctl journal show`
// prints, so a search can never bring out anything the journal would not show anyway (the store
// keeps tokens and masked numbers only, never card data).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/result.hpp"

namespace kiosk::store {

inline constexpr std::size_t kJournalSearchDefaultLimit = 50;
inline constexpr std::size_t kJournalSearchMaxLimit = 1000;

// "success" is the journal's one word for it; every other outcome ("failure: …", "refused: …")
// counts as a failure.
enum class JournalOutcomeFilter : std::uint8_t { Any, Success, Failures };

struct JournalQuery {
    // Any of these event types: "dispense" matches exactly, "cash_*" every type starting with
    // "cash_" (a '*' only at the end). Empty: every event.
    std::vector<std::string> events;
    std::optional<std::string> actor;  // exactly, e.g. "technician:1001", "system"
    JournalOutcomeFilter outcome = JournalOutcomeFilter::Any;
    std::optional<std::int64_t> from_unix_ms;  // at or after
    std::optional<std::int64_t> to_unix_ms;    // at or before
    std::optional<std::string> text;           // contained (case-sensitive) in the resource or the detail
    std::size_t limit = kJournalSearchDefaultLimit;  // 1..kJournalSearchMaxLimit

    friend bool operator==(const JournalQuery&, const JournalQuery&) = default;
};

// Why `query` cannot run, naming the field ("limit 0: expected 1 to 1000", "from is after to",
// "text is empty", "event pattern \"a*b\": '*' only at the end"), or ok.
Status validate(const JournalQuery& query);

// The WHERE clause (placeholders ?1, ?2, … only: never a value in the text) and the values to bind
// in order; the caller appends ORDER BY and LIMIT. `query` must have passed validate().
struct JournalQuerySql {
    std::string where;  // "" or "WHERE … "
    std::vector<std::variant<std::int64_t, std::string>> binds;
};
JournalQuerySql journal_query_sql(const JournalQuery& query);

}  // namespace kiosk::store
