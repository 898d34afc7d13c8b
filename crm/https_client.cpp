// libcurl driven through a multi handle: curl_multi_poll lets cancel() wake the transfer from
// another thread (curl_multi_wakeup), which a plain curl_easy_perform could not.
#include "crm/https_client.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <stdexcept>
#include <string_view>

#include "security/tls_policy.hpp"

namespace kiosk::crm {
namespace {

struct TransferState {
    HttpResponse response;
    bool body_too_large = false;
    security::HandshakeObserver handshake;  // for naming why a server was refused
    std::string policy_failure;                  // set when the TLS policy could not be applied
};

// libcurl (OpenSSL backend) hands over each new connection's SSL_CTX before the handshake: the one
// place the shared policy (security/tls_policy.hpp) is applied, so curl and raw clients agree.
CURLcode on_ssl_context(CURL* /*easy*/, void* ssl_context, void* user) noexcept {
    auto* state = static_cast<TransferState*>(user);
    auto& context = *static_cast<SSL_CTX*>(ssl_context);
    const Status applied = security::apply_client_tls_policy(context);
    if (!applied.ok()) {
        try {
            state->policy_failure = applied.error().message;
        } catch (...) {
        }
        return CURLE_SSL_CIPHER;
    }
    security::observe_handshake(context, state->handshake);
    return CURLE_OK;
}

// Called from libcurl (C): nothing may throw out of them; returning a short count aborts the transfer.
std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) noexcept {
    auto* state = static_cast<TransferState*>(user);
    const std::size_t bytes = size * count;
    if (state->response.body.size() + bytes > HttpsClient::max_body_bytes) {
        state->body_too_large = true;
        return 0;  // CURLE_WRITE_ERROR
    }
    try {
        state->response.body.append(data, bytes);
    } catch (...) {
        return 0;
    }
    return bytes;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

std::string_view trim(std::string_view text) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) noexcept {
    auto* state = static_cast<TransferState*>(user);
    const std::size_t bytes = size * count;
    const std::string_view line(data, bytes);
    try {
        // A new status line starts a new response (after a 100 Continue): forget the old headers.
        if (starts_with_ignoring_case(line, "HTTP/")) state->response.retry_after.clear();
        constexpr std::string_view retry_after = "Retry-After:";
        if (starts_with_ignoring_case(line, retry_after)) {
            state->response.retry_after = std::string(trim(line.substr(retry_after.size())));
        }
    } catch (...) {
        return 0;
    }
    return bytes;
}

// libcurl reads 0 as "no timeout": never let a zero or negative setting disable the bound.
long to_long(Millis duration) { return static_cast<long>(std::max<Millis::rep>(duration.count(), 1)); }

// Why a transfer failed, in the technician's words; the reasons TLS policy can give come first.
std::string describe_failure(CURLcode code, const TlsSettings& tls, const HttpTimeouts& timeouts,
                             const TransferState& state) {
    if (!state.policy_failure.empty()) return "cannot apply the kiosk's TLS policy: " + state.policy_failure;
    if (code != CURLE_OK && code != CURLE_OPERATION_TIMEDOUT && code != CURLE_PEER_FAILED_VERIFICATION &&
        code != CURLE_SSL_PINNEDPUBKEYNOTMATCH) {
        std::string refusal = security::describe_handshake_refusal(state.handshake, !tls.client_cert_file.empty());
        if (!refusal.empty()) return refusal;
    }
    switch (code) {
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            // Say it outright: a pin mismatch is either an interception attempt or a CRM key
            // rotation nobody shipped a backup pin for — a technician must know which to chase.
            return "the server's public key matches none of the pinned keys (" + tls.pinned_public_keys +
                   "); the connection was closed before any data was sent";
        case CURLE_PEER_FAILED_VERIFICATION:
            return "the server's certificate was refused (verified against " + tls.ca_file +
                   " with the kiosk's own clock; see the reason after the dash)";
        case CURLE_OPERATION_TIMEDOUT:
            return "timed out (connect timeout " + std::to_string(timeouts.connect.count()) + " ms, total timeout " +
                   std::to_string(timeouts.total.count()) + " ms)";
        case CURLE_WRITE_ERROR:
            if (state.body_too_large) {
                return "the answer is larger than " + std::to_string(HttpsClient::max_body_bytes) + " bytes";
            }
            return curl_easy_strerror(code);
        default:
            return curl_easy_strerror(code);
    }
}

Error transfer_error(std::string_view method, const std::string& url, CURLcode code, const char* detail,
                     const TlsSettings& tls, const HttpTimeouts& timeouts, const TransferState& state) {
    std::string message = std::string(method) + " " + url + " failed: " + describe_failure(code, tls, timeouts, state);
    if (detail != nullptr && detail[0] != '\0') message += std::string(" — ") + detail;
    return make_error("curl", message, static_cast<int>(code));
}

}  // namespace

void ensure_curl_initialized() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

HttpsClient::HttpsClient(TlsSettings tls, HttpTimeouts timeouts) : tls_(std::move(tls)), timeouts_(timeouts) {
    ensure_curl_initialized();
    multi_.reset(curl_multi_init());
    if (!multi_) throw std::runtime_error("libcurl: cannot create a multi handle");
}

HttpsClient::~HttpsClient() = default;

void HttpsClient::cancel() {
    cancelled_.store(true);
    curl_multi_wakeup(multi_.get());  // documented as callable from any thread
}

void HttpsClient::resume() { cancelled_.store(false); }

Result<HttpResponse> HttpsClient::post_json(const std::string& url, const std::string& body) {
    return transfer("POST", url, &body);
}

Result<HttpResponse> HttpsClient::get(const std::string& url) { return transfer("GET", url, nullptr); }

Result<HttpResponse> HttpsClient::transfer(std::string_view method_name, const std::string& url,
                                           const std::string* body) {
    const std::string method(method_name);
    if (cancelled_.load()) return make_error("curl", method + " " + url + " not sent: the client was stopped");
    CurlEasy easy(curl_easy_init());
    if (!easy) return make_error("curl", method + " " + url + " not sent: cannot create a curl handle");

    CurlSlist headers;
    // "Expect:" — no 100-continue round trip on big batches.
    const std::initializer_list<const char*> post_headers{"Content-Type: application/json", "Accept: application/json",
                                                          "Expect:"};
    const std::initializer_list<const char*> get_headers{"Accept: application/json"};
    for (const char* header : body != nullptr ? post_headers : get_headers) {
        curl_slist* appended = curl_slist_append(headers.get(), header);
        if (appended == nullptr) return make_error("curl", method + " " + url + " not sent: out of memory");
        static_cast<void>(headers.release());
        headers.reset(appended);
    }

    TransferState state;
    char error_buffer[CURL_ERROR_SIZE] = {};
    CURL* handle = easy.get();
    const auto set = [&](CURLoption option, auto value) {
        return curl_easy_setopt(handle, option, value) == CURLE_OK;
    };
    bool configured = set(CURLOPT_URL, url.c_str()) && set(CURLOPT_PROTOCOLS_STR, "https") &&
                      set(CURLOPT_FOLLOWLOCATION, 0L) && set(CURLOPT_NOSIGNAL, 1L) &&
                      set(CURLOPT_ERRORBUFFER, static_cast<char*>(error_buffer)) &&
                      set(CURLOPT_PROXY, tls_.proxy.c_str()) &&
                      (body != nullptr ? set(CURLOPT_POST, 1L) && set(CURLOPT_POSTFIELDS, body->data()) &&
                                             set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()))
                                       : set(CURLOPT_HTTPGET, 1L)) &&
                      set(CURLOPT_HTTPHEADER, headers.get()) &&
                      set(CURLOPT_WRITEFUNCTION, &on_body) && set(CURLOPT_WRITEDATA, static_cast<void*>(&state)) &&
                      set(CURLOPT_HEADERFUNCTION, &on_header) &&
                      set(CURLOPT_HEADERDATA, static_cast<void*>(&state)) &&
                      set(CURLOPT_CONNECTTIMEOUT_MS, to_long(timeouts_.connect)) &&
                      set(CURLOPT_TIMEOUT_MS, to_long(timeouts_.total)) &&
                      // TLS: 1.2 or later (no fallback), peer and host name verified, our CA only.
                      set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2)) &&
                      set(CURLOPT_SSL_VERIFYPEER, 1L) && set(CURLOPT_SSL_VERIFYHOST, 2L) &&
                      set(CURLOPT_CAINFO, tls_.ca_file.c_str()) &&
                      set(CURLOPT_CAPATH, static_cast<const char*>(nullptr)) &&
                      // TLS 1.3 preferred, 1.2 suites forward-secret AEAD only, no renegotiation.
                      set(CURLOPT_SSL_CTX_FUNCTION, &on_ssl_context) &&
                      set(CURLOPT_SSL_CTX_DATA, static_cast<void*>(&state));
    if (configured && !tls_.client_cert_file.empty()) {
        configured = set(CURLOPT_SSLCERT, tls_.client_cert_file.c_str()) && set(CURLOPT_SSLCERTTYPE, "PEM") &&
                     set(CURLOPT_SSLKEY, tls_.client_key_file.c_str()) && set(CURLOPT_SSLKEYTYPE, "PEM");
        if (configured && !tls_.client_key_password.empty()) {
            configured = set(CURLOPT_KEYPASSWD, tls_.client_key_password.c_str());
        }
    }
    if (configured && !tls_.pinned_public_keys.empty()) {
        configured = set(CURLOPT_PINNEDPUBLICKEY, tls_.pinned_public_keys.c_str());
    }
    if (!configured) {
        return make_error("curl", method + " " + url + " not sent: libcurl refused an option — " + error_buffer);
    }

    auto code = run_transfer(handle);
    if (!code) return make_error("curl", method + " " + url + " " + code.error().message, code.error().native_code);
    if (*code != CURLE_OK) {
        return transfer_error(method, url, *code, error_buffer, tls_, timeouts_, state);
    }
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &state.response.status);
    return std::move(state.response);
}

Result<CURLcode> HttpsClient::run_transfer(CURL* easy) {
    CurlMultiAttachment attachment(multi_.get(), easy);
    if (!attachment.attached()) return make_error("curl", "not sent: curl_multi_add_handle failed");
    int running = 1;
    while (running > 0) {
        if (cancelled_.load()) {
            return make_error("curl", "aborted: the client was stopped", static_cast<int>(CURLE_ABORTED_BY_CALLBACK));
        }
        CURLMcode status = curl_multi_perform(multi_.get(), &running);
        if (status != CURLM_OK) return make_error("curl", std::string("failed: ") + curl_multi_strerror(status));
        if (running == 0) break;
        // Waits for socket activity, libcurl's own timers (the timeouts) or cancel()'s wakeup.
        status = curl_multi_poll(multi_.get(), nullptr, 0, 1000, nullptr);
        if (status != CURLM_OK) return make_error("curl", std::string("failed: ") + curl_multi_strerror(status));
    }
    CURLcode result = CURLE_OK;
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi_.get(), &left)) {
        if (message->msg == CURLMSG_DONE && message->easy_handle == easy) result = message->data.result;
    }
    return result;
}

}  // namespace kiosk::crm
