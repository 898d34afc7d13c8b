// Profile JSON with nlohmann::json, parsed without exceptions: every field is type-checked before
// it is read, and an error names the field so a CRM integrator can see what the kiosk refused.
#include "crm/profile_format.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <optional>

namespace kiosk::crm {
namespace {

using nlohmann::json;

Error profile_error(const std::string& what) { return make_error("crm", "customer profile: " + what); }

constexpr std::string_view kEnglish = "en";
constexpr std::string_view kChinese = "zh-CN";

std::string_view language_code(ui::Language language) {
    return language == ui::Language::SimplifiedChinese ? kChinese : kEnglish;
}

// A field that is absent or null is "not given" (nullptr); any other value is returned.
const json* optional_field(const json& object, const char* name) {
    const auto found = object.find(name);
    if (found == object.end() || found->is_null()) return nullptr;
    return &*found;
}

Result<std::optional<std::string>> optional_string(const json& object, const char* name, const std::string& where) {
    const json* value = optional_field(object, name);
    if (value == nullptr) return std::optional<std::string>{};
    if (!value->is_string()) return profile_error(where + name + " is not a string");
    return std::optional<std::string>(value->get<std::string>());
}

Result<std::string> required_string(const json& object, const char* name, const std::string& where) {
    auto text = optional_string(object, name, where);
    if (!text) return text.error();
    if (!text->has_value()) return profile_error(where + name + " is missing");
    if ((*text)->empty()) return profile_error(where + name + " is empty");
    return std::move(**text);
}

Result<bool> optional_bool(const json& object, const char* name, const std::string& where) {
    const json* value = optional_field(object, name);
    if (value == nullptr) return false;
    if (!value->is_boolean()) return profile_error(where + name + " is not true or false");
    return value->get<bool>();
}

// nlohmann keeps large positive numbers as unsigned; past int64 they are out of range.
Result<std::int64_t> int64_value(const json& value, const std::string& what) {
    if (!value.is_number_integer() ||
        (value.is_number_unsigned() &&
         value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))) {
        return profile_error(what + " is not a 64-bit integer");
    }
    return value.get<std::int64_t>();
}

Status decode_language(const json& document, CustomerProfile& profile) {
    auto code = optional_string(document, "language", "");
    if (!code) return code.error();
    if (!code->has_value()) return ok_status();
    if (**code == kEnglish) {
        profile.language = ui::Language::English;
    } else if (**code == kChinese) {
        profile.language = ui::Language::SimplifiedChinese;
    } else {
        return profile_error("language is neither \"en\" nor \"zh-CN\"");
    }
    return ok_status();
}

Status decode_accessibility(const json& document, CustomerProfile& profile) {
    const json* value = optional_field(document, "accessibility");
    if (value == nullptr) return ok_status();
    if (!value->is_object()) return profile_error("accessibility is not an object");
    AccessibilityPreferences preferences;
    auto large_text = optional_bool(*value, "large_text", "accessibility.");
    if (!large_text) return large_text.error();
    auto high_contrast = optional_bool(*value, "high_contrast", "accessibility.");
    if (!high_contrast) return high_contrast.error();
    auto speech = optional_bool(*value, "speech", "accessibility.");
    if (!speech) return speech.error();
    preferences.large_text = *large_text;
    preferences.high_contrast = *high_contrast;
    preferences.speech = *speech;
    profile.accessibility = preferences;
    return ok_status();
}

Status decode_usual_amount(const json& document, CustomerProfile& profile) {
    auto currency = optional_string(document, "currency", "");
    if (!currency) return currency.error();
    const json* amount = optional_field(document, "usual_amount_minor");
    if (amount == nullptr) return ok_status();  // a currency alone says nothing
    auto minor = int64_value(*amount, "usual_amount_minor");
    if (!minor) return minor.error();
    if (*minor <= 0) return profile_error("usual_amount_minor is not positive");
    if (!currency->has_value()) return profile_error("usual_amount_minor has no currency");
    auto money = make_money(*minor, **currency);
    if (!money) return profile_error("currency is not an ISO 4217 code this kiosk knows");
    profile.favourite_withdrawal = std::move(*money);
    return ok_status();
}

Status decode_offer(const json& document, CustomerProfile& profile) {
    const json* value = optional_field(document, "offer");
    if (value == nullptr) return ok_status();
    if (!value->is_object()) return profile_error("offer is not an object");
    ProfileOffer offer;
    auto id = required_string(*value, "id", "offer.");
    if (!id) return id.error();
    auto english = required_string(*value, "en", "offer.");
    if (!english) return english.error();
    auto chinese = required_string(*value, "zh-CN", "offer.");
    if (!chinese) return chinese.error();
    offer.id = std::move(*id);
    offer.text_en = std::move(*english);
    offer.text_zh = std::move(*chinese);
    profile.offer = std::move(offer);
    return ok_status();
}

Status decode_complaints(const json& document, CustomerProfile& profile) {
    const json* value = optional_field(document, "complaints");
    if (value == nullptr) return ok_status();
    if (!value->is_array()) return profile_error("complaints is not an array");
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json& item = (*value)[i];
        const std::string where = "complaints[" + std::to_string(i) + "].";
        if (!item.is_object()) return profile_error("complaints[" + std::to_string(i) + "] is not an object");
        ComplaintStatus complaint;
        auto reference = required_string(item, "reference", where);
        if (!reference) return reference.error();
        complaint.reference = std::move(*reference);
        auto status = required_string(item, "status", where);
        if (!status) return status.error();
        auto state = parse_complaint_state(*status);
        if (!state) return profile_error(where + "status is not received, in_progress or resolved");
        complaint.state = *state;
        const json* updated = optional_field(item, "updated_unix_ms");
        if (updated == nullptr) return profile_error(where + "updated_unix_ms is missing");
        auto millis = int64_value(*updated, where + "updated_unix_ms");
        if (!millis) return millis.error();
        complaint.updated_unix_ms = *millis;
        profile.complaints.push_back(std::move(complaint));
    }
    return ok_status();
}

}  // namespace

std::string_view complaint_state_name(ComplaintState state) {
    switch (state) {
        case ComplaintState::Received: return "received";
        case ComplaintState::InProgress: return "in_progress";
        case ComplaintState::Resolved: return "resolved";
    }
    return "received";
}

Result<ComplaintState> parse_complaint_state(std::string_view name) {
    for (const auto state : {ComplaintState::Received, ComplaintState::InProgress, ComplaintState::Resolved}) {
        if (complaint_state_name(state) == name) return state;
    }
    return profile_error("unknown complaint status");
}

std::string encode_profile(const CustomerProfile& profile, std::string_view pan_token) {
    json document = json::object();
    document["token"] = std::string(pan_token);
    if (profile.language) document["language"] = std::string(language_code(*profile.language));
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
        for (const auto& complaint : profile.complaints) {
            complaints.push_back({{"reference", complaint.reference},
                                  {"status", std::string(complaint_state_name(complaint.state))},
                                  {"updated_unix_ms", complaint.updated_unix_ms}});
        }
        document["complaints"] = std::move(complaints);
    }
    // Replace rather than throw on text that is not UTF-8: an encoder must not fail on a label.
    return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<CustomerProfile> decode_profile(std::string_view text, std::size_t max_bytes) {
    if (text.size() > max_bytes) {
        return profile_error(std::to_string(text.size()) + " bytes, more than the " + std::to_string(max_bytes) +
                             " allowed");
    }
    const json document = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) return profile_error("not valid JSON");
    if (!document.is_object()) return profile_error("top level is not a JSON object");

    auto token = required_string(document, "token", "");
    if (!token) return token.error();
    CustomerProfile profile;
    KIOSK_TRY(decode_language(document, profile));
    KIOSK_TRY(decode_accessibility(document, profile));
    KIOSK_TRY(decode_usual_amount(document, profile));
    auto small_notes = optional_bool(document, "prefers_small_notes", "");
    if (!small_notes) return small_notes.error();
    profile.prefers_small_notes = *small_notes;
    auto segment = optional_string(document, "segment", "");
    if (!segment) return segment.error();
    profile.segment = segment->value_or("");
    KIOSK_TRY(decode_offer(document, profile));
    KIOSK_TRY(decode_complaints(document, profile));
    return profile;
}

}  // namespace kiosk::crm
