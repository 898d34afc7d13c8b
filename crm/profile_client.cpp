#include "crm/profile_client.hpp"

#include <cctype>

#include "crm/profile_format.hpp"

namespace kiosk::crm {

namespace {

// A token is hex (security/pan.hpp); anything else is not put into a URL.
bool url_safe(std::string_view token) {
    if (token.empty() || token.size() > 128) return false;
    for (const char c : token) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '_') return false;
    }
    return true;
}

}  // namespace

ProfileClient::ProfileClient(std::string profiles_url, TlsSettings tls, HttpTimeouts timeouts)
    : url_(std::move(profiles_url)), client_(std::move(tls), timeouts) {
    while (!url_.empty() && url_.back() == '/') url_.pop_back();
}

Result<std::optional<CustomerProfile>> ProfileClient::fetch(std::string_view pan_token) {
    if (!url_safe(pan_token)) return make_error("crm", "profile not asked: the card token is not URL-safe");
    auto answer = client_.get(url_ + "/" + std::string(pan_token));
    if (!answer.ok()) return answer.error();
    if (answer->status == 404) return std::optional<CustomerProfile>{};
    if (answer->status != 200) {
        return make_error("crm", "profile answer refused: HTTP " + std::to_string(answer->status));
    }
    auto profile = decode_profile(answer->body);
    if (!profile.ok()) return profile.error();
    return std::optional<CustomerProfile>(std::move(*profile));
}

std::optional<CustomerProfile> ProfileClient::find(std::string_view pan_token) {
    auto profile = fetch(pan_token);
    if (!profile.ok()) return std::nullopt;
    return std::move(*profile);
}

}  // namespace kiosk::crm
