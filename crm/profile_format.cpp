#include "crm/profile_format.hpp"

#include <nlohmann/json.hpp>

#include "common/currency.hpp"

namespace kiosk::crm {

namespace {

using nlohmann::json;

Error refused(const std::string& why) { return make_error("crm", "customer profile refused: " + why); }

// The field `key` of `object` when present (and not null); an error when it has the wrong type.
template <class Check>
Result<const json*> field(const json& object, const char* key, Check is_type, const char* type_name) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return static_cast<const json*>(nullptr);
    if (!is_type(*found)) return refused(std::string("\"") + key + "\" is not " + type_name);
    return &*found;
}

const auto is_string = [](const json& value) { return value.is_string(); };
const auto is_bool = [](const json& value) { return value.is_boolean(); };
const auto is_object = [](const json& value) { return value.is_object(); };
const auto is_array = [](const json& value) { return value.is_array(); };
const auto is_integer = [](const json& value) { return value.is_number_integer(); };

Result<ComplaintState> complaint_state(const std::string& text) {
    if (text == "received") return ComplaintState::Received;
    if (text == "in_progress") return ComplaintState::InProgress;
    if (text == "resolved") return ComplaintState::Resolved;
    return refused("complaint status \"" + text + "\" is not received, in_progress or resolved");
}

std::string_view complaint_state_name(ComplaintState state) {
    switch (state) {
        case ComplaintState::Received: return "received";
        case ComplaintState::InProgress: return "in_progress";
        case ComplaintState::Resolved: return "resolved";
    }
    return "received";
}

Result<AccessibilityPreferences> accessibility_of(const json& object) {
    AccessibilityPreferences preferences;
    for (const auto& [key, flag] : {std::pair{"large_text", &preferences.large_text},
                                    std::pair{"high_contrast", &preferences.high_contrast},
                                    std::pair{"speech", &preferences.speech}}) {
        auto value = field(object, key, is_bool, "true or false");
        if (!value.ok()) return value.error();
        if (*value != nullptr) *flag = (*value)->get<bool>();
    }
    return preferences;
}

Result<ProfileOffer> offer_of(const json& object) {
    ProfileOffer offer;
    for (const auto& [key, text] : {std::pair{"id", &offer.id}, std::pair{"en", &offer.text_en},
                                    std::pair{"zh-CN", &offer.text_zh}}) {
        auto value = field(object, key, is_string, "a string");
        if (!value.ok()) return value.error();
        if (*value == nullptr) return refused(std::string("the offer has no \"") + key + "\"");
        *text = (*value)->get<std::string>();
    }
    return offer;
}

Result<ComplaintStatus> complaint_of(const json& object) {
    if (!object.is_object()) return refused("a complaint is not an object");
    ComplaintStatus status;
    auto reference = field(object, "reference", is_string, "a string");
    if (!reference.ok()) return reference.error();
    if (*reference == nullptr) return refused("a complaint has no reference");
    status.reference = (*reference)->get<std::string>();
    auto state = field(object, "status", is_string, "a string");
    if (!state.ok()) return state.error();
    if (*state == nullptr) return refused("a complaint has no status");
    auto parsed = complaint_state((*state)->get<std::string>());
    if (!parsed.ok()) return parsed.error();
    status.state = *parsed;
    auto updated = field(object, "updated_unix_ms", is_integer, "an integer");
    if (!updated.ok()) return updated.error();
    if (*updated != nullptr) status.updated_unix_ms = (*updated)->get<std::int64_t>();
    return status;
}

Result<CustomerProfile> profile_of(const json& document) {
    if (!document.is_object()) return refused("not a JSON object");
    CustomerProfile profile;
    auto token = field(document, "token", is_string, "a string");
    if (!token.ok()) return token.error();
    if (*token == nullptr || (*token)->get<std::string>().empty()) return refused("no token");

    auto language = field(document, "language", is_string, "a string");
    if (!language.ok()) return language.error();
    if (*language != nullptr) {
        const std::string code = (*language)->get<std::string>();
        if (code == "en") {
            profile.language = ui::Language::English;
        } else if (code == "zh-CN") {
            profile.language = ui::Language::SimplifiedChinese;
        } else {
            return refused("language \"" + code + "\" is not en or zh-CN");
        }
    }
    auto accessibility = field(document, "accessibility", is_object, "an object");
    if (!accessibility.ok()) return accessibility.error();
    if (*accessibility != nullptr) {
        auto preferences = accessibility_of(**accessibility);
        if (!preferences.ok()) return preferences.error();
        profile.accessibility = *preferences;
    }
    auto usual = field(document, "usual_amount_minor", is_integer, "an integer");
    if (!usual.ok()) return usual.error();
    if (*usual != nullptr) {
        const auto minor = (*usual)->get<std::int64_t>();
        if (minor <= 0) return refused("usual_amount_minor is not positive");
        auto currency_code = field(document, "currency", is_string, "a string");
        if (!currency_code.ok()) return currency_code.error();
        if (*currency_code == nullptr) return refused("usual_amount_minor without a currency");
        auto currency = currency_of((*currency_code)->get<std::string>());
        if (!currency.ok()) return refused(currency.error().message);
        profile.favourite_withdrawal = Money{minor, std::string(currency->code), currency->exponent};
    }
    auto small_notes = field(document, "prefers_small_notes", is_bool, "true or false");
    if (!small_notes.ok()) return small_notes.error();
    if (*small_notes != nullptr) profile.prefers_small_notes = (*small_notes)->get<bool>();
    auto segment = field(document, "segment", is_string, "a string");
    if (!segment.ok()) return segment.error();
    if (*segment != nullptr) profile.segment = (*segment)->get<std::string>();
    auto offer = field(document, "offer", is_object, "an object");
    if (!offer.ok()) return offer.error();
    if (*offer != nullptr) {
        auto parsed = offer_of(**offer);
        if (!parsed.ok()) return parsed.error();
        profile.offer = *parsed;
    }
    auto complaints = field(document, "complaints", is_array, "an array");
    if (!complaints.ok()) return complaints.error();
    if (*complaints != nullptr) {
        for (const json& item : **complaints) {
            auto parsed = complaint_of(item);
            if (!parsed.ok()) return parsed.error();
            profile.complaints.push_back(*parsed);
        }
    }
    return profile;
}

}  // namespace

Result<CustomerProfile> decode_profile(std::string_view text, std::size_t max_bytes) {
    if (text.size() > max_bytes) {
        return refused(std::to_string(text.size()) + " bytes, more than " + std::to_string(max_bytes));
    }
    const json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) return refused("not JSON");
    return profile_of(document);
}

std::string encode_profile(const CustomerProfile& profile, std::string_view token) {
    json document{{"token", std::string(token)}};
    if (profile.language) document["language"] = *profile.language == ui::Language::SimplifiedChinese ? "zh-CN" : "en";
    if (profile.accessibility) {
        document["accessibility"] = {{"large_text", profile.accessibility->large_text},
                                     {"high_contrast", profile.accessibility->high_contrast},
                                     {"speech", profile.accessibility->speech}};
    }
    if (profile.favourite_withdrawal) {
        document["usual_amount_minor"] = profile.favourite_withdrawal->minor_units;
        document["currency"] = profile.favourite_withdrawal->currency;
    }
    if (profile.prefers_small_notes) document["prefers_small_notes"] = true;
    if (!profile.segment.empty()) document["segment"] = profile.segment;
    if (profile.offer) {
        document["offer"] = {{"id", profile.offer->id}, {"en", profile.offer->text_en}, {"zh-CN", profile.offer->text_zh}};
    }
    if (!profile.complaints.empty()) {
        json complaints = json::array();
        for (const ComplaintStatus& complaint : profile.complaints) {
            complaints.push_back({{"reference", complaint.reference},
                                  {"status", complaint_state_name(complaint.state)},
                                  {"updated_unix_ms", complaint.updated_unix_ms}});
        }
        document["complaints"] = std::move(complaints);
    }
    return document.dump();
}

}  // namespace kiosk::crm
