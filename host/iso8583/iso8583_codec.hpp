// ISO 8583:1987 wire form of a Message: MTI as 4 ASCII digits, a binary primary bitmap (8 bytes)
// with bit 1 announcing a secondary bitmap (8 more bytes, fields 65–128), then the fields present,
// ascending, each as iso8583_fields.hpp says (length prefixes are ASCII decimal digits).
// The decoder takes bytes from the network: it rejects a truncated message, an unknown MTI, a bad
// bitmap (tertiary bitmap, empty secondary bitmap, an undefined field), a field longer than its
// maximum, a wrong character for the field's class and trailing bytes — each error names the
// field — and never reads past the end of its input. Errors never quote a field's value.
#pragma once

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "common/secure_buffer.hpp"
#include "host/iso8583/iso8583_message.hpp"

namespace kiosk::host::iso8583 {

// Fails (naming the field) when a value breaks its field's spec or a field is not defined. The
// wire form holds the PAN and PIN block as they are: a SecureBytes, wiped when it goes.
Result<SecureBytes> encode(const Message& message);

Result<Message> decode(ByteView wire);

}  // namespace kiosk::host::iso8583
