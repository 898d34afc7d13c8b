// host_messages <-> ISO 8583 messages, both ways, for both ends: the kiosk encodes requests and
// checks replies against the request it sent (MTI pair, STAN, terminal, processing code); the
// simulated bank decodes requests and builds replies that echo the request. The field-by-field
// table is in docs/host.md. Dates on the wire carry no year (MMDD): the receiving side takes the
// year that puts the date nearest its own clock (`reference`), as issuers do.
#pragma once

#include <cstdint>
#include <string>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "host/host_messages.hpp"
#include "host/iso8583/iso8583_message.hpp"

namespace kiosk::host::iso8583 {

// Kiosk side ------------------------------------------------------------------------------------
Result<Message> to_iso(const AuthorizationRequest& request);
Result<Message> to_iso(const ReversalRequest& request);
// 0800 echo test (field 70 = "301").
Message echo_request(std::uint32_t stan, std::string_view terminal_id, TimePoint now);

// A reply that does not answer `request` (wrong MTI, STAN, terminal or processing code), lacks
// field 39 or carries a code this kiosk does not know is an Error: the caller must treat it as
// "no answer" and reverse where money may have moved.
Result<AuthorizationResponse> authorization_response_from_iso(const Message& reply, const Message& request);
Result<ReversalResponse> reversal_response_from_iso(const Message& reply, const Message& request);
Status check_echo_response(const Message& reply, const Message& request);

// Host side -------------------------------------------------------------------------------------
Result<AuthorizationRequest> authorization_request_from_iso(const Message& message, TimePoint reference);
Result<ReversalRequest> reversal_request_from_iso(const Message& message, TimePoint reference);
Result<Message> to_iso(const AuthorizationResponse& response, const Message& request);
Result<Message> to_iso(const ReversalResponse& response, const Message& request);
// The 0810 to an 0800.
Result<Message> echo_response(const Message& request);

// Shared pieces, exposed for tests ---------------------------------------------------------------
// ISO 4217 numeric code of an alphabetic one we handle ("CNY" → "156"), and back.
Result<std::string> numeric_currency(std::string_view alphabetic);
Result<std::string> alphabetic_currency(std::string_view numeric);
// MMDDhhmmss (UTC) of a time, and back with the year nearest `reference`.
std::string transmission_time_text(TimePoint time);
Result<TimePoint> parse_transmission_time(std::string_view mmddhhmmss, TimePoint reference);
// Field 11 of a STAN (1–999999, six digits) and field 41 of a terminal id (1–8 characters, space
// padded); errors name what was wrong.
Result<std::string> stan_field_text(std::uint32_t stan);
Result<std::string> terminal_field_text(std::string_view terminal_id);

}  // namespace kiosk::host::iso8583
