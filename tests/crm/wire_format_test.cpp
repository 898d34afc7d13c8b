// crm/wire_format: batches (records and the data keys they use) and answers round-trip, and every
// kind of malformed batch or answer is an Error that names what was wrong (so the uploader
// acknowledges nothing).
#include "crm/wire_format.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>

namespace kiosk::crm {
namespace {

security::SealedRecord make_record(const std::string& id, std::uint8_t fill) {
    security::SealedRecord record;
    record.header = {id, "survey", "KIOSK-0042", "dk-2026-01", 3, 1'767'603'600'123};
    record.iv = Bytes(12, fill);
    record.ciphertext = {0x00, 0xFF, fill, 0x10, 0x80};
    record.tag = Bytes(16, static_cast<std::uint8_t>(fill + 1));
    return record;
}

security::WrappedDataKey make_wrap(const std::string& key_id, const std::string& crm_key_id, std::uint8_t fill) {
    return {key_id, crm_key_id, Bytes(32, fill), Bytes(48, static_cast<std::uint8_t>(fill + 1))};
}

const std::vector<std::string> sent = {"rec-1", "rec-2", "rec-3"};

struct MalformedBatch {
    const char* name;
    std::string json;
    const char* expected_words;
};

TEST(WireFormat, BatchRoundTrips) {
    const UploadBatch batch{"KIOSK-0042",
                            {make_record("rec-1", 1), make_record("rec-2", 2)},
                            {make_wrap("dk-2026-01", "crm-old", 3), make_wrap("dk-2026-01", "crm-new", 5)}};
    const auto decoded = decode_batch(encode_batch(batch));
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    EXPECT_EQ(*decoded, batch);
}

TEST(WireFormat, BatchUsesTheDocumentedFieldNamesAndBase64) {
    const auto json = nlohmann::json::parse(encode_batch({"K1", {make_record("rec-1", 0)}, {}}));
    EXPECT_EQ(json["kiosk_id"], "K1");
    const auto& record = json["records"][0];
    EXPECT_EQ(record["id"], "rec-1");
    EXPECT_EQ(record["kind"], "survey");
    EXPECT_EQ(record["kiosk_id"], "KIOSK-0042");
    EXPECT_EQ(record["key_id"], "dk-2026-01");
    EXPECT_EQ(record["schema_version"], 3);
    EXPECT_EQ(record["created_unix_ms"], 1'767'603'600'123);
    EXPECT_EQ(record["iv"], "AAAAAAAAAAAAAAAA");
    EXPECT_EQ(record["ciphertext"], "AP8AEIA=");
    EXPECT_EQ(record["tag"], "AQEBAQEBAQEBAQEBAQEBAQ==");
    EXPECT_TRUE(json["data_keys"].is_array());
}

TEST(WireFormat, DataKeysUseTheDocumentedFieldNames) {
    const auto json =
        nlohmann::json::parse(encode_batch({"K1", {make_record("rec-1", 0)}, {make_wrap("dk-2026-01", "crm-1", 0)}}));
    const auto& key = json["data_keys"][0];
    EXPECT_EQ(key["key_id"], "dk-2026-01");
    EXPECT_EQ(key["crm_key_id"], "crm-1");
    EXPECT_EQ(key["enc"], "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    EXPECT_EQ(key["wrapped"].get<std::string>().size(), 64U);
}

TEST(WireFormat, MalformedDataKeysAreRejectedWithTheReason) {
    auto good = nlohmann::json::parse(
        encode_batch({"K1", {make_record("rec-1", 0)}, {make_wrap("dk-2026-01", "crm-1", 0)}}));
    const auto with = [&good](const char* field, nlohmann::json value) {
        auto copy = good;
        copy["data_keys"][0][field] = std::move(value);
        return copy.dump();
    };
    auto without_keys = good;
    without_keys.erase("data_keys");
    auto twice = good;
    twice["data_keys"].push_back(twice["data_keys"][0]);
    auto not_array = good;
    not_array["data_keys"] = "dk";
    const std::vector<MalformedBatch> cases = {
        {"no data_keys", without_keys.dump(), "data_keys is missing"},
        {"data_keys not array", not_array.dump(), "data_keys is not an array"},
        {"missing crm key", with("crm_key_id", nullptr), "data_keys[0].crm_key_id is not a string"},
        {"empty key id", with("key_id", ""), "data_keys[0].key_id is empty"},
        {"short enc", with("enc", "AAAA"), "data_keys[0].enc is 3 bytes, expected 32"},
        {"short wrapped", with("wrapped", "AAAA"), "data_keys[0].wrapped is 3 bytes, expected 48"},
        {"wrapped not base64", with("wrapped", "*"), "data_keys[0].wrapped is not base64"},
        {"same wrap twice", twice.dump(), "again"},
    };
    for (const auto& test : cases) {
        const auto decoded = decode_batch(test.json);
        ASSERT_FALSE(decoded.ok()) << test.name;
        EXPECT_NE(decoded.error().message.find(test.expected_words), std::string::npos)
            << test.name << ": " << decoded.error().message;
    }
    // A record whose key has no wrap is the CRM's to refuse, per record, not a malformed batch.
    auto unwrapped = good;
    unwrapped["data_keys"] = nlohmann::json::array();
    EXPECT_TRUE(decode_batch(unwrapped.dump()).ok());
}

TEST(WireFormat, EmptyBatchRoundTrips) {
    const UploadBatch batch{"K1", {}, {}};
    const auto decoded = decode_batch(encode_batch(batch));
    ASSERT_TRUE(decoded.ok());
    EXPECT_TRUE(decoded->records.empty());
}

TEST(WireFormat, MalformedBatchesAreRejectedWithTheReason) {
    auto good = nlohmann::json::parse(encode_batch({"K1", {make_record("rec-1", 0)}, {}}));
    const auto with = [&good](const char* field, nlohmann::json value) {
        auto copy = good;
        copy["records"][0][field] = std::move(value);
        return copy.dump();
    };
    const auto without = [&good](const char* field) {
        auto copy = good;
        copy["records"][0].erase(field);
        return copy.dump();
    };
    auto twice = good;
    twice["records"].push_back(twice["records"][0]);
    const std::vector<MalformedBatch> cases = {
        {"not json", "{\"kiosk_id\":", "not valid JSON"},
        {"no records", R"({"kiosk_id":"K1"})", "records is missing"},
        {"missing id", without("id"), "records[0].id is missing"},
        {"iv not base64", with("iv", "***"), "records[0].iv is not base64"},
        {"short iv", with("iv", "AAAA"), "expected 12"},
        {"short tag", with("tag", "AAAA"), "expected 16"},
        {"negative schema", with("schema_version", -1), "schema_version"},
        {"schema as text", with("schema_version", "1"), "schema_version"},
        {"time as float", with("created_unix_ms", 1.5), "created_unix_ms"},
        {"duplicate id", twice.dump(), "appears twice"},
    };
    for (const auto& test : cases) {
        const auto decoded = decode_batch(test.json);
        ASSERT_FALSE(decoded.ok()) << test.name;
        EXPECT_NE(decoded.error().message.find(test.expected_words), std::string::npos)
            << test.name << ": " << decoded.error().message;
    }
}

TEST(WireFormat, AnswerRoundTrips) {
    const std::vector<RecordResult> results = {
        {"rec-1", RecordOutcome::Accepted, ""},
        {"rec-2", RecordOutcome::Duplicate, ""},
        {"rec-3", RecordOutcome::Rejected, "schema_version 3 unknown"},
    };
    const auto decoded = decode_answer(encode_answer(results), sent);
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    EXPECT_EQ(*decoded, results);
}

TEST(WireFormat, AnswerMayLeaveSentRecordsUnanswered) {
    const auto decoded = decode_answer(R"({"results":[{"id":"rec-2","status":"accepted"}]})", sent);
    ASSERT_TRUE(decoded.ok());
    ASSERT_EQ(decoded->size(), 1U);
    EXPECT_EQ((*decoded)[0].record_id, "rec-2");
}

struct MalformedAnswer {
    const char* name;
    const char* json;
    const char* expected_words;
};

TEST(WireFormat, EveryMalformedAnswerIsAnErrorNamingTheProblem) {
    const std::vector<MalformedAnswer> cases = {
        {"empty body", "", "not valid JSON"},
        {"html error page", "<html>502 Bad Gateway</html>", "not valid JSON"},
        {"truncated", R"({"results":[{"id":)", "not valid JSON"},
        {"top-level array", R"([{"id":"rec-1","status":"accepted"}])", "not a JSON object"},
        {"no results", R"({"status":"ok"})", "results is missing"},
        {"results not array", R"({"results":{"id":"rec-1"}})", "results is not an array"},
        {"item not object", R"({"results":["rec-1"]})", "results[0] is not an object"},
        {"missing id", R"({"results":[{"status":"accepted"}]})", "results[0].id is missing"},
        {"id not string", R"({"results":[{"id":1,"status":"accepted"}]})", "results[0].id is not a string"},
        {"missing status", R"({"results":[{"id":"rec-1"}]})", "results[0].status is missing"},
        {"unknown status", R"({"results":[{"id":"rec-1","status":"maybe"}]})", "\"maybe\" is not accepted"},
        {"reason not string", R"({"results":[{"id":"rec-1","status":"rejected","reason":7}]})",
         "results[0].reason is not a string"},
        {"rejected without reason", R"({"results":[{"id":"rec-1","status":"rejected"}]})", "without a reason"},
        {"id we did not send", R"({"results":[{"id":"rec-1","status":"accepted"},{"id":"rec-9","status":"accepted"}]})",
         "\"rec-9\" was not in the batch sent"},
        {"id answered twice", R"({"results":[{"id":"rec-1","status":"accepted"},{"id":"rec-1","status":"duplicate"}]})",
         "answered twice"},
    };
    for (const auto& test : cases) {
        const auto decoded = decode_answer(test.json, sent);
        ASSERT_FALSE(decoded.ok()) << test.name;
        EXPECT_EQ(decoded.error().domain, "crm");
        EXPECT_NE(decoded.error().message.find(test.expected_words), std::string::npos)
            << test.name << ": " << decoded.error().message;
    }
}

TEST(WireFormat, OutcomeNamesMatchTheWire) {
    EXPECT_EQ(outcome_name(RecordOutcome::Accepted), "accepted");
    EXPECT_EQ(outcome_name(RecordOutcome::Duplicate), "duplicate");
    EXPECT_EQ(outcome_name(RecordOutcome::Rejected), "rejected");
}

// The journal anchor (docs/crm.md, "Journal anchor"): required, strict, lower-case hex on the wire.
TEST(WireFormat, TheJournalAnchorRoundTripsAsLowerCaseHex) {
    UploadBatch batch{"K1", {make_record("rec-1", 0)}, {}, JournalAnchor{812, Bytes(32, 0xC3)}};
    const auto json = nlohmann::json::parse(encode_batch(batch));
    EXPECT_EQ(json["journal_anchor"]["sequence"], 812);
    std::string mac;
    for (int i = 0; i < 32; ++i) mac += "c3";
    EXPECT_EQ(json["journal_anchor"]["mac"], mac);
    const auto decoded = decode_batch(json.dump());
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    EXPECT_EQ(*decoded, batch);
    EXPECT_EQ(UploadBatch{}.journal_anchor, (JournalAnchor{0, Bytes(32, 0)}));  // a journal with no entry yet
}

TEST(WireFormat, ABatchWithoutAValidJournalAnchorIsRefused) {
    const auto good = nlohmann::json::parse(encode_batch({"K1", {make_record("rec-1", 0)}, {}}));
    struct Case {
        const char* name;
        std::function<void(nlohmann::json&)> spoil;
        const char* message;
    };
    const std::vector<Case> cases{
        {"missing (a batch of the old format)", [](auto& j) { j.erase("journal_anchor"); }, "journal_anchor is missing"},
        {"not an object", [](auto& j) { j["journal_anchor"] = "0"; }, "journal_anchor is not an object"},
        {"no sequence", [](auto& j) { j["journal_anchor"].erase("sequence"); }, "sequence is missing"},
        {"negative sequence", [](auto& j) { j["journal_anchor"]["sequence"] = -1; }, "non-negative"},
        {"fractional sequence", [](auto& j) { j["journal_anchor"]["sequence"] = 1.5; }, "non-negative"},
        {"no mac", [](auto& j) { j["journal_anchor"].erase("mac"); }, "mac is missing"},
        {"mac not hex", [](auto& j) { j["journal_anchor"]["mac"] = std::string(64, 'z'); }, "mac is not hex"},
        {"mac too short", [](auto& j) { j["journal_anchor"]["mac"] = "abcd"; }, "mac is 2 bytes, expected 32"},
    };
    for (const Case& test : cases) {
        auto spoilt = good;
        test.spoil(spoilt);
        const auto decoded = decode_batch(spoilt.dump());
        ASSERT_FALSE(decoded.ok()) << test.name;
        EXPECT_NE(decoded.error().message.find(test.message), std::string::npos)
            << test.name << ": " << decoded.error().message;
    }
}

}  // namespace
}  // namespace kiosk::crm
