// Decoders for the EMV data elements the kiosk reads (EMV Book 3 Annex A): compressed-numeric PAN
// (5A), expiry YYMMDD (5F24), track 2 equivalent (57), AFL (94) and data object lists (9F38).
// All input comes from the card; every error says which element was wrong and never its digits.
// PANs and track 2 text come back as SecureStrings (common/secure_buffer.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "common/secure_buffer.hpp"
#include "drivers/chip/ber_tlv.hpp"

namespace kiosk::drivers::chip {

inline constexpr std::string_view emv_data_domain = "emv data";

// 5A: BCD digits, padded with F nibbles; 8–19 digits passing Luhn.
Result<SecureString> decode_pan(ByteView value);

// 5F24: YYMMDD in BCD with a valid month and day.
Result<std::string> decode_expiry(ByteView value);

// 57: PAN, separator D, YYMM expiry, 3-digit service code, discretionary data, F padding. Returned
// as text with '=' for D, like track 2 without sentinels. In memory only: never log it.
struct Track2Equivalent {
    SecureString pan;
    std::string expiry_yymm;
    std::string service_code;
    SecureString text;  // the whole content, "PAN=YYMMSSS…"
};
Result<Track2Equivalent> decode_track2_equivalent(ByteView value);

// 94: 4-byte entries — SFI<<3, first record, last record, records for offline authentication.
struct AflEntry {
    std::uint8_t sfi = 0;
    std::uint8_t first_record = 0;
    std::uint8_t last_record = 0;
    std::uint8_t offline_auth_records = 0;
};
Result<std::vector<AflEntry>> decode_afl(ByteView value);

// 9F38 PDOL (and any DOL): tag and length pairs, no values.
struct DolEntry {
    TlvTag tag = 0;
    std::size_t length = 0;
};
Result<std::vector<DolEntry>> decode_dol(ByteView value);

// The data for a DOL: each entry's value from `known` (cut or zero-padded on the right to the
// asked length), zeros for tags the terminal does not supply.
Bytes build_dol_data(const std::vector<DolEntry>& dol, const std::map<TlvTag, Bytes>& known);

}  // namespace kiosk::drivers::chip
