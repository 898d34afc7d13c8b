// EMV data element decoders (see emv_data.hpp).
#include "drivers/chip/emv_data.hpp"

#include <algorithm>

#include "drivers/card/luhn.hpp"

namespace kiosk::drivers::chip {
namespace {

constexpr std::size_t min_pan_digits = 8;
constexpr std::size_t max_pan_digits = 19;

Error data_error(const std::string& message) { return make_error(std::string(emv_data_domain), message); }

// Nibbles as characters: 0–9 as digits, D as '=', F ends the text (padding); anything else fails.
// The digits can be a PAN: built in a SecureString sized for every nibble, then cut to length.
Result<SecureString> nibbles_text(ByteView value, const char* element, bool allow_separator) {
    SecureString text(value.size() * 2);
    std::size_t length = 0;
    for (std::size_t i = 0; i < value.size() * 2; ++i) {
        const unsigned nibble = (i % 2 == 0) ? (value[i / 2] >> 4U) : (value[i / 2] & 0x0FU);
        if (nibble <= 9) {
            text[length++] = static_cast<char>('0' + nibble);
        } else if (nibble == 0xD && allow_separator) {
            text[length++] = '=';
        } else if (nibble == 0xF) {
            // Padding only at the very end: one trailing F nibble.
            if (i + 1 != value.size() * 2) {
                return data_error(std::string(element) + ": padding nibble F before the end, at nibble " + std::to_string(i));
            }
            break;
        } else {
            return data_error(std::string(element) + ": invalid nibble at position " + std::to_string(i));
        }
    }
    return SecureString(text.view().substr(0, length));
}

Result<SecureString> checked_pan(std::string_view digits, const char* element) {
    if (digits.size() < min_pan_digits || digits.size() > max_pan_digits) {
        return data_error(std::string(element) + ": PAN of " + std::to_string(digits.size()) +
                          " digits (8–19 expected)");
    }
    if (!luhn_valid(digits)) return data_error(std::string(element) + ": PAN fails the Luhn check");
    return SecureString(digits);
}

bool valid_month(std::string_view text, std::size_t at) {
    const int month = (text[at] - '0') * 10 + (text[at + 1] - '0');
    return month >= 1 && month <= 12;
}

}  // namespace

Result<SecureString> decode_pan(ByteView value) {
    auto digits = nibbles_text(value, "PAN (5A)", false);
    if (!digits) return digits.error();
    return checked_pan(digits->view(), "PAN (5A)");
}

Result<std::string> decode_expiry(ByteView value) {
    if (value.size() != 3) {
        return data_error("expiry (5F24): " + std::to_string(value.size()) + " bytes, 3 expected");
    }
    auto text = nibbles_text(value, "expiry (5F24)", false);
    if (!text) return text.error();
    if (text->size() != 6) return data_error("expiry (5F24): not 6 digits");
    const int day = ((*text)[4] - '0') * 10 + ((*text)[5] - '0');
    if (!valid_month(text->view(), 2) || day < 1 || day > 31) return data_error("expiry (5F24): month or day out of range");
    return std::string(text->view());  // an expiry date is not secret
}

Result<Track2Equivalent> decode_track2_equivalent(ByteView value) {
    auto text = nibbles_text(value, "track 2 equivalent (57)", true);
    if (!text) return text.error();
    const std::string_view whole = text->view();
    const auto separator = whole.find('=');
    if (separator == std::string_view::npos) return data_error("track 2 equivalent (57): no field separator D");
    Track2Equivalent track;
    auto pan = checked_pan(whole.substr(0, separator), "track 2 equivalent (57)");
    if (!pan) return pan.error();
    track.pan = std::move(*pan);
    const std::string_view rest = whole.substr(separator + 1);
    if (rest.size() < 7 || rest.find('=') != std::string_view::npos) {
        return data_error("track 2 equivalent (57): expiry and service code missing after the separator");
    }
    if (!valid_month(rest, 2)) return data_error("track 2 equivalent (57): expiry month out of range");
    track.expiry_yymm = std::string(rest.substr(0, 4));
    track.service_code = std::string(rest.substr(4, 3));
    track.text = std::move(*text);
    return track;
}

Result<std::vector<AflEntry>> decode_afl(ByteView value) {
    if (value.empty() || value.size() % 4 != 0) {
        return data_error("AFL (94) of " + std::to_string(value.size()) + " bytes, not a non-zero multiple of 4");
    }
    std::vector<AflEntry> entries;
    for (std::size_t at = 0; at < value.size(); at += 4) {
        AflEntry entry{static_cast<std::uint8_t>(value[at] >> 3U), value[at + 1], value[at + 2], value[at + 3]};
        const std::string where = "AFL (94) entry " + std::to_string(at / 4 + 1);
        if ((value[at] & 0x07U) != 0 || entry.sfi < 1 || entry.sfi > 30) return data_error(where + ": invalid SFI byte");
        if (entry.first_record == 0 || entry.last_record < entry.first_record) {
            return data_error(where + ": record range " + std::to_string(entry.first_record) + ".." +
                              std::to_string(entry.last_record) + " is invalid");
        }
        if (entry.offline_auth_records > entry.last_record - entry.first_record + 1) {
            return data_error(where + ": more offline-authentication records than records");
        }
        entries.push_back(entry);
    }
    return entries;
}

Result<std::vector<DolEntry>> decode_dol(ByteView value) {
    std::vector<DolEntry> entries;
    std::size_t at = 0;
    while (at < value.size()) {
        auto tag = read_tlv_tag(value, at);
        if (!tag) return data_error("DOL: " + tag.error().message);
        at += tag->size;
        auto length = read_tlv_length(value, at);
        if (!length) return data_error("DOL: " + length.error().message);
        at += length->size;
        if (length->value > 255) return data_error("DOL: entry for tag " + tag_name(tag->value) + " longer than 255 bytes");
        entries.push_back({tag->value, length->value});
    }
    return entries;
}

Bytes build_dol_data(const std::vector<DolEntry>& dol, const std::map<TlvTag, Bytes>& known) {
    Bytes data;
    for (const auto& entry : dol) {
        Bytes field(entry.length, 0x00);
        if (auto it = known.find(entry.tag); it != known.end()) {
            std::copy_n(it->second.begin(), std::min(entry.length, it->second.size()), field.begin());
        }
        data.insert(data.end(), field.begin(), field.end());
    }
    return data;
}

}  // namespace kiosk::drivers::chip
