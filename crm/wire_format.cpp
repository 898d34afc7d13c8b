// JSON encoding of upload batches and CRM answers with nlohmann::json, parsed without exceptions:
// every field is type-checked before it is read.
#include "crm/wire_format.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdint>
#include <limits>
#include <set>

#include "crm/base64.hpp"

namespace kiosk::crm {
namespace {

using nlohmann::json;

constexpr std::size_t gcm_iv_size = 12;
constexpr std::size_t gcm_tag_size = 16;

Error batch_error(const std::string& what) { return make_error("crm", "upload batch: " + what); }
Error answer_error(const std::string& what) { return make_error("crm", "CRM answer: " + what); }

Result<json> parse_object(std::string_view text, Error (*fail)(const std::string&)) {
    json document = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) return fail("not valid JSON");
    if (!document.is_object()) return fail("top level is not a JSON object");
    return document;
}

Result<std::string> string_field(const json& object, const char* name, const std::string& where,
                                 Error (*fail)(const std::string&)) {
    const auto found = object.find(name);
    if (found == object.end()) return fail(where + "." + name + " is missing");
    if (!found->is_string()) return fail(where + "." + name + " is not a string");
    return found->get<std::string>();
}

Result<Bytes> binary_field(const json& object, const char* name, const std::string& where) {
    auto text = string_field(object, name, where, batch_error);
    if (!text) return text.error();
    auto bytes = base64_decode(*text);
    if (!bytes) return batch_error(where + "." + name + " is not base64: " + bytes.error().message);
    return bytes;
}

Result<security::SealedRecord> decode_record(const json& item, const std::string& where) {
    if (!item.is_object()) return batch_error(where + " is not an object");
    security::SealedRecord record;
    auto& header = record.header;

    auto id = string_field(item, "id", where, batch_error);
    if (!id) return id.error();
    if (id->empty()) return batch_error(where + ".id is empty");
    header.record_id = std::move(*id);
    auto kind = string_field(item, "kind", where, batch_error);
    if (!kind) return kind.error();
    header.kind = std::move(*kind);
    auto kiosk_id = string_field(item, "kiosk_id", where, batch_error);
    if (!kiosk_id) return kiosk_id.error();
    header.kiosk_id = std::move(*kiosk_id);
    auto key_id = string_field(item, "key_id", where, batch_error);
    if (!key_id) return key_id.error();
    header.key_id = std::move(*key_id);

    const auto schema = item.find("schema_version");
    if (schema == item.end()) return batch_error(where + ".schema_version is missing");
    if (!schema->is_number_unsigned() || schema->get<std::uint64_t>() > std::numeric_limits<std::uint32_t>::max()) {
        return batch_error(where + ".schema_version is not a 32-bit unsigned integer");
    }
    header.schema_version = schema->get<std::uint32_t>();

    const auto created = item.find("created_unix_ms");
    if (created == item.end()) return batch_error(where + ".created_unix_ms is missing");
    // nlohmann stores large positive numbers as unsigned; anything past int64 is out of range.
    if (!created->is_number_integer() ||
        (created->is_number_unsigned() &&
         created->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))) {
        return batch_error(where + ".created_unix_ms is not a 64-bit integer");
    }
    header.created_unix_ms = created->get<std::int64_t>();

    auto iv = binary_field(item, "iv", where);
    if (!iv) return iv.error();
    if (iv->size() != gcm_iv_size) return batch_error(where + ".iv is " + std::to_string(iv->size()) + " bytes, expected 12");
    record.iv = std::move(*iv);
    auto ciphertext = binary_field(item, "ciphertext", where);
    if (!ciphertext) return ciphertext.error();
    record.ciphertext = std::move(*ciphertext);
    auto tag = binary_field(item, "tag", where);
    if (!tag) return tag.error();
    if (tag->size() != gcm_tag_size) return batch_error(where + ".tag is " + std::to_string(tag->size()) + " bytes, expected 16");
    record.tag = std::move(*tag);
    return record;
}

Result<security::WrappedDataKey> decode_data_key(const json& item, const std::string& where) {
    if (!item.is_object()) return batch_error(where + " is not an object");
    security::WrappedDataKey key;
    auto key_id = string_field(item, "key_id", where, batch_error);
    if (!key_id) return key_id.error();
    if (key_id->empty()) return batch_error(where + ".key_id is empty");
    key.data_key_id = std::move(*key_id);
    auto crm_key_id = string_field(item, "crm_key_id", where, batch_error);
    if (!crm_key_id) return crm_key_id.error();
    if (crm_key_id->empty()) return batch_error(where + ".crm_key_id is empty");
    key.crm_key_id = std::move(*crm_key_id);
    auto enc = binary_field(item, "enc", where);
    if (!enc) return enc.error();
    if (enc->size() != security::hpke::kX25519KeySize) {
        return batch_error(where + ".enc is " + std::to_string(enc->size()) + " bytes, expected 32");
    }
    key.enc = std::move(*enc);
    auto wrapped = binary_field(item, "wrapped", where);
    if (!wrapped) return wrapped.error();
    if (wrapped->size() != security::kWrappedDataKeySize) {
        return batch_error(where + ".wrapped is " + std::to_string(wrapped->size()) + " bytes, expected 48");
    }
    key.wrapped = std::move(*wrapped);
    return key;
}

Result<std::vector<security::WrappedDataKey>> decode_data_keys(const json& document) {
    const auto keys = document.find("data_keys");
    if (keys == document.end()) return batch_error("batch.data_keys is missing");
    if (!keys->is_array()) return batch_error("batch.data_keys is not an array");
    std::vector<security::WrappedDataKey> out;
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < keys->size(); ++i) {
        const std::string where = "data_keys[" + std::to_string(i) + "]";
        auto key = decode_data_key((*keys)[i], where);
        if (!key) return key.error();
        if (!seen.emplace(key->data_key_id, key->crm_key_id).second) {
            return batch_error(where + " wraps \"" + key->data_key_id + "\" to \"" + key->crm_key_id + "\" again");
        }
        out.push_back(std::move(*key));
    }
    return out;
}

// The journal anchor (wire_format.hpp). Its own block: the batch grows other fields beside it.
constexpr std::size_t journal_mac_size = 32;

json encode_anchor(const JournalAnchor& anchor) {
    std::string mac = to_hex(anchor.mac);
    for (char& c : mac) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return {{"sequence", anchor.sequence}, {"mac", std::move(mac)}};
}

Result<JournalAnchor> decode_anchor(const json& document) {
    const auto found = document.find("journal_anchor");
    if (found == document.end()) return batch_error("batch.journal_anchor is missing");
    if (!found->is_object()) return batch_error("batch.journal_anchor is not an object");
    JournalAnchor anchor;
    const auto sequence = found->find("sequence");
    if (sequence == found->end()) return batch_error("batch.journal_anchor.sequence is missing");
    if (!sequence->is_number_unsigned() ||
        sequence->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return batch_error("batch.journal_anchor.sequence is not a non-negative 64-bit integer");
    }
    anchor.sequence = sequence->get<std::int64_t>();
    auto text = string_field(*found, "mac", "batch.journal_anchor", batch_error);
    if (!text) return text.error();
    auto mac = from_hex(*text);
    if (!mac) return batch_error("batch.journal_anchor.mac is not hex: " + mac.error().message);
    if (mac->size() != journal_mac_size) {
        return batch_error("batch.journal_anchor.mac is " + std::to_string(mac->size()) + " bytes, expected 32");
    }
    anchor.mac = std::move(*mac);
    return anchor;
}

Result<RecordOutcome> parse_outcome(const std::string& status, const std::string& where) {
    if (status == "accepted") return RecordOutcome::Accepted;
    if (status == "duplicate") return RecordOutcome::Duplicate;
    if (status == "rejected") return RecordOutcome::Rejected;
    return answer_error(where + ".status \"" + status + "\" is not accepted, duplicate or rejected");
}

}  // namespace

std::string_view outcome_name(RecordOutcome outcome) {
    switch (outcome) {
        case RecordOutcome::Accepted: return "accepted";
        case RecordOutcome::Duplicate: return "duplicate";
        case RecordOutcome::Rejected: return "rejected";
    }
    return "unknown";
}

std::string encode_batch(const UploadBatch& batch) {
    json records = json::array();
    for (const auto& record : batch.records) {
        const auto& header = record.header;
        records.push_back({
            {"id", header.record_id},
            {"kind", header.kind},
            {"kiosk_id", header.kiosk_id},
            {"key_id", header.key_id},
            {"schema_version", header.schema_version},
            {"created_unix_ms", header.created_unix_ms},
            {"iv", base64_encode(record.iv)},
            {"ciphertext", base64_encode(record.ciphertext)},
            {"tag", base64_encode(record.tag)},
        });
    }
    json data_keys = json::array();
    for (const auto& key : batch.data_keys) {
        data_keys.push_back({
            {"key_id", key.data_key_id},
            {"crm_key_id", key.crm_key_id},
            {"enc", base64_encode(key.enc)},
            {"wrapped", base64_encode(key.wrapped)},
        });
    }
    json document = {
        {"kiosk_id", batch.kiosk_id}, {"records", std::move(records)}, {"data_keys", std::move(data_keys)}};
    document["journal_anchor"] = encode_anchor(batch.journal_anchor);
    // Invalid UTF-8 in a header field must not throw out of an uploader thread: replace it.
    return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<UploadBatch> decode_batch(std::string_view text) {
    auto document = parse_object(text, batch_error);
    if (!document) return document.error();
    UploadBatch batch;
    auto kiosk_id = string_field(*document, "kiosk_id", "batch", batch_error);
    if (!kiosk_id) return kiosk_id.error();
    batch.kiosk_id = std::move(*kiosk_id);

    const auto records = document->find("records");
    if (records == document->end()) return batch_error("batch.records is missing");
    if (!records->is_array()) return batch_error("batch.records is not an array");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < records->size(); ++i) {
        const std::string where = "records[" + std::to_string(i) + "]";
        auto record = decode_record((*records)[i], where);
        if (!record) return record.error();
        if (!seen.insert(record->header.record_id).second) {
            return batch_error(where + ".id \"" + record->header.record_id + "\" appears twice");
        }
        batch.records.push_back(std::move(*record));
    }
    auto data_keys = decode_data_keys(*document);
    if (!data_keys) return data_keys.error();
    batch.data_keys = std::move(*data_keys);
    auto anchor = decode_anchor(*document);
    if (!anchor) return anchor.error();
    batch.journal_anchor = std::move(*anchor);
    return batch;
}

std::string encode_answer(const std::vector<RecordResult>& results) {
    json items = json::array();
    for (const auto& result : results) {
        json item = {{"id", result.record_id}, {"status", std::string(outcome_name(result.outcome))}};
        if (!result.reason.empty()) item["reason"] = result.reason;
        items.push_back(std::move(item));
    }
    const json document = {{"results", std::move(items)}};
    return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<std::vector<RecordResult>> decode_answer(std::string_view text, std::span<const std::string> sent_ids) {
    auto document = parse_object(text, answer_error);
    if (!document) return document.error();
    const auto results = document->find("results");
    if (results == document->end()) return answer_error("results is missing");
    if (!results->is_array()) return answer_error("results is not an array");

    const std::set<std::string> sent(sent_ids.begin(), sent_ids.end());
    std::set<std::string> answered;
    std::vector<RecordResult> out;
    out.reserve(results->size());
    for (std::size_t i = 0; i < results->size(); ++i) {
        const std::string where = "results[" + std::to_string(i) + "]";
        const json& item = (*results)[i];
        if (!item.is_object()) return answer_error(where + " is not an object");
        RecordResult result;
        auto id = string_field(item, "id", where, answer_error);
        if (!id) return id.error();
        result.record_id = std::move(*id);
        auto status = string_field(item, "status", where, answer_error);
        if (!status) return status.error();
        auto outcome = parse_outcome(*status, where);
        if (!outcome) return outcome.error();
        result.outcome = *outcome;
        if (item.contains("reason")) {
            auto reason = string_field(item, "reason", where, answer_error);
            if (!reason) return reason.error();
            result.reason = std::move(*reason);
        }
        // A rejection is permanent; without a reason nobody could ever tell why a record was lost.
        if (result.outcome == RecordOutcome::Rejected && result.reason.empty()) {
            return answer_error(where + " rejects \"" + result.record_id + "\" without a reason");
        }
        // An id we did not send means the answer belongs to another request (or a confused
        // server): trusting any of it could delete records the CRM never saw.
        if (sent.count(result.record_id) == 0) {
            return answer_error(where + ".id \"" + result.record_id + "\" was not in the batch sent");
        }
        if (!answered.insert(result.record_id).second) {
            return answer_error(where + ".id \"" + result.record_id + "\" is answered twice");
        }
        out.push_back(std::move(result));
    }
    return out;
}

}  // namespace kiosk::crm
