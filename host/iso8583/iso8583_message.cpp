#include "host/iso8583/iso8583_message.hpp"

namespace kiosk::host::iso8583 {

std::string mti_text(Mti mti) {
    const auto number = static_cast<unsigned>(mti);
    std::string text = std::to_string(number);
    return std::string(4 - text.size(), '0') + text;
}

Result<Mti> parse_mti(std::string_view text) {
    for (const Mti mti : {Mti::AuthorizationRequest, Mti::AuthorizationResponse, Mti::FinancialRequest,
                          Mti::FinancialResponse, Mti::ReversalAdvice, Mti::ReversalAdviceResponse,
                          Mti::ReconciliationRequest, Mti::ReconciliationResponse,
                          Mti::NetworkRequest, Mti::NetworkResponse}) {
        if (text == mti_text(mti)) return mti;
    }
    std::string shown;
    for (const char c : text) shown += (c >= 0x20 && c < 0x7F) ? c : '?';
    return make_error("iso8583", "unknown MTI \"" + shown + "\"");
}

std::optional<Mti> response_mti_for(Mti request) {
    switch (request) {
        case Mti::AuthorizationRequest: return Mti::AuthorizationResponse;
        case Mti::FinancialRequest: return Mti::FinancialResponse;
        case Mti::ReversalAdvice: return Mti::ReversalAdviceResponse;
        case Mti::ReconciliationRequest: return Mti::ReconciliationResponse;
        case Mti::NetworkRequest: return Mti::NetworkResponse;
        default: return std::nullopt;
    }
}

void Message::set(int field, SecureString value) { fields_[field] = std::move(value); }

void Message::erase(int field) { fields_.erase(field); }

std::optional<std::string_view> Message::get(int field) const {
    const auto found = fields_.find(field);
    if (found == fields_.end()) return std::nullopt;
    return found->second.view();
}

}  // namespace kiosk::host::iso8583
