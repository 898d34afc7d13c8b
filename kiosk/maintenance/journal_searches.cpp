// The Journal page's quick searches (see journal_searches.hpp).
#include "kiosk/maintenance/journal_searches.hpp"

#include <ctime>

#include "kiosk/maintenance/service_facts.hpp"
#include "store/journal.hpp"

namespace kiosk::maintenance {
namespace {

using flow::ServiceAction;

constexpr std::size_t kOutcomeChars = 40;  // a long failure text is cut: the line stays one line
constexpr std::size_t kTokenChars = 8;

// Cut at a UTF-8 character boundary, marked with an ellipsis.
std::string shortened(const std::string& text, std::size_t at_most) {
    if (text.size() <= at_most) return text;
    std::size_t cut = at_most;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
    return text.substr(0, cut) + "\u2026";
}

std::string shown_actor(const std::string& actor) {
    constexpr std::string_view kCustomer = "customer:";
    if (actor.rfind(kCustomer, 0) == 0) return shortened(actor, kCustomer.size() + kTokenChars);
    return actor;
}

}  // namespace

bool is_journal_search(ServiceAction action) {
    switch (action) {
        case ServiceAction::JournalFailures:
        case ServiceAction::JournalCash:
        case ServiceAction::JournalCards:
        case ServiceAction::JournalService:
        case ServiceAction::JournalAll: return true;
        default: return false;
    }
}

TimePoint local_day_start(TimePoint now) {
    const std::time_t seconds = static_cast<std::time_t>(to_unix_millis(now) / 1000);
    std::tm local{};
    if (localtime_r(&seconds, &local) == nullptr) return now;
    local.tm_hour = 0;
    local.tm_min = 0;
    local.tm_sec = 0;
    local.tm_isdst = -1;  // the zone's rule for that midnight, not now's
    const std::time_t midnight = std::mktime(&local);
    if (midnight == static_cast<std::time_t>(-1)) return now;
    return from_unix_millis(static_cast<std::int64_t>(midnight) * 1000);
}

std::optional<store::JournalQuery> journal_search_query(ServiceAction action, TimePoint now) {
    store::JournalQuery query;
    query.limit = kJournalSearchLinesShown;
    switch (action) {
        case ServiceAction::JournalFailures:
            query.outcome = store::JournalOutcomeFilter::Failures;
            query.from_unix_ms = to_unix_millis(local_day_start(now));
            return query;
        case ServiceAction::JournalCash: query.events = {"dispense*", "cash_*", "balanc*", "reject*"}; return query;
        case ServiceAction::JournalCards: query.events = {"card_*"}; return query;
        case ServiceAction::JournalService:
            query.events = {"service_*", "technician_*", "key_rotation"};
            return query;
        case ServiceAction::JournalAll: return query;
        default: return std::nullopt;
    }
}

std::vector<ui::FactLine> journal_search_facts(ServiceAction action, const std::vector<store::JournalEntry>& found) {
    std::vector<ui::FactLine> facts;
    const std::string search = "i18n:service.action." + std::string(flow::to_string(action));
    if (found.empty()) {
        facts.push_back(keyed_fact("service.fact.search", "service.value.search_none", {search}));
        return facts;
    }
    facts.push_back(keyed_fact("service.fact.search", "service.value.search_found",
                               {search, std::to_string(found.size())}));
    for (const store::JournalEntry& entry : found) {
        const store::JournalLine& line = entry.line;
        facts.push_back(keyed_fact("service.fact.journal_line", "service.value.journal_line",
                                   {local_time_of_day(from_unix_millis(line.time_unix_ms)), shown_actor(line.actor),
                                    line.event_type, shortened(line.outcome, kOutcomeChars)}));
    }
    return facts;
}

}  // namespace kiosk::maintenance
