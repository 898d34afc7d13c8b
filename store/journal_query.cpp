// The journal search's validation and SQL (see journal_query.hpp).
#include "store/journal_query.hpp"

namespace kiosk::store {
namespace {

bool is_prefix_pattern(const std::string& pattern) { return !pattern.empty() && pattern.back() == '*'; }

}  // namespace

Status validate(const JournalQuery& query) {
    if (query.limit == 0 || query.limit > kJournalSearchMaxLimit) {
        return make_error("journal search", "limit " + std::to_string(query.limit) + ": expected 1 to " +
                                                std::to_string(kJournalSearchMaxLimit) + " lines");
    }
    if (query.from_unix_ms && query.to_unix_ms && *query.from_unix_ms > *query.to_unix_ms) {
        return make_error("journal search", "the time range starts (" + std::to_string(*query.from_unix_ms) +
                                                " ms) after it ends (" + std::to_string(*query.to_unix_ms) + " ms)");
    }
    if (query.text && query.text->empty()) return make_error("journal search", "the text to look for is empty");
    if (query.actor && query.actor->empty()) return make_error("journal search", "the actor is empty");
    for (const std::string& pattern : query.events) {
        const std::size_t star = pattern.find('*');
        if (pattern.empty() || pattern == "*") {
            return make_error("journal search", "an event pattern is empty: expected a type like \"dispense\" or a "
                                                "prefix like \"cash_*\"");
        }
        if (star != std::string::npos && star + 1 != pattern.size()) {
            return make_error("journal search", "event pattern \"" + pattern + "\": '*' only at the end");
        }
    }
    return ok_status();
}

JournalQuerySql journal_query_sql(const JournalQuery& query) {
    JournalQuerySql sql;
    std::vector<std::string> conditions;
    const auto placeholder = [&sql](std::variant<std::int64_t, std::string> value) {
        sql.binds.push_back(std::move(value));
        return "?" + std::to_string(sql.binds.size());
    };
    if (!query.events.empty()) {
        std::string any;
        for (const std::string& pattern : query.events) {
            if (!any.empty()) any += " OR ";
            if (is_prefix_pattern(pattern)) {
                // A range rather than LIKE, so '_' or '%' in a type are no wildcards. 0xFF sorts
                // after every UTF-8 byte: [p, p+0xFF) is exactly the texts starting with p. The
                // unary + keeps the (event_type, seq) index out of it: a common family (card_*
                // is most lines) would be read whole from the index and sorted by seq, 28 ms on
                // 100 000 lines, where scanning from the newest stops at the limit; a rare one
                // costs a scan, about 1 ms (bench/journal_search_bench.cpp).
                std::string prefix = pattern.substr(0, pattern.size() - 1);
                const std::string low = placeholder(prefix);
                const std::string high = placeholder(prefix + '\xFF');
                any += "(+event_type >= " + low + " AND +event_type < " + high + ")";
            } else {
                any += "event_type = " + placeholder(pattern);
            }
        }
        conditions.push_back("(" + any + ")");
    }
    if (query.actor) conditions.push_back("actor = " + placeholder(*query.actor));
    if (query.outcome == JournalOutcomeFilter::Success) conditions.push_back("outcome = 'success'");
    if (query.outcome == JournalOutcomeFilter::Failures) conditions.push_back("outcome <> 'success'");
    if (query.from_unix_ms) conditions.push_back("time_unix_ms >= " + placeholder(*query.from_unix_ms));
    if (query.to_unix_ms) conditions.push_back("time_unix_ms <= " + placeholder(*query.to_unix_ms));
    if (query.text) {
        // instr, not LIKE: the technician's text is looked for as it is, '%' and '_' included.
        const std::string text = placeholder(*query.text);
        conditions.push_back("(instr(resource, " + text + ") > 0 OR instr(detail, " + text + ") > 0)");
    }
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        sql.where += (i == 0 ? "WHERE " : " AND ") + conditions[i];
    }
    if (!sql.where.empty()) sql.where += ' ';
    return sql;
}

}  // namespace kiosk::store
