#include "host/iso8583/host_message_mapping.hpp"

#include <array>
#include <chrono>
#include <utility>

#include "common/currency.hpp"
#include "host/iso8583/iso8583_fields.hpp"

namespace kiosk::host::iso8583 {

namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::hh_mm_ss;
using std::chrono::year_month_day;

constexpr std::int64_t kMaxAmount = 999'999'999'999;  // n 12
constexpr std::size_t kTerminalIdSize = 8;
constexpr std::size_t kStatementDescriptionSize = 16;
constexpr std::size_t kStatementLineSize = 6 + 1 + 12 + kStatementDescriptionSize;
constexpr std::size_t kBalanceEntrySize = 2 + 2 + 3 + 1 + 12;
constexpr std::size_t kMaxStatementLines = 10;

struct ProcessingCode {
    TransactionType type;
    std::string_view code;  // first two digits (transaction type); the account kinds follow (processing_code_text)
    Mti mti;
};
// 9x are private-use transaction codes in this dialect (docs/host.md).
constexpr std::array kProcessingCodes{
    ProcessingCode{TransactionType::Withdrawal, "01", Mti::FinancialRequest},
    ProcessingCode{TransactionType::BalanceInquiry, "31", Mti::AuthorizationRequest},
    ProcessingCode{TransactionType::MiniStatement, "38", Mti::AuthorizationRequest},
    ProcessingCode{TransactionType::Transfer, "40", Mti::FinancialRequest},
    ProcessingCode{TransactionType::PinChange, "92", Mti::AuthorizationRequest},
    ProcessingCode{TransactionType::CardlessWithdrawal, "93", Mti::FinancialRequest},
};

Error mapping_error(std::string message) { return make_error("iso8583", std::move(message)); }

std::string digits(std::int64_t value, std::size_t width) {
    std::string text = std::to_string(value);
    return text.size() >= width ? text : std::string(width - text.size(), '0') + text;
}

const ProcessingCode* processing_code_of(TransactionType type) {
    for (const auto& code : kProcessingCodes) {
        if (code.type == type) return &code;
    }
    return nullptr;
}

bool is_financial(TransactionType type) {
    return type == TransactionType::Withdrawal || type == TransactionType::CardlessWithdrawal ||
           type == TransactionType::Transfer;
}

Result<std::string> stan_text(std::uint32_t stan) {
    if (stan == 0 || stan > 999'999) return mapping_error("STAN " + std::to_string(stan) + " is outside 1–999999");
    return digits(stan, 6);
}

Result<std::string> terminal_text(std::string_view terminal_id) {
    if (terminal_id.empty() || terminal_id.size() > kTerminalIdSize) {
        return mapping_error("terminal id must be 1–8 characters, is " + std::to_string(terminal_id.size()));
    }
    return std::string(terminal_id) + std::string(kTerminalIdSize - terminal_id.size(), ' ');
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return std::string(text);
}

// |minor_units| fits n 12; written so INT64_MIN (whose negation overflows) is refused, not UB.
bool fits_twelve_digits(std::int64_t minor_units) { return minor_units >= -kMaxAmount && minor_units <= kMaxAmount; }

// The amount's currency is known and its exponent is the table's (common/currency.hpp).
Result<Currency> checked_currency(const Money& money, const char* what) {
    const Currency* currency = find_currency(money.currency);
    if (currency == nullptr) return mapping_error(std::string(what) + ": currency not handled");
    if (currency->exponent != money.exponent) return mapping_error(std::string(what) + ": wrong exponent for its currency");
    return *currency;
}

std::string unsigned_digits(std::int64_t minor_units) {
    return digits(minor_units < 0 ? -minor_units : minor_units, 12);  // fits_twelve_digits checked first
}

Status put_amount(Message& message, const Money& money, const char* what) {
    auto currency = checked_currency(money, what);
    if (!currency.ok()) return currency.error();
    if (money.minor_units < 0 || money.minor_units > kMaxAmount) {
        return mapping_error(std::string(what) + " must be 0–999999999999 minor units");
    }
    message.set(field::kAmount, digits(money.minor_units, 12));
    message.set(field::kCurrency, std::string(currency->numeric));
    return ok_status();
}

Result<std::int64_t> parse_digits(std::string_view text, const char* what) {
    if (text.empty()) return mapping_error(std::string(what) + " is empty");
    std::int64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return mapping_error(std::string(what) + " is not numeric");
        value = value * 10 + (c - '0');
    }
    return value;
}

Result<Money> money_of(std::string_view amount_digits, std::string_view numeric_currency_code, const char* what) {
    const Currency* currency = find_currency_by_numeric(numeric_currency_code);
    if (currency == nullptr) return mapping_error("field 49 (currency): numeric code not handled");
    auto units = parse_digits(amount_digits, what);
    if (!units.ok()) return units.error();
    return Money{*units, std::string(currency->code), currency->exponent};
}

Result<std::optional<Money>> amount_of(const Message& message) {
    const auto amount = message.get(field::kAmount);
    if (!amount) return std::optional<Money>{};
    const auto currency = message.get(field::kCurrency);
    if (!currency) return mapping_error("field 4 (amount) without field 49 (currency)");
    auto money = money_of(*amount, *currency, "field 4 (amount)");
    if (!money.ok()) return money.error();
    return std::optional<Money>{*money};
}

std::string_view required_text(const Message& message, int number) { return message.get(number).value_or(""); }

Result<std::string_view> required(const Message& message, int number) {
    const auto value = message.get(number);
    if (!value) return mapping_error("field " + std::to_string(number) + " is missing");
    return *value;
}

void put_time_fields(Message& message, TimePoint time) {
    const std::string text = transmission_time_text(time);
    message.set(field::kTransmissionTime, text);
    message.set(field::kLocalTime, text.substr(4, 6));
    message.set(field::kLocalDate, text.substr(0, 4));
}

void put_accounts(Message& message, const std::string& from, const std::string& to) {
    if (!from.empty()) message.set(field::kFromAccount, from);
    if (!to.empty()) message.set(field::kToAccount, to);
}

Status put_card(Message& message, const SecureString& pan, const std::string& expiry_yymm) {
    if (pan.empty()) return mapping_error("the PAN is missing");
    message.set(field::kPan, pan);
    if (!expiry_yymm.empty()) message.set(field::kExpiry, expiry_yymm);
    return ok_status();
}

// Checks the fields every reply must echo; then the response code.
Result<ResponseCode> check_reply(const Message& reply, const Message& request) {
    const auto expected = response_mti_for(request.mti());
    if (!expected || reply.mti() != *expected) {
        return mapping_error("reply MTI " + mti_text(reply.mti()) + " does not answer " + mti_text(request.mti()));
    }
    for (const int echoed : {field::kStan, field::kTerminalId, field::kProcessingCode}) {
        if (!request.has(echoed)) continue;
        if (reply.get(echoed) != request.get(echoed)) {
            return mapping_error("reply field " + std::to_string(echoed) + " (" + std::string(field_spec(echoed)->name) +
                                 ") does not match the request");
        }
    }
    const auto code_text = reply.get(field::kResponseCode);
    if (!code_text) return mapping_error("reply lacks field 39 (response code)");
    const auto code = response_code_from_iso(*code_text);
    if (!code) return mapping_error("reply field 39 carries an unknown response code");
    return *code;
}

Result<std::uint32_t> stan_of(const Message& message) {
    auto text = required(message, field::kStan);
    if (!text.ok()) return text.error();
    auto value = parse_digits(*text, "field 11 (STAN)");
    if (!value.ok()) return value.error();
    return static_cast<std::uint32_t>(*value);
}

std::string balance_entry(std::string_view amount_type, const Money& money, std::string_view numeric) {
    return "00" + std::string(amount_type) + std::string(numeric) + (money.minor_units < 0 ? "D" : "C") +
           unsigned_digits(money.minor_units);
}

Status put_balances(Message& message, const AuthorizationResponse& response) {
    std::string entries;
    for (const auto& [type, balance] : {std::pair{"01", response.ledger_balance}, std::pair{"02", response.available_balance}}) {
        if (!balance) continue;
        auto currency = checked_currency(*balance, "balance");
        if (!currency.ok()) return currency.error();
        if (!fits_twelve_digits(balance->minor_units)) return mapping_error("balance does not fit 12 digits");
        entries += balance_entry(type, *balance, currency->numeric);
    }
    if (!entries.empty()) message.set(field::kAdditionalAmounts, entries);
    return ok_status();
}

Status read_balances(const Message& reply, AuthorizationResponse& response) {
    const auto entries = reply.get(field::kAdditionalAmounts);
    if (!entries) return ok_status();
    if (entries->size() % kBalanceEntrySize != 0) {
        return mapping_error("field 54 (additional amounts) is not a whole number of 20-character entries");
    }
    for (std::size_t at = 0; at < entries->size(); at += kBalanceEntrySize) {
        const std::string_view entry = entries->substr(at, kBalanceEntrySize);
        const char sign = entry[7];
        if (sign != 'C' && sign != 'D') return mapping_error("field 54 (additional amounts): sign is not C or D");
        auto money = money_of(entry.substr(8), entry.substr(4, 3), "field 54 (additional amounts)");
        if (!money.ok()) return money.error();
        if (sign == 'D') money->minor_units = -money->minor_units;
        const std::string_view type = entry.substr(2, 2);
        if (type == "01") {
            response.ledger_balance = *money;
        } else if (type == "02") {
            response.available_balance = *money;
        } else {
            return mapping_error("field 54 (additional amounts): unknown amount type");
        }
    }
    return ok_status();
}

std::string two_digits(unsigned value) { return digits(value, 2); }

Status put_statement(Message& message, const AuthorizationResponse& response) {
    if (response.statement.empty()) return ok_status();
    if (response.statement.size() > kMaxStatementLines) return mapping_error("a mini statement has at most 10 lines");
    std::string lines;
    for (const StatementLine& line : response.statement) {
        if (!line.date.ok()) return mapping_error("mini statement line with an invalid date");
        if (!fits_twelve_digits(line.amount.minor_units)) return mapping_error("mini statement amount too large");
        std::string description = line.description.substr(0, kStatementDescriptionSize);
        for (char& c : description) {
            if (c < 0x20 || c >= 0x7F) c = '?';
        }
        description.resize(kStatementDescriptionSize, ' ');
        lines += two_digits(static_cast<unsigned>(static_cast<int>(line.date.year()) % 100)) +
                 two_digits(static_cast<unsigned>(line.date.month())) + two_digits(static_cast<unsigned>(line.date.day())) +
                 (line.amount.minor_units < 0 ? "D" : "C") + unsigned_digits(line.amount.minor_units) + description;
    }
    message.set(field::kMiniStatement, lines);
    return ok_status();
}

Status read_statement(const Message& reply, AuthorizationResponse& response) {
    const auto lines = reply.get(field::kMiniStatement);
    if (!lines) return ok_status();
    if (lines->size() % kStatementLineSize != 0 || lines->size() / kStatementLineSize > kMaxStatementLines) {
        return mapping_error("field 62 (mini statement) is not 1–10 lines of 35 characters");
    }
    const std::optional<Money>& currency_source = response.available_balance ? response.available_balance
                                                                              : response.ledger_balance;
    if (!currency_source) return mapping_error("field 62 (mini statement) needs a balance in field 54 for its currency");
    for (std::size_t at = 0; at < lines->size(); at += kStatementLineSize) {
        const std::string_view line = lines->substr(at, kStatementLineSize);
        auto yy = parse_digits(line.substr(0, 2), "field 62 (mini statement) date");
        auto mm = parse_digits(line.substr(2, 2), "field 62 (mini statement) date");
        auto dd = parse_digits(line.substr(4, 2), "field 62 (mini statement) date");
        auto units = parse_digits(line.substr(7, 12), "field 62 (mini statement) amount");
        if (!yy.ok() || !mm.ok() || !dd.ok() || !units.ok()) return mapping_error("field 62 (mini statement): bad digits");
        const year_month_day date{std::chrono::year{2000 + static_cast<int>(*yy)},
                                  std::chrono::month{static_cast<unsigned>(*mm)},
                                  std::chrono::day{static_cast<unsigned>(*dd)}};
        if (!date.ok()) return mapping_error("field 62 (mini statement): invalid date");
        const char sign = line[6];
        if (sign != 'C' && sign != 'D') return mapping_error("field 62 (mini statement): sign is not C or D");
        Money amount = currency_source->with_minor_units(sign == 'D' ? -*units : *units);
        response.statement.push_back({date, std::move(amount), trimmed(line.substr(19))});
    }
    return ok_status();
}

// Fields a reply copies from its request (never the PAN, the expiry or a PIN block).
Message reply_skeleton(const Message& request, Mti reply_mti) {
    Message reply(reply_mti);
    for (const int echoed : {field::kProcessingCode, field::kAmount, field::kTransmissionTime, field::kStan,
                             field::kLocalTime, field::kLocalDate, field::kTerminalId, field::kCurrency,
                             field::kOriginalData, field::kFromAccount, field::kToAccount}) {
        if (const auto value = request.get(echoed)) reply.set(echoed, std::string(*value));
    }
    return reply;
}

// "tt" + from-account kind + to-account kind (ISO 8583:1987 field 3).
std::string processing_code_text(const ProcessingCode& code, AccountType from, AccountType to) {
    return std::string(code.code) + std::string(iso_code(from)) + std::string(iso_code(to));
}

// Digits 3–6 of field 3: the account kinds; an unknown kind is refused, naming the digits.
Status read_account_types(const Message& message, AccountType& from, AccountType& to) {
    auto code = required(message, field::kProcessingCode);
    if (!code.ok()) return code.error();
    const auto from_type = account_type_from_iso(code->substr(2, 2));
    const auto to_type = account_type_from_iso(code->substr(4, 2));
    if (!from_type) return mapping_error("field 3 (processing code): unknown from-account type in digits 3-4");
    if (!to_type) return mapping_error("field 3 (processing code): unknown to-account type in digits 5-6");
    from = *from_type;
    to = *to_type;
    return ok_status();
}

Result<TransactionType> type_of(const Message& message) {
    auto code = required(message, field::kProcessingCode);
    if (!code.ok()) return code.error();
    for (const auto& known : kProcessingCodes) {
        if (code->substr(0, 2) == known.code) return known.type;
    }
    return mapping_error("field 3 (processing code): unknown transaction type");
}

// STAN, terminal and transmission time: where every request comes from and when.
template <typename Request>
Status read_origin(const Message& message, TimePoint reference, Request& request) {
    auto stan = stan_of(message);
    if (!stan.ok()) return stan.error();
    request.stan = *stan;
    auto terminal = required(message, field::kTerminalId);
    if (!terminal.ok()) return terminal.error();
    request.terminal_id = trimmed(*terminal);
    auto time = required(message, field::kTransmissionTime);
    if (!time.ok()) return time.error();
    auto local_time = parse_transmission_time(*time, reference);
    if (!local_time.ok()) return local_time.error();
    request.local_time = *local_time;
    return ok_status();
}

}  // namespace

Result<std::string> numeric_currency(std::string_view alphabetic) {
    auto currency = currency_of(alphabetic);
    if (!currency.ok()) return mapping_error(currency.error().message);
    return std::string(currency->numeric);
}

Result<std::string> alphabetic_currency(std::string_view numeric) {
    const Currency* currency = find_currency_by_numeric(numeric);
    if (currency == nullptr) return mapping_error("field 49 (currency): numeric code not handled");
    return std::string(currency->code);
}

std::string transmission_time_text(TimePoint time) {
    const auto day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock{floor<std::chrono::seconds>(time - day)};
    return two_digits(static_cast<unsigned>(date.month())) + two_digits(static_cast<unsigned>(date.day())) +
           two_digits(static_cast<unsigned>(clock.hours().count())) +
           two_digits(static_cast<unsigned>(clock.minutes().count())) +
           two_digits(static_cast<unsigned>(clock.seconds().count()));
}

Result<TimePoint> parse_transmission_time(std::string_view text, TimePoint reference) {
    if (text.size() != 10) return mapping_error("transmission time must be MMDDhhmmss");
    std::array<unsigned, 5> parts{};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto value = parse_digits(text.substr(i * 2, 2), "transmission time");
        if (!value.ok()) return value.error();
        parts[i] = static_cast<unsigned>(*value);
    }
    if (parts[2] > 23 || parts[3] > 59 || parts[4] > 59) return mapping_error("transmission time: bad time of day");
    const int reference_year = static_cast<int>(year_month_day{floor<days>(reference)}.year());
    std::optional<TimePoint> nearest;
    for (const int year : {reference_year - 1, reference_year, reference_year + 1}) {
        const year_month_day date{std::chrono::year{year}, std::chrono::month{parts[0]}, std::chrono::day{parts[1]}};
        if (!date.ok()) continue;
        const TimePoint candidate = std::chrono::time_point_cast<Millis>(
            std::chrono::sys_days{date} + std::chrono::hours{parts[2]} + std::chrono::minutes{parts[3]} +
            std::chrono::seconds{parts[4]});
        const auto distance = [reference](TimePoint t) { return t > reference ? t - reference : reference - t; };
        if (!nearest || distance(candidate) < distance(*nearest)) nearest = candidate;
    }
    if (!nearest) return mapping_error("transmission time: no such date");
    return *nearest;
}

Result<std::string> stan_field_text(std::uint32_t stan) { return stan_text(stan); }

Result<std::string> terminal_field_text(std::string_view terminal_id) { return terminal_text(terminal_id); }

Result<Message> to_iso(const AuthorizationRequest& request) {
    const ProcessingCode* code = processing_code_of(request.type);
    if (code == nullptr) return mapping_error("transaction type " + std::string(to_string(request.type)) + " is not an authorization");
    Message message(code->mti);
    message.set(field::kProcessingCode, processing_code_text(*code, request.from_type, request.to_type));
    const bool cardless = request.type == TransactionType::CardlessWithdrawal;
    if (cardless) {
        if (request.one_time_code.empty() || request.phone_number.empty()) {
            return mapping_error("a cardless withdrawal needs the one-time code and the phone number");
        }
        message.set(field::kOneTimeCode, request.one_time_code);
        message.set(field::kPhoneNumber, request.phone_number);
        message.set(field::kPosEntryMode, "011");  // keyed entry, terminal accepts PINs
    } else {
        KIOSK_TRY(put_card(message, request.pan, request.expiry_yymm));
        if (request.pin_block.empty()) return mapping_error("the PIN block is missing");
        message.set(field::kPinBlock, secure_text_of(request.pin_block.view()));
        message.set(field::kSecurityControl, "0401000000000000");  // format 4, key index 01
        message.set(field::kPosEntryMode, "021");  // magnetic stripe, terminal accepts PINs
    }
    if (is_financial(request.type)) {
        if (!request.amount) return mapping_error(std::string(to_string(request.type)) + " needs an amount");
        if (request.amount->minor_units <= 0) return mapping_error("the amount must be positive");
        KIOSK_TRY(put_amount(message, *request.amount, "amount"));
    }
    if (request.type == TransactionType::Transfer && request.to_account.empty() &&
        request.to_type == AccountType::Default) {
        return mapping_error("a transfer needs the to-account (field 103 or the to-account kind in field 3)");
    }
    if (request.type == TransactionType::PinChange) {
        if (request.new_pin_block.empty()) return mapping_error("a PIN change needs the new PIN block");
        message.set(field::kNewPinBlock, secure_text_of(request.new_pin_block.view()));
    }
    put_time_fields(message, request.local_time);
    auto stan = stan_text(request.stan);
    if (!stan.ok()) return stan.error();
    message.set(field::kStan, *stan);
    auto terminal = terminal_text(request.terminal_id);
    if (!terminal.ok()) return terminal.error();
    message.set(field::kTerminalId, *terminal);
    put_accounts(message, request.from_account, request.to_account);
    return message;
}

Result<Message> to_iso(const ReversalRequest& request) {
    const ProcessingCode* code = processing_code_of(request.original_type);
    if (code == nullptr || !is_financial(request.original_type)) {
        return mapping_error("only a withdrawal, cardless withdrawal or transfer can be reversed");
    }
    if (request.dispensed.currency != request.amount.currency || request.dispensed.minor_units < 0 ||
        request.dispensed.minor_units >= request.amount.minor_units) {
        return mapping_error("the dispensed amount must be below the original amount, in its currency");
    }
    Message message(Mti::ReversalAdvice);
    message.set(field::kProcessingCode, processing_code_text(*code, request.from_type, request.to_type));
    if (request.original_type != TransactionType::CardlessWithdrawal) {
        KIOSK_TRY(put_card(message, request.pan, request.expiry_yymm));
    }
    KIOSK_TRY(put_amount(message, request.amount, "original amount"));
    put_time_fields(message, request.local_time);
    auto stan = stan_text(request.stan);
    auto original_stan = stan_text(request.original_stan);
    if (!stan.ok()) return stan.error();
    if (!original_stan.ok()) return original_stan.error();
    message.set(field::kStan, *stan);
    message.set(field::kResponseCode, std::string(iso_code(request.reason)));
    auto terminal = terminal_text(request.terminal_id);
    if (!terminal.ok()) return terminal.error();
    message.set(field::kTerminalId, *terminal);
    // Original MTI, STAN and transmission time; acquiring and forwarding institution ids unused.
    message.set(field::kOriginalData, mti_text(code->mti) + *original_stan +
                                          transmission_time_text(request.original_time) + std::string(22, '0'));
    // Actual amount, settlement amount, transaction fee, settlement fee (1987 field 95 layout).
    message.set(field::kReplacementAmounts,
                digits(request.dispensed.minor_units, 12) + std::string(12, '0') + "C00000000C00000000");
    put_accounts(message, request.from_account, request.to_account);
    return message;
}

Message echo_request(std::uint32_t stan, std::string_view terminal_id, TimePoint now) {
    Message message(Mti::NetworkRequest);
    message.set(field::kTransmissionTime, transmission_time_text(now));
    message.set(field::kStan, digits(stan % 1'000'000, 6));
    const auto terminal = terminal_text(terminal_id);
    if (terminal.ok()) message.set(field::kTerminalId, *terminal);
    message.set(field::kNetworkCode, "301");
    return message;
}

Result<AuthorizationResponse> authorization_response_from_iso(const Message& reply, const Message& request) {
    auto code = check_reply(reply, request);
    if (!code.ok()) return code.error();
    AuthorizationResponse response;
    response.code = *code;
    auto stan = stan_of(reply);
    if (!stan.ok()) return stan.error();
    response.stan = *stan;
    response.authorization_id = trimmed(required_text(reply, field::kAuthorizationId));
    response.retrieval_reference = trimmed(required_text(reply, field::kRetrievalReference));
    KIOSK_TRY(read_balances(reply, response));
    KIOSK_TRY(read_statement(reply, response));
    return response;
}

Result<ReversalResponse> reversal_response_from_iso(const Message& reply, const Message& request) {
    auto code = check_reply(reply, request);
    if (!code.ok()) return code.error();
    if (reply.get(field::kOriginalData) != request.get(field::kOriginalData)) {
        return mapping_error("reply field 90 (original data elements) does not match the reversal");
    }
    auto stan = stan_of(reply);
    if (!stan.ok()) return stan.error();
    return ReversalResponse{*code, *stan};
}

Status check_echo_response(const Message& reply, const Message& request) {
    if (reply.mti() != Mti::NetworkResponse) return mapping_error("echo reply is not an 0810");
    if (reply.get(field::kStan) != request.get(field::kStan)) return mapping_error("echo reply STAN does not match");
    if (reply.get(field::kResponseCode) != "00") return mapping_error("echo reply is not 00");
    return ok_status();
}

Result<AuthorizationRequest> authorization_request_from_iso(const Message& message, TimePoint reference) {
    auto type = type_of(message);
    if (!type.ok()) return type.error();
    if (processing_code_of(*type)->mti != message.mti()) {
        return mapping_error("MTI " + mti_text(message.mti()) + " does not carry processing code " +
                             std::string(processing_code_of(*type)->code));
    }
    AuthorizationRequest request;
    request.type = *type;
    request.pan = required_text(message, field::kPan);
    request.expiry_yymm = std::string(required_text(message, field::kExpiry));
    request.pin_block = secure_bytes_of(required_text(message, field::kPinBlock));
    request.new_pin_block = secure_bytes_of(required_text(message, field::kNewPinBlock));
    request.one_time_code = required_text(message, field::kOneTimeCode);
    request.phone_number = std::string(required_text(message, field::kPhoneNumber));
    request.from_account = std::string(required_text(message, field::kFromAccount));
    request.to_account = std::string(required_text(message, field::kToAccount));
    KIOSK_TRY(read_account_types(message, request.from_type, request.to_type));
    auto amount = amount_of(message);
    if (!amount.ok()) return amount.error();
    request.amount = *amount;
    KIOSK_TRY(read_origin(message, reference, request));
    return request;
}

Result<ReversalRequest> reversal_request_from_iso(const Message& message, TimePoint reference) {
    if (message.mti() != Mti::ReversalAdvice) return mapping_error("a reversal must be an 0420");
    auto type = type_of(message);
    if (!type.ok()) return type.error();
    ReversalRequest request;
    request.original_type = *type;
    request.pan = required_text(message, field::kPan);
    request.expiry_yymm = std::string(required_text(message, field::kExpiry));
    auto amount = amount_of(message);
    if (!amount.ok()) return amount.error();
    if (!*amount) return mapping_error("field 4 (original amount) is missing");
    request.amount = **amount;
    auto original = required(message, field::kOriginalData);
    if (!original.ok()) return original.error();
    if (original->size() != 42) return mapping_error("field 90 (original data elements) must be 42 digits");
    auto original_stan = parse_digits(original->substr(4, 6), "field 90 (original STAN)");
    if (!original_stan.ok()) return original_stan.error();
    request.original_stan = static_cast<std::uint32_t>(*original_stan);
    auto original_time = parse_transmission_time(original->substr(10, 10), reference);
    if (!original_time.ok()) return original_time.error();
    request.original_time = *original_time;
    request.dispensed = request.amount.with_minor_units(0);
    if (const auto replacement = message.get(field::kReplacementAmounts); replacement && replacement->size() >= 12) {
        auto dispensed = parse_digits(replacement->substr(0, 12), "field 95 (actual amount)");
        if (!dispensed.ok()) return dispensed.error();
        request.dispensed.minor_units = *dispensed;
    }
    const auto reason = reversal_reason_from_iso(required_text(message, field::kResponseCode));
    if (!reason) return mapping_error("field 39 (reversal reason) is missing or unknown");
    request.reason = *reason;
    request.from_account = std::string(required_text(message, field::kFromAccount));
    request.to_account = std::string(required_text(message, field::kToAccount));
    KIOSK_TRY(read_account_types(message, request.from_type, request.to_type));
    KIOSK_TRY(read_origin(message, reference, request));
    return request;
}

Result<Message> to_iso(const AuthorizationResponse& response, const Message& request) {
    const auto reply_mti = response_mti_for(request.mti());
    if (!reply_mti) return mapping_error("cannot answer a response MTI");
    Message reply = reply_skeleton(request, *reply_mti);
    reply.set(field::kResponseCode, std::string(iso_code(response.code)));
    if (!response.authorization_id.empty()) reply.set(field::kAuthorizationId, response.authorization_id);
    if (!response.retrieval_reference.empty()) reply.set(field::kRetrievalReference, response.retrieval_reference);
    KIOSK_TRY(put_balances(reply, response));
    KIOSK_TRY(put_statement(reply, response));
    return reply;
}

Result<Message> to_iso(const ReversalResponse& response, const Message& request) {
    if (request.mti() != Mti::ReversalAdvice) return mapping_error("a reversal response answers an 0420");
    Message reply = reply_skeleton(request, Mti::ReversalAdviceResponse);
    reply.set(field::kResponseCode, std::string(iso_code(response.code)));
    return reply;
}

Result<Message> echo_response(const Message& request) {
    if (request.mti() != Mti::NetworkRequest) return mapping_error("an echo response answers an 0800");
    Message reply = reply_skeleton(request, Mti::NetworkResponse);
    if (const auto code = request.get(field::kNetworkCode)) reply.set(field::kNetworkCode, std::string(*code));
    reply.set(field::kResponseCode, "00");
    return reply;
}

}  // namespace kiosk::host::iso8583
