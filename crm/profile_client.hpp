// ProfileClient: the bank CRM's customer profiles over HTTPS — GET <profiles_url>/<pan_token> with
// the uploader's TLS rules (mutual TLS, pinned keys, connect and total timeouts); 200 with a
// profile (crm/profile_format.hpp, at most 8 KiB), 404 when the bank has none. Anything else — a
// transport failure, another status, a profile that is malformed or too large — is a failure the
// profile channel answers from its cache, or not at all. Runs on the profile channel's worker.
#pragma once

#include <string>

#include "crm/https_client.hpp"
#include "kiosk/runtime/customer_profiles.hpp"
#include "kiosk/runtime/profile_source.hpp"

namespace kiosk::crm {

class ProfileClient final : public CustomerProfiles, public ProfileSource {
public:
    // `profiles_url`: https://…/profiles (no trailing slash needed). Throws as HttpsClient does.
    ProfileClient(std::string profiles_url, TlsSettings tls, HttpTimeouts timeouts);

    Result<std::optional<CustomerProfile>> fetch(std::string_view pan_token) override;
    // CustomerProfiles: a failure reads as "no profile".
    std::optional<CustomerProfile> find(std::string_view pan_token) override;

    // Thread-safe: aborts a request in flight (shutdown).
    void cancel() { client_.cancel(); }

private:
    std::string url_;
    HttpsClient client_;
};

}  // namespace kiosk::crm
