#include "host/iso8583/iso8583_fields.hpp"

#include <algorithm>
#include <array>

namespace kiosk::host::iso8583 {

namespace {

constexpr auto n = Content::Numeric;
constexpr auto an = Content::AlphaNumeric;
constexpr auto ans = Content::AlphaNumericSpecial;
constexpr auto b = Content::Binary;
constexpr auto fixed = LengthKind::Fixed;
constexpr auto llvar = LengthKind::LlVar;
constexpr auto lllvar = LengthKind::LllVar;

// Ascending by number (field_spec searches it with lower_bound).
constexpr std::array kFields{
    FieldSpec{2, "primary account number", llvar, n, 19},
    FieldSpec{3, "processing code", fixed, n, 6},
    FieldSpec{4, "amount, transaction", fixed, n, 12},
    FieldSpec{7, "transmission date and time", fixed, n, 10},
    FieldSpec{11, "systems trace audit number", fixed, n, 6},
    FieldSpec{12, "time, local transaction", fixed, n, 6},
    FieldSpec{13, "date, local transaction", fixed, n, 4},
    FieldSpec{14, "date, expiration", fixed, n, 4},
    FieldSpec{22, "point of service entry mode", fixed, n, 3},
    FieldSpec{37, "retrieval reference number", fixed, an, 12},
    FieldSpec{38, "authorization identification response", fixed, an, 6},
    FieldSpec{39, "response code", fixed, an, 2},
    FieldSpec{41, "card acceptor terminal identification", fixed, ans, 8},
    FieldSpec{42, "card acceptor identification code", fixed, ans, 15},
    FieldSpec{49, "currency code, transaction", fixed, n, 3},
    // 1987 defines b 64 (8 bytes, a TDES-era block); the ISO 9564 format-4 block is AES, 16 bytes.
    FieldSpec{52, "personal identification number data", fixed, b, 16},
    FieldSpec{53, "security related control information", fixed, n, 16},
    FieldSpec{54, "additional amounts", lllvar, an, 120},
    FieldSpec{60, "cardless one-time code (private)", llvar, n, 12},
    FieldSpec{61, "cardless phone number (private)", llvar, ans, 20},
    FieldSpec{62, "mini statement lines (private)", lllvar, ans, 999},
    FieldSpec{70, "network management information code", fixed, n, 3},
    FieldSpec{74, "credits, number", fixed, n, 10},
    FieldSpec{76, "debits, number", fixed, n, 10},
    FieldSpec{77, "debits, reversal number", fixed, n, 10},
    FieldSpec{86, "credits, amount", fixed, n, 16},
    FieldSpec{88, "debits, amount", fixed, n, 16},
    FieldSpec{89, "debits, reversal amount", fixed, n, 16},
    FieldSpec{90, "original data elements", fixed, n, 42},
    FieldSpec{95, "replacement amounts", fixed, an, 42},
    // 1987's x+n 16: the sign (C credit, D debit) then 16 digits; an carries both, the mapping
    // checks the layout (host_message_mapping.cpp).
    FieldSpec{97, "amount, net settlement", fixed, an, 17},
    FieldSpec{102, "account identification 1", llvar, ans, 28},
    FieldSpec{103, "account identification 2", llvar, ans, 28},
    FieldSpec{120, "new PIN data (private)", fixed, b, 16},
};

}  // namespace

const FieldSpec* field_spec(int number) {
    const auto found = std::lower_bound(kFields.begin(), kFields.end(), number,
                                        [](const FieldSpec& spec, int wanted) { return spec.number < wanted; });
    return found != kFields.end() && found->number == number ? &*found : nullptr;
}

std::span<const FieldSpec> all_field_specs() { return kFields; }

std::string_view content_name(Content content) {
    switch (content) {
        case Content::Numeric: return "n";
        case Content::AlphaNumeric: return "an";
        case Content::AlphaNumericSpecial: return "ans";
        case Content::Binary: return "b";
    }
    return "?";
}

}  // namespace kiosk::host::iso8583
