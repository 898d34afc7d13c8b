// 0500/0510 reconciliation totals <-> ReconciliationTotals (see reconciliation_mapping.hpp).
#include "host/iso8583/reconciliation_mapping.hpp"

#include <array>
#include <utility>

#include "host/iso8583/host_message_mapping.hpp"
#include "host/iso8583/iso8583_fields.hpp"

namespace kiosk::host::iso8583 {

namespace {

constexpr std::int64_t kMaxNumber = 9'999'999'999;          // n 10
constexpr std::int64_t kMaxAmount = 9'999'999'999'999'999;  // n 16 (fits an int64 with room to add)
constexpr std::size_t kNumberDigits = 10;
constexpr std::size_t kAmountDigits = 16;

Error mapping_error(std::string message) { return make_error("iso8583", std::move(message)); }

// "field 88 (debits, amount)": how every error names a field.
std::string named(int number) {
    const FieldSpec* spec = field_spec(number);
    return "field " + std::to_string(number) + " (" + std::string(spec != nullptr ? spec->name : "?") + ")";
}

std::string digits(std::int64_t value, std::size_t width) {
    std::string text = std::to_string(value);
    return text.size() >= width ? text : std::string(width - text.size(), '0') + text;
}

// A count or amount of exactly `width` digits.
Result<std::int64_t> number_field(const Message& reply, int number, std::size_t width) {
    const auto text = reply.get(number);
    if (!text) return mapping_error("reply lacks " + named(number));
    if (text->size() != width) {
        return mapping_error(named(number) + " must be " + std::to_string(width) + " digits, has " +
                             std::to_string(text->size()) + " characters");
    }
    std::int64_t value = 0;
    for (const char c : *text) {
        if (c < '0' || c > '9') return mapping_error(named(number) + " is not numeric");
        value = value * 10 + (c - '0');
    }
    return value;
}

// Field 97: C (credit) or D (debit), then 16 digits; a debit is negative here.
Result<std::int64_t> net_amount(const Message& reply) {
    const auto text = reply.get(field::kNetSettlementAmount);
    if (!text) return mapping_error("reply lacks " + named(field::kNetSettlementAmount));
    if (text->size() != 1 + kAmountDigits) {
        return mapping_error(named(field::kNetSettlementAmount) + " must be C or D and 16 digits, has " +
                             std::to_string(text->size()) + " characters");
    }
    const char sign = text->front();
    if (sign != 'C' && sign != 'D') return mapping_error(named(field::kNetSettlementAmount) + ": the sign must be C or D");
    std::int64_t value = 0;
    for (const char c : text->substr(1)) {
        if (c < '0' || c > '9') return mapping_error(named(field::kNetSettlementAmount) + ": the amount is not numeric");
        value = value * 10 + (c - '0');
    }
    return sign == 'D' ? -value : value;
}

std::string net_text(std::int64_t net) { return (net < 0 ? "D" : "C") + digits(net < 0 ? -net : net, kAmountDigits); }

// The fields a 0510 echoes, each compared with the request.
constexpr std::array kEchoed{field::kProcessingCode, field::kTransmissionTime, field::kStan, field::kTerminalId};

}  // namespace

Result<Message> reconciliation_request(std::uint32_t stan, std::string_view terminal_id, TimePoint now) {
    auto stan_text = stan_field_text(stan);
    if (!stan_text.ok()) return stan_text.error();
    auto terminal = terminal_field_text(terminal_id);
    if (!terminal.ok()) return terminal.error();
    Message message(Mti::ReconciliationRequest);
    message.set(field::kProcessingCode, std::string(kReconciliationProcessingCode));
    message.set(field::kTransmissionTime, transmission_time_text(now));
    message.set(field::kStan, std::move(*stan_text));
    message.set(field::kTerminalId, std::move(*terminal));
    return message;
}

Result<ReconciliationTotals> reconciliation_totals_from_iso(const Message& reply, const Message& request) {
    if (reply.mti() != Mti::ReconciliationResponse) {
        return mapping_error("reply MTI " + mti_text(reply.mti()) + " does not answer " + mti_text(request.mti()) +
                             " (expected 0510)");
    }
    for (const int echoed : kEchoed) {
        if (reply.get(echoed) != request.get(echoed)) {
            return mapping_error("reply " + named(echoed) + " does not match the request");
        }
    }
    const auto code_text = reply.get(field::kResponseCode);
    if (!code_text) return mapping_error("reply lacks " + named(field::kResponseCode));
    const auto code = response_code_from_iso(*code_text);
    if (!code) return mapping_error("reply field 39 carries an unknown response code");
    if (*code != ResponseCode::Approved) {
        return mapping_error("the host refused the reconciliation request: response code " + std::string(*code_text) +
                             " (" + std::string(to_string(*code)) + ")");
    }
    auto credits = number_field(reply, field::kCreditsNumber, kNumberDigits);
    auto debits = number_field(reply, field::kDebitsNumber, kNumberDigits);
    auto reversals = number_field(reply, field::kDebitsReversalNumber, kNumberDigits);
    auto credits_amount = number_field(reply, field::kCreditsAmount, kAmountDigits);
    auto debits_amount = number_field(reply, field::kDebitsAmount, kAmountDigits);
    auto reversed_amount = number_field(reply, field::kDebitsReversalAmount, kAmountDigits);
    for (const auto* total : {&credits, &debits, &reversals, &credits_amount, &debits_amount, &reversed_amount}) {
        if (!total->ok()) return total->error();  // the first in field order
    }
    auto net = net_amount(reply);
    if (!net.ok()) return net.error();
    if (*credits != 0 || *credits_amount != 0) {
        return mapping_error("fields 74 and 86 (credits): the host reports " + std::to_string(*credits) +
                             " credits, but this terminal takes no deposits");
    }
    if (*reversals > *debits) {
        return mapping_error(named(field::kDebitsReversalNumber) + ": " + std::to_string(*reversals) +
                             " reversals of only " + std::to_string(*debits) + " debits (field 76)");
    }
    if (*reversed_amount > *debits_amount) {
        return mapping_error(named(field::kDebitsReversalAmount) + " is more than field 88 (debits, amount)");
    }
    const std::int64_t expected_net = *credits_amount - *debits_amount + *reversed_amount;
    if (*net != expected_net) {
        return mapping_error(named(field::kNetSettlementAmount) + " " + net_text(*net) +
                             " is not credits − debits + debit reversals (fields 86, 88, 89) = " + net_text(expected_net));
    }
    return ReconciliationTotals{*debits, *debits_amount - *reversed_amount, *reversals, *reversed_amount};
}

Result<ReconciliationQuery> reconciliation_request_from_iso(const Message& message, TimePoint reference) {
    if (message.mti() != Mti::ReconciliationRequest) return mapping_error("a reconciliation request must be an 0500");
    if (message.get(field::kProcessingCode) != kReconciliationProcessingCode) {
        return mapping_error(named(field::kProcessingCode) + " of an 0500 must be " +
                             std::string(kReconciliationProcessingCode));
    }
    ReconciliationQuery query;
    const auto stan = message.get(field::kStan);
    if (!stan) return mapping_error("the 0500 lacks " + named(field::kStan));
    for (const char c : *stan) {
        if (c < '0' || c > '9') return mapping_error(named(field::kStan) + " is not numeric");
        query.stan = query.stan * 10U + static_cast<std::uint32_t>(c - '0');
    }
    const auto terminal = message.get(field::kTerminalId);
    if (!terminal) return mapping_error("the 0500 lacks " + named(field::kTerminalId));
    std::string_view trimmed = *terminal;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
    query.terminal_id = std::string(trimmed);
    const auto time = message.get(field::kTransmissionTime);
    if (!time) return mapping_error("the 0500 lacks " + named(field::kTransmissionTime));
    auto sent = parse_transmission_time(*time, reference);
    if (!sent.ok()) return sent.error();
    query.transmission_time = *sent;
    return query;
}

Result<Message> reconciliation_response(const Message& request, ResponseCode code, const ReconciliationTotals& totals) {
    if (request.mti() != Mti::ReconciliationRequest) return mapping_error("a reconciliation response answers an 0500");
    Message reply(Mti::ReconciliationResponse);
    for (const int echoed : kEchoed) {
        if (const auto value = request.get(echoed)) reply.set(echoed, std::string(*value));
    }
    reply.set(field::kResponseCode, std::string(iso_code(code)));
    if (code != ResponseCode::Approved) return reply;
    const std::int64_t debits_amount = totals.withdrawn_minor + totals.reversed_minor;
    if (totals.withdrawals < 0 || totals.reversals < 0 || totals.withdrawn_minor < 0 || totals.reversed_minor < 0) {
        return mapping_error("reconciliation totals cannot be negative");
    }
    if (totals.withdrawals > kMaxNumber || totals.reversals > kMaxNumber || totals.withdrawn_minor > kMaxAmount ||
        totals.reversed_minor > kMaxAmount || debits_amount > kMaxAmount) {
        return mapping_error("reconciliation totals do not fit their fields (10-digit counts, 16-digit amounts)");
    }
    reply.set(field::kCreditsNumber, digits(0, kNumberDigits));
    reply.set(field::kDebitsNumber, digits(totals.withdrawals, kNumberDigits));
    reply.set(field::kDebitsReversalNumber, digits(totals.reversals, kNumberDigits));
    reply.set(field::kCreditsAmount, digits(0, kAmountDigits));
    reply.set(field::kDebitsAmount, digits(debits_amount, kAmountDigits));
    reply.set(field::kDebitsReversalAmount, digits(totals.reversed_minor, kAmountDigits));
    reply.set(field::kNetSettlementAmount, net_text(-totals.withdrawn_minor));
    return reply;
}

}  // namespace kiosk::host::iso8583
