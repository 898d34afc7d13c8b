// The data elements this kiosk's host dialect uses, after ISO 8583:1987, with their format: fixed
// or variable length (LLVAR/LLLVAR, an ASCII decimal length prefix of 2 or 3 digits), content class
// (n, an, ans, b) and maximum length. Lengths of b fields count BYTES here (1987 writes bits, b 64).
// Deviations from 1987 and the private fields are listed in docs/host.md, with why.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace kiosk::host::iso8583 {

enum class LengthKind { Fixed, LlVar, LllVar };

enum class Content {
    Numeric,              // n: '0'–'9'
    AlphaNumeric,         // an: letters, digits, and the space that pads them
    AlphaNumericSpecial,  // ans: printable ASCII 0x20–0x7E
    Binary,               // b: any byte
};

struct FieldSpec {
    int number;
    std::string_view name;
    LengthKind length;
    Content content;
    std::size_t max_length;  // the exact length for Fixed fields
};

// Field numbers with a name, so the mapping code reads like the standard.
namespace field {
inline constexpr int kPan = 2;
inline constexpr int kProcessingCode = 3;
inline constexpr int kAmount = 4;
inline constexpr int kTransmissionTime = 7;
inline constexpr int kStan = 11;
inline constexpr int kLocalTime = 12;
inline constexpr int kLocalDate = 13;
inline constexpr int kExpiry = 14;
inline constexpr int kPosEntryMode = 22;
inline constexpr int kRetrievalReference = 37;
inline constexpr int kAuthorizationId = 38;
inline constexpr int kResponseCode = 39;
inline constexpr int kTerminalId = 41;
inline constexpr int kCardAcceptorId = 42;
inline constexpr int kCurrency = 49;
inline constexpr int kPinBlock = 52;
inline constexpr int kSecurityControl = 53;
inline constexpr int kAdditionalAmounts = 54;
inline constexpr int kOneTimeCode = 60;      // private
inline constexpr int kPhoneNumber = 61;      // private
inline constexpr int kMiniStatement = 62;    // private
inline constexpr int kNetworkCode = 70;
// Reconciliation totals (0500/0510): the terminal's counts and amounts since the last cut-over.
inline constexpr int kCreditsNumber = 74;
inline constexpr int kDebitsNumber = 76;
inline constexpr int kDebitsReversalNumber = 77;
inline constexpr int kCreditsAmount = 86;
inline constexpr int kDebitsAmount = 88;
inline constexpr int kDebitsReversalAmount = 89;
inline constexpr int kOriginalData = 90;
inline constexpr int kReplacementAmounts = 95;
inline constexpr int kNetSettlementAmount = 97;  // x+n 16: C or D, then 16 digits
inline constexpr int kFromAccount = 102;
inline constexpr int kToAccount = 103;
inline constexpr int kNewPinBlock = 120;     // private
}  // namespace field

// The spec of `number`, or nullptr when this dialect does not define that field.
const FieldSpec* field_spec(int number);

// Every defined field, ascending (for documentation and tests).
std::span<const FieldSpec> all_field_specs();

// "n", "an", "ans", "b".
std::string_view content_name(Content content);

}  // namespace kiosk::host::iso8583
