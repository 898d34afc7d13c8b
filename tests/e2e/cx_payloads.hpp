// The CX records a test kiosk committed, still in its outbox (nothing uploaded yet), opened as
// the CRM opens them — with the simulated CRM's record private key and the wraps the outbox keeps
// (crm/record_opener.hpp) — as JSON, with the kind of each: for scenario checks.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/record_opener.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/simulator/simulator_rig.hpp"
#include "store/crm_data_keys.hpp"
#include "store/outbox.hpp"

namespace kiosk::test {

struct OpenedRecord {
    std::string kind;
    std::string text;
    nlohmann::json payload;
};

inline std::vector<OpenedRecord> opened_outbox(KioskApp& app, SimulatorRig& rig, const Clock& clock) {
    std::vector<OpenedRecord> opened;
    auto records = store::Outbox(app.database(), clock).next_batch(10'000);
    if (!records.ok()) return opened;
    crm::UploadBatch batch{"test", *records};
    std::vector<std::string> key_ids;
    for (const security::SealedRecord& record : *records) key_ids.push_back(record.header.key_id);
    auto wraps = store::CrmDataKeys(app.database()).wraps_for(key_ids);
    if (!wraps.ok()) return opened;
    batch.data_keys = std::move(*wraps);
    crm::RecordOpener opener({rig.crm_record_key()});
    for (const security::SealedRecord& record : batch.records) {
        auto text = opener.open(batch, record);
        if (!text.ok()) continue;
        opened.push_back({record.header.kind, *text, nlohmann::json::parse(*text, nullptr, false)});
    }
    return opened;
}

inline std::vector<OpenedRecord> opened_of_kind(KioskApp& app, SimulatorRig& rig, const Clock& clock,
                                                std::string_view kind) {
    std::vector<OpenedRecord> out;
    for (OpenedRecord& record : opened_outbox(app, rig, clock)) {
        if (record.kind == kind) out.push_back(std::move(record));
    }
    return out;
}

}  // namespace kiosk::test
