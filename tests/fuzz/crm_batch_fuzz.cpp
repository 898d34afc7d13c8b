// Fuzzes crm/wire_format.hpp decode_batch (the simulated CRM's side of the upload) with arbitrary
// text. An accepted batch meets the documented checks and survives encode_batch → decode_batch.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "crm/wire_format.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);

    const auto batch = kiosk::crm::decode_batch(json);
    if (!batch) {
        FUZZ_CHECK(batch.error().domain == "crm");
        return 0;
    }
    std::set<std::string> ids;
    for (const auto& record : batch->records) {
        FUZZ_CHECK(!record.header.record_id.empty());
        FUZZ_CHECK(ids.insert(record.header.record_id).second);
        FUZZ_CHECK(record.iv.size() == 12);
        FUZZ_CHECK(record.tag.size() == 16);
    }
    std::set<std::pair<std::string, std::string>> wraps;
    for (const auto& key : batch->data_keys) {
        FUZZ_CHECK(!key.data_key_id.empty() && !key.crm_key_id.empty());
        FUZZ_CHECK(wraps.emplace(key.data_key_id, key.crm_key_id).second);
        FUZZ_CHECK(key.enc.size() == 32);
        FUZZ_CHECK(key.wrapped.size() == 48);
    }

    const auto again = kiosk::crm::decode_batch(kiosk::crm::encode_batch(*batch));
    FUZZ_CHECK(again.ok() && *again == *batch);
    return 0;
}
