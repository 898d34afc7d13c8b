// Canonical bytes of a journal entry (see journal_canonical.hpp).
#include "store/journal_canonical.hpp"

#include <string_view>

namespace kiosk::store {
namespace {

constexpr std::string_view kFormatTag = "kiosk-journal/1";

void put_u64(Bytes& out, std::uint64_t value) {
    for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

void put_text(Bytes& out, std::string_view text) {
    const auto length = static_cast<std::uint32_t>(text.size());
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(length >> shift));
    out.insert(out.end(), text.begin(), text.end());
}

}  // namespace

Bytes canonical_journal_bytes(std::int64_t seq, const JournalLine& line) {
    Bytes out;
    out.reserve(64 + line.actor.size() + line.event_type.size() + line.outcome.size() + line.origin.size() +
                line.resource.size() + line.detail.size());
    put_text(out, kFormatTag);
    put_u64(out, static_cast<std::uint64_t>(seq));
    put_u64(out, static_cast<std::uint64_t>(line.time_unix_ms));  // two's complement, as stored
    for (const std::string* field :
         {&line.actor, &line.event_type, &line.outcome, &line.origin, &line.resource, &line.detail}) {
        put_text(out, *field);
    }
    return out;
}

}  // namespace kiosk::store
