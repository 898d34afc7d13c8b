// Fuzzes store/journal_export.hpp's parse_journal_export (an export file comes back from a USB
// stick: outside bytes) and runs the chain verifier over whatever parses. Properties: no crash;
// a parsed export re-serialises line by line to entries that parse back equal; the verifier
// always returns a verdict, and a torn tail is flagged exactly when the text lacks a final '\n'.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "security/journal_chain.hpp"
#include "store/journal_export.hpp"
#include "store/journal_verifier.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = kiosk::store::parse_journal_export(text);
    if (!parsed.ok()) {
        FUZZ_CHECK(parsed.error().message.find("journal export line ") == 0);
        return 0;
    }
    FUZZ_CHECK(parsed->tail_torn == (!text.empty() && text.back() != '\n'));
    for (const kiosk::store::JournalEntry& entry : parsed->entries) {
        const std::string line = kiosk::store::journal_export_line(entry);
        const auto again = kiosk::store::parse_journal_export(line);
        FUZZ_CHECK(again.ok() && again->entries.size() == 1 && !again->tail_torn);
        FUZZ_CHECK(again->entries[0].seq == entry.seq);
    }
    static const auto chain = kiosk::security::JournalChain::create(kiosk::Bytes(32, 0x6B));
    FUZZ_CHECK(chain.ok());
    const auto verdict =
        kiosk::store::verify_journal(*chain, kiosk::store::JournalUnderTest{parsed->entries, 0, parsed->tail_torn});
    FUZZ_CHECK(verdict.ok());
    FUZZ_CHECK(verdict->entries == parsed->entries.size());
    return 0;
}
