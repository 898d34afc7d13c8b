// Fuzzes crm/wire_format.hpp decode_answer with what the CRM (or anything posing as it) answers to
// an upload of records r1, r2 and r3. An accepted answer must only acknowledge records that were
// sent, each once, and must survive encode_answer → decode_answer unchanged.
#include <array>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "crm/wire_format.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::array<std::string, 3> sent_ids{"r1", "r2", "r3"};
    const std::string_view json(reinterpret_cast<const char*>(data), size);

    const auto answer = kiosk::crm::decode_answer(json, sent_ids);
    if (!answer) {
        FUZZ_CHECK(answer.error().domain == "crm");
        return 0;
    }
    FUZZ_CHECK(answer->size() <= sent_ids.size());
    std::set<std::string> answered;
    for (const auto& result : *answer) {
        FUZZ_CHECK(std::set<std::string>(sent_ids.begin(), sent_ids.end()).count(result.record_id) == 1);
        FUZZ_CHECK(answered.insert(result.record_id).second);
        if (result.outcome == kiosk::crm::RecordOutcome::Rejected) FUZZ_CHECK(!result.reason.empty());
    }

    const auto again = kiosk::crm::decode_answer(kiosk::crm::encode_answer(*answer), sent_ids);
    FUZZ_CHECK(again.ok() && *again == *answer);
    return 0;
}
