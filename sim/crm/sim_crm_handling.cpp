// SimCrmServer's request handling: faults taken in order per endpoint, a batch ingested in one
// transaction (dedup on record id, the opener, complaint rows), a profile merged with its
// complaints, every request logged. All of it under the server's mutex.
#include "sim/crm/sim_crm_server.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

#include "crm/profile_format.hpp"

namespace kiosk::sim {
namespace {

// The fields of an opened complaint (docs/cx-records.md § complaint) that the CRM's complaint
// table keeps. pan_token may be absent (a cardless customer's report).
Result<StoredComplaint> read_complaint(const std::string& payload, std::int64_t now) {
    const auto document = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
    const auto refused = [](const std::string& what) { return make_error("sim-crm", "complaint payload: " + what); };
    if (document.is_discarded() || !document.is_object()) return refused("not a JSON object");
    StoredComplaint complaint;
    const auto text = [&document](const char* name) -> std::optional<std::string> {
        const auto found = document.find(name);
        if (found == document.end() || !found->is_string()) return std::nullopt;
        return found->get<std::string>();
    };
    const auto reference = text("reference");
    if (!reference || reference->empty()) return refused("no reference");
    const auto category = text("category");
    if (!category || category->empty()) return refused("no category");
    complaint.reference = *reference;
    complaint.category = *category;
    complaint.pan_token = text("pan_token").value_or("");
    complaint.state = ComplaintState::Received;
    complaint.updated_unix_ms = now;
    return complaint;
}

}  // namespace

std::optional<CrmFault> SimCrmServer::take_fault(CrmEndpoint endpoint) {
    const auto next = std::find_if(faults_.begin(), faults_.end(),
                                   [endpoint](const PendingFault& pending) { return pending.endpoint == endpoint; });
    if (next == faults_.end()) return std::nullopt;
    const CrmFault fault = next->fault;
    faults_.erase(next);
    return fault;
}

std::optional<SimCrmServer::Reply> SimCrmServer::answer_before_reading(std::optional<CrmFault> fault) const {
    if (!fault) return std::nullopt;
    switch (*fault) {
        case CrmFault::Refuse: return Reply{0, "", "", Delivery::Close};
        case CrmFault::Stall: return Reply{0, "", "", Delivery::Stall};
        case CrmFault::ServerError: return Reply{500, encode_error("injected server error"), "", Delivery::Answer};
        case CrmFault::Unavailable: return Reply{503, encode_error("service unavailable"), retry_after_, Delivery::Answer};
        case CrmFault::Throttled: return Reply{429, encode_error("slow down"), retry_after_, Delivery::Answer};
        case CrmFault::PartialBatch:
        case CrmFault::ResetMidAnswer:
        case CrmFault::MalformedAnswer:
        case CrmFault::LostAnswer: return std::nullopt;
    }
    return std::nullopt;
}

void SimCrmServer::log(const char* path, const Reply& reply, std::size_t records) {
    const int status = reply.delivery == Delivery::Answer ? reply.status : 0;
    // The log serves tests; a failure to write it must not change the answer the client gets.
    static_cast<void>(store_->log_request({now_ms(), path, status, records}));
}

SimCrmServer::Reply SimCrmServer::handle_records(const std::string& body) {
    Reply reply;
    {
        std::lock_guard lock(mutex_);
        const auto fault = take_fault(CrmEndpoint::Records);
        if (auto early = answer_before_reading(fault)) {
            log(records_path, *early, 0);
            return *early;
        }
        auto batch = crm::decode_batch(body);
        if (!batch) {
            reply = Reply{400, encode_error(batch.error().message), "", Delivery::Answer};
            log(records_path, reply, 0);
            return reply;
        }
        const std::size_t sent = batch->records.size();
        if (fault == CrmFault::PartialBatch) batch->records.resize(sent / 2);
        const auto results = ingest(*batch);
        if (!results) {
            reply = Reply{500, encode_error("the CRM's store failed: " + results.error().to_string()), "", Delivery::Answer};
        } else if (fault == CrmFault::MalformedAnswer) {
            reply = Reply{200, R"({"results":[{"id":)", "", Delivery::Answer};  // truncated mid-answer
        } else if (fault == CrmFault::LostAnswer) {
            reply = Reply{500, encode_error("stored, but the answer was lost"), "", Delivery::Answer};
        } else {
            reply = Reply{200, crm::encode_answer(*results), "",
                          fault == CrmFault::ResetMidAnswer ? Delivery::CutMidBody : Delivery::Answer};
        }
        log(records_path, reply, sent);
    }
    wait_answer_delay();
    return reply;
}

Result<std::vector<crm::RecordResult>> SimCrmServer::ingest(const crm::UploadBatch& batch) {
    auto transaction = store_->begin();
    if (!transaction) return transaction.error();
    const std::int64_t now = now_ms();
    std::vector<crm::RecordResult> results;
    results.reserve(batch.records.size());
    for (const auto& record : batch.records) {
        const std::string& id = record.header.record_id;
        KIOSK_TRY(store_->count_delivery(id));
        if (const auto rejection = rejections_.find(id); rejection != rejections_.end()) {
            results.push_back({id, crm::RecordOutcome::Rejected, rejection->second});
            continue;
        }
        auto held = store_->holds(id);
        if (!held) return held.error();
        if (*held) {
            // The idempotency key at work: already held, so not stored again, but acknowledged.
            results.push_back({id, crm::RecordOutcome::Duplicate, ""});
            continue;
        }
        if (!open_record_) {
            KIOSK_TRY(store_->insert_record({record, now, std::nullopt, std::nullopt}));
        } else {
            auto payload = open_record_(batch, record);
            if (!payload) {
                const std::string& reason = payload.error().message;
                results.push_back({id, crm::RecordOutcome::Rejected, reason.empty() ? "cannot open the record" : reason});
                continue;
            }
            KIOSK_TRY(store_opened(record, std::move(*payload), now));
        }
        results.push_back({id, crm::RecordOutcome::Accepted, ""});
    }
    KIOSK_TRY(transaction->commit());
    return results;
}

Status SimCrmServer::store_opened(const security::SealedRecord& record, std::string payload, std::int64_t now) {
    StoredRecord stored{record, now, std::move(payload), std::nullopt};
    std::optional<StoredComplaint> complaint;
    if (record.header.kind == "complaint") {
        auto read = read_complaint(*stored.payload_json, now);
        if (read) {
            complaint = std::move(*read);
        } else {
            // Kept (nothing is lost), with the reason it made no complaint row.
            stored.open_error = read.error().message;
        }
    }
    KIOSK_TRY(store_->insert_record(stored));
    if (complaint) KIOSK_TRY(store_->insert_complaint(*complaint));
    return ok_status();
}

SimCrmServer::Reply SimCrmServer::handle_profile(const std::string& pan_token) {
    Reply reply;
    {
        std::lock_guard lock(mutex_);
        auto fault = take_fault(CrmEndpoint::Profiles);
        // A profile answer has no batch to store half of or lose the answer of: a plain 500.
        if (fault == CrmFault::PartialBatch || fault == CrmFault::LostAnswer) fault = CrmFault::ServerError;
        if (auto early = answer_before_reading(fault)) {
            log(profiles_path, *early, 0);
            return *early;
        }
        bool found = false;
        const auto profile = profile_answer(pan_token, found);
        if (!profile) {
            reply = Reply{500, encode_error("the CRM's store failed: " + profile.error().to_string()), "", Delivery::Answer};
        } else if (!found) {
            reply = Reply{404, encode_error("no profile for this token"), "", Delivery::Answer};
        } else if (fault == CrmFault::MalformedAnswer) {
            reply = Reply{200, R"({"token":")", "", Delivery::Answer};
        } else {
            reply = Reply{200, *profile, "", fault == CrmFault::ResetMidAnswer ? Delivery::CutMidBody : Delivery::Answer};
        }
        log(profiles_path, reply, 0);
    }
    wait_answer_delay();
    return reply;
}

Result<std::string> SimCrmServer::profile_answer(const std::string& pan_token, bool& found) {
    auto stored = store_->profile_json(pan_token);
    if (!stored) return stored.error();
    auto complaints = store_->complaints_of(pan_token);
    if (!complaints) return complaints.error();
    found = stored->has_value() || !complaints->empty();
    if (!found) return std::string();

    CustomerProfile profile;
    if (stored->has_value()) {
        auto decoded = crm::decode_profile(**stored, control_profile_max_bytes);
        if (!decoded) return decoded.error();
        profile = std::move(*decoded);
    }
    // The complaint table is the truth for the complaints it knows; a put profile may name more.
    for (const auto& row : *complaints) {
        ComplaintStatus status{row.reference, row.state, row.updated_unix_ms};
        const auto same = std::find_if(profile.complaints.begin(), profile.complaints.end(),
                                       [&row](const ComplaintStatus& known) { return known.reference == row.reference; });
        if (same != profile.complaints.end()) {
            *same = std::move(status);
        } else {
            profile.complaints.push_back(std::move(status));
        }
    }
    std::stable_sort(profile.complaints.begin(), profile.complaints.end(),
                     [](const ComplaintStatus& a, const ComplaintStatus& b) { return a.updated_unix_ms > b.updated_unix_ms; });
    return crm::encode_profile(profile, pan_token);
}

}  // namespace kiosk::sim
