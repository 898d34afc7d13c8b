// HTTPS POST of a JSON body (and GET of a JSON document) over libcurl with the terminal's TLS rules (PCI DSS 4.2.1): TLS 1.2 or
// later, the peer verified against our own CA file, optional mTLS and public-key pinning, and a
// connect and a total timeout on every request, so no call can hang the uploader.
#pragma once

#include <atomic>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "crm/curl_handles.hpp"

namespace kiosk::crm {

struct TlsSettings {
    std::string ca_file;              // PEM trust anchors for the CRM; the system store is NOT used
    std::string client_cert_file;     // PEM, for mTLS; empty = no client certificate
    std::string client_key_file;      // PEM private key matching client_cert_file
    std::string client_key_password;  // empty = unencrypted key
    // "sha256//<base64>" or several joined by ';' (ship a backup pin so a key rotation on the CRM
    // side does not strand kiosks). Empty = no pinning, CA verification only.
    std::string pinned_public_keys;
    // Empty = connect directly and ignore http(s)_proxy in the environment; otherwise e.g.
    // "http://proxy.bank.local:3128".
    std::string proxy;
};

struct HttpTimeouts {
    Millis connect{5'000};  // TCP + TLS handshake
    Millis total{30'000};   // the whole request, answer included
};

struct HttpResponse {
    long status = 0;          // HTTP status code
    std::string body;         // at most HttpsClient::max_body_bytes
    std::string retry_after;  // raw Retry-After header value, empty when absent
};

class HttpsClient {
public:
    static constexpr std::size_t max_body_bytes = 1U << 20U;  // a CRM answer is a few KiB

    // Throws std::runtime_error only if libcurl cannot allocate its handles (start-up failure).
    HttpsClient(TlsSettings tls, HttpTimeouts timeouts);
    ~HttpsClient();
    HttpsClient(const HttpsClient&) = delete;
    HttpsClient& operator=(const HttpsClient&) = delete;

    // One POST with Content-Type application/json. Any HTTP status is a successful Result; a
    // transport or TLS failure is an Error of domain "curl" naming the URL, with the CURLcode in
    // native_code. Not thread-safe: one request at a time per client.
    Result<HttpResponse> post_json(const std::string& url, const std::string& body);
    // One GET (Accept: application/json) under the same TLS rules, timeouts and answer size bound.
    Result<HttpResponse> get(const std::string& url);

    // Thread-safe. Aborts the request in flight at once and fails every later one until resume():
    // this is how Uploader::stop() stays prompt while a request waits on a slow server.
    void cancel();
    void resume();

private:
    Result<HttpResponse> transfer(std::string_view method, const std::string& url, const std::string* body);
    Result<CURLcode> run_transfer(CURL* easy);

    TlsSettings tls_;
    HttpTimeouts timeouts_;
    CurlMulti multi_;  // also the connection cache, so consecutive batches reuse one TLS session
    std::atomic<bool> cancelled_{false};
};

}  // namespace kiosk::crm
