#include "common/async/completion.hpp"

namespace kiosk {

std::string_view to_string(CompletionCode code) {
    switch (code) {
        case CompletionCode::success: return "success";
        case CompletionCode::canceled: return "canceled";
        case CompletionCode::timeOut: return "timeOut";
        case CompletionCode::deviceNotReady: return "deviceNotReady";
        case CompletionCode::hardwareError: return "hardwareError";
        case CompletionCode::userError: return "userError";
        case CompletionCode::fraudAttempt: return "fraudAttempt";
        case CompletionCode::unsupportedCommand: return "unsupportedCommand";
        case CompletionCode::invalidData: return "invalidData";
        case CompletionCode::sequenceError: return "sequenceError";
    }
    return "unknown";
}

CompletionCode completion_code_of(const Error& error) {
    // The words are the transports' shared vocabulary (drivers/transport.hpp); common cannot
    // include drivers, so they are matched here by their text.
    const std::string& text = error.message;
    if (text == "timeout" || text.find("timeout") != std::string::npos) return CompletionCode::timeOut;
    if (text == "disconnected" || text.find("disconnected") != std::string::npos ||
        text.find("not connected") != std::string::npos || text.find("offline") != std::string::npos) {
        return CompletionCode::deviceNotReady;
    }
    if (text.find("malformed") != std::string::npos || text.find("invalid") != std::string::npos) {
        return CompletionCode::invalidData;
    }
    if (text.find("sequence") != std::string::npos) return CompletionCode::sequenceError;
    if (text.find("unsupported") != std::string::npos) return CompletionCode::unsupportedCommand;
    return CompletionCode::hardwareError;
}

}  // namespace kiosk
