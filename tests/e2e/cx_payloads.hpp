// The CX records a test kiosk committed, opened with its own sealer (the records still in the
// outbox; nothing has been uploaded), as JSON, with the kind of each — for scenario checks.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/app/kiosk_app.hpp"
#include "store/outbox.hpp"

namespace kiosk::test {

struct OpenedRecord {
    std::string kind;
    std::string text;
    nlohmann::json payload;
};

inline std::vector<OpenedRecord> opened_outbox(KioskApp& app, const Clock& clock) {
    std::vector<OpenedRecord> opened;
    auto batch = store::Outbox(app.database(), clock).next_batch(10'000);
    if (!batch.ok()) return opened;
    for (const security::SealedRecord& record : *batch) {
        auto plain = app.sealer().open(record);
        if (!plain.ok()) continue;
        const ByteView bytes = plain->view();
        std::string text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        opened.push_back({record.header.kind, text, nlohmann::json::parse(text, nullptr, false)});
    }
    return opened;
}

inline std::vector<OpenedRecord> opened_of_kind(KioskApp& app, const Clock& clock, std::string_view kind) {
    std::vector<OpenedRecord> out;
    for (OpenedRecord& record : opened_outbox(app, clock)) {
        if (record.kind == kind) out.push_back(std::move(record));
    }
    return out;
}

}  // namespace kiosk::test
