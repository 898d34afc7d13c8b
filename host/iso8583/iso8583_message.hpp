// One ISO 8583:1987 message in memory: its message type indicator (MTI) and its data elements by
// number. Values are the field contents without length prefixes: digits for n fields, text for
// an/ans fields, raw bytes for b fields. Nothing is checked here; iso8583_codec.hpp checks every
// value against the field table (iso8583_fields.hpp) when it encodes or decodes.
// Values can hold a PAN or a PIN block, so they are SecureStrings (wiped when replaced, erased or
// destroyed with the message), and nothing here prints them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "common/secure_buffer.hpp"

namespace kiosk::host::iso8583 {

// The message types this kiosk sends and accepts (version 0 = ISO 8583:1987).
enum class Mti : std::uint16_t {
    AuthorizationRequest = 100,    // balance inquiry, mini statement, PIN change
    AuthorizationResponse = 110,
    FinancialRequest = 200,        // withdrawal, cardless withdrawal, transfer
    FinancialResponse = 210,
    ReversalAdvice = 420,          // "undo the original named in field 90"
    ReversalAdviceResponse = 430,
    ReconciliationRequest = 500,   // the terminal's totals since the last cut-over (balancing)
    ReconciliationResponse = 510,
    NetworkRequest = 800,          // echo test
    NetworkResponse = 810,
};

// "0100", "0210", …
std::string mti_text(Mti mti);
// Accepts exactly the MTIs above; anything else is an error naming the text.
Result<Mti> parse_mti(std::string_view text);
// The answer a request MTI expects (0100 → 0110, …); nullopt for a response MTI.
std::optional<Mti> response_mti_for(Mti request);

class Message {
public:
    explicit Message(Mti mti) : mti_(mti) {}

    [[nodiscard]] Mti mti() const { return mti_; }
    void set_mti(Mti mti) { mti_ = mti; }

    // A std::string handed over as an rvalue is wiped on the way in.
    void set(int field, SecureString value);
    void erase(int field);
    [[nodiscard]] bool has(int field) const { return fields_.count(field) != 0; }
    // The value of `field`, or nullopt when absent. The view lives as long as the message.
    [[nodiscard]] std::optional<std::string_view> get(int field) const;
    // Fields in ascending order, as they go on the wire.
    [[nodiscard]] const std::map<int, SecureString>& fields() const { return fields_; }

    friend bool operator==(const Message&, const Message&) = default;

private:
    Mti mti_;
    std::map<int, SecureString> fields_;
};

}  // namespace kiosk::host::iso8583
