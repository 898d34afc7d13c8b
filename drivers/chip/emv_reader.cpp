// The EMV read sequence (see emv_reader.hpp).
#include "drivers/chip/emv_reader.hpp"

#include <algorithm>

#include "drivers/chip/apdu.hpp"
#include "drivers/chip/apdu_exchange.hpp"
#include "drivers/chip/emv_data.hpp"

namespace kiosk::drivers::chip {
namespace {

constexpr int max_directory_records = 32;  // a PSE directory is a handful of records

// EMV tags used here (EMV Book 3 Annex A).
constexpr TlvTag tag_fci = 0x6F;
constexpr TlvTag tag_sfi = 0x88;
constexpr TlvTag tag_record = 0x70;
constexpr TlvTag tag_directory_entry = 0x61;
constexpr TlvTag tag_aid = 0x4F;
constexpr TlvTag tag_label = 0x50;
constexpr TlvTag tag_priority = 0x87;
constexpr TlvTag tag_pdol = 0x9F38;
constexpr TlvTag tag_gpo_format1 = 0x80;
constexpr TlvTag tag_gpo_format2 = 0x77;
constexpr TlvTag tag_afl = 0x94;
constexpr TlvTag tag_pan = 0x5A;
constexpr TlvTag tag_expiry = 0x5F24;
constexpr TlvTag tag_track2_equivalent = 0x57;

Error emv_error(const std::string& step, const std::string& what, int sw = 0) {
    return make_error(std::string(emv_error_domain), step + ": " + what, sw);
}

Error refused(const std::string& step, const ResponseApdu& response) {
    return emv_error(step, "card answered " + describe_sw(response.sw), response.sw);
}

// A channel failure keeps its domain and code; the message gains the step it broke.
Error in_step(const std::string& step, Error error) {
    error.message = step + ": " + error.message;
    return error;
}

Result<std::vector<TlvObject>> parse_answer(const std::string& step, const ResponseApdu& response) {
    auto objects = parse_ber_tlv(response.data);
    if (!objects) return emv_error(step, "malformed answer: " + objects.error().message);
    return objects;
}

std::string text_of(const TlvObject* object) {
    if (object == nullptr) return {};
    std::string text;
    for (auto byte : object->value) text.push_back(byte >= 0x20 && byte < 0x7F ? static_cast<char>(byte) : '?');
    return text;
}

std::string read_record_step(std::uint8_t sfi, std::uint8_t record) {
    return "READ RECORD (SFI " + std::to_string(sfi) + ", record " + std::to_string(record) + ")";
}

Bytes hex_bytes(std::string_view hex) { return from_hex(hex).value(); }

}  // namespace

CardData ChipCardData::to_card_data() const {
    CardData data;
    data.pan = pan;
    data.expiry_yymm = expiry_yymmdd.substr(0, 4);
    data.service_code = service_code;
    return data;
}

std::vector<Bytes> default_candidate_aids() {
    return {
        hex_bytes("A0000000031010"),    // Visa credit/debit
        hex_bytes("A0000000041010"),    // Mastercard
        hex_bytes("A00000002501"),      // American Express
        hex_bytes("A0000001523010"),    // Discover
        hex_bytes("A000000333010101"),  // UnionPay debit
        hex_bytes("A000000333010102"),  // UnionPay credit
    };
}

Result<ChipCardData> EmvReader::read() {
    auto atr = channel_.power_on(options_.power_on_timeout);
    if (!atr) return in_step("power on", atr.error());
    auto from_pse = read_pse_directory();
    if (!from_pse) return from_pse.error();
    auto application = select_application(*from_pse);
    if (!application) return application.error();
    auto afl = get_processing_options(*application);
    if (!afl) return afl.error();
    return read_application_records(*afl, std::move(*application));
}

Result<std::vector<EmvReader::Candidate>> EmvReader::read_pse_directory() {
    const std::string step = "SELECT PSE";
    auto response = exchange_apdu(channel_, select_by_name(to_bytes(pse_name)), options_.command_timeout);
    if (!response) return in_step(step, response.error());
    // No PSE (6A82), or a blocked one (6283): EMV Book 1 §12.3.3 says use the candidate list.
    if (response->sw == sw::file_not_found || response->sw == sw::file_invalidated ||
        response->sw == sw::function_not_supported) {
        return std::vector<Candidate>{};
    }
    if (!response->ok()) return refused(step, *response);
    auto fci = parse_answer(step, *response);
    if (!fci) return fci.error();
    const TlvObject* sfi = find_tlv(*fci, tag_sfi);
    if (find_tlv(*fci, tag_fci) == nullptr || sfi == nullptr || sfi->value.size() != 1 || sfi->value[0] < 1 ||
        sfi->value[0] > 30) {
        return emv_error(step, "FCI lacks a valid directory SFI (88)");
    }
    std::vector<Candidate> candidates;
    for (int record = 1; record <= max_directory_records; ++record) {
        const auto number = static_cast<std::uint8_t>(record);
        const std::string record_step = read_record_step(sfi->value[0], number) + " of the PSE directory";
        auto answer = exchange_apdu(channel_, read_record(sfi->value[0], number), options_.command_timeout);
        if (!answer) return in_step(record_step, answer.error());
        if (answer->sw == sw::record_not_found) break;  // the end of the directory
        if (!answer->ok()) return refused(record_step, *answer);
        auto objects = parse_answer(record_step, *answer);
        if (!objects) return objects.error();
        if (objects->empty() || objects->front().tag != tag_record) {
            return emv_error(record_step, "record is not a 70 template");
        }
        for (const auto& entry : objects->front().children) {
            if (entry.tag != tag_directory_entry) continue;
            const TlvObject* aid = entry.find(tag_aid);
            if (aid == nullptr || aid->value.size() < 5 || aid->value.size() > 16) {
                return emv_error(record_step, "directory entry without a valid AID (4F)");
            }
            const TlvObject* priority = entry.find(tag_priority);
            const int rank = (priority != nullptr && priority->value.size() == 1) ? (priority->value[0] & 0x0F) : 0;
            candidates.push_back({aid->value, text_of(entry.find(tag_label)), rank});
        }
    }
    // 1 is the highest priority; entries without one go last, keeping the card's order.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        const int ra = a.priority == 0 ? 16 : a.priority;
        const int rb = b.priority == 0 ? 16 : b.priority;
        return ra < rb;
    });
    return candidates;
}

Result<EmvReader::Selected> EmvReader::select_application(const std::vector<Candidate>& from_pse) {
    std::vector<Candidate> tries = from_pse;
    const bool from_directory = !tries.empty();
    if (!from_directory) {
        for (const auto& aid : options_.candidate_aids) tries.push_back({aid, {}, 0});
    }
    for (const auto& candidate : tries) {
        const std::string step = "SELECT AID " + to_hex(candidate.aid);
        auto response = exchange_apdu(channel_, select_by_name(candidate.aid), options_.command_timeout);
        if (!response) return in_step(step, response.error());
        // Not on this card, or blocked: try the next one (EMV Book 1 §12.4).
        if (response->sw == sw::file_not_found || response->sw == sw::function_not_supported ||
            response->sw == sw::file_invalidated) {
            continue;
        }
        if (!response->ok()) return refused(step, *response);
        auto fci = parse_answer(step, *response);
        if (!fci) return fci.error();
        if (find_tlv(*fci, tag_fci) == nullptr) return emv_error(step, "answer is not an FCI template (6F)");
        Selected selected{candidate.aid, text_of(find_tlv(*fci, tag_label)), {}};
        if (selected.label.empty()) selected.label = candidate.label;
        if (const TlvObject* pdol = find_tlv(*fci, tag_pdol)) selected.pdol = pdol->value;
        return selected;
    }
    return emv_error(from_directory ? "SELECT AID" : "SELECT AID (candidate list, no PSE)",
                     "none of the " + std::to_string(tries.size()) + " applications could be selected",
                     sw::file_not_found);
}

Result<Bytes> EmvReader::get_processing_options(const Selected& application) {
    const std::string step = "GET PROCESSING OPTIONS";
    auto dol = decode_dol(application.pdol);
    if (!dol) return emv_error(step, "PDOL (9F38): " + dol.error().message);
    const Bytes pdol_data = build_dol_data(*dol, options_.terminal_data);
    auto response = exchange_apdu(channel_, chip::get_processing_options(pdol_data), options_.command_timeout);
    if (!response) return in_step(step, response.error());
    if (!response->ok()) return refused(step, *response);
    auto objects = parse_answer(step, *response);
    if (!objects) return objects.error();
    if (objects->empty()) return emv_error(step, "empty answer");
    const TlvObject& first = objects->front();
    if (first.tag == tag_gpo_format1) {  // AIP (2 bytes) then the AFL
        if (first.value.size() < 2) return emv_error(step, "format 1 answer shorter than the AIP");
        return Bytes(first.value.begin() + 2, first.value.end());
    }
    if (first.tag == tag_gpo_format2) {
        const TlvObject* afl = first.find(tag_afl);
        if (afl == nullptr) return emv_error(step, "format 2 answer without an AFL (94)");
        return afl->value;
    }
    return emv_error(step, "answer is neither format 1 (80) nor format 2 (77)");
}

Result<ChipCardData> EmvReader::read_application_records(ByteView afl_bytes, Selected application) {
    auto afl = decode_afl(afl_bytes);
    if (!afl) return emv_error("GET PROCESSING OPTIONS", afl.error().message);
    ChipCardData card;
    card.aid = std::move(application.aid);
    card.application_label = std::move(application.label);
    // The values of 5A and 57 are card data: copied out of each record into wiping buffers.
    SecureBytes pan_value;
    Bytes expiry_value;
    SecureBytes track2_value;
    for (const auto& entry : *afl) {
        for (int record = entry.first_record; record <= entry.last_record; ++record) {
            const auto number = static_cast<std::uint8_t>(record);
            const std::string step = read_record_step(entry.sfi, number);
            auto response = exchange_apdu(channel_, read_record(entry.sfi, number), options_.command_timeout);
            if (!response) return in_step(step, response.error());
            if (!response->ok()) return refused(step, *response);
            auto objects = parse_answer(step, *response);
            if (!objects) return objects.error();
            if (objects->empty() || objects->front().tag != tag_record) {
                return emv_error(step, "record is not a 70 template");
            }
            const TlvObject& template70 = objects->front();
            if (const TlvObject* o = template70.find(tag_pan)) pan_value = o->value;
            if (const TlvObject* o = template70.find(tag_expiry)) expiry_value = o->value;
            if (const TlvObject* o = template70.find(tag_track2_equivalent)) track2_value = o->value;
        }
    }
    const std::string step = "application records";
    if (!track2_value.empty()) {
        auto track2 = decode_track2_equivalent(track2_value.view());
        if (!track2) return emv_error(step, track2.error().message);
        card.track2_equivalent = std::move(track2->text);
        card.service_code = std::move(track2->service_code);
        card.pan = std::move(track2->pan);
        card.expiry_yymmdd = track2->expiry_yymm + "00";
    }
    if (!pan_value.empty()) {
        auto pan = decode_pan(pan_value.view());
        if (!pan) return emv_error(step, pan.error().message);
        if (!card.pan.empty() && !(card.pan == *pan)) {
            return emv_error(step, "PAN (5A) and track 2 equivalent (57) disagree");
        }
        card.pan = std::move(*pan);
    }
    if (card.pan.empty()) return emv_error(step, "no PAN (5A) or track 2 equivalent (57) in the records");
    if (!expiry_value.empty()) {
        auto expiry = decode_expiry(expiry_value);
        if (!expiry) return emv_error(step, expiry.error().message);
        card.expiry_yymmdd = std::move(*expiry);
    }
    if (card.expiry_yymmdd.empty()) return emv_error(step, "no expiry date (5F24) in the records");
    return card;
}

}  // namespace kiosk::drivers::chip
